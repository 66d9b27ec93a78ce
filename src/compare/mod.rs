//! Comparison: claims in, alignments and verdicts out; pure, no I/O.

pub mod claim;
