//! The HTML fact-check report (`check --format html`): one self-contained
//! page to share, with no network access, no external script, font or image.
//!
//! Sections, in order: the story set (articles, dates, outlets, counts), the
//! contradictions side by side with the conflicting values marked, each
//! article's full text with every statement highlighted by kind, the source
//! graph drawn as inline SVG ([`svg`]), the entities with their spellings,
//! and the findings with filters.
//!
//! Safety and robustness:
//! - every piece of text that is not our own markup goes through
//!   [`escape::escape_to`] (article text, paths, names, messages);
//! - the page's Content-Security-Policy allows inline styles and exactly one
//!   script, by its SHA-256 hash, so even a missed escape could not run code;
//! - the one script only filters the findings table; everything is readable
//!   without it (`<details>` for what expands);
//! - the output depends only on the analysis: no timestamps, stable order.

mod escape;
mod svg;
mod text;

pub use escape::{Esc, escape_to};

use super::claims::{AlignedClaimOut, alignments_out, entities_out};
use super::findings::{self, summary};
use super::{Reporter, View};
use crate::analysis::{Analysis, AnalyzedArticle};
use crate::article::{ExclusionKind, Span};
use crate::compare::align::Verdict;
use crate::grammar::Kind;
use crate::rules::{Rule, Severity};
use crate::sources::{Chain, EdgeKind, SourceKind};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use text::Mark;

/// The self-contained HTML report.
#[derive(Debug, Default)]
pub struct Html;

impl Reporter for Html {
    fn write(&self, analysis: &Analysis, _view: View, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(analysis).as_bytes())
    }
}

/// The whole page as a string.
pub fn render(analysis: &Analysis) -> String {
    let mut s = String::with_capacity(
        32 * 1024
            + analysis
                .articles
                .iter()
                .map(|a| a.article.text.len() * 2)
                .sum::<usize>(),
    );
    // Writing to a String cannot fail; the `fmt::Result`s only carry `?`.
    let _ = page(&mut s, analysis);
    s
}

/// The one script: findings filters. It also marks `<body data-js="ready">`
/// so a test can tell that it ran.
pub const SCRIPT: &str = include_str!("filter.js");

/// The Content-Security-Policy: nothing from anywhere, inline styles, and
/// the one script by its hash.
pub fn content_security_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; \
         base-uri 'none'; form-action 'none'"
    )
}

const STYLE: &str = include_str!("style.css");

fn page(s: &mut String, analysis: &Analysis) -> fmt::Result {
    let sum = summary(analysis);
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    writeln!(
        s,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        Esc(&content_security_policy())
    )?;
    s.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    writeln!(
        s,
        "<meta name=\"generator\" content=\"claimcheck {}\">",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        s,
        "<title>Fact-check report: {}, {}</title>",
        plural(sum.articles, "article"),
        plural(sum.contradictions, "contradiction")
    )?;
    writeln!(s, "<style>\n{STYLE}</style>\n</head>\n<body>")?;
    s.push_str("<a class=\"skip\" href=\"#main\">Skip to the report</a>\n");
    s.push_str("<header>\n<h1>Fact-check report</h1>\n");
    let about = if sum.one_story {
        "about one story".to_string()
    } else if sum.mixed {
        format!("on {} stories, not one", sum.stories)
    } else {
        format!("on {} stories, most on one", sum.stories)
    };
    writeln!(
        s,
        "<p class=\"lede\">{} {about}, checked by claimcheck: who says what, \
         on whose word, and where the articles disagree.</p>",
        plural(sum.articles, "article")
    )?;
    s.push_str(
        "<nav aria-label=\"Contents\"><ul>\
         <li><a href=\"#story\">Story set</a></li>\
         <li><a href=\"#contradictions\">Contradictions</a></li>\
         <li><a href=\"#articles\">Articles</a></li>\
         <li><a href=\"#sources\">Sources</a></li>\
         <li><a href=\"#entities\">Entities</a></li>\
         <li><a href=\"#findings\">Findings</a></li>\
         </ul></nav>\n</header>\n<main id=\"main\">\n",
    );
    story(s, analysis, &sum)?;
    contradictions(s, analysis)?;
    articles(s, analysis)?;
    sources(s, analysis)?;
    entities(s, analysis)?;
    findings_table(s, analysis)?;
    s.push_str("</main>\n<footer><p>Made by claimcheck ");
    s.push_str(env!("CARGO_PKG_VERSION"));
    s.push_str(
        ". This page is self-contained: it loads nothing, and its one script only \
         filters the findings table.</p></footer>\n",
    );
    writeln!(s, "<script>{SCRIPT}</script>\n</body>\n</html>")
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "A", "B", … "Z", then "27", "28", …
fn side_name(i: usize) -> String {
    match u8::try_from(i) {
        Ok(b) if b < 26 => char::from(b'A' + b).to_string(),
        _ => (i + 1).to_string(),
    }
}

/// The chain as a reporter writes it, or the article's own narration.
fn source_words(chain: &Chain) -> String {
    let d = chain.display();
    if d.is_empty() {
        "the article's own narration".to_string()
    } else {
        d
    }
}

/// When the set tells more than one story: what it is about, and a table
/// of the stories (the largest first, at most [`STORIES_SHOWN`]).
fn stories(s: &mut String, analysis: &Analysis) -> fmt::Result {
    let Some(note) = findings::story_note(analysis) else {
        return Ok(());
    };
    let mut order: Vec<&crate::resolve::stories::Story> = analysis.stories.stories.iter().collect();
    order.sort_by_key(|st| (std::cmp::Reverse(st.articles.len()), st.articles[0]));
    write!(
        s,
        "<p class=\"note\"><strong>Not one story.</strong> {}.</p>\n\
         <div class=\"scroll\"><table class=\"stories\">\n<caption>The stories</caption>\n\
         <thead><tr><th scope=\"col\" class=\"num\">Articles</th><th scope=\"col\">About</th>\
         <th scope=\"col\">Articles</th></tr></thead>\n<tbody>\n",
        Esc(&note)
    )?;
    for st in order.iter().take(STORIES_SHOWN) {
        write!(
            s,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>",
            st.articles.len(),
            if st.terms.is_empty() {
                "—".to_string()
            } else {
                Esc(&st.terms.join(", ")).to_string()
            }
        )?;
        for (k, &a) in st.articles.iter().enumerate() {
            if k > 0 {
                s.push_str(", ");
            }
            write!(
                s,
                "<a href=\"#art-{a}\"><code>{}</code></a>",
                Esc(&analysis.articles[a].article.id)
            )?;
        }
        s.push_str("</td></tr>\n");
    }
    s.push_str("</tbody></table></div>\n");
    if order.len() > STORIES_SHOWN {
        writeln!(
            s,
            "<p class=\"note\">{} more stories of one article or a few.</p>",
            order.len() - STORIES_SHOWN
        )?;
    }
    Ok(())
}

/// The most stories the report lists.
const STORIES_SHOWN: usize = 50;

fn story(s: &mut String, analysis: &Analysis, sum: &findings::Summary) -> fmt::Result {
    s.push_str("<section id=\"story\" aria-labelledby=\"story-h\">\n<h2 id=\"story-h\">The story set</h2>\n<dl class=\"counts\">");
    let entities = analysis.entities.entities.len();
    for (n, what) in [
        (sum.articles, "articles"),
        (sum.stories, "stories"),
        (sum.statements, "statements"),
        (sum.sources, "sources"),
        (sum.claims, "claims"),
        (entities, "entities"),
        (sum.agreements, "agreements"),
        (sum.contradictions, "contradictions"),
    ] {
        write!(s, "<div><dt>{what}</dt><dd>{n}</dd></div>")?;
    }
    write!(
        s,
        "<div><dt>findings</dt><dd>{}</dd><dd class=\"sub\">{} errors, {} warnings, {} infos{}</dd></div>",
        sum.errors + sum.warnings + sum.infos,
        sum.errors,
        sum.warnings,
        sum.infos,
        if sum.suppressed > 0 {
            format!("; {} suppressed", sum.suppressed)
        } else {
            String::new()
        }
    )?;
    s.push_str("</dl>\n");
    stories(s, analysis)?;
    s.push_str(
        "<div class=\"scroll\"><table class=\"articles\">\n<caption>The articles</caption>\n\
         <thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Outlet</th>\
         <th scope=\"col\">Date</th><th scope=\"col\">Title</th>\
         <th scope=\"col\" class=\"num\">Statements</th></tr></thead>\n<tbody>\n",
    );
    for (i, item) in analysis.articles.iter().enumerate() {
        let a = &item.article;
        writeln!(
            s,
            "<tr><th scope=\"row\"><a href=\"#art-{i}\"><code>{}</code></a></th><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            Esc(&a.id),
            or_none(a.outlet.as_deref(), "not given"),
            or_none(a.date.map(|d| d.to_string()).as_deref(), "no date"),
            or_none(a.title.as_deref(), "—"),
            item.statements.len()
        )?;
    }
    s.push_str("</tbody></table></div>\n");
    let failed: Vec<_> = analysis
        .inputs
        .iter()
        .filter(|i| !matches!(i.status, crate::ingest::InputStatus::Read { .. }))
        .collect();
    if !failed.is_empty() {
        write!(
            s,
            "<details class=\"inputs\"><summary>{} not read</summary><ul>",
            plural(failed.len(), "input")
        )?;
        for input in failed {
            match &input.status {
                crate::ingest::InputStatus::Failed { error } => write!(
                    s,
                    "<li><strong>failed</strong>: {}</li>",
                    Esc(&error.to_string())
                )?,
                crate::ingest::InputStatus::Skipped { reason } => write!(
                    s,
                    "<li><strong>skipped</strong>: <code>{}</code>: {}</li>",
                    Esc(&input.path),
                    Esc(reason)
                )?,
                crate::ingest::InputStatus::Read { .. } => {}
            }
        }
        s.push_str("</ul></details>\n");
    }
    s.push_str("</section>\n");
    Ok(())
}

/// Escaped text, or a muted placeholder.
fn or_none(value: Option<&str>, none: &str) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => Esc(v).to_string(),
        _ => format!("<span class=\"muted\">{}</span>", Esc(none)),
    }
}

/// Article indices by id, for links.
fn article_indices(analysis: &Analysis) -> std::collections::HashMap<&str, usize> {
    analysis
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.article.id.as_str(), i))
        .collect()
}

fn contradictions(s: &mut String, analysis: &Analysis) -> fmt::Result {
    let all = alignments_out(analysis);
    let index = article_indices(analysis);
    let (contra, other): (Vec<_>, Vec<_>) = all
        .iter()
        .partition(|al| al.verdict == Verdict::Contradiction);
    write!(
        s,
        "<section id=\"contradictions\" aria-labelledby=\"contradictions-h\">\n\
         <h2 id=\"contradictions-h\">Contradictions ({})</h2>\n",
        contra.len()
    )?;
    if contra.is_empty() {
        s.push_str(
            "<p>The articles do not contradict each other on any claim claimcheck aligned.</p>\n",
        );
    }
    for (n, al) in contra.iter().enumerate() {
        write!(
            s,
            "<article class=\"contra\" aria-labelledby=\"contra-{n}\">\n<h3 id=\"contra-{n}\">{}</h3>\n",
            Esc(al.topic)
        )?;
        write!(s, "<p class=\"why\">Same event ({})", Esc(&al.why.event))?;
        if !al.why.shared.is_empty() {
            write!(s, ", naming {}", Esc(&al.why.shared.join(", ")))?;
        }
        if let (Some(from), Some(to)) = (&al.why.from, &al.why.to) {
            write!(s, ", between {} and {}", Esc(from), Esc(to))?;
        }
        write!(
            s,
            ". The {} differs (rule <code>{}</code>).</p>\n<div class=\"sides\">\n",
            Esc(slot_word(al.slot)),
            Esc(al.rule)
        )?;
        let sides = al.claims.iter().map(|c| c.side).max().map_or(0, |m| m + 1);
        for side in 0..sides {
            let claims: Vec<&AlignedClaimOut> =
                al.claims.iter().filter(|c| c.side == side).collect();
            let Some(first) = claims.first() else {
                continue;
            };
            write!(
                s,
                "<div class=\"side\">\n<h4><span class=\"side-tag\">Side {}</span> {}</h4>\n<ul class=\"claims\">\n",
                side_name(side),
                Esc(first.value)
            )?;
            for c in claims {
                s.push_str("<li><blockquote class=\"sentence\">");
                sentence_with_value(s, analysis, index.get(c.article).copied(), c)?;
                write!(
                    s,
                    "</blockquote>\n<p class=\"chain\"><span class=\"muted\">Source:</span> {}</p>\n",
                    Esc(&source_words(c.chain))
                )?;
                match index.get(c.article) {
                    Some(i) => write!(
                        s,
                        "<p class=\"loc\"><a href=\"#art-{i}\"><code>{}</code></a>, line {}</p>",
                        Esc(c.article),
                        c.line
                    )?,
                    None => write!(
                        s,
                        "<p class=\"loc\"><code>{}</code>, line {}</p>",
                        Esc(c.article),
                        c.line
                    )?,
                }
                s.push_str("</li>\n");
            }
            s.push_str("</ul>\n</div>\n");
        }
        s.push_str("</div>\n</article>\n");
    }
    if !other.is_empty() {
        write!(
            s,
            "<details class=\"other\"><summary>Other aligned claims ({}): agreements, refinements, updates</summary>\n<ul>\n",
            other.len()
        )?;
        for al in other {
            let mut values: Vec<&str> = al.claims.iter().map(|c| c.value).collect();
            values.dedup();
            let articles: std::collections::BTreeSet<&str> =
                al.claims.iter().map(|c| c.article).collect();
            writeln!(
                s,
                "<li><strong>{}</strong>: {} ({}; {} in {})</li>",
                Esc(al.topic),
                Esc(al.verdict.as_str()),
                Esc(&values.join(" / ")),
                plural(al.claims.len(), "claim"),
                plural(articles.len(), "article")
            )?;
        }
        s.push_str("</ul>\n</details>\n");
    }
    s.push_str("</section>\n");
    Ok(())
}

fn slot_word(slot: crate::compare::align::SlotKind) -> &'static str {
    use crate::compare::align::SlotKind;
    match slot {
        SlotKind::Place => "place",
        SlotKind::Time => "time",
        SlotKind::Quantity => "figure",
        SlotKind::Polarity => "polarity (whether it happened)",
        SlotKind::Role => "role",
        SlotKind::Event => "event",
        SlotKind::Veracity => "veracity (whether it is true)",
    }
}

/// The claim's sentence with its value in `<mark>`.
fn sentence_with_value(
    s: &mut String,
    analysis: &Analysis,
    article: Option<usize>,
    c: &AlignedClaimOut,
) -> fmt::Result {
    let Some(item) = article.and_then(|i| analysis.articles.get(i)) else {
        return escape_to(s, c.text);
    };
    let text = item.article.text.as_str();
    let mark = c.value_at.as_ref().map(|v| Mark {
        span: Span::new(v.start, v.end),
        first: format!("<mark title=\"the value in question: {}\">", Esc(c.value)),
        cont: "<mark>".to_string(),
        close: "</mark>",
    });
    match (mark, text.get(c.start..c.end)) {
        (Some(m), Some(_)) if c.start <= m.span.start && m.span.end <= c.end => {
            let local = Mark {
                span: Span::new(m.span.start - c.start, m.span.end - c.start),
                ..m
            };
            text::render(s, c.text, std::slice::from_ref(&local))
        }
        _ => escape_to(s, c.text),
    }
}

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

fn articles(s: &mut String, analysis: &Analysis) -> fmt::Result {
    s.push_str(
        "<section id=\"articles\" aria-labelledby=\"articles-h\">\n<h2 id=\"articles-h\">The articles</h2>\n\
         <p>Every statement is highlighted by kind, with its kind written before it. \
         Focus one (Tab) or point at it to see its speaker, cue and attribution chain. \
         Site furniture that claimcheck leaves out is greyed and labelled.</p>\n\
         <ul class=\"legend\" aria-label=\"Statement kinds\">\
         <li><span class=\"st st-direct\"><span class=\"kl\">direct</span>a full quotation</span></li>\
         <li><span class=\"st st-partial\"><span class=\"kl\">partial</span>a quoted fragment in reported speech</span></li>\
         <li><span class=\"st st-scare\"><span class=\"kl\">scare</span>a term held at a distance</span></li>\
         <li><span class=\"st st-indirect\"><span class=\"kl\">indirect</span>reported speech without quote marks</span></li>\
         <li><span class=\"ex\"><span class=\"kl\">excluded</span>left out: header, boilerplate, markup</span></li>\
         </ul>\n",
    );
    for (i, item) in analysis.articles.iter().enumerate() {
        article(s, i, item)?;
    }
    s.push_str("</section>\n");
    Ok(())
}

/// The popup and tooltip text of a statement.
fn statement_info(item: &AnalyzedArticle, k: usize) -> String {
    let r = &item.statements[k];
    let st = &r.statement;
    let a = &item.article;
    let mut info = kind_words(st.kind).to_string();
    let mention = st.speaker.and_then(|sp| a.text.get(sp.range()));
    match (r.speaker.as_deref(), mention) {
        (Some(name), Some(m)) if m != name => {
            write!(info, "\nspeaker: {name} (“{m}”)").ok();
        }
        (Some(name), _) => {
            write!(info, "\nspeaker: {name}").ok();
        }
        (None, Some(m)) => {
            write!(info, "\nspeaker: “{m}”").ok();
        }
        (None, None) => info.push_str("\nspeaker: none named"),
    }
    if st.inherited {
        info.push_str(" (carried over from the quote before)");
    }
    match st.cue.and_then(|c| a.text.get(c.range())) {
        Some(cue) => write!(info, "\ncue: {cue}").ok(),
        None => write!(info, "\ncue: none").ok(),
    };
    let chain = item.chains.get(k).map(Chain::display).unwrap_or_default();
    if chain.is_empty() {
        info.push_str("\nchain: none (no source named)");
    } else {
        write!(info, "\nchain: {chain}").ok();
    }
    info
}

fn article(s: &mut String, i: usize, item: &AnalyzedArticle) -> fmt::Result {
    let a = &item.article;
    write!(
        s,
        "<article class=\"art\" id=\"art-{i}\" aria-labelledby=\"art-{i}-h\">\n<h3 id=\"art-{i}-h\"><code>{}</code></h3>\n<p class=\"meta\">",
        Esc(&a.id)
    )?;
    let mut meta: Vec<String> = Vec::new();
    if let Some(t) = &a.title {
        meta.push(format!("<cite>{}</cite>", Esc(t)));
    }
    meta.push(or_none(a.outlet.as_deref(), "no outlet given"));
    meta.push(or_none(a.date.map(|d| d.to_string()).as_deref(), "no date"));
    if let Some(u) = &a.url {
        meta.push(format!("<span class=\"url\">{}</span>", Esc(u)));
    }
    meta.push(plural(item.statements.len(), "statement"));
    s.push_str(&meta.join(" · "));
    s.push_str("</p>\n<div class=\"text\">");
    let mut marks: Vec<Mark> = Vec::new();
    for ex in &a.excluded {
        let word = exclusion_word(ex.kind);
        marks.push(Mark {
            span: ex.span,
            first: format!(
                "<span class=\"ex\" title=\"excluded: {word}\"><span class=\"kl\">excluded {word}</span>"
            ),
            cont: format!("<span class=\"ex\" title=\"excluded: {word}\">"),
            close: "</span>",
        });
    }
    let own: std::collections::HashSet<(Span, Kind)> = item
        .statements
        .iter()
        .map(|r| (r.statement.span, r.statement.kind))
        .collect();
    for (k, r) in item.statements.iter().enumerate() {
        let st = &r.statement;
        let info = statement_info(item, k);
        let kind = st.kind.as_str();
        let cont = format!("<span class=\"st st-{kind}\" title=\"{}\">", Esc(&info));
        let parts: &[Span] = if st.parts.len() > 1 {
            &st.parts
        } else {
            std::slice::from_ref(&st.span)
        };
        for (p, part) in parts.iter().enumerate() {
            marks.push(Mark {
                span: *part,
                first: if p == 0 {
                    format!(
                        "<span class=\"st st-{kind}\" id=\"art-{i}-s{k}\" tabindex=\"0\" title=\"{0}\" data-info=\"{0}\"><span class=\"kl\">{kind}</span>",
                        Esc(&info)
                    )
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
            let ninfo = format!(
                "{} inside the {} above\n{}",
                kind_words(n.kind),
                kind_words(st.kind),
                info.lines().skip(1).collect::<Vec<_>>().join("\n")
            );
            marks.push(Mark {
                span: n.span,
                first: format!(
                    "<span class=\"st st-{nk}\" tabindex=\"0\" title=\"{0}\" data-info=\"{0}\"><span class=\"kl\">{nk}</span>",
                    Esc(&ninfo)
                ),
                cont: format!("<span class=\"st st-{nk}\" title=\"{}\">", Esc(&ninfo)),
                close: "</span>",
            });
        }
    }
    text::render(s, &a.text, &marks)?;
    s.push_str("</div>\n</article>\n");
    Ok(())
}

fn sources(s: &mut String, analysis: &Analysis) -> fmt::Result {
    let g = super::source_graph(analysis);
    s.push_str(
        "<section id=\"sources\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Sources</h2>\n",
    );
    if g.nodes.is_empty() {
        s.push_str("<p>No statement in these articles names a source.</p>\n</section>\n");
        return Ok(());
    }
    s.push_str(
        "<p>Who passed on whose words: articles on the left, the outlets that relay in the \
         middle, the origins on the right. Each kind of source has its own shape and its kind \
         written under its name.</p>\n<ul class=\"legend\" aria-label=\"Kinds of source\">",
    );
    for kind in [
        SourceKind::Article,
        SourceKind::Outlet,
        SourceKind::Person,
        SourceKind::Organisation,
        SourceKind::Medium,
        SourceKind::Anonymous,
    ] {
        s.push_str("<li><svg class=\"mini\" viewBox=\"0 0 44 24\" width=\"44\" height=\"24\" aria-hidden=\"true\">");
        svg::shape(s, kind, 2.0, 2.0, 40.0, 20.0)?;
        write!(s, "</svg> {}</li>", kind.as_str())?;
    }
    s.push_str(
        "<li><svg class=\"mini\" viewBox=\"0 0 44 24\" width=\"44\" height=\"24\" aria-hidden=\"true\"><path class=\"edge e-reports\" d=\"M2 12H42\"/></svg> reports</li>\
         <li><svg class=\"mini\" viewBox=\"0 0 44 24\" width=\"44\" height=\"24\" aria-hidden=\"true\"><path class=\"edge e-quotes\" d=\"M2 12H42\"/></svg> quotes</li></ul>\n",
    );
    if g.nodes.len() > svg::MAX_DRAWN {
        writeln!(
            s,
            "<p>The graph has {} sources, too many to draw; the list below has every link.</p>",
            g.nodes.len()
        )?;
    } else {
        s.push_str("<div class=\"scroll graph-wrap\">");
        svg::write_svg(s, analysis, &g)?;
        s.push_str("</div>\n");
    }
    write!(
        s,
        "<details class=\"links\"><summary>Every link in words ({})</summary>\n<ul>\n",
        g.edges.len()
    )?;
    for e in &g.edges {
        let (Some(from), Some(to)) = (g.nodes.get(e.from), g.nodes.get(e.to)) else {
            continue;
        };
        let verb = match e.kind {
            EdgeKind::Reports => "reports",
            EdgeKind::Quotes => "quotes",
        };
        let at: Vec<String> = e
            .evidence
            .iter()
            .map(|ev| format!("{}:{}", ev.article, ev.line))
            .collect();
        writeln!(
            s,
            "<li><strong>{}</strong> ({}) {verb} <strong>{}</strong> ({}): {} <span class=\"muted\">({})</span></li>",
            Esc(&from.name),
            from.kind.as_str(),
            Esc(&to.name),
            to.kind.as_str(),
            plural(e.evidence.len(), "statement"),
            Esc(&at.join(", "))
        )?;
    }
    s.push_str("</ul>\n</details>\n</section>\n");
    Ok(())
}

fn via_word(via: crate::claims::mentions::Via) -> &'static str {
    use crate::claims::mentions::Via;
    match via {
        Via::Name => "name",
        Via::Surname => "surname",
        Via::Demonym => "demonym",
        Via::Metonym => "metonym",
        Via::Role => "role",
    }
}

fn entities(s: &mut String, analysis: &Analysis) -> fmt::Result {
    let list = entities_out(analysis);
    write!(
        s,
        "<section id=\"entities\" aria-labelledby=\"entities-h\">\n<h2 id=\"entities-h\">Entities ({})</h2>\n",
        list.len()
    )?;
    if list.is_empty() {
        s.push_str("<p>No entity was found.</p>\n</section>\n");
        return Ok(());
    }
    s.push_str(
        "<p>Every name claimcheck resolved, with all its spellings across the articles \
         (how many times, how it names the entity, and where it first occurs).</p>\n\
         <div class=\"scroll\"><table class=\"entities\">\n<thead><tr><th scope=\"col\">Entity</th>\
         <th scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">Mentions</th>\
         <th scope=\"col\">Spellings</th></tr></thead>\n<tbody>\n",
    );
    for e in &list {
        let several = e.variants.len() > 1;
        write!(
            s,
            "<tr{}><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td><ul class=\"spellings\">",
            if several { " class=\"several\"" } else { "" },
            Esc(e.name),
            e.kind.as_str(),
            e.mentions
        )?;
        for v in &e.variants {
            write!(
                s,
                "<li><q>{}</q> ×{} <span class=\"via\">{}</span> <span class=\"muted\">{}:{}</span></li>",
                Esc(v.text),
                v.count,
                via_word(v.via),
                Esc(v.first.0),
                v.first.1
            )?;
        }
        s.push_str("</ul></td></tr>\n");
    }
    s.push_str("</tbody></table></div>\n</section>\n");
    Ok(())
}

fn severity_mark(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

fn findings_table(s: &mut String, analysis: &Analysis) -> fmt::Result {
    let list: Vec<_> = analysis
        .findings
        .iter()
        .map(|f| (f, findings::finding(analysis, f)))
        .collect();
    write!(
        s,
        "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings ({})</h2>\n",
        list.len()
    )?;
    if list.is_empty() {
        s.push_str("<p>No findings.</p>\n</section>\n");
        return Ok(());
    }
    // Filters: hidden until the script shows them, since they need it.
    s.push_str("<form id=\"filters\" class=\"filters\" hidden>\n<fieldset><legend>Rule</legend>");
    for rule in Rule::ALL {
        let n = list.iter().filter(|(f, _)| f.rule == rule).count();
        if n > 0 {
            write!(
                s,
                "<label><input type=\"checkbox\" name=\"rule\" value=\"{0}\" checked> {0} ({n})</label>",
                Esc(rule.code())
            )?;
        }
    }
    s.push_str("</fieldset>\n<fieldset><legend>Severity</legend>");
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let n = list.iter().filter(|(f, _)| f.severity == sev).count();
        if n > 0 {
            write!(
                s,
                "<label><input type=\"checkbox\" name=\"severity\" value=\"{0}\" checked> {1} {0} ({n})</label>",
                sev.as_str(),
                severity_mark(sev)
            )?;
        }
    }
    write!(
        s,
        "</fieldset>\n<p class=\"shown\" aria-live=\"polite\"><span id=\"shown\">{0}</span> of {0} findings shown</p>\n</form>\n",
        list.len()
    )?;
    s.push_str(
        "<div class=\"scroll\"><table id=\"findings-table\" class=\"findings\">\n<thead><tr>\
         <th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Location</th>\
         <th scope=\"col\">Message</th></tr></thead>\n<tbody>\n",
    );
    for (f, out) in &list {
        let sev = f.severity.as_str();
        let loc = &out.location;
        write!(
            s,
            "<tr data-rule=\"{}\" data-severity=\"{sev}\"><td><span class=\"sev sev-{sev}\">{} {sev}</span>{}</td><td><code class=\"rule\">{}</code></td>\
             <td><a href=\"#art-{}\"><code>{}:{}:{}</code></a></td><td>",
            Esc(f.rule.code()),
            severity_mark(f.severity),
            match &out.suppression {
                Some(why) => format!(
                    " <span class=\"muted\">(suppressed by {})</span>",
                    Esc(&why.describe())
                ),
                None => String::new(),
            },
            Esc(f.rule.code()),
            f.location.article,
            Esc(loc.article),
            loc.line,
            loc.column
        )?;
        let more = !out.related.is_empty() || !out.notes.is_empty() || !out.label.is_empty();
        if more {
            write!(s, "<details><summary>{}</summary>", Esc(out.message))?;
            write!(
                s,
                "<p><q>{}</q>{}</p>",
                Esc(&super::clip(loc.text, 160)),
                if out.label.is_empty() {
                    String::new()
                } else {
                    format!(": {}", Esc(out.label))
                }
            )?;
            if !out.related.is_empty() {
                s.push_str("<ul>");
                for r in &out.related {
                    write!(
                        s,
                        "<li><code>{}</code>:{}:{} <q>{}</q>: {}</li>",
                        Esc(r.location.article),
                        r.location.line,
                        r.location.column,
                        Esc(&super::clip(r.location.text, 120)),
                        Esc(r.message)
                    )?;
                }
                s.push_str("</ul>");
            }
            for note in out.notes {
                write!(s, "<p class=\"note\">note: {}</p>", Esc(note))?;
            }
            s.push_str("</details>");
        } else {
            escape_to(s, out.message)?;
        }
        s.push_str("</td></tr>\n");
    }
    s.push_str("</tbody></table></div>\n</section>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Settings;
    use crate::ingest;
    use crate::pipeline::analyse;

    const XSS: [&str; 2] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
    ];

    fn analysed(articles: Vec<(&str, String)>) -> Analysis {
        let mut ing = ingest::Ingested::default();
        for (id, text) in articles {
            if let Ok(a) = ingest::parse_text(id, text) {
                ing.articles.push(a);
            }
        }
        let settings = Settings {
            claims: true,
            ..Settings::default()
        };
        analyse(ing, &settings)
    }

    /// No element but ours: the page has exactly the tags we write, whatever
    /// the input.
    fn assert_inert(html: &str) {
        assert_eq!(html.matches("<script").count(), 1, "one script only");
        assert!(!html.contains("<img"), "an <img> element got through");
        for x in XSS {
            assert!(!html.contains(x), "{x} got through unescaped");
        }
    }

    #[test]
    fn untrusted_text_is_escaped_everywhere() {
        let body = format!(
            "date 2022-02-28 Officials met in Gomel on Monday. {0} {1}\n\n\
             “We are ready {0},” Ana Ruiz told Reuters. The talks began in Gomel on Monday.",
            XSS[0], XSS[1]
        );
        let mut analysis = analysed(vec![(XSS[1], body)]);
        // Names and outlets come from the text, so plant the payloads there
        // directly too: the speaker, every chain link, the outlet, the title.
        let item = &mut analysis.articles[0];
        item.article.outlet = Some(XSS[0].to_string());
        item.article.title = Some(XSS[1].to_string());
        for r in &mut item.statements {
            r.speaker = Some(XSS[0].to_string());
        }
        for c in &mut item.chains {
            for l in &mut c.0 {
                l.name = XSS[1].to_string();
            }
        }
        assert!(!item.statements.is_empty());
        let html = render(&analysis);
        assert_inert(&html);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn deterministic_and_one_script_with_its_hash() {
        let a = analysed(vec![(
            "a.txt",
            "date 2022-02-28 “We will meet,” Ana Ruiz said.".to_string(),
        )]);
        let one = render(&a);
        assert_eq!(one, render(&a));
        assert_inert(&one);
        let csp = content_security_policy();
        assert!(one.contains(&format!("content=\"{}\"", Esc(&csp))));
        assert!(csp.contains("script-src 'sha256-"));
        assert!(one.contains(&format!("<script>{SCRIPT}</script>")));
    }

    #[test]
    fn empty_analysis_renders() {
        let html = render(&Analysis::default());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.ends_with("</html>\n"));
        assert_inert(&html);
    }

    #[test]
    fn statements_nest_inside_the_text() {
        let a = analysed(vec![(
            "a.txt",
            "date 2022-02-28 Ana Ruiz said the plan was “a good start” for everyone.\n\n\
             “It ‘works’ now,” Ana Ruiz said."
                .to_string(),
        )]);
        let html = render(&a);
        let open = html.matches("<span").count();
        let close = html.matches("</span>").count();
        assert_eq!(open, close);
        for kind in ["direct", "indirect"] {
            assert!(html.contains(&format!("st st-{kind}\" id=")), "{kind}");
        }
        assert!(html.contains("class=\"kl\">excluded header</span>"));
    }
}
