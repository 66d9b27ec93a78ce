//! Entity resolution: the names a text uses, resolved to the places, people
//! and organisations they stand for, across the whole article set.
//!
//! [`gazetteer`] knows places; [`names`] decides when two spellings are one
//! person's; [`entities`] builds the table of canonical entities;
//! [`stories`] cuts the set into the stories its articles tell.

pub mod entities;
pub mod gazetteer;
pub mod names;
pub mod stories;
