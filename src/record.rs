//! Claim records: one analysed article as one JSON line.
//!
//! A record holds everything the stages after extraction read (the article's
//! text and metadata, its sentences, statements, chains, people, claims and
//! entity mentions), so extraction can run in one place (one process per
//! shard of a cluster, say) and entity resolution, comparison and the rules
//! in another: `claimcheck extract --records` writes them, and
//! `claimcheck check --from-records` / `compare --from-records` read them
//! and give the same findings as a run over the articles themselves.
//! A text drawn out of a page or Markdown carries its file and its map
//! (`source`), so findings read from records still name the file's lines.
//!
//! `blocks` are the comparator's block keys: the events of the article's
//! claims. Two claims are only ever aligned when their events are equal
//! ([`crate::compare::align`]), so records grouped by block can be compared
//! block by block.

use crate::analysis::AnalyzedArticle;
use crate::article::{Article, Excluded, Origin, Span};
use crate::claims::ArticleClaims;
use crate::error::{InputError, InputErrorKind};
use crate::grammar::ParseIssue;
use crate::ingest::{InputRecord, InputStatus};
use crate::segment::Segmented;
use crate::sources::Chain;
use crate::speakers::{PersonName, Resolved};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read};

/// The record format's version; a reader refuses other versions.
pub const VERSION: u32 = 1;

/// The Zstandard level of compressed records (`-o records.jsonl.zst`): fast,
/// and about a tenth of the JSON's size.
pub const ZSTD_LEVEL: i32 = 3;

/// The first bytes of a Zstandard frame.
const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];

/// Whether records written to `path` are compressed (its name ends in
/// `.zst`).
pub fn compressed_name(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zst"))
}

/// `reader`, decompressed when it starts a Zstandard frame (whatever the
/// file's name), else as it is.
fn decompressed<'a>(mut reader: Box<dyn BufRead + 'a>) -> std::io::Result<Box<dyn BufRead + 'a>> {
    if reader.fill_buf()?.starts_with(&ZSTD_MAGIC) {
        let z = zstd::Decoder::with_buffer(reader)?;
        return Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, z)));
    }
    Ok(reader)
}

/// A record as written: borrows the analysed article.
#[derive(Serialize)]
struct RecordOut<'a> {
    claimcheck_record: u32,
    id: &'a str,
    origin: &'a Origin,
    date: Option<Date>,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    url: Option<&'a str>,
    blocks: Vec<&'a str>,
    text: &'a str,
    excluded: &'a [Excluded],
    segments: &'a Segmented,
    statements: &'a [Resolved],
    issues: &'a [ParseIssue],
    chains: &'a [Chain],
    people: &'a [PersonName],
    claims: &'a ArticleClaims,
    /// The text span of each chain link (left out of the chains' public JSON).
    chain_mentions: Vec<Vec<Option<Span>>>,
    claim_chain_mentions: Vec<Vec<Option<Span>>>,
    /// For a text drawn out of a page or Markdown: the file and the map to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceOut<'a>>,
}

/// The file a drawn-out text came from, and where each of its bytes lies.
#[derive(Serialize)]
struct SourceOut<'a> {
    file: &'a str,
    runs: &'a [crate::article::Run],
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceIn {
    file: String,
    runs: Vec<crate::article::Run>,
}

/// A record as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordIn {
    claimcheck_record: u32,
    id: String,
    origin: Origin,
    date: Option<Date>,
    outlet: Option<String>,
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    url: Option<String>,
    /// Read by cluster jobs, not here.
    #[serde(rename = "blocks")]
    _blocks: serde::de::IgnoredAny,
    text: String,
    excluded: Vec<Excluded>,
    segments: Segmented,
    statements: Vec<Resolved>,
    issues: Vec<ParseIssue>,
    chains: Vec<Chain>,
    people: Vec<PersonName>,
    claims: ArticleClaims,
    chain_mentions: Vec<Vec<Option<Span>>>,
    claim_chain_mentions: Vec<Vec<Option<Span>>>,
    #[serde(default)]
    source: Option<SourceIn>,
}

/// The comparator blocks of an article: the events of its claims, sorted,
/// each once (`statement`, which the comparator does not align, left out).
pub fn blocks(item: &AnalyzedArticle) -> Vec<&str> {
    let mut out: Vec<&str> = item
        .claims
        .claims
        .iter()
        .map(|c| c.event.as_str())
        .filter(|e| *e != "statement")
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn mentions_of<'a>(chains: impl Iterator<Item = &'a Chain>) -> Vec<Vec<Option<Span>>> {
    chains
        .map(|c| c.0.iter().map(|l| l.mention).collect())
        .collect()
}

fn restore(chains: &mut [Chain], mentions: &[Vec<Option<Span>>]) -> bool {
    if chains.len() != mentions.len() {
        return false;
    }
    for (c, m) in chains.iter_mut().zip(mentions) {
        if c.0.len() != m.len() {
            return false;
        }
        for (l, &span) in c.0.iter_mut().zip(m) {
            l.mention = span;
        }
    }
    true
}

/// Writes one article's record as one line of JSON (newline included).
pub fn write(item: &AnalyzedArticle, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let a = &item.article;
    let out = RecordOut {
        claimcheck_record: VERSION,
        id: &a.id,
        origin: &a.origin,
        date: a.date,
        outlet: a.outlet.as_deref(),
        title: a.title.as_deref(),
        author: a.author.as_deref(),
        url: a.url.as_deref(),
        blocks: blocks(item),
        text: &a.text,
        excluded: &a.excluded,
        segments: &item.segments,
        statements: &item.statements,
        issues: &item.issues,
        chains: &item.chains,
        people: &item.people,
        claims: &item.claims,
        chain_mentions: mentions_of(item.chains.iter()),
        claim_chain_mentions: mentions_of(item.claims.claims.iter().map(|c| &c.chain)),
        source: a.source.as_deref().map(|map| SourceOut {
            file: map.source(),
            runs: map.runs(),
        }),
    };
    serde_json::to_writer(&mut *w, &out)?;
    writeln!(w)
}

/// Parses one record line.
pub fn parse(line: &str) -> Result<AnalyzedArticle, InputErrorKind> {
    let bad = |message: String| InputErrorKind::BadRecord { message };
    let r: RecordIn = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
    if r.claimcheck_record != VERSION {
        return Err(bad(format!(
            "record version {} (this claimcheck reads version {VERSION}; write the records again)",
            r.claimcheck_record
        )));
    }
    let mut chains = r.chains;
    let mut claims = r.claims;
    let consistent = restore(&mut chains, &r.chain_mentions)
        && claims.claims.len() == r.claim_chain_mentions.len()
        && claims
            .claims
            .iter_mut()
            .zip(&r.claim_chain_mentions)
            .all(|(c, m)| restore(std::slice::from_mut(&mut c.chain), std::slice::from_ref(m)));
    if !consistent || chains.len() != r.statements.len() {
        return Err(bad("chains and statements do not line up".into()));
    }
    let text = r.text.as_str();
    let ok = |s: Span| {
        s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    let ok_opt = |s: Option<Span>| s.is_none_or(ok);
    let statement_ok = |s: &crate::grammar::Statement| {
        ok(s.span)
            && s.parts.iter().all(|&p| ok(p))
            && [
                s.speaker,
                s.cue,
                s.reporter,
                s.medium,
                s.addressee,
                s.antecedent,
            ]
            .into_iter()
            .all(ok_opt)
            && s.outer.iter().all(|&p| ok(p))
            && s.nested.iter().all(|n| ok(n.span))
    };
    if !r.segments.sentences.iter().all(|s| ok(s.span))
        || !r.segments.paragraphs.iter().all(|p| ok(p.span))
        || !r.excluded.iter().all(|e| ok(e.span))
        || !r.issues.iter().all(|i| ok(i.span))
        || !r.statements.iter().all(|s| statement_ok(&s.statement))
        || !claims.claims.iter().all(|c| {
            ok(c.sentence)
                && ok(c.trigger)
                && [c.polarity_cue, c.modality_cue, c.update_cue]
                    .into_iter()
                    .all(ok_opt)
                && c.chain.0.iter().all(|l| ok_opt(l.mention))
        })
        || !claims.mentions.iter().all(|m| ok(m.span))
        || !chains.iter().all(|c| c.0.iter().all(|l| ok_opt(l.mention)))
    {
        return Err(bad("a span lies outside the record's text".into()));
    }
    let text_len = r.text.len();
    let mut article = Article::new(r.id, r.origin, r.text);
    if let Some(source) = r.source {
        let map = crate::article::SourceMap::from_parts(source.file, source.runs, text_len)
            .ok_or_else(|| bad("its source map does not fit its text and file".into()))?;
        article.source = Some(std::sync::Arc::new(map));
    }
    article.author = r.author;
    article.date = r.date;
    article.outlet = r.outlet;
    article.title = r.title;
    article.url = r.url;
    article.excluded = r.excluded;
    Ok(AnalyzedArticle {
        article,
        segments: r.segments,
        statements: r.statements,
        issues: r.issues,
        chains,
        people: r.people,
        claims,
        syntax: crate::syntax::Syntax::default(),
    })
}

/// Records read from files, in the order given (files sorted, lines in
/// order), with one input entry per file and one per bad line.
#[derive(Debug, Default)]
pub struct Records {
    pub articles: Vec<AnalyzedArticle>,
    pub inputs: Vec<InputRecord>,
    /// Record files named more than once: read the first time only.
    pub duplicates: Vec<crate::ingest::Duplicate>,
}

/// Reads record files (`-` for standard input). A bad line is an input error
/// naming its file and line; the other lines are kept.
pub fn read_paths(paths: &[String], stdin: &mut dyn Read) -> Records {
    let mut sorted: Vec<&String> = paths.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut out = Records::default();
    let mut seen = crate::ingest::SeenFiles::default();
    for p in sorted {
        if p != "-"
            && let Err(duplicate) = seen.first_reading(p, std::path::Path::new(p.as_str()))
        {
            out.inputs.push(duplicate.record());
            out.duplicates.push(duplicate);
            continue;
        }
        let fail = |out: &mut Records, error: InputError| {
            out.inputs.push(InputRecord {
                path: error.path.clone(),
                line: error.line,
                status: InputStatus::Failed { error },
            });
        };
        let reader: Box<dyn BufRead + '_> = if p == "-" {
            Box::new(std::io::BufReader::new(&mut *stdin))
        } else {
            match std::fs::File::open(p) {
                Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 16, f)),
                Err(e) => {
                    let kind = if e.kind() == std::io::ErrorKind::NotFound {
                        InputErrorKind::NotFound
                    } else {
                        InputErrorKind::Io {
                            message: e.to_string(),
                        }
                    };
                    fail(&mut out, InputError::new(p.as_str(), kind));
                    continue;
                }
            }
        };
        let reader = match decompressed(reader) {
            Ok(r) => r,
            Err(e) => {
                let kind = InputErrorKind::Io {
                    message: e.to_string(),
                };
                fail(&mut out, InputError::new(p.as_str(), kind));
                continue;
            }
        };
        let before = out.articles.len();
        // A chunk of lines at a time, parsed in parallel: memory holds the
        // records read so far and one chunk of raw lines, not the file.
        let mut lines = reader.lines().enumerate();
        let mut io_error = None;
        while io_error.is_none() {
            let mut chunk = Vec::with_capacity(crate::ingest::JSONL_CHUNK);
            for (i, line) in lines.by_ref() {
                match line {
                    Ok(l) if l.trim().is_empty() => {}
                    Ok(l) => chunk.push((i + 1, l)),
                    Err(e) => {
                        let kind = InputErrorKind::Io {
                            message: e.to_string(),
                        };
                        io_error = Some(InputError::at_line(p.as_str(), i + 1, kind));
                        break;
                    }
                }
                if chunk.len() == crate::ingest::JSONL_CHUNK {
                    break;
                }
            }
            if chunk.is_empty() {
                break;
            }
            use rayon::prelude::*;
            let parsed: Vec<(usize, Result<AnalyzedArticle, InputErrorKind>)> =
                chunk.into_par_iter().map(|(n, l)| (n, parse(&l))).collect();
            for (n, r) in parsed {
                match r {
                    Ok(a) => out.articles.push(a),
                    Err(kind) => fail(&mut out, InputError::at_line(p.as_str(), n, kind)),
                }
            }
        }
        if let Some(e) = io_error {
            fail(&mut out, e);
        }
        let read = out.articles.len() - before;
        if read == 0 && !out.inputs.iter().any(|r| r.path == *p && r.is_failed()) {
            fail(
                &mut out,
                InputError::new(p.as_str(), InputErrorKind::EmptyFile),
            );
            continue;
        }
        out.inputs.push(InputRecord {
            path: p.clone(),
            line: None,
            status: InputStatus::Read { articles: read },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Settings;

    fn analysed() -> AnalyzedArticle {
        let article = crate::ingest::parse_text(
            "a.txt",
            "date 2022-02-28\nTalks between Ukraine and Russia were held in Gomel on Monday, \
             RIA news agency reported, quoting negotiator Vladimir Medinsky. \"We are ready,\" \
             Medinsky said."
                .to_string(),
        )
        .unwrap();
        let settings = Settings {
            claims: true,
            ..Settings::default()
        };
        AnalyzedArticle::new(article, &settings)
    }

    #[test]
    fn a_record_reads_back_as_the_article_it_was_written_from() {
        let item = analysed();
        let mut line = Vec::new();
        write(&item, &mut line).unwrap();
        assert!(line.ends_with(b"\n"));
        let back = parse(std::str::from_utf8(&line).unwrap().trim_end()).unwrap();
        assert_eq!(back.article.text, item.article.text);
        assert_eq!(back.article.date, item.article.date);
        assert_eq!(back.article.origin, item.article.origin);
        assert_eq!(back.segments, item.segments);
        assert_eq!(back.statements, item.statements);
        assert_eq!(back.chains, item.chains);
        // Link mentions are not in the chains' JSON but survive the record.
        assert!(
            back.chains
                .iter()
                .flat_map(|c| &c.0)
                .any(|l| l.mention.is_some())
        );
        assert_eq!(back.people, item.people);
        assert_eq!(back.claims.mentions, item.claims.mentions);
        assert_eq!(back.claims.claims.len(), item.claims.claims.len());
        for (b, a) in back.claims.claims.iter().zip(&item.claims.claims) {
            assert_eq!(b.chain, a.chain);
            assert_eq!(b.event, a.event);
            assert_eq!(b.time, a.time);
            assert_eq!(b.quantity, a.quantity);
            assert_eq!(
                b.place.as_ref().map(|p| &p.parts),
                a.place.as_ref().map(|p| &p.parts)
            );
        }
        assert_eq!(blocks(&back), vec!["talks"]);
    }

    #[test]
    fn a_page_record_keeps_its_map_to_the_file() {
        let page = "<html><head><meta name=\"author\" content=\"Ann Lee\"></head>\n<body><p>&ldquo;We are ready,&rdquo; said\n  Ana Ruiz, the harbour master.</p></body></html>";
        let parsed = crate::ingest::parse_html("p.html", page.into(), Default::default()).unwrap();
        let item = AnalyzedArticle::new(parsed.article, &Settings::default());
        let mut line = Vec::new();
        write(&item, &mut line).unwrap();
        let back = parse(std::str::from_utf8(&line).unwrap().trim_end()).unwrap();
        assert_eq!(back.article.author.as_deref(), Some("Ann Lee"));
        let ruiz = back.article.text.find("Ana Ruiz").unwrap();
        let span = Span::new(ruiz, ruiz + 8);
        assert_eq!(&page[back.article.file_span(span).range()], "Ana Ruiz");
        assert_eq!(back.article.line_col(ruiz), item.article.line_col(ruiz));
        assert_eq!(back.article.line_col(ruiz), (3, 3));
        // A map that does not fit its text is a bad record, not a panic.
        let broken = String::from_utf8(line)
            .unwrap()
            .replace("\"text_len\":", "\"text_len\":9999");
        assert!(matches!(
            parse(broken.trim_end()),
            Err(InputErrorKind::BadRecord { .. })
        ));
    }

    #[test]
    fn malformed_lines_are_errors_not_panics() {
        for line in ["", "{}", "[1,2]", "{\"claimcheck_record\":1}", "nul\u{0}"] {
            assert!(
                matches!(parse(line), Err(InputErrorKind::BadRecord { .. })),
                "{line:?}"
            );
        }
    }
}
