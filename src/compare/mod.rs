//! The comparator: claims in, alignments and verdicts out. Pure: it reads a
//! finished [`Analysis`](crate::run::Analysis) and formats nothing.
//!
//! [`align`] lines up claims about the same event and gives verdicts per
//! slot; [`drift`] finds the same quote worded differently; [`claim`] says
//! what each article does with one given claim (`compare --claim`).

pub mod align;
pub mod blocks;
pub mod claim;
pub mod drift;

use serde::Serialize;

/// Everything the comparator found in an article set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    pub alignments: Vec<align::Alignment>,
    pub drifts: Vec<drift::Drift>,
}

/// Compares the claims and quotes of an analysed article set.
pub fn compare(analysis: &crate::run::Analysis) -> Comparison {
    Comparison {
        alignments: align::align(analysis),
        drifts: drift::drifts(analysis),
    }
}
