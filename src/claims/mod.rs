//! Claim parts read from one sentence: time expressions and quantities.
pub mod quantity;
pub mod time;
