//! The articles, each collapsed under a one-line summary (file, title,
//! outlet, date, statements, contradictions) and opened on demand. The text
//! carries the numbers of the file's lines (as diagnostics print them) and
//! every statement highlighted by kind, with its kind and who says it
//! (the attribution chain, else the speaker) written on it. When the set
//! holds several stories, the articles are grouped by story.

use super::text::{self, Mark, Point};
use super::{Esc, Links, or_none, plural};
use crate::analysis::{Analysis, AnalyzedArticle};
use crate::article::{ExclusionKind, Span};
use crate::grammar::Kind;
use std::collections::HashSet;
use std::fmt::{self, Write as _};

fn kind_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Direct => "direct quote",
        Kind::Partial => "partial quote",
        Kind::Scare => "scare quote",
        Kind::Indirect => "indirect speech",
    }
}

fn exclusion_word(kind: ExclusionKind) -> &'static str {
    match kind {
        ExclusionKind::Header => "header",
        ExclusionKind::Boilerplate => "boilerplate",
        ExclusionKind::Markup => "markup",
    }
}

/// The section. `contradicted[i]`: how many contradictions article `i`
/// takes part in.
pub(super) fn articles(
    s: &mut String,
    analysis: &Analysis,
    links: &Links,
    contradicted: &[usize],
) -> fmt::Result {
    write!(
        s,
        "<section id=\"articles\" aria-labelledby=\"articles-h\">\n<h2 id=\"articles-h\">The articles ({})</h2>\n\
         <p>Open an article to read it. Line numbers are the file's. Every statement is \
         highlighted by kind, with its kind and who says it written before it (the chain \
         of sources, nearest first). Site furniture that claimcheck leaves out is greyed \
         and labelled.</p>\n\
         <ul class=\"legend\" aria-label=\"Statement kinds\">\
         <li><span class=\"st st-direct\"><span class=\"kl\">direct</span>a full quotation</span></li>\
         <li><span class=\"st st-partial\"><span class=\"kl\">partial</span>a quoted fragment in reported speech</span></li>\
         <li><span class=\"st st-scare\"><span class=\"kl\">scare</span>a term held at a distance</span></li>\
         <li><span class=\"st st-indirect\"><span class=\"kl\">indirect</span>reported speech without quote marks</span></li>\
         <li><span class=\"ex\"><span class=\"kl\">excluded</span>left out: header, boilerplate, markup</span></li>\
         </ul>\n",
        analysis.articles.len()
    )?;
    let stories = &analysis.stories.stories;
    if stories.len() > 1 {
        for (n, story) in stories.iter().enumerate() {
            let about = if story.terms.is_empty() {
                String::new()
            } else {
                format!(": {}", Esc(&story.terms.join(", ")))
            };
            writeln!(
                s,
                "<section class=\"story-group\" id=\"story-{}\"><h3>Story {}{about} <span class=\"muted\">· {}</span></h3>",
                n + 1,
                n + 1,
                plural(story.articles.len(), "article")
            )?;
            for &i in &story.articles {
                if let Some(item) = analysis.articles.get(i) {
                    article(s, i, item, links, contradicted)?;
                }
            }
            s.push_str("</section>\n");
        }
    } else {
        for (i, item) in analysis.articles.iter().enumerate() {
            article(s, i, item, links, contradicted)?;
        }
    }
    s.push_str("</section>\n");
    Ok(())
}

/// Who says a statement, as written on it: the chain (nearest source
/// first), else the speaker, else nothing.
fn who(item: &AnalyzedArticle, k: usize) -> String {
    let chain = item
        .chains
        .get(k)
        .map(crate::sources::Chain::display)
        .unwrap_or_default();
    if !chain.is_empty() {
        return chain;
    }
    let r = &item.statements[k];
    if let Some(name) = &r.speaker {
        return name.clone();
    }
    r.statement
        .speaker
        .and_then(|sp| item.article.text.get(sp.range()))
        .map(|m| format!("“{m}”"))
        .unwrap_or_default()
}

/// The tooltip, when the text says more than the label: the speaker as
/// the text names them (a pronoun, a surname, a title) when that is not
/// what the label says, and whether they were carried over.
fn statement_title(item: &AnalyzedArticle, k: usize, who: &str) -> String {
    let st = &item.statements[k].statement;
    let mut info = Vec::new();
    if let Some(m) = st.speaker.and_then(|sp| item.article.text.get(sp.range()))
        && !who.ends_with(m)
    {
        info.push(format!("speaker as written: {m}"));
    }
    if st.inherited {
        info.push("speaker carried over from the quote before".to_string());
    }
    info.join("; ")
}

fn article(
    s: &mut String,
    i: usize,
    item: &AnalyzedArticle,
    links: &Links,
    contradicted: &[usize],
) -> fmt::Result {
    let a = &item.article;
    write!(
        s,
        "<details class=\"art\" id=\"art-{i}\"><summary><code>{}</code>",
        Esc(&a.id)
    )?;
    if let Some(t) = &a.title {
        write!(s, " <cite>{}</cite>", Esc(t))?;
    }
    write!(
        s,
        " <span class=\"meta\">· {} · {} · {}",
        or_none(a.outlet.as_deref(), "no outlet given"),
        or_none(a.date.map(|d| d.to_string()).as_deref(), "no date"),
        plural(item.statements.len(), "statement")
    )?;
    match contradicted.get(i).copied().unwrap_or(0) {
        0 => {}
        n => write!(
            s,
            " · <span class=\"badge\">{}</span>",
            plural(n, "contradiction")
        )?,
    }
    s.push_str("</span></summary>\n");
    if let Some(u) = &a.url {
        writeln!(s, "<p class=\"url\">{}</p>", Esc(u))?;
    }
    s.push_str("<div class=\"text\">");
    let mut marks: Vec<Mark> = Vec::new();
    for ex in &a.excluded {
        let word = exclusion_word(ex.kind);
        marks.push(Mark {
            span: ex.span,
            first: format!("<span class=\"ex\"><span class=\"kl\">excluded {word}</span>"),
            cont: "<span class=\"ex\">".to_string(),
            close: "</span>",
        });
    }
    let own: HashSet<(Span, Kind)> = item
        .statements
        .iter()
        .map(|r| (r.statement.span, r.statement.kind))
        .collect();
    for (k, r) in item.statements.iter().enumerate() {
        let st = &r.statement;
        let kind = st.kind.as_str();
        let cont = format!("<span class=\"st st-{kind}\">");
        let parts: &[Span] = if st.parts.len() > 1 {
            &st.parts
        } else {
            std::slice::from_ref(&st.span)
        };
        let who = who(item, k);
        let label = if who.is_empty() {
            format!("<span class=\"kl\">{kind}</span>")
        } else {
            format!(
                "<span class=\"kl\">{kind}</span><span class=\"who\">{}</span>",
                Esc(&who)
            )
        };
        for (p, part) in parts.iter().enumerate() {
            marks.push(Mark {
                span: *part,
                first: if p == 0 {
                    match statement_title(item, k, &who) {
                        t if t.is_empty() => {
                            format!("<span class=\"st st-{kind}\" id=\"art-{i}-s{k}\">{label}")
                        }
                        t => format!(
                            "<span class=\"st st-{kind}\" id=\"art-{i}-s{k}\" title=\"{}\">{label}",
                            Esc(&t)
                        ),
                    }
                } else {
                    cont.clone()
                },
                cont: cont.clone(),
                close: "</span>",
            });
        }
        // Quotes inside the statement that are not statements themselves
        // (a scare quote inside a direct quote).
        for n in &st.nested {
            if own.contains(&(n.span, n.kind)) {
                continue;
            }
            let nk = n.kind.as_str();
            marks.push(Mark {
                span: n.span,
                first: format!(
                    "<span class=\"st st-{nk}\" title=\"{} inside the {}\"><span class=\"kl\">{nk}</span>",
                    kind_words(n.kind),
                    kind_words(st.kind)
                ),
                cont: format!("<span class=\"st st-{nk}\">"),
                close: "</span>",
            });
        }
    }
    // A number at the start of every non-empty line; the first text line
    // of each file line is its anchor.
    let mut seen = HashSet::new();
    let points: Vec<Point> = links
        .lines(i)
        .iter()
        .map(|&(at, n)| Point {
            at,
            markup: if seen.insert(n) {
                format!("<i id=\"art-{i}-L{n}\" data-n=\"{n}\"></i>")
            } else {
                format!("<i data-n=\"{n}\"></i>")
            },
        })
        .collect();
    text::render_with(s, &a.text, &marks, &points)?;
    s.push_str("</div>\n</details>\n");
    Ok(())
}
