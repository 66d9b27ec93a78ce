//! A token stream that nom can parse: the attribution rules are nom parsers
//! over words, not over characters.

use super::marks::{Tok, TokKind};
use nom::error::{ErrorKind, ParseError};
use nom::{Err, IResult, Input, Needed};

/// A token with its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lex<'a> {
    pub tok: Tok,
    pub s: &'a str,
    /// Index of the token in its paragraph.
    pub index: usize,
    /// Word classes ([`super::lexicon::class`]), computed once.
    pub class: u32,
}

impl Lex<'_> {
    /// Whether the token is a word of any of the classes in `bits`.
    pub fn has(&self, bits: u32) -> bool {
        self.class & bits != 0
    }

    pub fn is_word(&self) -> bool {
        self.tok.kind == TokKind::Word
    }

    /// Case-insensitive comparison with an ASCII word.
    pub fn is(&self, w: &str) -> bool {
        self.is_word() && self.s.eq_ignore_ascii_case(w)
    }

    pub fn is_capitalised(&self) -> bool {
        self.is_word() && self.s.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_lower(&self) -> bool {
        self.is_word() && self.s.chars().next().is_some_and(char::is_lowercase)
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.tok.kind == TokKind::Punct(c)
    }

    pub fn is_mark(&self) -> bool {
        matches!(self.tok.kind, TokKind::Mark(_))
    }
}

/// A slice of tokens as nom input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stream<'a>(pub &'a [Lex<'a>]);

impl<'a> Stream<'a> {
    pub fn first(&self) -> Option<&'a Lex<'a>> {
        self.0.first()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> Input for Stream<'a> {
    type Item = &'a Lex<'a>;
    type Iter = std::slice::Iter<'a, Lex<'a>>;
    type IterIndices = std::iter::Enumerate<Self::Iter>;

    fn input_len(&self) -> usize {
        self.0.len()
    }

    fn take(&self, index: usize) -> Self {
        Stream(&self.0[..index])
    }

    fn take_from(&self, index: usize) -> Self {
        Stream(&self.0[index..])
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        let (prefix, suffix) = self.0.split_at(index);
        (Stream(suffix), Stream(prefix))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.0.iter().position(predicate)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.0.iter()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.0.iter().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.0.len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.0.len()))
        }
    }
}

pub type PResult<'a, O> = IResult<Stream<'a>, O, nom::error::Error<Stream<'a>>>;

/// One token satisfying `pred`.
pub fn tok<'a>(pred: impl Fn(&Lex<'a>) -> bool) -> impl Fn(Stream<'a>) -> PResult<'a, &'a Lex<'a>> {
    move |input: Stream<'a>| match input.0.first() {
        Some(t) if pred(t) => Ok((Stream(&input.0[1..]), t)),
        _ => Err(Err::Error(nom::error::Error::from_error_kind(
            input,
            ErrorKind::Verify,
        ))),
    }
}

/// One word equal to `w` (ASCII case-insensitive).
pub fn word<'a>(w: &'static str) -> impl Fn(Stream<'a>) -> PResult<'a, &'a Lex<'a>> {
    tok(move |t| t.is(w))
}

/// One punctuation character.
pub fn punct<'a>(c: char) -> impl Fn(Stream<'a>) -> PResult<'a, &'a Lex<'a>> {
    tok(move |t| t.is_punct(c))
}

/// A failure at `input`.
pub fn fail<'a, O>(input: Stream<'a>) -> PResult<'a, O> {
    Err(Err::Error(nom::error::Error::from_error_kind(
        input,
        ErrorKind::Verify,
    )))
}
