//! The quotation grammar: article text in, statements and parse issues out.
//!
//! Pure and total: no I/O, never fails, never panics; an unbalanced quote is a
//! [`ParseIssue`] with a span, not an error. Work is linear in the text: marks
//! are paired with a bounded stack, and every attribution rule looks at a
//! bounded window of tokens. The rules are listed in GRAMMAR.md.

pub mod attribution;
pub mod clauses;
pub mod lexicon;
pub mod marks;
pub mod stream;

use crate::article::{Article, Span};
use crate::segment::Segmented;
use attribution::{Attr, Np, Run};
use lexicon::Lexicon;
use marks::{Family, MarkIssue, Pair, Tok, TokKind};
use nom::Parser;
use serde::{Deserialize, Serialize};
use stream::{Lex, Stream};

/// What kind of statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A full quoted statement.
    Direct,
    /// A quoted fragment woven into reported speech.
    Partial,
    /// A term held at a distance, with no speaker.
    Scare,
    /// Reported speech without quote marks ("X said that …").
    Indirect,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Scare => "scare",
            Kind::Indirect => "indirect",
        }
    }
}

/// A quote inside a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nested {
    pub span: Span,
    pub kind: Kind,
}

/// One statement found in the text, before speaker resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub kind: Kind,
    /// The statement without its marks (for a multi-paragraph quote, from the
    /// first part's start to the last part's end).
    pub span: Span,
    /// One span per paragraph of a multi-paragraph quote; else just `span`.
    pub parts: Vec<Span>,
    /// The speaker's words in the text.
    pub speaker: Option<Span>,
    /// Whether the speaker words are a pronoun.
    pub pronoun: bool,
    /// The cue words ("said", "told", "according to").
    pub cue: Option<Span>,
    /// Who relayed the statement ("RT news" … "quoting Medinsky"), nearest
    /// the speaker.
    pub reporter: Option<Span>,
    /// Reporters further out, outermost first: in "AFP reported, citing RIA,
    /// that Lukashenko said …", AFP (RIA is the `reporter`).
    pub outer: Vec<Span>,
    /// The medium the words came in: "a video message", "a statement".
    pub medium: Option<Span>,
    /// Whom the words were said to: "Reuters" in "told Reuters".
    pub addressee: Option<Span>,
    /// Quotes inside this statement.
    pub nested: Vec<Nested>,
    /// The speaker was carried over from the previous quote.
    pub inherited: bool,
    /// For a speaker "it", "they" or "we": the noun phrase it stands for, when
    /// the same sentence names it before ("The team …, where it said").
    pub antecedent: Option<Span>,
    /// The paragraph the statement starts in.
    pub paragraph: usize,
}

/// A problem found while parsing; the later `unbalanced-quote` rule reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseIssue {
    pub kind: IssueKind,
    /// The offending mark.
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IssueKind {
    /// An opening mark that never closes.
    UnclosedQuote,
    /// A closing mark with no opening mark.
    UnopenedQuote,
    /// Nesting deeper than the limit.
    NestingTooDeep,
}

/// Everything the grammar found in one article.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub statements: Vec<Statement>,
    pub issues: Vec<ParseIssue>,
    /// Every token of the article outside excluded regions, paragraph after
    /// paragraph (later stages read them instead of tokenizing again).
    pub tokens: Vec<Tok>,
    /// The range of [`Parsed::tokens`] of each paragraph.
    pub paragraph_tokens: Vec<std::ops::Range<usize>>,
    /// The word classes ([`lexicon::class`]) of each token; 0 for punctuation.
    pub classes: Vec<u32>,
}

/// Parses the article's paragraphs.
pub fn parse(article: &Article, seg: &Segmented, lex: &Lexicon) -> Parsed {
    let text = article.text.as_str();
    let skip: Vec<Span> = article.excluded.iter().map(|e| e.span).collect();
    let mut out = Parsed::default();
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut lexes: Vec<Lex> = Vec::new();
    let mut ranges = Vec::with_capacity(seg.paragraphs.len());
    // A quote left open at the end of the previous paragraph: its parts so far.
    let mut carry: Option<Carry> = None;
    // "Cruz continued:" at the end of a paragraph speaks for the quote that
    // opens the next one.
    let mut colon: Option<Said> = None;
    for (p, para) in seg.paragraphs.iter().enumerate() {
        let first = toks.len();
        marks::tokenize(text, para.span, &skip, &mut toks);
        ranges.push(first..toks.len());
        let para_toks = &toks[first..];
        lexes.clear();
        lexes.reserve(para_toks.len());
        lexes.extend(para_toks.iter().enumerate().map(|(i, t)| {
            let s = &text[t.start..t.end];
            let class = if t.kind == TokKind::Word {
                lex.classify(s)
            } else {
                0
            };
            Lex {
                tok: *t,
                s,
                index: i,
                class,
            }
        }));
        out.classes.extend(lexes.iter().map(|l| l.class));
        let pairing = marks::pair(text, para_toks);
        let mut ctx = Para {
            text,
            lexes: &lexes,
            lex,
            seg,
            p,
            out: &mut out,
            colon: colon.take(),
            continued_until: 0,
            cue_memo: Default::default(),
        };
        carry = ctx.run(&pairing, carry.take());
        colon = ctx.colon_attr();
    }
    if let Some(c) = carry {
        out.issues.push(ParseIssue {
            kind: IssueKind::UnclosedQuote,
            span: c.open_mark,
        });
        out.statements.push(c.into_statement());
    }
    // A quote with no words in it is no statement.
    out.statements.retain(|s| !s.span.is_empty());
    out.statements.sort_by_key(|s| (s.span.start, s.span.end));
    out.tokens = toks;
    out.paragraph_tokens = ranges;
    out
}

/// A multi-paragraph quote in progress.
#[derive(Debug)]
struct Carry {
    parts: Vec<Span>,
    open_mark: Span,
    attr: Option<(Span, bool, Span, Option<Span>)>,
    paragraph: usize,
    /// Captions and crossheads stepped over since the quote opened.
    skipped: usize,
}

impl Carry {
    fn into_statement(mut self) -> Statement {
        // Paragraphs that hold only the re-opening mark add no words.
        if self.parts.iter().any(|p| !p.is_empty()) {
            self.parts.retain(|p| !p.is_empty());
        }
        let span = Span::new(self.parts[0].start, self.parts[self.parts.len() - 1].end);
        let (speaker, pronoun, cue, reporter) = match self.attr {
            Some((s, p, c, r)) => (Some(s), p, Some(c), r),
            None => (None, false, None, None),
        };
        Statement {
            kind: Kind::Direct,
            span,
            parts: self.parts,
            speaker,
            pronoun,
            cue,
            reporter,
            nested: Vec::new(),
            inherited: false,
            outer: Vec::new(),
            medium: None,
            addressee: None,
            antecedent: None,
            paragraph: self.paragraph,
        }
    }
}

struct Para<'a, 'o> {
    text: &'a str,
    lexes: &'a [Lex<'a>],
    lex: &'a Lexicon,
    seg: &'a Segmented,
    p: usize,
    out: &'o mut Parsed,
    colon: Option<Said>,
    /// Tokens before this index close a quote opened in an earlier paragraph.
    continued_until: usize,
    /// Sentence start token → whether the sentence has a reporting cue.
    cue_memo: std::cell::RefCell<rustc_hash::FxHashMap<usize, (usize, bool)>>,
}

/// An attribution resolved to spans, carried from one paragraph to the next.
#[derive(Debug, Clone, Copy)]
struct Said {
    speaker: Span,
    pronoun: bool,
    cue: Span,
    reporter: Option<Span>,
    antecedent: Option<Span>,
}

/// A top-level quote of the paragraph, by mark token indices.
#[derive(Debug, Clone, Copy)]
struct Quote {
    open: usize,
    /// `None` when the quote runs to the end of the paragraph.
    close: Option<usize>,
}

impl<'a> Para<'a, '_> {
    fn span_of(&self, run: Run) -> Span {
        Span::new(
            self.lexes[run.first].tok.start,
            self.lexes[run.last].tok.end,
        )
    }

    fn np_span(&self, np: Np) -> Span {
        self.span_of(np.run)
    }

    /// Content of a quote between its marks, trimmed of white space.
    /// From the first token inside the marks to the last, so that white space
    /// and excluded regions at either end are left out.
    fn content(&self, q: Quote) -> Span {
        let close = q.close.unwrap_or(self.lexes.len());
        if close <= q.open + 1 {
            let at = self.lexes[q.open].tok.end;
            return Span::new(at, at);
        }
        Span::new(
            self.lexes[q.open + 1].tok.start,
            self.lexes[close - 1].tok.end,
        )
    }

    /// Narrows reported content `j..e` so that it never cuts a quote in two:
    /// a quote that opens inside and closes outside ends the content before
    /// it; one that opens before and closes inside starts it after.
    fn fit(&self, mut j: usize, mut e: usize, quoted: &Quoted) -> (usize, usize) {
        if let Some(&(o, c)) = quoted.opening_in(j, e).last()
            && c >= e
        {
            e = o;
        }
        if let Some((_, c)) = quoted.before(j)
            && c >= j
            && c < e
        {
            j = c + 1;
        }
        while e > j && !(self.lexes[e - 1].is_word() || self.lexes[e - 1].is_mark()) {
            e -= 1;
        }
        (j, e)
    }

    fn run(&mut self, pairing: &marks::Pairing, carry: Option<Carry>) -> Option<Carry> {
        let first_new = self.out.statements.len();
        let carried = self.run_quotes(pairing, carry);
        let mut added = std::mem::take(&mut self.out.statements);
        for st in &mut added[first_new..] {
            if st.paragraph == self.p {
                self.circumstances(st);
            }
        }
        self.out.statements = added;
        carried
    }

    /// Whether the paragraph is a caption, a credit or a crosshead: nothing
    /// left once furniture is excluded, or a short line with no quote mark
    /// that does not end a sentence.
    fn is_caption(&self) -> bool {
        let lexes = self.lexes;
        let Some(last) = lexes.last() else {
            return true;
        };
        let words = lexes.iter().filter(|t| t.is_word()).count();
        words <= 30
            && !lexes.iter().any(|t| t.is_mark())
            && !(last.is_punct('.')
                || last.is_punct('!')
                || last.is_punct('?')
                || last.is_punct(':'))
    }

    fn run_quotes(&mut self, pairing: &marks::Pairing, carry: Option<Carry>) -> Option<Carry> {
        let lexes = self.lexes;
        for issue in &pairing.issues {
            let (kind, i) = match *issue {
                MarkIssue::Unclosed(i) => (IssueKind::UnclosedQuote, i),
                MarkIssue::Unopened(i) => (IssueKind::UnopenedQuote, i),
                MarkIssue::TooDeep(i) => (IssueKind::NestingTooDeep, i),
            };
            self.out.issues.push(ParseIssue {
                kind,
                span: lexes[i].tok.span(),
            });
        }
        let mut quotes: Vec<Quote> = pairing
            .pairs
            .iter()
            .filter(|p| p.depth == 0)
            .map(|p| Quote {
                open: p.open,
                close: Some(p.close),
            })
            .collect();
        let dangling = pairing.open_at_end.first().copied();
        if let Some(o) = dangling {
            quotes.push(Quote {
                open: o,
                close: None,
            });
        }
        quotes.sort_by_key(|q| q.open);

        // Continue a multi-paragraph quote if this paragraph opens with a mark.
        let mut carry = carry;
        let mut skip_first = None;
        if let Some(mut c) = carry.take() {
            let opens_here = quotes.first().filter(|q| {
                q.open == 0
                    && matches!(lexes[0].tok.kind, TokKind::Mark(g) if g.family == Family::Double)
            });
            match opens_here {
                Some(&q) => {
                    c.parts.push(self.content(q));
                    if q.close.is_none() {
                        return Some(c);
                    }
                    let mut st = c.into_statement();
                    if st.speaker.is_none()
                        && let Some(a) = self.after(q)
                    {
                        st.speaker = Some(self.np_span(a.speaker));
                        st.pronoun = a.speaker.pronoun;
                        st.cue = Some(self.span_of(a.cue));
                        st.reporter = a.reporter.map(|r| self.np_span(r));
                    }
                    self.out.statements.push(st);
                    skip_first = Some(q.open);
                    // What the quote from the paragraphs before says is its
                    // own; no reported content of this paragraph starts in it.
                    self.continued_until = q.close.map_or(0, |c| c + 1);
                }
                // A photo caption or a crosshead inside a quote that runs on
                // ("… in minutes.¶ Firefighters at the quay (Photo: …)¶
                // “Nobody was hurt …”"): the quote steps over it.
                None if c.skipped < 2 && self.is_caption() => {
                    c.skipped += 1;
                    return Some(c);
                }
                None => {
                    self.out.issues.push(ParseIssue {
                        kind: IssueKind::UnclosedQuote,
                        span: c.open_mark,
                    });
                    self.out.statements.push(c.into_statement());
                }
            }
        }

        let mut prev_close: Option<usize> = None;
        let mut new_carry: Option<Carry> = None;
        let mut direct_attr: Vec<(Quote, Option<Attr>)> = Vec::new();
        for &q in &quotes {
            if Some(q.open) == skip_first {
                prev_close = q.close;
                continue;
            }
            let attr_after = self.after(q);
            let prev_attr = direct_attr
                .last()
                .and_then(|(_, a)| *a)
                .filter(|a| *a != NO_ATTR);
            let attr_before = self.before(q, prev_close, prev_attr);
            // A quote right after a lowercase word is woven into the sentence.
            let embedded = q.open > 0 && lexes[q.open - 1].is_lower() && attr_before.is_none();
            let direct =
                !embedded && self.is_direct(q, attr_before.is_some(), attr_after.is_some());
            if q.close.is_none() {
                // Open at the end of the paragraph: a multi-paragraph quote
                // if the next paragraph re-opens; decided by the next call.
                let attr = attr_before.or(attr_after).map(|a| {
                    (
                        self.np_span(a.speaker),
                        a.speaker.pronoun,
                        self.span_of(a.cue),
                        a.reporter.map(|r| self.np_span(r)),
                    )
                });
                new_carry = Some(Carry {
                    parts: vec![self.content(q)],
                    open_mark: lexes[q.open].tok.span(),
                    attr,
                    paragraph: self.p,
                    skipped: 0,
                });
                break;
            }
            direct_attr.push((
                q,
                if direct {
                    attr_before.or(attr_after).or(Some(NO_ATTR))
                } else {
                    None
                },
            ));
            prev_close = q.close;
        }

        // Indirect statements, sentence by sentence, outside quotes.
        let quoted = Quoted(
            quotes
                .iter()
                .map(|q| (q.open, q.close.unwrap_or(lexes.len())))
                .collect(),
        );
        let mut used_cues: Vec<usize> = Vec::new();
        for (_, a) in &direct_attr {
            if let Some(a) = a
                && *a != NO_ATTR
            {
                used_cues.push(a.cue.first);
            }
        }
        used_cues.sort_unstable();
        let indirect = self.indirect(&quoted, &used_cues);

        // Emit direct, partial and scare quotes.
        for (q, attr) in direct_attr {
            let content = self.content(q);
            if content.is_empty() {
                continue;
            }
            let nested = self.nested_in(pairing, q);
            match attr {
                Some(a) if a == NO_ATTR && q.open == 0 && self.colon.is_some() => {
                    let Some(c) = self.colon.take() else { continue };
                    self.out.statements.push(Statement {
                        kind: Kind::Direct,
                        span: content,
                        parts: vec![content],
                        speaker: Some(c.speaker),
                        pronoun: c.pronoun,
                        cue: Some(c.cue),
                        reporter: c.reporter,
                        nested,
                        inherited: false,
                        outer: Vec::new(),
                        medium: None,
                        addressee: None,
                        antecedent: c.antecedent,
                        paragraph: self.p,
                    });
                }
                Some(a) => {
                    let has = a != NO_ATTR;
                    self.out.statements.push(Statement {
                        kind: Kind::Direct,
                        span: content,
                        parts: vec![content],
                        // Not a noun phrase of the quote itself.
                        antecedent: if has {
                            self.antecedent(a.speaker).filter(|n| !n.overlaps(content))
                        } else {
                            None
                        },
                        speaker: has.then(|| self.np_span(a.speaker)),
                        pronoun: has && a.speaker.pronoun,
                        cue: has.then(|| self.span_of(a.cue)),
                        reporter: if has {
                            a.reporter.map(|r| self.np_span(r))
                        } else {
                            None
                        },
                        nested,
                        inherited: false,
                        outer: Vec::new(),
                        medium: None,
                        addressee: None,
                        paragraph: self.p,
                    });
                }
                None => {
                    // Partial when an indirect statement of the sentence holds it.
                    // Statements are in text order: only the few that start
                    // just before the quote can hold it.
                    let upto = indirect.partition_point(|s| s.span.start <= content.start);
                    let holder = indirect[upto.saturating_sub(4)..upto]
                        .iter()
                        .rev()
                        .find(|s| s.span.contains(content));
                    let words = (q.open + 1..q.close.unwrap_or(q.open))
                        .filter(|&k| lexes[k].is_word())
                        .count();
                    let kind = match holder {
                        Some(_) => Kind::Partial,
                        None if words >= 3 && self.sentence_has_cue(q.open) => Kind::Partial,
                        None => Kind::Scare,
                    };
                    let (speaker, pronoun, cue, reporter) = match holder {
                        Some(h) => (h.speaker, h.pronoun, h.cue, h.reporter),
                        None => (None, false, None, None),
                    };
                    self.out.statements.push(Statement {
                        kind,
                        span: content,
                        parts: vec![content],
                        speaker,
                        pronoun,
                        cue,
                        reporter,
                        nested,
                        inherited: false,
                        outer: Vec::new(),
                        medium: None,
                        addressee: None,
                        antecedent: None,
                        paragraph: self.p,
                    });
                }
            }
        }
        self.out.statements.extend(indirect);
        new_carry
    }

    /// The attribution of a paragraph that ends with a colon ("Cruz
    /// continued:"), for the quote that opens the next paragraph.
    fn colon_attr(&self) -> Option<Said> {
        let last = self.lexes.last()?;
        if !last.is_punct(':') {
            return None;
        }
        let s0 = self.sentence_first_token(self.lexes.len() - 1);
        let clause = &self.lexes[s0..];
        let a = attribution::before_quote(Stream(clause))?;
        Some(Said {
            speaker: self.np_span(a.speaker),
            pronoun: a.speaker.pronoun,
            cue: self.span_of(a.cue),
            reporter: a.reporter.map(|r| self.np_span(r)),
            antecedent: self.antecedent(a.speaker),
        })
    }

    /// Nested quotes directly or deeply inside `q`.
    fn nested_in(&self, pairing: &marks::Pairing, q: Quote) -> Vec<Nested> {
        let Some(close) = q.close else {
            return Vec::new();
        };
        // Pairs are sorted by their opening mark.
        let from = pairing.pairs.partition_point(|p| p.open <= q.open);
        let to = pairing.pairs.partition_point(|p| p.open < close);
        pairing.pairs[from..to.max(from)]
            .iter()
            .filter(|p: &&Pair| p.depth > 0 && p.close < close)
            .map(|p| {
                let span = trim(
                    self.text,
                    Span::new(self.lexes[p.open].tok.end, self.lexes[p.close].tok.start),
                );
                let words = (p.open + 1..p.close)
                    .filter(|&k| self.lexes[k].is_word())
                    .count();
                let ends =
                    self.lexes[p.close - 1].is_punct(',') || self.lexes[p.close - 1].is_punct('.');
                Nested {
                    span,
                    kind: if words >= 4 || ends {
                        Kind::Direct
                    } else {
                        Kind::Scare
                    },
                }
            })
            .collect()
    }

    /// Attribution after the closing mark.
    fn after(&self, q: Quote) -> Option<Attr> {
        let close = q.close?;
        let rest = &self.lexes[close + 1..];
        let stop = rest.iter().position(|t| t.is_mark()).unwrap_or(rest.len());
        attribution::after_quote(Stream(&rest[..stop]))
    }

    /// Attribution in the clause before the opening mark.
    fn before(&self, q: Quote, prev_close: Option<usize>, prev_attr: Option<Attr>) -> Option<Attr> {
        let sent_start = self.sentence_first_token(q.open);
        let from = match prev_close {
            Some(c) if c + 1 > sent_start => c + 1,
            _ => sent_start,
        };
        if from >= q.open {
            return None;
        }
        let clause = &self.lexes[from..q.open];
        if let Some(a) = attribution::before_quote(Stream(clause)) {
            return Some(a);
        }
        // `…, saying, “…”` / `Trump said, adding later, “…”`: a participle
        // cue at the end of the clause speaks for the clause's subject.
        let n = clause.len();
        let c = (n.saturating_sub(4)..n).rev().find(|&k| {
            let t = &clause[k];
            t.is_lower() && t.s.ends_with("ing") && t.has(lexicon::class::CUE_VERBS)
        })?;
        let cue = Run {
            first: clause[c].index,
            last: clause[c].index,
        };
        let speaker = attribution::speaker_cue()
            .parse(Stream(clause))
            .ok()
            .map(|(_, a)| a.speaker)
            .or_else(|| prev_attr.map(|a| a.speaker))
            .or_else(|| self.subject(from, clause[c].index))?;
        Some(Attr {
            speaker,
            cue,
            reporter: None,
        })
    }

    /// Index of the first token of the sentence holding token `i`.
    fn sentence_first_token(&self, i: usize) -> usize {
        let at = self.lexes[i].tok.start;
        let Some(s) = self.seg.sentence_at(at) else {
            return 0;
        };
        let start = self.seg.sentences[s].span.start;
        self.lexes[..=i].partition_point(|t| t.tok.start < start)
    }

    /// Index one past the last token of the sentence holding token `i`.
    fn sentence_end_token(&self, i: usize) -> usize {
        let at = self.lexes[i].tok.start;
        let Some(s) = self
            .seg
            .sentences
            .get(self.seg.sentence_at(at).unwrap_or(usize::MAX))
        else {
            return self.lexes.len();
        };
        self.lexes.partition_point(|t| t.tok.start < s.span.end)
    }

    fn is_direct(&self, q: Quote, before: bool, after: bool) -> bool {
        let lexes = self.lexes;
        let close = q.close.unwrap_or(lexes.len());
        let words = (q.open + 1..close).filter(|&k| lexes[k].is_word()).count();
        if words == 0 {
            return false;
        }
        let first_inside = lexes.get(q.open + 1);
        let capital = first_inside.is_some_and(|t| t.is_capitalised() || !t.is_word());
        let starts_sentence = q.open == 0 || q.open == self.sentence_first_token(q.open) || {
            let prev = &lexes[q.open - 1];
            prev.is_punct(':')
                || prev.is_punct('.')
                || prev.is_punct('?')
                || prev.is_punct('!')
                || (prev.is_mark() && q.open >= 2 && lexes[q.open - 2].is_punct('.'))
        };
        let ends_punct = close > 0
            && close <= lexes.len()
            && close - 1 > q.open
            && [",", ".", "?", "!", "…"]
                .iter()
                .any(|p| lexes[close - 1].s == *p);
        if before {
            return capital || words >= 4;
        }
        if after {
            return ends_punct || starts_sentence || words >= 6;
        }
        starts_sentence && capital && (ends_punct || words >= 4 || q.close.is_none())
    }

    /// Whether the sentence of token `i` has a reporting cue; remembered per
    /// sentence, so a sentence with many quotes is read once.
    fn sentence_has_cue(&self, i: usize) -> bool {
        let from = self.sentence_first_token(i);
        if let Some(&(f, answer)) = self.cue_memo.borrow().get(&from) {
            debug_assert_eq!(f, from);
            return answer;
        }
        let to = self.sentence_end_token(i);
        let answer = self.lexes[from..to]
            .iter()
            .any(|t| t.is_lower() && t.has(lexicon::class::CUE_VERBS) && !self.lex.needs_that(t.s));
        self.cue_memo.borrow_mut().insert(from, (from, answer));
        answer
    }

    /// Indirect statements in the paragraph: cues outside quotes with a
    /// speaker and reported content.
    fn indirect(&self, quoted: &Quoted, used: &[usize]) -> Vec<Statement> {
        let lexes = self.lexes;
        let inside = |k: usize| quoted.inside(k);
        let mut out: Vec<Statement> = Vec::new();
        let mut k = 0;
        while k < lexes.len() {
            let s1 = self.sentence_end_token(k).max(k + 1);
            let s0 = self.sentence_first_token(k).max(self.continued_until);
            if s0 >= s1 {
                k = s1;
                continue;
            }
            // "According to X, …" opens the sentence; ", X reported." or
            // ", said X." closes it.
            let prefix = self.according_prefix(s0, s1);
            let tail = self
                .sentence_tail(s0, s1, quoted, used)
                .filter(|&(_, a)| !self.speaker_opens(s0, s1, a.cue.first));
            let from = prefix.map_or(s0, |(comma, _)| comma + 1);
            let limit = tail.map_or(s1, |(comma, _)| comma);
            let first_new = out.len();
            if prefix.is_none()
                && let Some(st) = self
                    .according_inside(s0, limit, quoted)
                    .or_else(|| self.parenthetical(s0, limit, quoted, used))
            {
                out.push(st);
                k = s1;
                continue;
            }
            let mut c = from;
            while c < limit {
                let t = &lexes[c];
                if t.is_lower()
                    && t.has(lexicon::class::CUE_VERBS)
                    && !inside(c)
                    && used.binary_search(&c).is_err()
                    && let Some((st, next)) = self.indirect_at(c, s0, limit, quoted)
                {
                    let inner = self.inner_statement(&st, next, quoted);
                    out.push(st);
                    out.extend(inner);
                    c = next.max(c + 1);
                    continue;
                }
                c += 1;
            }
            for (bound, attr) in [(from, prefix), (limit, tail)] {
                let Some((_, a)) = attr else { continue };
                if out.len() > first_new {
                    for st in &mut out[first_new..] {
                        if st.reporter.is_none() {
                            st.reporter = Some(self.np_span(a.speaker));
                        }
                    }
                } else {
                    let (j, e) = if bound == from && prefix.is_some() {
                        (from, limit)
                    } else {
                        (self.skip_dateline(s0, limit), limit)
                    };
                    if let Some(st) = self.content_statement(j, e, a, quoted) {
                        out.push(st);
                    }
                }
            }
            k = s1;
        }
        out
    }

    /// `CONTENT, according to X, CONTENT.`: the statement is the sentence
    /// around the parenthetical, in two parts.
    fn according_inside(&self, s0: usize, s1: usize, quoted: &Quoted) -> Option<Statement> {
        let lexes = self.lexes;
        let k = (s0 + 1..s1).find(|&k| lexes[k].is("according") && lexes[k - 1].is_punct(','))?;
        let (rest, a) = attribution::according().parse(Stream(&lexes[k..s1])).ok()?;
        let comma = rest.first().filter(|t| t.is_punct(','))?.index;
        let j = self.skip_dateline(s0, k);
        let mut e = s1;
        while e > comma + 1 && !(lexes[e - 1].is_word() || lexes[e - 1].is_mark()) {
            e -= 1;
        }
        if k - 1 <= j || e <= comma + 1 || quoted.crosses(j, k - 1) || quoted.crosses(comma + 1, e)
        {
            return None;
        }
        let first = Span::new(lexes[j].tok.start, lexes[k - 2].tok.end);
        let second = Span::new(lexes[comma + 1].tok.start, lexes[e - 1].tok.end);
        let mut st = self.indirect_statement(
            Span::new(first.start, second.end),
            a.speaker,
            a.cue.first,
            a.reporter,
            quoted,
            j,
            e,
        );
        st.cue = Some(self.span_of(a.cue));
        st.parts = vec![first, second];
        Some(st)
    }

    /// "AFP reported, citing RIA, that Lukashenko said the talks would go
    /// ahead": the reported content is itself a statement, whose chain runs
    /// through the outer speaker.
    fn inner_statement(&self, outer: &Statement, e: usize, quoted: &Quoted) -> Option<Statement> {
        let lexes = self.lexes;
        // Only relayed reports: "X reported …", "X, citing Y, …".
        let relayed = outer.reporter.is_some()
            || outer.cue.is_some_and(|c| {
                lexicon::is_one_of(
                    &["reported", "reports", "reporting", "quoted", "cited"],
                    &self.text[c.range()],
                )
            });
        if !relayed {
            return None;
        }
        let j = lexes.partition_point(|t| t.tok.start < outer.span.start);
        let inside = |k: usize| quoted.inside(k);
        let c = (j + 1..e.min(j + 12)).find(|&k| {
            lexes[k].is_lower() && lexes[k].has(lexicon::class::CUE_VERBS) && !inside(k)
        })?;
        let (mut inner, _) = self.indirect_at(c, j, e, quoted)?;
        if inner.speaker == outer.speaker {
            return None;
        }
        inner.outer = outer.outer.clone();
        inner.outer.extend(outer.reporter);
        inner.reporter = outer.speaker;
        Some(inner)
    }

    /// The medium and the addressee of a statement, from its sentence:
    /// "in a video message", "in an interview with the BBC", "told Reuters".
    fn circumstances(&self, st: &mut Statement) {
        let lexes = self.lexes;
        let anchor = st.cue.unwrap_or(st.span).start;
        let k0 = lexes
            .partition_point(|t| t.tok.start < anchor)
            .min(lexes.len().saturating_sub(1));
        if lexes.is_empty() {
            return;
        }
        let (s0, s1) = (self.sentence_first_token(k0), self.sentence_end_token(k0));
        for k in s0..s1.saturating_sub(2) {
            if !(lexes[k].is("in") || lexes[k].is("via"))
                || !lexes[k + 1].has(lexicon::class::DETERMINERS)
            {
                continue;
            }
            if st.span.contains(lexes[k].tok.span()) {
                continue;
            }
            let Some(n) = (k + 2..s1.min(k + 5)).find(|&n| lexes[n].has(lexicon::class::MEDIA))
            else {
                continue;
            };
            let mut n = n;
            while n + 1 < s1 && lexes[n + 1].has(lexicon::class::MEDIA) {
                n += 1;
            }
            st.medium = Some(Span::new(lexes[k + 1].tok.start, lexes[n].tok.end));
            // "in an interview with the BBC": the interviewer hears it.
            if lexes.get(n + 1).is_some_and(|t| t.is("with"))
                && let Ok((_, np)) = attribution::nominal().parse(Stream(&lexes[n + 2..s1]))
            {
                st.addressee = Some(self.np_span(np));
            }
            break;
        }
        if let Some(cue) = st.cue {
            let c = lexes.partition_point(|t| t.tok.start < cue.start);
            if lexes
                .get(c)
                .is_some_and(|t| t.has(lexicon::class::TAKES_OBJECT))
                && let Ok((_, np)) =
                    attribution::nominal().parse(Stream(&lexes[c + 1..s1.max(c + 1)]))
            {
                st.addressee = Some(self.np_span(np));
            }
        }
    }

    /// `CONTENT, X says, CONTENT.`: a reporting clause between commas in the
    /// middle of a sentence; the statement is the sentence around it.
    fn parenthetical(
        &self,
        s0: usize,
        s1: usize,
        quoted: &Quoted,
        used: &[usize],
    ) -> Option<Statement> {
        let lexes = self.lexes;
        let inside = |k: usize| quoted.inside(k);
        let mut k = s0 + 2;
        while k < s1 {
            if lexes[k - 1].is_punct(',') && !inside(k) {
                // Only "X says,": after "says X," comes X's appositive.
                let (rest, a) = attribution::speaker_cue()
                    .parse(Stream(&lexes[k..s1]))
                    .ok()
                    .filter(|(rest, a)| {
                        rest.first().is_some_and(|t| t.is_punct(','))
                            && used.binary_search(&a.cue.first).is_err()
                            && a.reporter.is_none()
                    })
                    .map_or((Stream(&[]), None), |(r, a)| (r, Some(a)));
                if let Some(a) = a {
                    let comma = rest.0[0].index;
                    let j = self.skip_dateline(s0, k);
                    let mut e = s1;
                    while e > comma + 1 && !(lexes[e - 1].is_word() || lexes[e - 1].is_mark()) {
                        e -= 1;
                    }
                    let before = (j..k - 1).filter(|&t| lexes[t].is_word()).count();
                    let after = (comma + 1..e).filter(|&t| lexes[t].is_word()).count();
                    if after < 2
                        || lexes[comma + 1].is_mark()
                        || lexes[j..k - 1].iter().any(|t| t.is_mark())
                        || quoted.crosses(comma + 1, e)
                    {
                        return None;
                    }
                    // "After the vote, X said, …": an introductory phrase is
                    // not part of what was said.
                    let opener = &lexes[j];
                    let intro = before < 4
                        || opener
                            .has(lexicon::class::ADVERBIAL_OPENERS | lexicon::class::CLAUSE_BREAKS)
                        || opener.s.ends_with("ing");
                    let second = Span::new(lexes[comma + 1].tok.start, lexes[e - 1].tok.end);
                    let (start, from, parts) = if intro {
                        (second.start, comma + 1, vec![second])
                    } else {
                        let first = Span::new(lexes[j].tok.start, lexes[k - 2].tok.end);
                        (first.start, j, vec![first, second])
                    };
                    let mut st = self.indirect_statement(
                        Span::new(start, second.end),
                        a.speaker,
                        a.cue.first,
                        a.reporter,
                        quoted,
                        from,
                        e,
                    );
                    st.parts = parts;
                    return Some(st);
                }
            }
            k += 1;
        }
        None
    }

    /// `According to X,` at the start of the sentence: the comma and the rule.
    fn according_prefix(&self, s0: usize, s1: usize) -> Option<(usize, Attr)> {
        let (rest, a) = attribution::according()
            .parse(Stream(&self.lexes[s0..s1]))
            .ok()?;
        let comma = rest.first().filter(|t| t.is_punct(','))?.index;
        Some((comma, a))
    }

    /// `, X reported.` / `, said X.` / `, according to X.` at the end of the
    /// sentence, outside quotes, with a cue no direct quote has taken.
    fn sentence_tail(
        &self,
        s0: usize,
        s1: usize,
        quoted: &Quoted,
        used: &[usize],
    ) -> Option<(usize, Attr)> {
        let inside = |k: usize| quoted.inside(k);
        // The tail starts after one of the last three commas: ", Nordwire
        // reported, quoting Dale Okoro."
        (s0..s1)
            .rev()
            .filter(|&k| self.lexes[k].is_punct(',') && !inside(k))
            .take(3)
            .find_map(|comma| {
                let a = self.tail_at(comma + 1, s1)?;
                let clean = used.binary_search(&a.cue.first).is_err()
                    && !self.lexes[comma + 1..s1].iter().any(|t| t.is_mark());
                clean.then_some((comma, a))
            })
    }

    /// Whether the sentence opens with a speaker (and its appositive) whose
    /// cue is token `cue`: "His father, Joe Bloggs, says his son …" is no
    /// content "His father, Joe Bloggs" with a tail ", says his son …".
    fn speaker_opens(&self, s0: usize, s1: usize, cue: usize) -> bool {
        let j = self.skip_dateline(s0, s1);
        attribution::speaker_cue()
            .parse(Stream(&self.lexes[j..s1]))
            .is_ok_and(|(_, a)| a.cue.first == cue)
    }

    /// Skips a dateline ("Moscow:") at the start of a sentence.
    fn skip_dateline(&self, s0: usize, limit: usize) -> usize {
        let lexes = self.lexes;
        if let Some(c) = (s0..limit.min(s0 + 4)).find(|&k| lexes[k].is_punct(':')) {
            return c + 1;
        }
        // "WASHINGTON —", "MIRAMICHI, N.B. —", "LONDON (Reuters) -": a
        // place in capitals, then a dash.
        let caps = lexes.get(s0).is_some_and(|t| {
            t.is_word() && t.s.len() >= 3 && t.s.chars().all(|c| !c.is_lowercase())
        });
        if caps
            && let Some(d) = (s0 + 1..limit.min(s0 + 8)).find(|&k| {
                lexes[k].is_punct('—') || lexes[k].is_punct('–') || lexes[k].is_punct('-')
            })
            && lexes[s0..d].iter().all(|t| !t.is_word() || !t.is_lower())
        {
            return d + 1;
        }
        s0
    }

    /// A narrative clause attributed as a whole (`CONTENT, X reported.`).
    fn content_statement(&self, j: usize, e: usize, a: Attr, quoted: &Quoted) -> Option<Statement> {
        let lexes = self.lexes;
        let (j, e) = self.fit(j, e, quoted);
        if e <= j || (j..e).filter(|&k| lexes[k].is_word()).count() < 3 {
            return None;
        }
        // A quote that fills the content is a direct quote's business.
        if lexes[j].is_mark() && quoted.fills(j, e) {
            return None;
        }
        let span = Span::new(lexes[j].tok.start, lexes[e - 1].tok.end);
        let mut st =
            self.indirect_statement(span, a.speaker, a.cue.first, a.reporter, quoted, j, e);
        st.cue = Some(self.span_of(a.cue));
        Some(st)
    }

    fn indirect_at(
        &self,
        c: usize,
        s0: usize,
        s1: usize,
        quoted: &Quoted,
    ) -> Option<(Statement, usize)> {
        let lexes = self.lexes;
        let lex = self.lex;
        let cue_word = lexes[c].s;
        // Speaker before the cue.
        let mut speaker: Option<Np> = None;
        let mut reporter: Option<Np> = None;
        let clause = &lexes[s0..c + 1];
        // "is warning", "was telling": a progressive has a subject of its own.
        let progressive = c > s0 && lexicon::is_one_of(lexicon::BE_FORMS, lexes[c - 1].s);
        let participle = cue_word.ends_with("ing") && !progressive;
        // A participle cue ("…, saying that") takes the sentence's subject.
        let starts: Vec<usize> = if participle {
            Vec::new()
        } else {
            attribution::speaker_starts(&clause[..clause.len() - 1]).collect()
        };
        for start in starts {
            // "in a short statement said": the object of a preposition
            // does not speak.
            // A speaker starts a clause: not in the middle of a noun phrase
            // ("a short statement") or after a preposition ("in a statement").
            if start > 0
                && (clause[start - 1].is_lower()
                    && !clause[start - 1]
                        .has(lexicon::class::CLAUSE_BREAKS | lexicon::class::SUBORDINATORS)
                    // "In Paris, Smith and Jones said": "Paris" is no speaker.
                    || clause[start - 1].is_capitalised()
                        && clause[start - 1].has(lexicon::class::PLACE_PREPOSITIONS))
            {
                continue;
            }
            let s = Stream(&clause[start..]);
            if let Ok((rest, a)) = attribution::speaker_cue().parse(Stream(s.0)) {
                let consumed_to = rest.first().map_or(c + 1, |t| t.index);
                if a.cue.first == c && (consumed_to == c + 1 || a.reporter.is_some()) {
                    speaker = Some(a.speaker);
                    reporter = a.reporter;
                    break;
                }
            }
        }
        let prev = c.checked_sub(1).map(|p| &lexes[p]);
        // "… and said", also with a phrase between: "… and in a carefully
        // worded response said".
        let coordinated = prev.is_some_and(|p| p.is("and"))
            || (c.saturating_sub(8).max(s0)..c)
                .rev()
                .find(|&k| lexes[k].is("and"))
                .is_some_and(|k| {
                    lexes
                        .get(k + 1)
                        .is_some_and(|t| t.has(lexicon::class::ADVERBIAL_OPENERS))
                        && lexes[k + 1..c].iter().all(|t| t.is_word())
                });
        if speaker.is_none()
            && (participle && prev.is_some_and(|p| p.is_punct(',') || p.is_word() || p.is_mark())
                || coordinated)
        {
            // The subject of the sentence speaks: the speaker of an earlier
            // statement in the sentence, or the first noun phrase; after a
            // quote ("“…,” he said, adding that …"), the first one after it.
            speaker = quoted
                .before(c)
                .filter(|&(o, cl)| o >= s0 && cl < c)
                .and_then(|(_, cl)| attribution::after_quote(Stream(&lexes[cl + 1..c])))
                .map(|a| a.speaker)
                .or_else(|| self.subject(s0, c));
        }
        // Content after the cue.
        let mut j = c + 1;
        let relayed = if lexes[c].is("quoted") {
            attribution::quoted_as().parse(Stream(&lexes[j..s1]))
        } else {
            attribution::relay().parse(Stream(&lexes[j..s1]))
        };
        let relay_read = relayed.is_ok();
        if let Ok((rest, o)) = relayed {
            // The speaker rule may have read the relay already.
            if reporter.is_none() {
                reporter = speaker;
                speaker = Some(o);
            }
            j = rest.first().map_or(s1, |t| t.index);
            // "AFP reported, citing RIA, that …"
            if j < s1 && lexes[j].is_punct(',') {
                j += 1;
            }
        }
        let mut j = j.min(s1);
        // "asked Kyiv to sit down": the object opens the content.
        let mut infinitive = false;
        if lex.takes_object(cue_word)
            && let Ok((rest, _)) = attribution::object().parse(Stream(&lexes[j..s1]))
        {
            let after_obj = rest.first().map_or(s1, |t| t.index);
            if lexes.get(after_obj).is_some_and(|t| t.is("to")) {
                infinitive = true;
            } else {
                j = after_obj.min(s1);
            }
        }
        // "vowed to stay", "called on the council to act".
        if !infinitive && lex.takes_infinitive(cue_word) {
            let to_at = if lexes.get(j).is_some_and(|t| t.is("on") || t.is("upon")) {
                (j + 1..s1.min(j + 6)).find(|&k| lexes[k].is("to"))
            } else {
                Some(j).filter(|&k| lexes.get(k).is_some_and(|t| t.is("to")))
            };
            if to_at.is_some() {
                infinitive = true;
                if lexes[j].is("on") || lexes[j].is("upon") {
                    j += 1;
                }
            }
        }
        // Skip a short adverbial up to "that": "said in a statement that",
        // "said on Monday that".
        let mut has_that = false;
        let mut cue_at = c;
        if !infinitive {
            let window = &lexes[j..s1.min(j + 10)];
            if let Some(t) = window.iter().position(|t| t.is("that")) {
                let between = &window[..t];
                // "denied claims that", "dismissed the suggestion that"; the
                // holder of the report speaks: "questioned the mayor's
                // statement that", "heard the allegation by the prosecutors
                // that".
                let noun = between
                    .iter()
                    .position(|x| x.is_lower() && x.has(lexicon::class::REPORT_NOUNS));
                let by_agent = noun.and_then(|n| {
                    let by = between.get(n + 1).filter(|x| x.is("by"))?;
                    let (rest, np) = attribution::nominal()
                        .parse(Stream(&lexes[by.index + 1..j + t]))
                        .ok()?;
                    rest.is_empty().then_some((n, np))
                });
                let report = noun.is_some_and(|n| {
                    (by_agent.is_some() || n + 1 == between.len())
                        && (1..=3).contains(&(n + 1))
                        && between[..n]
                            .iter()
                            .all(|x| x.is_lower() && !x.has(lexicon::class::CUE_VERBS))
                });
                if report && let Some(n) = noun {
                    let possessive = between[..n]
                        .iter()
                        .position(|x| x.s.ends_with("'s") || x.s.ends_with("’s"));
                    let holder = by_agent.map(|(_, np)| np).or_else(|| {
                        possessive.map(|p| {
                            let first = (0..=p)
                                .find(|&k| !between[k].has(lexicon::class::DETERMINERS))
                                .unwrap_or(p);
                            Np {
                                run: Run {
                                    first: between[first].index,
                                    last: between[p].index,
                                },
                                pronoun: false,
                            }
                        })
                    });
                    if let Some(h) = holder {
                        speaker = Some(h);
                        reporter = None;
                        cue_at = between[n].index;
                    }
                }
                let adverbial = between.is_empty()
                    || report
                    || between
                        .first()
                        .is_some_and(|x| x.has(lexicon::class::ADVERBIAL_OPENERS));
                if adverbial && between.iter().all(|x| x.is_word()) {
                    j += t + 1;
                    has_that = true;
                }
            }
        }
        if !has_that && !infinitive {
            let next = lexes.get(j);
            // "said, adding", a direct quote after a comma, "agreed to talks":
            // not indirect speech.
            // A cue that needs "that" still reports when a quote follows in
            // the sentence: "called the plan “a disaster”" (mixed speech).
            let quote_follows = !quoted.opening_in(c + 1, s1).is_empty();
            // "admitted he was wrong": a clause plainly follows.
            let bare_cue = !lex.needs_that(cue_word) || lex.bare_clause(cue_word);
            let bare = lex.bare_clause(cue_word) && self.bare_clause_at(j, s1);
            // "said in retrospect he feels …", "said on Monday the port
            // would …": a short adverbial, then a clause; "said this would
            // …": "this" is its subject.
            let mut adverbial =
                next.is_some_and(|t| t.is_lower() && t.has(lexicon::class::ADVERBIAL_OPENERS));
            if adverbial && bare_cue {
                if next.is_some_and(|t| t.is("this")) && self.bare_clause_at(j, s1) {
                    adverbial = false;
                } else if let Some(k) = (j + 2..s1.min(j + 6))
                    .take_while(|&k| lexes[k - 1].is_word())
                    .find(|&k| {
                        !lexes[k - 1].has(lexicon::class::DETERMINERS)
                            && !lexes[k - 1].has(lexicon::class::ADVERBIAL_OPENERS)
                            && self.bare_clause_at(k, s1)
                    })
                {
                    j = k;
                    adverbial = false;
                }
            }
            if next.is_none_or(|t| !t.is_word() && !t.is_mark())
                || (lex.needs_that(cue_word) && !quote_follows && !relay_read && !bare)
                || adverbial
            {
                return None;
            }
        }
        // "it was announced by the ministry that …": the agent speaks; with
        // no agent, "it" is nobody.
        let participle_form =
            cue_word.ends_with("ed") || lexicon::is_one_of(&["told", "said", "written"], cue_word);
        let passive =
            participle_form && c > s0 && lexicon::is_one_of(lexicon::BE_FORMS, lexes[c - 1].s);
        if passive && speaker.is_some_and(|np| np.pronoun && lexes[np.run.first].is("it")) {
            speaker = None;
        }
        let mut agent_end = None;
        if cue_word.ends_with("ed")
            && let Some(by) = (c + 1..s1.min(c + 3)).find(|&k| lexes[k].is("by"))
            && let Ok((rest, np)) = attribution::nominal().parse(Stream(&lexes[by + 1..s1]))
            && (passive || speaker.is_none())
        {
            speaker = Some(np);
            agent_end = Some(rest.first().map_or(s1, |t| t.index));
        }
        match agent_end {
            Some(a) => {
                j = a;
                if lexes.get(j).is_some_and(|t| t.is("that")) {
                    j += 1;
                }
            }
            // "when the tax was announced they …": what was announced is
            // the subject, and nobody speaks.
            None if passive => return None,
            None => {}
        }
        let speaker = speaker?;
        // End of the content: the sentence end, or a comma before a
        // participle cue or a reporting tail.
        let mut e = s1;
        while e > j && !lexes[e - 1].is_word() && !lexes[e - 1].is_mark() {
            e -= 1;
        }
        // "While the club said …, the manager …": a subordinate clause ends
        // at its comma.
        if lexes[s0].has(lexicon::class::SUBORDINATORS)
            && let Some(k) = (j..e).find(|&k| lexes[k].is_punct(',') && !quoted.inside(k))
        {
            e = k;
        }
        for k in j..e {
            // "… “wrong” on Friday and in a short statement said …": a
            // coordinated reporting verb starts a second statement.
            if lexes[k].is("and")
                && lexes.get(k + 1).is_some_and(|t| {
                    t.has(lexicon::class::ADVERBIAL_OPENERS | lexicon::class::CUE_VERBS)
                })
            {
                let stop = (k + 1..e.min(k + 9))
                    .find(|&m| !lexes[m].is_word())
                    .unwrap_or(e.min(k + 9));
                if (k + 1..stop).any(|m| {
                    lexes[m].is_lower()
                        && lexes[m].has(lexicon::class::CUE_VERBS)
                        && !lexes[m].has(lexicon::class::THAT_ONLY)
                }) {
                    e = k;
                    break;
                }
            }
            // "… for the nominee but did not suggest …": the speaker's next
            // act is no longer what was said.
            if lexes[k].is("but") || lexes[k].is("and") {
                let mut n = k + 1;
                while n < e
                    && n < k + 3
                    && lexicon::is_one_of(
                        &[
                            "did", "does", "do", "would", "not", "never", "also", "then", "later",
                        ],
                        lexes[n].s,
                    )
                {
                    n += 1;
                }
                // "but did not act": do-support with no subject of its own.
                let did_not = lexes[k].is("but")
                    && lexes
                        .get(k + 1)
                        .is_some_and(|t| t.is("did") || t.is("does"))
                    && lexes.get(k + 2).is_some_and(|t| t.is("not"));
                if did_not
                    || n > k + 1
                        && n < e
                        && lexes[n].is_lower()
                        && lexes[n].has(lexicon::class::CUE_VERBS)
                {
                    e = k;
                    break;
                }
            }
            if !lexes[k].is_punct(',') {
                continue;
            }
            // `, arguing that` or `,” arguing that`: the content ends there
            // (after the closing mark of a quote it holds).
            let mark = lexes
                .get(k + 1)
                .is_some_and(|t| t.is_mark() && quoted.closes_at(k + 1));
            let mut after = if mark { k + 2 } else { k + 1 };
            // ", while nine in ten said …": a contrasting clause is no longer
            // the speaker's content.
            if lexes.get(after).is_some_and(|t| {
                t.is("while")
                    || t.is("whereas")
                    || t.is("although")
                    || t.is("though")
                    || t.is("despite")
            }) {
                e = if mark { k + 2 } else { k };
                break;
            }
            // ", and added that …": a second statement starts.
            if lexes.get(after).is_some_and(|t| t.is("and") || t.is("but")) {
                after += 1;
                while lexes
                    .get(after)
                    .is_some_and(|t| t.is_lower() && t.has(lexicon::class::CUE_PRECEDERS))
                {
                    after += 1;
                }
            }
            // ", and the city dismissed suggestions that …": a speaker and
            // a cue of their own.
            // (A pronoun goes on with the same speaker; "will continue to
            // fight" is no report.)
            let own_speaker = after > k + 1
                && attribution::speaker_cue()
                    .parse(Stream(&lexes[after..s1]))
                    .is_ok_and(|(_, a)| {
                        let cue = &lexes[a.cue.first];
                        let next = lexes.get(a.cue.first + 1);
                        !a.speaker.pronoun
                            && a.cue.first <= after + 8
                            && (!cue.has(lexicon::class::THAT_ONLY)
                                || next.is_some_and(|t| {
                                    t.is("that") || t.has(lexicon::class::REPORT_NOUNS)
                                }))
                    });
            if let Some(n) = lexes.get(after)
                && (n.is_lower() && n.has(lexicon::class::CUE_VERBS)
                    || own_speaker
                    || self.is_tail(after, s1))
            {
                e = if mark { k + 2 } else { k };
                break;
            }
        }
        // "The union's claim that inspectors were bribed was rejected": a
        // report held in the subject ends before the sentence's own verb.
        let held = lexes[c].has(lexicon::class::REPORT_NOUNS)
            && c > 0
            && (lexes[c - 1].s.ends_with("'s") || lexes[c - 1].s.ends_with("’s"));
        if held
            && let Some(v) = (j + 3..e).rev().find(|&k| {
                lexicon::is_one_of(lexicon::AUXILIARIES, lexes[k].s)
                    && lexes.get(k + 1).is_some_and(|n| {
                        n.is_lower()
                            && (n.s.ends_with("ed")
                                || lexicon::is_one_of(
                                    &["false", "untrue", "wrong", "baseless", "been"],
                                    n.s,
                                ))
                    })
                    && (j..k).any(|m| {
                        lexicon::is_one_of(lexicon::AUXILIARIES, lexes[m].s)
                            || lexes[m].s.ends_with("ed")
                    })
            })
        {
            e = v;
        }
        while e > j && (lexes[e - 1].is_punct(',') || lexes[e - 1].is_punct('.')) {
            e -= 1;
        }
        let (j, e) = self.fit(j, e, quoted);
        let words = (j..e).filter(|&k| lexes[k].is_word()).count();
        if words < 2 || j >= e {
            return None;
        }
        if lexes[j].is_mark() && quoted.fills(j, e) {
            // The whole content is one quote: it is a direct quote's business.
            return None;
        }
        // The content is the whole complement clause, its "that" included
        // (as the corpora and the parse's `ccomp` have it).
        let start = if j > c + 1 && lexes[j - 1].is("that") {
            lexes[j - 1].tok.start
        } else {
            lexes[j].tok.start
        };
        let span = Span::new(start, lexes[e - 1].tok.end);
        Some((
            self.indirect_statement(span, speaker, cue_at, reporter, quoted, j, e),
            e,
        ))
    }

    /// Whether a clause without "that" opens at token `j`: a subject
    /// pronoun and a verb ("he was", "they left"), or a short noun phrase and
    /// an auxiliary ("the deal was", "its staff would"), or a name and a past
    /// tense ("Smith deceived").
    fn bare_clause_at(&self, j: usize, s1: usize) -> bool {
        let lexes = self.lexes;
        if j + 1 >= s1 {
            return false;
        }
        let aux = |t: &stream::Lex| t.is_lower() && lexicon::is_one_of(lexicon::AUXILIARIES, t.s);
        let t0 = &lexes[j];
        if t0.is_lower() && lexicon::is_one_of(&["he", "she", "they", "we", "i"], t0.s) {
            return lexes[j + 1].is_lower();
        }
        if t0.is_lower() && lexicon::is_one_of(&["it", "there"], t0.s) {
            return aux(&lexes[j + 1]);
        }
        let mut k = j;
        while k < s1
            && k < j + 6
            && lexes[k].is_word()
            && !aux(&lexes[k])
            && !(lexes[k].is_lower()
                && lexes[k].has(lexicon::class::CUE_VERBS | lexicon::class::CLAUSE_BREAKS))
        {
            k += 1;
        }
        if k == j || k >= s1 {
            return false;
        }
        if aux(&lexes[k]) {
            return true;
        }
        // A name, then a past tense.
        let names = lexes[j..k]
            .iter()
            .take_while(|t| t.is_capitalised() && !t.has(lexicon::class::NOT_NAME_START))
            .count();
        (1..=3).contains(&names)
            && lexes[j + names].is_lower()
            && lexes[j + names].s.ends_with("ed")
    }

    /// Whether tokens `k..end` are a reporting tail: `speaker cue adverbials`
    /// or `cue speaker adverbials`, up to the sentence end.
    fn is_tail(&self, k: usize, end: usize) -> bool {
        self.tail_at(k, end).is_some()
    }

    fn tail_at(&self, k: usize, end: usize) -> Option<Attr> {
        let lexes = self.lexes;
        let mut e = end;
        while e > k && !lexes[e - 1].is_word() {
            e -= 1;
        }
        let s = Stream(&lexes[k..e]);
        let (rest, a) = nom::branch::alt((
            attribution::speaker_cue(),
            attribution::cue_speaker(),
            attribution::according(),
        ))
        .parse(s)
        .ok()?;
        // What is left may only be a short adverbial ("on Sunday"), an
        // appositive after the speaker (", executive director of …") or a
        // relative clause ("a study which is released Monday").
        let left = rest.0;
        let according = lexes[a.cue.first].is("according");
        if left.first().is_some_and(|t| {
            t.is_punct(',')
                || according
                    && (t.is("which")
                        || t.is("that")
                        || t.is("who")
                        || t.is("released")
                        || t.is("published"))
        }) && !left.iter().any(|t| t.is_mark())
        {
            return Some(a);
        }
        let ok = left.len() <= 4
            && left.iter().all(|t| t.is_word())
            && left.first().is_none_or(|t| {
                lexicon::is_one_of(
                    &[
                        "on",
                        "in",
                        "at",
                        "late",
                        "earlier",
                        "last",
                        "this",
                        "today",
                        "yesterday",
                        "tonight",
                        "overnight",
                    ],
                    t.s,
                )
            });
        ok.then_some(a)
    }

    #[allow(clippy::too_many_arguments)]
    fn indirect_statement(
        &self,
        span: Span,
        speaker: Np,
        c: usize,
        reporter: Option<Np>,
        quoted: &Quoted,
        j: usize,
        e: usize,
    ) -> Statement {
        let nested = quoted
            .opening_in(j, e)
            .iter()
            .filter(|&&(_, cl)| cl < e)
            .map(|&(o, cl)| Nested {
                span: trim(
                    self.text,
                    Span::new(self.lexes[o].tok.end, self.lexes[cl].tok.start),
                ),
                kind: Kind::Partial,
            })
            .collect();
        let cue = self.span_of(Run { first: c, last: c });
        Statement {
            kind: Kind::Indirect,
            span,
            parts: vec![span],
            speaker: Some(self.np_span(speaker)),
            pronoun: speaker.pronoun,
            cue: Some(cue),
            reporter: reporter.map(|r| self.np_span(r)),
            nested,
            inherited: false,
            outer: Vec::new(),
            medium: None,
            addressee: None,
            // Not a noun phrase of the content itself.
            antecedent: self.antecedent(speaker).filter(|a| !a.overlaps(span)),
            paragraph: self.p,
        }
    }

    /// The noun phrase a pronoun speaker ("it", "they", "we") stands for,
    /// when the sentence names it before the pronoun.
    fn antecedent(&self, np: Np) -> Option<Span> {
        if !np.pronoun || np.run.first >= self.lexes.len() {
            return None;
        }
        let t = &self.lexes[np.run.first];
        if !(t.is("it") || t.is("they") || t.is("we")) {
            return None;
        }
        let s0 = self.sentence_first_token(np.run.first);
        let sub = self.subject(s0, np.run.first)?;
        (!sub.pronoun).then(|| self.np_span(sub))
    }

    /// The first noun phrase of the clause `s0..c` that can speak.
    fn subject(&self, s0: usize, c: usize) -> Option<Np> {
        let s0 = self.skip_dateline(s0, c);
        let lexes = &self.lexes[s0..c];
        for start in 0..lexes.len().min(8) {
            if start > 0 && !(lexes[start - 1].is_punct(',') || lexes[start - 1].is_word()) {
                continue;
            }
            // Not the object of a preposition: "Earlier in the day, …".
            if start > 0
                && lexes[start - 1].is_lower()
                && lexes[start - 1].has(lexicon::class::ADVERBIAL_OPENERS)
            {
                continue;
            }
            if let Ok((_, np)) = attribution::speaker().parse(Stream(&lexes[start..])) {
                return Some(np);
            }
        }
        None
    }
}

const NO_ATTR: Attr = Attr {
    speaker: Np {
        run: Run {
            first: usize::MAX,
            last: usize::MAX,
        },
        pronoun: false,
    },
    cue: Run {
        first: usize::MAX,
        last: usize::MAX,
    },
    reporter: None,
};

/// The top-level quotes of a paragraph as (opening, closing) token indices:
/// sorted and disjoint, so every question is a binary search, and no rule
/// costs more than a logarithm per token however many quotes there are.
#[derive(Debug, Default)]
struct Quoted(Vec<(usize, usize)>);

impl Quoted {
    /// The quote that opens before `k` and closes after it, if any.
    fn around(&self, k: usize) -> Option<(usize, usize)> {
        let i = self.0.partition_point(|&(o, _)| o < k);
        i.checked_sub(1).map(|i| self.0[i]).filter(|&(_, c)| c > k)
    }

    /// Whether token `k` lies strictly between a quote's marks.
    fn inside(&self, k: usize) -> bool {
        self.around(k).is_some()
    }

    /// The quotes that open in `from..to`.
    fn opening_in(&self, from: usize, to: usize) -> &[(usize, usize)] {
        let a = self.0.partition_point(|&(o, _)| o < from);
        let b = self.0.partition_point(|&(o, _)| o < to);
        &self.0[a..b.max(a)]
    }

    /// Whether a quote opens at `j` and runs to the end `e` of some content.
    fn fills(&self, j: usize, e: usize) -> bool {
        self.opening_in(j, j + 1).iter().any(|&(_, c)| c + 1 >= e)
    }

    /// Whether a quote closes at token `k`.
    fn closes_at(&self, k: usize) -> bool {
        self.before(k).is_some_and(|(_, c)| c == k)
    }

    /// The last quote that opens before token `k` (the only one that can
    /// reach `k`, since quotes are disjoint).
    fn before(&self, k: usize) -> Option<(usize, usize)> {
        self.opening_in(0, k).last().copied()
    }

    /// Whether a quote opens in `j..e` and closes after it, or opens before it
    /// and closes inside it.
    fn crosses(&self, j: usize, e: usize) -> bool {
        self.opening_in(j, e).last().is_some_and(|&(_, c)| c >= e)
            || self.before(j).is_some_and(|(_, c)| c >= j && c < e)
    }
}

/// Trims white space from both ends of a span.
fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}
