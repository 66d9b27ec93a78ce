//! The source graph as an inline SVG, laid out here (no Graphviz, no script).
//!
//! The layout is layered (after Sugiyama) and deterministic:
//! 1. **Layers.** Articles are the first column. Every other source goes by
//!    its distance to an origin: the most links after it in any attribution
//!    chain. Origins (nothing after them) are the last column, the outlets
//!    and media that relay them in the columns before. A source that is an
//!    origin in one chain and relays in another goes where it relays. Chains
//!    are finite, so circular reporting cannot make this loop.
//! 2. **Long edges** (an article quoting an origin directly, across the
//!    relay column) pass through one small placeholder per column they
//!    cross, so they run between nodes instead of through them.
//! 3. **Order in a column.** Articles by name; the other columns by the
//!    barycentre heuristic: the mean height of a node's neighbours in the
//!    column before (sweeping right), then after (sweeping left), then
//!    before again; ties keep the previous order, then the node id.
//! 4. **Drawing.** Columns are centred vertically. Each source kind has its
//!    own shape *and* a text label under its name (never colour alone);
//!    `reports` edges are solid, `quotes` edges dashed. An edge that goes
//!    back (circular reporting) loops under the nodes.

use super::escape::Esc;
use crate::analysis::Analysis;
use crate::report::clip;
use crate::report::findings::plural;
use crate::sources::{EdgeKind, Graph, SourceKind};
use std::collections::BTreeMap;
use std::fmt::{self, Write};

const NODE_W: f64 = 200.0;
const NODE_H: f64 = 48.0;
const GAP_X: f64 = 110.0;
/// Vertical room of a node and of a long edge's placeholder.
const PITCH: f64 = NODE_H + 18.0;
const DUMMY_PITCH: f64 = 14.0;
const MARGIN: f64 = 12.0;
/// Beyond this many nodes the drawing is left out (the list stays).
pub const MAX_DRAWN: usize = 300;

/// Where everything goes. Vertices are the graph's nodes (by id) followed by
/// the placeholders of long edges.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Per vertex: its column and the y of its centre.
    pub at: Vec<(usize, f64)>,
    /// Per edge of the graph: the vertices it passes through, first to last.
    pub routes: Vec<Vec<usize>>,
    pub layers: usize,
    pub width: f64,
    pub height: f64,
}

/// Lays the graph out (see the module docs).
pub fn layout(analysis: &Analysis, g: &Graph) -> Layout {
    let n = g.nodes.len();
    let ids: BTreeMap<(SourceKind, &str), usize> = g
        .nodes
        .iter()
        .map(|node| ((node.kind, node.name.as_str()), node.id))
        .collect();
    // Distance to an origin: the most links after the node in any chain.
    let mut to_origin = vec![0usize; n];
    for item in &analysis.articles {
        for chain in &item.chains {
            let len = chain.0.len();
            for (i, link) in chain.0.iter().enumerate() {
                if let Some(&id) = ids.get(&(link.kind, link.name.as_str()))
                    && let Some(d) = to_origin.get_mut(id)
                {
                    *d = (*d).max(len - 1 - i);
                }
            }
        }
    }
    let last = g
        .nodes
        .iter()
        .filter(|node| node.kind != SourceKind::Article)
        .map(|node| to_origin.get(node.id).copied().unwrap_or(0))
        .max()
        .map_or(0, |m| m + 1);
    let mut at: Vec<(usize, f64)> = g
        .nodes
        .iter()
        .map(|node| {
            let d = to_origin.get(node.id).copied().unwrap_or(0);
            let layer = if node.kind == SourceKind::Article {
                0
            } else {
                last.saturating_sub(d).max(1)
            };
            (layer, 0.0)
        })
        .collect();
    // A drawing of some sources without their articles starts at its
    // first filled column.
    if let Some(first) = at.iter().map(|&(l, _)| l).min() {
        for a in &mut at {
            a.0 -= first;
        }
    }
    // Routes, with a placeholder in each column a long edge crosses.
    let mut routes = Vec::with_capacity(g.edges.len());
    for e in &g.edges {
        let (Some(&(lf, _)), Some(&(lt, _))) = (at.get(e.from), at.get(e.to)) else {
            routes.push(Vec::new());
            continue;
        };
        let mut route = vec![e.from];
        for l in lf + 1..lt {
            route.push(at.len());
            at.push((l, 0.0));
        }
        route.push(e.to);
        routes.push(route);
    }
    let layers = at.iter().map(|&(l, _)| l + 1).max().unwrap_or(0);
    let is_dummy = |v: usize| v >= n;
    let room = |v: usize| if is_dummy(v) { DUMMY_PITCH } else { PITCH };
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (v, &(l, _)) in at.iter().enumerate() {
        columns[l].push(v);
    }
    let tallest = columns
        .iter()
        .map(|c| c.iter().map(|&v| room(v)).sum::<f64>())
        .fold(0.0, f64::max);
    // Neighbours one column before and after, through the routes.
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); at.len()];
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); at.len()];
    for route in &routes {
        for pair in route.windows(2) {
            if at[pair[1]].0 == at[pair[0]].0 + 1 {
                before[pair[1]].push(pair[0]);
                after[pair[0]].push(pair[1]);
            }
        }
    }
    let place = |column: &[usize], at: &mut [(usize, f64)]| {
        let total: f64 = column.iter().map(|&v| room(v)).sum();
        let mut y = MARGIN + (tallest - total) / 2.0;
        for &v in column {
            at[v].1 = y + room(v) / 2.0;
            y += room(v);
        }
    };
    for column in &columns {
        place(column, &mut at);
    }
    let sweep =
        |l: usize, columns: &mut [Vec<usize>], at: &mut [(usize, f64)], near: &[Vec<usize>]| {
            let mut keyed: Vec<(f64, f64, usize)> = columns[l]
                .iter()
                .map(|&v| {
                    let ys: Vec<f64> = near[v].iter().map(|&u| at[u].1).collect();
                    let key = if ys.is_empty() {
                        at[v].1
                    } else {
                        ys.iter().sum::<f64>() / ys.len() as f64
                    };
                    (key, at[v].1, v)
                })
                .collect();
            keyed.sort_by(|a, b| {
                a.0.total_cmp(&b.0)
                    .then(a.1.total_cmp(&b.1))
                    .then(a.2.cmp(&b.2))
            });
            columns[l] = keyed.into_iter().map(|(_, _, v)| v).collect();
            place(&columns[l], at);
        };
    for l in 1..layers {
        sweep(l, &mut columns, &mut at, &before);
    }
    for l in (1..layers.saturating_sub(1)).rev() {
        sweep(l, &mut columns, &mut at, &after);
    }
    for l in 1..layers {
        sweep(l, &mut columns, &mut at, &before);
    }
    let width = 2.0 * MARGIN + layers as f64 * NODE_W + layers.saturating_sub(1) as f64 * GAP_X;
    // Room under the nodes for the loops of edges that go back.
    let back = routes.iter().any(|r| match (r.first(), r.last()) {
        (Some(&a), Some(&b)) => at[b].0 <= at[a].0,
        _ => false,
    });
    let height = 2.0 * MARGIN + tallest + if back { PITCH } else { 0.0 };
    Layout {
        at,
        routes,
        layers,
        width,
        height,
    }
}

fn x_of(layer: usize) -> f64 {
    MARGIN + layer as f64 * (NODE_W + GAP_X)
}

/// The outline of a node of `kind` in the box (x, y, w, h).
pub fn shape(out: &mut String, kind: SourceKind, x: f64, y: f64, w: f64, h: f64) -> fmt::Result {
    let class = format!("n-{}", kind.as_str());
    let (r, b, m) = (x + w, y + h, y + h / 2.0);
    let c = (w.min(h) / 4.0).round();
    match kind {
        SourceKind::Article => write!(
            out,
            r#"<path class="{class}" d="M{x} {y}H{fx}L{r} {fy}V{b}H{x}Z"/><path class="fold" d="M{fx} {y}V{fy}H{r}"/>"#,
            fx = r - c,
            fy = y + c
        ),
        SourceKind::Outlet => write!(
            out,
            r#"<rect class="{class}" x="{x}" y="{y}" width="{w}" height="{h}"/><path class="fold" d="M{x} {yy}H{r}"/>"#,
            yy = y + 5.0
        ),
        SourceKind::Person => write!(
            out,
            r#"<ellipse class="{class}" cx="{cx}" cy="{m}" rx="{rx}" ry="{ry}"/>"#,
            cx = x + w / 2.0,
            rx = w / 2.0,
            ry = h / 2.0
        ),
        SourceKind::Organisation => write!(
            out,
            r#"<polygon class="{class}" points="{a},{y} {d},{y} {r},{m} {d},{b} {a},{b} {x},{m}"/>"#,
            a = x + c,
            d = r - c
        ),
        SourceKind::Medium => write!(
            out,
            r#"<polygon class="{class}" points="{a},{y} {r},{y} {d},{b} {x},{b}"/>"#,
            a = x + c,
            d = r - c
        ),
        // Two people side by side: a group.
        SourceKind::Group => write!(
            out,
            r#"<ellipse class="{class}" cx="{c1}" cy="{m}" rx="{rx}" ry="{ry}"/><ellipse class="{class}" cx="{c2}" cy="{m}" rx="{rx}" ry="{ry}"/>"#,
            c1 = x + w / 3.0,
            c2 = x + 2.0 * w / 3.0,
            rx = w / 3.0,
            ry = h / 2.0
        ),
        SourceKind::Anonymous => write!(
            out,
            r#"<polygon class="{class}" points="{a},{y} {d},{y} {r},{p} {r},{q} {d},{b} {a},{b} {x},{q} {x},{p}"/>"#,
            a = x + c,
            d = r - c,
            p = y + c,
            q = b - c
        ),
    }
}

/// The SVG path of one edge through its route: curves between columns,
/// straight through the placeholders; a loop under the nodes for an edge
/// that goes back or stays in its column.
fn edge_path(lay: &Layout, route: &[usize]) -> Option<String> {
    let (&first, &last) = (route.first()?, route.last()?);
    let (lf, yf) = *lay.at.get(first)?;
    let (lt, yt) = *lay.at.get(last)?;
    if lt <= lf {
        let (x1, y1) = (x_of(lf) + NODE_W * 0.6, yf + NODE_H / 2.0);
        let (x2, y2) = (x_of(lt) + NODE_W * 0.4, yt + NODE_H / 2.0);
        let low = y1.max(y2) + PITCH / 2.0;
        return Some(format!("M{x1} {y1}C{x1} {low} {x2} {low} {x2} {y2}"));
    }
    let mut d = format!("M{} {yf}", x_of(lf) + NODE_W);
    let mut x = x_of(lf) + NODE_W;
    let mut y = yf;
    for &v in &route[1..] {
        let (l, vy) = *lay.at.get(v)?;
        let x2 = x_of(l);
        let bend = (x2 - x) / 2.0;
        write!(d, "C{} {y} {} {vy} {x2} {vy}", x + bend, x2 - bend).ok()?;
        x = x2;
        y = vy;
        if v != last {
            x = x_of(l) + NODE_W;
            write!(d, "H{x}").ok()?;
        }
    }
    Some(d)
}

/// A node's name as drawn: an article by its file name (the full path is in
/// the node's tooltip and the list).
fn short_name(n: &crate::sources::GraphNode) -> &str {
    if n.kind == SourceKind::Article {
        let name = n.name.rsplit(['/', '\\']).next().unwrap_or(&n.name);
        if !name.is_empty() {
            return name;
        }
    }
    &n.name
}

/// The drawing, or nothing when the graph is empty or too large.
pub fn write_svg(out: &mut String, analysis: &Analysis, g: &Graph) -> fmt::Result {
    if g.nodes.is_empty() || g.nodes.len() > MAX_DRAWN {
        return Ok(());
    }
    let lay = layout(analysis, g);
    write!(
        out,
        r#"<svg class="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="graph-title graph-desc" viewBox="0 0 {w} {h}" width="{w}" height="{h}">"#,
        w = lay.width,
        h = lay.height
    )?;
    write!(
        out,
        r#"<title id="graph-title">Source graph</title><desc id="graph-desc">{} sources in {} columns: articles on the left, the outlets that relay in the middle, the origins on the right. The list under the drawing gives every link in words.</desc>"#,
        g.nodes.len(),
        lay.layers
    )?;
    out.push_str(
        r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10Z" class="arrowhead"/></marker></defs>"#,
    );
    for (e, route) in g.edges.iter().zip(&lay.routes) {
        let Some(d) = edge_path(&lay, route) else {
            continue;
        };
        let (class, verb) = match e.kind {
            EdgeKind::Reports => ("e-reports", "reports"),
            EdgeKind::Quotes => ("e-quotes", "quotes"),
        };
        let (Some(from), Some(to)) = (g.nodes.get(e.from), g.nodes.get(e.to)) else {
            continue;
        };
        let (from, to) = (&from.name, &to.name);
        write!(
            out,
            r#"<path class="edge {class}" d="{d}" marker-end="url(#arrow)"><title>{} {verb} {} ({})</title></path>"#,
            Esc(from),
            Esc(to),
            plural(e.evidence.len(), "statement")
        )?;
    }
    for n in &g.nodes {
        let Some(&(l, cy)) = lay.at.get(n.id) else {
            continue;
        };
        let (x, y) = (x_of(l), cy - NODE_H / 2.0);
        write!(
            out,
            r#"<g class="node"><title>{} ({}): {}, {}, {}</title>"#,
            Esc(&n.name),
            n.kind.as_str(),
            plural(n.statements, "statement"),
            plural(n.articles, "article"),
            plural(n.origins, "independent origin")
        )?;
        shape(out, n.kind, x, y, NODE_W, NODE_H)?;
        let cx = x + NODE_W / 2.0;
        write!(
            out,
            r#"<text class="nm" x="{cx}" y="{}">{}</text><text class="nk" x="{cx}" y="{}">{} · {}</text></g>"#,
            y + 21.0,
            Esc(&clip(short_name(n), 22)),
            y + 37.0,
            n.kind.as_str(),
            plural(n.statements, "statement")
        )?;
    }
    out.push_str("</svg>");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_is_one_element_with_its_kind_class() {
        for kind in [
            SourceKind::Article,
            SourceKind::Outlet,
            SourceKind::Person,
            SourceKind::Organisation,
            SourceKind::Medium,
            SourceKind::Anonymous,
        ] {
            let mut s = String::new();
            shape(&mut s, kind, 0.0, 0.0, 40.0, 20.0).unwrap();
            assert!(s.contains(&format!("class=\"n-{}\"", kind.as_str())), "{s}");
        }
    }

    #[test]
    fn seeds_articles_left_relays_middle_origins_right() {
        let settings = crate::analysis::Settings::default();
        let analysis = crate::pipeline::analyse(crate::ingest::ingest_seeds(), &settings);
        let g = crate::report::source_graph(&analysis);
        let lay = layout(&analysis, &g);
        assert_eq!(lay, layout(&analysis, &g), "deterministic");
        assert_eq!(lay.layers, 3);
        let column = |name: &str| {
            let n = g.nodes.iter().find(|n| n.name == name).unwrap();
            lay.at[n.id].0
        };
        assert_eq!(column("RT"), 1);
        assert_eq!(column("AFP"), 1);
        assert_eq!(column("Vladimir Medinsky"), 2);
        assert_eq!(column("Minsk"), 2);
        for n in g.nodes.iter().filter(|n| n.kind == SourceKind::Article) {
            assert_eq!(lay.at[n.id].0, 0);
        }
        // Every edge steps one column at a time through its route.
        for route in &lay.routes {
            for pair in route.windows(2) {
                assert_eq!(lay.at[pair[1]].0, lay.at[pair[0]].0 + 1);
            }
        }
        // Nodes of a column do not overlap.
        for l in 0..lay.layers {
            let mut ys: Vec<f64> = (0..g.nodes.len())
                .filter(|&v| lay.at[v].0 == l)
                .map(|v| lay.at[v].1)
                .collect();
            ys.sort_by(f64::total_cmp);
            assert!(ys.windows(2).all(|w| w[1] - w[0] >= NODE_H), "{ys:?}");
        }
        let mut s = String::new();
        write_svg(&mut s, &analysis, &g).unwrap();
        assert_eq!(s.matches("<g class=\"node\">").count(), g.nodes.len());
        assert_eq!(s.matches("<path class=\"edge").count(), g.edges.len());
    }
}
