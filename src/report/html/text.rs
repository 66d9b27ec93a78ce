//! Highlighting overlapping spans of a text with properly nested tags.
//!
//! Statements nest (a partial quote inside indirect speech, a scare quote
//! inside a direct quote) and may overlap without nesting. HTML elements must
//! nest, so [`render`] splits marks: it walks the sorted boundaries of every
//! mark (byte offsets, moved down to char boundaries), keeps a stack of the
//! open elements, and when a mark ends below the top of the stack it closes
//! the elements above it, closes it, and reopens the ones that go on. The
//! first fragment of a mark opens with its `first` markup (label, tabindex);
//! later fragments with its `cont` markup. The text between boundaries goes
//! through the one escaping function.

use super::escape::escape_to;
use crate::article::{Span, floor_char_boundary};
use std::fmt;

/// One highlighted span: the markup that opens its first fragment, the
/// markup that opens each later fragment, and the closing tag.
#[derive(Debug, Clone)]
pub struct Mark {
    pub span: Span,
    pub first: String,
    pub cont: String,
    pub close: &'static str,
}

/// Writes `text` with every mark's fragments around it. Marks may come in any
/// order, nest, overlap, reach past the text or split a character; empty marks
/// are left out. Between marks starting at the same offset the longer one is
/// outside, then the one given first.
pub fn render<W: fmt::Write + ?Sized>(out: &mut W, text: &str, marks: &[Mark]) -> fmt::Result {
    render_with(out, text, marks, &[])
}

/// Markup written at one offset of the text, between marks: a line number's
/// anchor. It is written after the marks that end there close and before
/// the marks that start there open.
#[derive(Debug, Clone)]
pub struct Point {
    pub at: usize,
    pub markup: String,
}

/// [`render`], with `points` (in order of offset) written where they fall.
pub fn render_with<W: fmt::Write + ?Sized>(
    out: &mut W,
    text: &str,
    marks: &[Mark],
    points: &[Point],
) -> fmt::Result {
    let clamp = |i: usize| floor_char_boundary(text, i.min(text.len()));
    let spans: Vec<(usize, usize)> = marks
        .iter()
        .map(|m| (clamp(m.span.start), clamp(m.span.end)))
        .collect();
    // Mark indices by start, longer first, then in the order given.
    let mut order: Vec<usize> = (0..marks.len())
        .filter(|&i| spans[i].0 < spans[i].1)
        .collect();
    order.sort_by_key(|&i| (spans[i].0, std::cmp::Reverse(spans[i].1), i));
    let mut bounds: Vec<usize> = order
        .iter()
        .flat_map(|&i| [spans[i].0, spans[i].1])
        .chain(points.iter().map(|p| clamp(p.at)))
        .chain([text.len()])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();

    let mut stack: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut next_point = 0;
    let mut pos = 0;
    // Marks to (re)open at a boundary: (index, continuation?).
    let mut opening: Vec<(usize, bool)> = Vec::new();
    for b in bounds {
        escape_to(out, &text[pos..b])?;
        pos = b;
        // Close every mark that ends here, and whatever is open above it.
        if let Some(deepest) = stack.iter().position(|&i| spans[i].1 <= b) {
            while stack.len() > deepest {
                if let Some(i) = stack.pop() {
                    out.write_str(marks[i].close)?;
                    if spans[i].1 > b {
                        opening.push((i, true));
                    }
                }
            }
        }
        while let Some(p) = points.get(next_point) {
            if clamp(p.at) > b {
                break;
            }
            out.write_str(&p.markup)?;
            next_point += 1;
        }
        while let Some(&i) = order.get(next) {
            if spans[i].0 != b {
                break;
            }
            opening.push((i, false));
            next += 1;
        }
        // The mark that goes on longest goes outside.
        opening.sort_by_key(|&(i, _)| (std::cmp::Reverse(spans[i].1), spans[i].0, i));
        for (i, cont) in opening.drain(..) {
            out.write_str(if cont {
                &marks[i].cont
            } else {
                &marks[i].first
            })?;
            stack.push(i);
        }
    }
    escape_to(out, &text[pos..])?;
    // Every mark ends at or before the text's end, so nothing is open; close
    // defensively all the same.
    while let Some(i) = stack.pop() {
        out.write_str(marks[i].close)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, name: &str) -> Mark {
        Mark {
            span: Span::new(start, end),
            first: format!("<{name}>"),
            cont: format!("<{name}+>"),
            close: "</>",
        }
    }

    fn show(text: &str, marks: &[Mark]) -> String {
        let mut s = String::new();
        render(&mut s, text, marks).unwrap();
        s
    }

    #[test]
    fn nested_marks_nest() {
        let t = "say \"a 'b' c\" now";
        let out = show(t, &[mark(5, 12, "q"), mark(8, 9, "s")]);
        assert_eq!(out, "say &quot;<q>a &#39;<s>b</>&#39; c</>&quot; now");
    }

    #[test]
    fn overlapping_marks_are_split_and_reopened() {
        let out = show("abcdefgh", &[mark(1, 5, "a"), mark(3, 7, "b")]);
        assert_eq!(out, "a<a>bc<b>de</></><b+>fg</>h");
    }

    #[test]
    fn same_start_longer_outside_and_same_span_in_given_order() {
        let out = show(
            "abcdef",
            &[mark(0, 2, "i"), mark(0, 5, "o"), mark(0, 2, "j")],
        );
        assert_eq!(out, "<o><i><j>ab</></>cde</>f");
    }

    #[test]
    fn out_of_range_split_chars_and_empty_marks() {
        // "é" is two bytes; 2 falls inside it and moves down to 1.
        let t = "aéb";
        let out = show(t, &[mark(2, 99, "x"), mark(3, 3, "e"), mark(50, 60, "z")]);
        assert_eq!(out, "a<x>éb</>");
        assert_eq!(show("", &[mark(0, 4, "x")]), "");
    }

    #[test]
    fn points_go_between_closing_and_opening_marks() {
        let p = |at: usize, m: &str| Point {
            at,
            markup: m.to_string(),
        };
        let out = render_with_points("ab\ncd", &[mark(0, 2, "q"), mark(3, 5, "r")]);
        assert_eq!(out, "<q>ab</>\n<r>cd</>");
        let mut s = String::new();
        render_with(
            &mut s,
            "ab\ncd",
            &[mark(0, 5, "q")],
            &[p(0, "[1]"), p(3, "[2]"), p(9, "[end]")],
        )
        .unwrap();
        assert_eq!(s, "[1]<q>ab\n[2]cd</>[end]");
    }

    fn render_with_points(text: &str, marks: &[Mark]) -> String {
        let mut s = String::new();
        render_with(&mut s, text, marks, &[]).unwrap();
        s
    }

    #[test]
    fn many_overlaps_stay_balanced() {
        let t = "0123456789abcdefghij";
        let marks: Vec<Mark> = (0..15).map(|i| mark(i, i + 5, "m")).collect();
        let out = show(t, &marks);
        assert_eq!(out.matches("<m").count(), out.matches("</>").count());
        let plain: String = out
            .replace("<m+>", "")
            .replace("<m>", "")
            .replace("</>", "");
        assert_eq!(plain, t);
    }
}
