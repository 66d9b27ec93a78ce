//! The comparator: claims in, alignments and verdicts out. Pure: it reads a
//! finished [`Analysis`](crate::analysis::Analysis) and formats nothing.
//!
//! [`align`] lines up claims about the same event and gives verdicts per
//! slot; [`drift`] finds the same quote worded differently; [`copies`]
//! finds articles that are near-copies of one text; [`claim`] says
//! what each article does with one given claim (`compare --claim`). Their
//! output types are in [`model`], below the analysis that holds them.

pub mod align;
pub mod blocks;
pub mod claim;
pub mod copies;
pub mod drift;
pub mod model;
pub mod story;

pub use model::Comparison;

/// Compares the claims and quotes of an analysed article set.
pub fn compare(analysis: &crate::analysis::Analysis) -> Comparison {
    let drifts = drift::find(analysis);
    Comparison {
        alignments: align::align(analysis),
        drifts: drifts.drifts,
        drifts_unchecked: drifts.unchecked,
        conflicts: story::conflicts(analysis),
    }
}
