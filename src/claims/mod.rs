//! Claim parts read from one sentence: time expressions.
pub mod time;
