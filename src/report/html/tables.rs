//! The tables: the counts under the title, the story set (stories and
//! inputs not read), the entities with their spellings, and the findings
//! with their filters. Every location links to its statement or line.

use super::{Esc, Links, escape_to, plural};
use crate::analysis::Analysis;
use crate::report::findings;
use crate::rules::{Rule, Severity};
use std::fmt::{self, Write as _};

/// How many distinct outlets the articles name.
fn outlets(analysis: &Analysis) -> usize {
    analysis
        .articles
        .iter()
        .filter_map(|a| a.article.outlet.as_deref())
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// The counts under the title.
pub(super) fn counts(s: &mut String, analysis: &Analysis, sum: &findings::Summary) -> fmt::Result {
    s.push_str("<dl class=\"counts\">");
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
    Ok(())
}

/// The story set: the stories (when more than one) and the inputs that
/// were not read. The articles themselves are listed in their own section.
pub(super) fn story(s: &mut String, analysis: &Analysis) -> fmt::Result {
    write!(
        s,
        "<section id=\"story\" aria-labelledby=\"story-h\">\n<h2 id=\"story-h\">The story set</h2>\n\
         <p>{}, {}; each is listed, collapsed, under <a href=\"#articles\">The articles</a>.</p>\n",
        plural(analysis.articles.len(), "article"),
        match outlets(analysis) {
            0 => "none naming its outlet".to_string(),
            n => format!("from {}", plural(n, "outlet")),
        }
    )?;
    stories(s, analysis)?;
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

/// When the set tells more than one story: what it is about, and a table
/// of the stories (the largest first, at most [`STORIES_SHOWN`]).
fn stories(s: &mut String, analysis: &Analysis) -> fmt::Result {
    let Some(note) = findings::story_note(analysis) else {
        return Ok(());
    };
    let mut order: Vec<(usize, &crate::resolve::stories::Story)> =
        analysis.stories.stories.iter().enumerate().collect();
    order.sort_by_key(|(_, st)| (std::cmp::Reverse(st.articles.len()), st.articles[0]));
    write!(
        s,
        "<p class=\"note\"><strong>Not one story.</strong> {}.</p>\n\
         <div class=\"scroll\"><table class=\"stories\">\n<caption>The stories</caption>\n\
         <thead><tr><th scope=\"col\" class=\"num\">Articles</th><th scope=\"col\">About</th>\
         <th scope=\"col\">Its articles</th></tr></thead>\n<tbody>\n",
        Esc(&note)
    )?;
    for (n, st) in order.iter().take(STORIES_SHOWN) {
        writeln!(
            s,
            "<tr><td class=\"num\">{}</td><td>{}</td><td><a href=\"#story-{}\">Story {}</a></td></tr>",
            st.articles.len(),
            if st.terms.is_empty() {
                "—".to_string()
            } else {
                Esc(&st.terms.join(", ")).to_string()
            },
            n + 1,
            n + 1
        )?;
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

pub(super) fn entities(s: &mut String, analysis: &Analysis, links: &Links) -> fmt::Result {
    let list = crate::report::claims::entities_out(analysis);
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
        "<p>The names claimcheck resolved, with all their spellings across the articles \
         (how many times, how it names the entity, and where it first occurs): those \
         spelled in several ways first, then the most named.</p>\n\
         <div class=\"scroll\"><table class=\"entities\">\n<thead><tr><th scope=\"col\">Entity</th>\
         <th scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">Mentions</th>\
         <th scope=\"col\">Spellings</th></tr></thead>\n<tbody>\n",
    );
    // The table: names with several spellings first, then by mentions;
    // a large set's long tail is counted, not listed.
    let mut order: Vec<_> = list.iter().collect();
    order.sort_by_key(|e| (e.variants.len() < 2, std::cmp::Reverse(e.mentions)));
    for e in order.iter().take(ENTITIES_LISTED) {
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
                "<li><q>{}</q> ×{} <span class=\"via\">{}</span> ",
                Esc(v.text),
                v.count,
                via_word(v.via),
            )?;
            match links.article(v.first.0) {
                Some(i) => write!(
                    s,
                    "<a href=\"#{}\">{}:{}</a></li>",
                    links.file_line(i, v.first.1),
                    Esc(v.first.0),
                    v.first.1
                )?,
                None => write!(
                    s,
                    "<span class=\"muted\">{}:{}</span></li>",
                    Esc(v.first.0),
                    v.first.1
                )?,
            }
        }
        s.push_str("</ul></td></tr>\n");
    }
    s.push_str("</tbody></table></div>\n");
    if list.len() > ENTITIES_LISTED {
        let rest = &order[ENTITIES_LISTED..];
        writeln!(
            s,
            "<p class=\"note\">{} more entities, named {} times in all; \
             <code>check --format json</code> lists every one.</p>",
            rest.len(),
            rest.iter().map(|e| e.mentions).sum::<usize>()
        )?;
    }
    s.push_str("</section>\n");
    Ok(())
}

/// Other places quoted per finding; the rest are listed as links.
const RELATED_SHOWN: usize = 4;

/// The most entities the table lists.
const ENTITIES_LISTED: usize = 100;

fn severity_mark(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

pub(super) fn findings_table(s: &mut String, analysis: &Analysis, links: &Links) -> fmt::Result {
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
             <td><a href=\"#{}\"><code>{}:{}:{}</code></a></td><td>",
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
            links.place(
                f.location.article,
                f.location.span.start,
                f.location.span.end
            ),
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
                Esc(&crate::report::clip(loc.text, 160)),
                if out.label.is_empty() {
                    String::new()
                } else {
                    format!(": {}", Esc(out.label))
                }
            )?;
            if !out.related.is_empty() {
                s.push_str("<ul>");
                for (r, at) in out.related.iter().zip(&f.related).take(RELATED_SHOWN) {
                    let at = &at.location;
                    write!(
                        s,
                        "<li><a href=\"#{}\"><code>{}:{}:{}</code></a> <q>{}</q>: {}</li>",
                        links.place(at.article, at.span.start, at.span.end),
                        Esc(r.location.article),
                        r.location.line,
                        r.location.column,
                        Esc(&crate::report::clip(r.location.text, 120)),
                        Esc(r.message)
                    )?;
                }
                s.push_str("</ul>");
                if out.related.len() > RELATED_SHOWN {
                    write!(
                        s,
                        "<p class=\"more\">And {} more: ",
                        out.related.len() - RELATED_SHOWN
                    )?;
                    for (k, (r, at)) in out
                        .related
                        .iter()
                        .zip(&f.related)
                        .skip(RELATED_SHOWN)
                        .enumerate()
                    {
                        let at = &at.location;
                        write!(
                            s,
                            "{}<a href=\"#{}\">{}:{}</a>",
                            if k > 0 { ", " } else { "" },
                            links.place(at.article, at.span.start, at.span.end),
                            Esc(r.location.article),
                            r.location.line
                        )?;
                    }
                    s.push_str("</p>");
                }
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
