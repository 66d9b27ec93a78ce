//! Entity resolution: the names a text uses, resolved to the places (and, later,
//! the people and organisations) they stand for.

pub mod gazetteer;
