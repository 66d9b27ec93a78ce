//! Entity resolution: the names a text uses, resolved to the places, people
//! and organisations they stand for, across the whole article set.
//!
//! [`gazetteer`] knows places; [`names`] decides when two spellings are one
//! person's; [`entities`] builds the table of canonical entities.

pub mod entities;
pub mod gazetteer;
pub mod names;
