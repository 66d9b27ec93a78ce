//! The contradictions, first on the page and ranked: the ones that more
//! articles and more sources take part in come first. When the set holds
//! several stories they are grouped by story, the story of the top-ranked
//! contradiction first. Each side shows its sentence with the value in
//! question marked, who says it (the chain), and a link to the statement.

use super::text::{self, Mark};
use super::{Links, escape_to, plural, side_name, source_words};
use crate::analysis::Analysis;
use crate::article::Span;
use crate::compare::align::Verdict;
use crate::report::claims::{AlignedClaimOut, AlignmentOut, alignments_out};
use crate::report::html::Esc;
use std::collections::BTreeSet;
use std::fmt::{self, Write as _};

/// The most agreements and other aligned claims listed under the
/// contradictions; the machine formats have every one.
const OTHERS_LISTED: usize = 300;
/// Claims quoted in full per side; the others are listed as links.
const CLAIMS_SHOWN: usize = 3;

/// The ranking key: more articles, then more distinct sources, then more
/// claims first; ties keep the order of the analysis.
fn weight(al: &AlignmentOut<'_>) -> (usize, usize, usize) {
    let articles: BTreeSet<&str> = al.claims.iter().map(|c| c.article).collect();
    let sources: BTreeSet<&str> = al.claims.iter().map(|c| c.source.as_str()).collect();
    (articles.len(), sources.len(), al.claims.len())
}

/// Writes the section; returns, per article, how many contradictions it
/// takes part in.
pub(super) fn contradictions(
    s: &mut String,
    analysis: &Analysis,
    links: &Links,
) -> Result<Vec<usize>, fmt::Error> {
    let all = alignments_out(analysis);
    let (mut contra, other): (Vec<_>, Vec<_>) = all
        .iter()
        .partition(|al| al.verdict == Verdict::Contradiction);
    let mut per_article = vec![0; analysis.articles.len()];
    for al in &contra {
        let articles: BTreeSet<usize> = al
            .claims
            .iter()
            .filter_map(|c| links.article(c.article))
            .collect();
        for i in articles {
            per_article[i] += 1;
        }
    }
    // Stable sort: equal weights keep the analysis's order.
    contra.sort_by_key(|al| std::cmp::Reverse(weight(al)));
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
    } else {
        s.push_str(
            "<p class=\"note\">Ranked: the ones more articles and sources take part in first. \
             Each side links to its statement in the article.</p>\n",
        );
    }
    let stories = &analysis.stories;
    if stories.stories.len() > 1 && !contra.is_empty() {
        // Story of a contradiction: that of its first claim's article.
        let story_of = |al: &AlignmentOut<'_>| {
            al.claims
                .first()
                .and_then(|c| links.article(c.article))
                .and_then(|i| stories.of.get(i).copied())
        };
        let mut order: Vec<Option<usize>> = Vec::new();
        for al in &contra {
            let st = story_of(al);
            if !order.contains(&st) {
                order.push(st);
            }
        }
        let mut rank = 0;
        for st in order {
            let members: Vec<&&AlignmentOut<'_>> =
                contra.iter().filter(|al| story_of(al) == st).collect();
            let heading = match st.and_then(|k| stories.stories.get(k)) {
                Some(story) if !story.terms.is_empty() => format!(
                    "Story: {} ({})",
                    Esc(&story.terms.join(", ")),
                    plural(story.articles.len(), "article")
                ),
                Some(story) => format!("A story of {}", plural(story.articles.len(), "article")),
                None => "Articles of no story".to_string(),
            };
            writeln!(
                s,
                "<section class=\"story-group\"><h3>{heading} <span class=\"muted\">· {}</span></h3>",
                plural(members.len(), "contradiction")
            )?;
            for al in members {
                rank += 1;
                card(s, analysis, links, al, rank, 4)?;
            }
            s.push_str("</section>\n");
        }
    } else {
        for (n, al) in contra.iter().enumerate() {
            card(s, analysis, links, al, n + 1, 3)?;
        }
    }
    if !other.is_empty() {
        write!(
            s,
            "<details class=\"other\"><summary>Other aligned claims ({}): agreements, refinements, updates</summary>\n<ul>\n",
            other.len()
        )?;
        for al in other.iter().take(OTHERS_LISTED) {
            let mut values: Vec<&str> = al.claims.iter().map(|c| c.value).collect();
            values.dedup();
            let articles: BTreeSet<&str> = al.claims.iter().map(|c| c.article).collect();
            write!(
                s,
                "<li><strong>{}</strong>: {} ({}; {} in {}",
                Esc(al.topic),
                Esc(al.verdict.as_str()),
                Esc(&values.join(" / ")),
                plural(al.claims.len(), "claim"),
                plural(articles.len(), "article")
            )?;
            if let Some(c) = al.claims.first()
                && let Some(i) = links.article(c.article)
            {
                write!(
                    s,
                    ", first at <a href=\"#{}\">{}:{}</a>",
                    links.place(i, c.start, c.end),
                    Esc(c.article),
                    c.line
                )?;
            }
            s.push_str(")</li>\n");
        }
        s.push_str("</ul>\n");
        if other.len() > OTHERS_LISTED {
            writeln!(
                s,
                "<p class=\"note\">{} more not listed here; <code>check --format json</code> has every one.</p>",
                other.len() - OTHERS_LISTED
            )?;
        }
        s.push_str("</details>\n");
    }
    s.push_str("</section>\n");
    Ok(per_article)
}

/// One contradiction: its topic, why the claims are aligned, and the sides
/// in columns. `level` is the heading level of its title.
fn card(
    s: &mut String,
    analysis: &Analysis,
    links: &Links,
    al: &AlignmentOut<'_>,
    rank: usize,
    level: usize,
) -> fmt::Result {
    write!(
        s,
        "<article class=\"contra\" id=\"contra-{rank}\" aria-labelledby=\"contra-{rank}-h\">\n\
         <h{level} id=\"contra-{rank}-h\"><span class=\"rank\">#{rank}</span> {}</h{level}>\n",
        Esc(al.topic)
    )?;
    write!(s, "<p class=\"why\">Same event ({})", Esc(&al.why.event))?;
    if !al.why.shared.is_empty() {
        write!(s, ", naming {}", Esc(&al.why.shared.join(", ")))?;
    }
    if let (Some(from), Some(to)) = (&al.why.from, &al.why.to) {
        write!(s, ", between {} and {}", Esc(from), Esc(to))?;
    }
    let (articles, sources, _) = weight(al);
    write!(
        s,
        ". The {} differs (rule <code>{}</code>; {}, {}).</p>\n<div class=\"sides\">\n",
        Esc(slot_word(al.slot)),
        Esc(al.rule),
        plural(articles, "article"),
        plural(sources, "source")
    )?;
    let sides = al.claims.iter().map(|c| c.side).max().map_or(0, |m| m + 1);
    let sub = level + 1;
    for side in 0..sides {
        let claims: Vec<&AlignedClaimOut> = al.claims.iter().filter(|c| c.side == side).collect();
        let Some(first) = claims.first() else {
            continue;
        };
        write!(
            s,
            "<div class=\"side\">\n<h{sub}><span class=\"side-tag\">Side {}</span> {}</h{sub}>\n<ul class=\"claims\">\n",
            side_name(side),
            Esc(first.value)
        )?;
        for c in claims.iter().take(CLAIMS_SHOWN) {
            let article = links.article(c.article);
            s.push_str("<li><blockquote class=\"sentence\">");
            sentence_with_value(s, analysis, article, c)?;
            write!(
                s,
                "</blockquote>\n<p class=\"chain\"><span class=\"muted\">Source:</span> {}</p>\n",
                Esc(&source_words(c.chain))
            )?;
            match anchor(links, c) {
                Some(to) => write!(
                    s,
                    "<p class=\"loc\"><a href=\"#{to}\"><code>{}:{}</code></a></p>",
                    Esc(c.article),
                    c.line
                )?,
                None => write!(
                    s,
                    "<p class=\"loc\"><code>{}:{}</code></p>",
                    Esc(c.article),
                    c.line
                )?,
            }
            s.push_str("</li>\n");
        }
        s.push_str("</ul>\n");
        if claims.len() > CLAIMS_SHOWN {
            let more = &claims[CLAIMS_SHOWN..];
            write!(s, "<p class=\"more\">Also on this side ({}): ", more.len())?;
            for (k, c) in more.iter().enumerate() {
                if k > 0 {
                    s.push_str(", ");
                }
                match anchor(links, c) {
                    Some(to) => write!(s, "<a href=\"#{to}\">{}:{}</a>", Esc(c.article), c.line)?,
                    None => write!(s, "{}:{}", Esc(c.article), c.line)?,
                }
            }
            s.push_str("</p>\n");
        }
        s.push_str("</div>\n");
    }
    s.push_str("</div>\n</article>\n");
    Ok(())
}

/// Where a claim's link lands: the statement around its value (else its
/// sentence), when its article is in the set.
fn anchor(links: &Links, c: &AlignedClaimOut) -> Option<String> {
    let i = links.article(c.article)?;
    let at = c.value_at.as_ref().map_or(c.start, |v| v.start);
    Some(links.place(i, at, c.end))
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
