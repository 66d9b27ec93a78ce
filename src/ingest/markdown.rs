//! Markdown with optional front matter.

use super::text::line_of;
use super::*;

/// Markdown with optional front matter.
pub fn parse_markdown(label: &str, text: String) -> Result<Article, InputError> {
    let mut fm = FrontMatter::default();
    let mut body_start = 0;
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_line_end = text[bom..].find('\n').map_or(text.len(), |i| bom + i);
    if text[bom..first_line_end].trim_end() == "---" {
        let mut at = first_line_end + 1;
        let mut closed = false;
        while at < text.len() {
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            let line = text[at..end].trim_end_matches('\r');
            if line.trim_end() == "---" || line.trim_end() == "..." {
                body_start = (end + 1).min(text.len());
                closed = true;
                break;
            }
            fm.read_line(label, line_of(&text, at), line)?;
            at = end + 1;
        }
        if !closed {
            return Err(InputError::at_line(
                label,
                1,
                InputErrorKind::UnclosedFrontMatter,
            ));
        }
    }
    if text[body_start..].trim().is_empty() {
        return Err(InputError::new(label, InputErrorKind::NoText));
    }
    let mut article = Article::new(label.to_string(), origin(label, None), text);
    article.date = fm.date;
    let shown = |v: Option<String>| v.map(|v| crate::article::visible(&v).into_owned());
    article.title = shown(fm.title);
    article.outlet = shown(fm.outlet);
    article.url = shown(fm.url);
    article.exclude(Span::new(0, body_start.max(bom)), ExclusionKind::Header);
    for span in markdown_markup(&article.text, body_start) {
        article.exclude(span, ExclusionKind::Markup);
    }
    boilerplate::mark(&mut article);
    Ok(article)
}

#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<Date>,
    outlet: Option<String>,
    url: Option<String>,
}

impl FrontMatter {
    /// Reads one `key: value` line; other keys, list items and blank lines are
    /// ignored as front matter of other tools.
    fn read_line(&mut self, label: &str, line_no: usize, line: &str) -> Result<(), InputError> {
        if line.starts_with([' ', '\t', '-', '#']) {
            return Ok(());
        }
        let Some((key, value)) = line.split_once(':') else {
            return Ok(());
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            return Ok(());
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => self.title = Some(value.to_string()),
            "source" | "outlet" | "publisher" => self.outlet = Some(value.to_string()),
            "url" | "link" => self.url = Some(value.to_string()),
            "date" => {
                let day = value.get(..10).unwrap_or(value);
                self.date = Some(parse_date(day).ok_or_else(|| {
                    InputError::at_line(
                        label,
                        line_no,
                        InputErrorKind::BadDate {
                            value: value.to_string(),
                        },
                    )
                })?);
            }
            _ => {}
        }
        Ok(())
    }
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// HTML comments and fenced code blocks in a Markdown body.
fn markdown_markup(text: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = from;
    while let Some(i) = text[at..].find("<!--") {
        let s = at + i;
        let e = text[s + 4..]
            .find("-->")
            .map_or(text.len(), |j| s + 4 + j + 3);
        out.push(Span::new(s, e));
        at = e;
    }
    let mut fence: Option<usize> = None;
    let mut pos = from;
    for line in text[from..].split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            match fence {
                None => fence = Some(pos),
                Some(s) => {
                    out.push(Span::new(s, pos + line.len()));
                    fence = None;
                }
            }
        }
        pos += line.len();
    }
    if let Some(s) = fence {
        out.push(Span::new(s, text.len()));
    }
    out
}
