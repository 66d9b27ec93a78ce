//! The sources: who passed on whose words, as a drawing ([`super::svg`])
//! and in words. A small graph is drawn whole; a large one is drawn for its
//! biggest sources (by the statements that pass through them, without the
//! articles), and every other source is listed under the drawing. The links
//! in words name at most a few statements each, linked to them.

use super::svg;
use super::{Esc, Links, plural};
use crate::analysis::Analysis;
use crate::sources::{EdgeKind, Graph, GraphNode, SourceKind};
use std::fmt::{self, Write as _};

/// Beyond this many sources (articles included), only the biggest are
/// drawn.
const DRAWN_WHOLE: usize = 60;
/// How many of the biggest sources a large graph's drawing shows.
const BIGGEST: usize = 24;
/// Statements named per link in words.
const EVIDENCE_SHOWN: usize = 3;

/// The biggest sources of a large graph, with the links between them,
/// numbered afresh; and the ids (in `g`) of the sources left out.
fn biggest(g: &Graph) -> (Graph, Vec<usize>) {
    let mut order: Vec<&GraphNode> = g
        .nodes
        .iter()
        .filter(|n| n.kind != SourceKind::Article)
        .collect();
    // Most statements first; ties by kind and name (the graph's order).
    order.sort_by_key(|n| (std::cmp::Reverse(n.statements), n.id));
    let mut new_id = vec![None; g.nodes.len()];
    let mut nodes = Vec::new();
    let mut kept: Vec<usize> = order.iter().take(BIGGEST).map(|n| n.id).collect();
    kept.sort_unstable();
    for id in kept {
        if let Some(n) = g.nodes.get(id) {
            new_id[id] = Some(nodes.len());
            nodes.push(GraphNode {
                id: nodes.len(),
                ..n.clone()
            });
        }
    }
    let edges = g
        .edges
        .iter()
        .filter_map(|e| {
            let (from, to) = (new_id.get(e.from)?.as_ref()?, new_id.get(e.to)?.as_ref()?);
            Some(crate::sources::Edge {
                from: *from,
                to: *to,
                ..e.clone()
            })
        })
        .collect();
    let left: Vec<usize> = order.iter().skip(BIGGEST).map(|n| n.id).collect();
    (Graph { nodes, edges }, left)
}

pub(super) fn sources(s: &mut String, analysis: &Analysis, links: &Links) -> fmt::Result {
    let g = crate::report::source_graph(analysis);
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
    // The graph whose links are written out: the whole one, or the drawn
    // part of a large one.
    let shown = if g.nodes.len() <= DRAWN_WHOLE {
        s.push_str("<div class=\"scroll graph-wrap\">");
        svg::write_svg(s, analysis, &g)?;
        s.push_str("</div>\n");
        g
    } else {
        let (top, left) = biggest(&g);
        writeln!(
            s,
            "<p>{} sources: the drawing shows the {} that pass on the most statements, \
             without the articles; the others are listed under it.</p>",
            g.nodes.len(),
            top.nodes.len()
        )?;
        if !top.nodes.is_empty() {
            s.push_str("<div class=\"scroll graph-wrap\">");
            svg::write_svg(s, analysis, &top)?;
            s.push_str("</div>\n");
        }
        write!(
            s,
            "<details class=\"links\"><summary>The other sources ({}), most statements first</summary>\n\
             <p class=\"note\">Each with its kind, and its statements in its articles.</p>\n<p class=\"others\">",
            left.len()
        )?;
        for (k, id) in left.into_iter().enumerate() {
            if let Some(n) = g.nodes.get(id) {
                write!(
                    s,
                    "{}{} ({}, {}/{})",
                    if k > 0 { "; " } else { "" },
                    Esc(&n.name),
                    n.kind.as_str(),
                    n.statements,
                    n.articles
                )?;
            }
        }
        s.push_str("</p>\n</details>\n");
        top
    };
    let g = shown;
    write!(
        s,
        "<details class=\"links\"><summary>Every link of the drawing in words ({})</summary>\n<ul>\n",
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
        write!(
            s,
            "<li><strong>{}</strong> ({}) {verb} <strong>{}</strong> ({}): {} <span class=\"muted\">(",
            Esc(&from.name),
            from.kind.as_str(),
            Esc(&to.name),
            to.kind.as_str(),
            plural(e.evidence.len(), "statement"),
        )?;
        for (k, ev) in e.evidence.iter().take(EVIDENCE_SHOWN).enumerate() {
            if k > 0 {
                s.push_str(", ");
            }
            match links.article(&ev.article) {
                Some(i) => write!(
                    s,
                    "<a href=\"#{}\">{}:{}</a>",
                    links.place(i, ev.start, ev.end),
                    Esc(&ev.article),
                    ev.line
                )?,
                None => write!(s, "{}:{}", Esc(&ev.article), ev.line)?,
            }
        }
        if e.evidence.len() > EVIDENCE_SHOWN {
            write!(s, " and {} more", e.evidence.len() - EVIDENCE_SHOWN)?;
        }
        s.push_str(")</span></li>\n");
    }
    s.push_str("</ul>\n</details>\n</section>\n");
    Ok(())
}
