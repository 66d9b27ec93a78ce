//! `extract --syntax`: each sentence's words with their tags, lemma, head
//! and relation, as a readable table, as JSON, or as CoNLL-U (the Universal
//! Dependencies format, which treebank tools read).

use super::{Reporter, View, clip};
use crate::analysis::{Analysis, AnalyzedArticle};
use crate::ingest::InputRecord;
use crate::paint::Paint;
use crate::syntax::SentenceSyntax;
use serde::Serialize;
use std::io::{self, Write};

/// The table of `extract --syntax` (`--format human`).
#[derive(Debug, Default)]
pub struct SyntaxTable;

impl Reporter for SyntaxTable {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        write_human(analysis, out)
    }
}

/// The JSON document of `extract --syntax --format json`.
#[derive(Debug, Default)]
pub struct SyntaxJson;

impl Reporter for SyntaxJson {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        write_json(analysis, out)
    }
}

/// CoNLL-U output (`--format conllu`).
#[derive(Debug, Default)]
pub struct Conllu;

impl Reporter for Conllu {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        for item in &analysis.articles {
            conllu_article(item, out)?;
        }
        Ok(())
    }
}

/// One article's CoNLL-U (what `extract --syntax --format conllu` streams).
pub fn conllu_article(item: &AnalyzedArticle, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# newdoc id = {}", one_line(&item.article.id))?;
    for s in &item.syntax.sentences {
        write_conllu_sentence(item, s, out)?;
    }
    Ok(())
}

/// A comment value on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_conllu_sentence(
    item: &AnalyzedArticle,
    s: &SentenceSyntax,
    out: &mut dyn Write,
) -> io::Result<()> {
    let a = &item.article;
    let span = item.segments.sentences[s.sentence].span;
    writeln!(out, "# sent_id = {}#{}", one_line(&a.id), s.sentence + 1)?;
    writeln!(out, "# text = {}", one_line(a.slice(span)))?;
    for (i, t) in s.tokens.iter().enumerate() {
        let joined = s
            .tokens
            .get(i + 1)
            .is_some_and(|next| next.span.start == t.span.end);
        let space = if joined { "SpaceAfter=No|" } else { "" };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{space}start_byte={}|end_byte={}",
            i + 1,
            a.slice(t.span),
            t.lemma,
            t.upos,
            t.xpos,
            t.head,
            t.deprel,
            t.span.start,
            t.span.end
        )?;
    }
    writeln!(out)
}

/// The readable table: one block per sentence.
fn write_human(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    for item in &analysis.articles {
        let a = &item.article;
        let words: usize = item.syntax.sentences.iter().map(|s| s.tokens.len()).sum();
        writeln!(
            out,
            "{}  {}, {}",
            a.id.bold(),
            super::findings::plural(item.syntax.sentences.len(), "sentence"),
            super::findings::plural(words, "word")
        )?;
        for s in &item.syntax.sentences {
            let span = item.segments.sentences[s.sentence].span;
            let (line, col) = a.line_col(span.start);
            writeln!(
                out,
                "\n  {} {}",
                format!("{line}:{col}").dimmed(),
                clip(&one_line(a.slice(span)), 100)
            )?;
            let form_width = s
                .tokens
                .iter()
                .map(|t| a.slice(t.span).chars().count())
                .max()
                .unwrap_or(0)
                .min(24);
            for (i, t) in s.tokens.iter().enumerate() {
                let form = a.slice(t.span);
                let head = match t.head {
                    0 => "(root)".to_string(),
                    h => format!(
                        "{h} {}",
                        s.tokens.get(h - 1).map_or("", |w| a.slice(w.span))
                    ),
                };
                writeln!(
                    out,
                    "  {:>3}  {}  {:<5} {:<4}  {:<14}  {} {}",
                    i + 1,
                    format!("{form:<form_width$}").bold(),
                    t.upos,
                    t.xpos,
                    t.lemma,
                    format!("{:<12}", t.deprel).cyan(),
                    head
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    inputs: &'a [InputRecord],
    articles: Vec<ArticleOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    /// 1-based, as in `sent_id` of the CoNLL-U output.
    sentence: usize,
    text: &'a str,
    start: usize,
    end: usize,
    line: usize,
    words: Vec<WordOut<'a>>,
}

#[derive(Serialize)]
struct WordOut<'a> {
    id: usize,
    form: &'a str,
    start: usize,
    end: usize,
    lemma: &'a str,
    upos: &'a str,
    xpos: &'a str,
    head: usize,
    deprel: &'a str,
}

/// The JSON document of `extract --syntax --format json`.
fn write_json(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let articles = analysis
        .articles
        .iter()
        .map(|item| {
            let a = &item.article;
            ArticleOut {
                id: &a.id,
                sentences: item
                    .syntax
                    .sentences
                    .iter()
                    .map(|s| {
                        let span = item.segments.sentences[s.sentence].span;
                        SentenceOut {
                            sentence: s.sentence + 1,
                            text: a.slice(span),
                            start: span.start,
                            end: span.end,
                            line: a.line(span.start),
                            words: s
                                .tokens
                                .iter()
                                .enumerate()
                                .map(|(i, t)| WordOut {
                                    id: i + 1,
                                    form: a.slice(t.span),
                                    start: t.span.start,
                                    end: t.span.end,
                                    lemma: &t.lemma,
                                    upos: t.upos,
                                    xpos: t.xpos,
                                    head: t.head,
                                    deprel: t.deprel,
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let doc = Document {
        version: super::json::JSON_VERSION,
        inputs: &analysis.inputs,
        articles,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
