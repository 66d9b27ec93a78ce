//! Markdown: front matter read by a real parser (YAML between `---` lines,
//! TOML between `+++` lines), the body by pulldown-cmark, a CommonMark
//! parser that gives every event its byte range. The article's text is what
//! a reader sees: link text without its URL or title, no emphasis marks,
//! entities and escapes decoded, code blocks, images and HTML left out
//! (but for `<!-- claimcheck-… -->` comments, kept as markup for inline
//! suppressions); blocks are apart by a blank line, a paragraph keeps its
//! line breaks. A [`SourceMap`](crate::article::SourceMap) ties every byte
//! back to the file.

use super::text::line_of;
use super::*;
use crate::article::MappedText;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Markdown with optional front matter, numeric dates day first (see
/// [`read_markdown`]).
pub fn parse_markdown(label: &str, text: String) -> Result<Article, InputError> {
    read_markdown(label, text, DayOrder::default()).map(|p| p.article)
}

/// Markdown with optional front matter; a date that cannot be read is a
/// warning naming its line, and the article is read without one.
pub fn read_markdown(label: &str, text: String, order: DayOrder) -> Result<Parsed, InputError> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let (fm, body_start) = front_matter(label, &text, bom, order)?;
    if text[body_start..].trim().is_empty() {
        return Err(InputError::new(label, InputErrorKind::NoText));
    }
    let mapped = body(&text, body_start);
    if mapped.text().trim().is_empty() {
        return Err(InputError::new(label, InputErrorKind::NoText));
    }
    let (body_text, map) = mapped.finish(text);
    let mut article = Article::mapped(label.to_string(), origin(label, None), body_text, map);
    article.date = fm.date;
    let shown = |v: Option<String>| v.map(|v| crate::article::visible(&v).into_owned());
    article.title = shown(fm.title);
    article.outlet = shown(fm.outlet);
    article.url = shown(fm.url);
    article.author = shown(fm.author);
    super::html::exclude_comments(&mut article);
    boilerplate::mark(&mut article);
    Ok(Parsed {
        article,
        warnings: fm.warnings,
    })
}

/// The fields claimcheck reads from front matter.
#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<Date>,
    outlet: Option<String>,
    url: Option<String>,
    author: Option<String>,
    warnings: Vec<InputWarning>,
}

/// A front-matter value as text: a string, number or date as written; a
/// list or a map of names (`author: {name: …}`) as names joined by ", ".
#[derive(Debug, Clone)]
enum Value {
    Text(String),
    List(Vec<Value>),
    Named(Option<String>),
}

impl Value {
    fn text(&self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Named(name) => name.clone(),
            Value::List(items) => {
                let parts: Vec<String> = items.iter().filter_map(Value::text).collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            }
        }
    }

    fn from_yaml(y: &yaml_rust2::Yaml) -> Value {
        use yaml_rust2::Yaml;
        match y {
            Yaml::String(s) | Yaml::Real(s) => Value::Text(s.clone()),
            Yaml::Integer(i) => Value::Text(i.to_string()),
            Yaml::Boolean(b) => Value::Text(b.to_string()),
            Yaml::Array(items) => Value::List(items.iter().map(Value::from_yaml).collect()),
            Yaml::Hash(h) => Value::Named(
                h.get(&Yaml::String("name".into()))
                    .and_then(|n| Value::from_yaml(n).text()),
            ),
            _ => Value::Text(String::new()),
        }
    }

    fn from_toml(t: &toml::Value) -> Value {
        match t {
            toml::Value::String(s) => Value::Text(s.clone()),
            toml::Value::Array(items) => Value::List(items.iter().map(Value::from_toml).collect()),
            toml::Value::Table(t) => {
                Value::Named(t.get("name").and_then(|n| Value::from_toml(n).text()))
            }
            other => Value::Text(other.to_string()),
        }
    }
}

/// Reads the front matter, if the file opens with one: its fields and where
/// the body starts.
fn front_matter(
    label: &str,
    text: &str,
    bom: usize,
    order: DayOrder,
) -> Result<(FrontMatter, usize), InputError> {
    let first_line_end = text[bom..].find('\n').map_or(text.len(), |i| bom + i);
    let fence = text[bom..first_line_end].trim_end();
    if fence != "---" && fence != "+++" {
        return Ok((FrontMatter::default(), 0));
    }
    let toml = fence == "+++";
    // The closing fence: `---` or `...` for YAML, `+++` for TOML.
    let mut at = first_line_end + 1;
    let mut close = None;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..end].trim_end();
        if (toml && line == "+++") || (!toml && (line == "---" || line == "...")) {
            close = Some((at, (end + 1).min(text.len())));
            break;
        }
        at = end + 1;
    }
    let Some((inner_end, body_start)) = close else {
        return Err(InputError::at_line(
            label,
            1,
            InputErrorKind::UnclosedFrontMatter,
        ));
    };
    let inner_start = (first_line_end + 1).min(inner_end);
    let inner = &text[inner_start..inner_end];
    // The file line of a front-matter line (1-based within it).
    let file_line = |line: usize| line_of(text, inner_start) + line.saturating_sub(1);
    let bad = |line: usize, message: String| {
        InputError::at_line(
            label,
            file_line(line),
            InputErrorKind::BadFrontMatter { message },
        )
    };
    let mut fields: Vec<(String, Value)> = Vec::new();
    if toml {
        let table: toml::Table = inner.parse().map_err(|e: toml::de::Error| {
            let line = e.span().map_or(1, |s| line_of(inner, s.start));
            bad(line, e.message().to_string())
        })?;
        fields.extend(table.iter().map(|(k, v)| (k.clone(), Value::from_toml(v))));
    } else {
        let docs = yaml_rust2::YamlLoader::load_from_str(inner)
            .map_err(|e| bad(e.marker().line(), e.info().to_string()))?;
        if let Some(yaml_rust2::Yaml::Hash(h)) = docs.first() {
            for (k, v) in h {
                if let Some(k) = k.as_str() {
                    fields.push((k.to_string(), Value::from_yaml(v)));
                }
            }
        }
    }
    let mut fm = FrontMatter::default();
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            fields
                .iter()
                .find(|(f, _)| f.eq_ignore_ascii_case(k))
                .and_then(|(_, v)| v.text())
        })
    };
    fm.title = get(&["title", "headline"]);
    fm.outlet = get(&["source", "outlet", "publisher", "site", "site_name"]);
    fm.url = get(&["url", "link", "canonical", "canonical_url", "permalink"]);
    fm.author = get(&["author", "authors", "byline"]);
    let date_keys = [
        "date",
        "published",
        "publishdate",
        "published_at",
        "pubdate",
    ];
    if let Some(value) = get(&date_keys) {
        fm.date = parse_loose(&value, order);
        if fm.date.is_none() {
            // The line that holds the key.
            let line = inner
                .lines()
                .position(|l| {
                    let l = l.trim_start().to_ascii_lowercase();
                    date_keys.iter().any(|k| {
                        l.strip_prefix(k)
                            .is_some_and(|r| r.trim_start().starts_with([':', '=']))
                    })
                })
                .map_or(1, |i| i + 1);
            fm.warnings
                .push(InputWarning::bad_date(label, Some(file_line(line)), &value));
        }
    }
    Ok((fm, body_start))
}

/// Blocks whose end closes a block of text.
fn is_block(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

/// The body's text, from `start`, mapped to the file.
fn body(text: &str, start: usize) -> MappedText {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = MappedText::new();
    // Inside a code block or an image: nothing is text.
    let mut hidden = 0usize;
    // A block ended: the next text starts a new one.
    let mut pending_break = false;
    let mut cell = false;
    let push = |out: &mut MappedText, piece: &str, at: usize, len: usize, pb: &mut bool| {
        if *pb && !out.text().is_empty() {
            out.trim_end();
            out.push("\n\n", at, 0);
        }
        *pb = false;
        // A block opens with its first word, not a space left by an image.
        let (piece, at, len) = if out.text().is_empty() || out.text().ends_with('\n') {
            let trimmed = piece.trim_start();
            let cut = piece.len() - trimmed.len();
            if len == piece.len() {
                (trimmed, at + cut, len - cut)
            } else {
                (trimmed, at, len)
            }
        } else {
            (piece, at, len)
        };
        out.push(piece, at, len);
    };
    for (event, range) in Parser::new_ext(&text[start..], options).into_offset_iter() {
        let (s, e) = (start + range.start, start + range.end);
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_)) => {
                hidden += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                hidden = hidden.saturating_sub(1)
            }
            Event::End(ref tag) if is_block(tag) => pending_break = true,
            Event::Start(Tag::TableCell) => cell = true,
            _ if hidden > 0 => {}
            Event::Text(t) | Event::Code(t) => {
                if cell && !pending_break && !out.text().is_empty() && !out.text().ends_with(' ') {
                    out.push(" ", s, 0);
                }
                cell = false;
                // Inline code's range holds its backticks: the text is
                // inside them.
                let at = text[s..e].find(t.as_ref()).map_or(s, |i| s + i);
                let copied = text.get(at..at + t.len()) == Some(t.as_ref());
                let len = if copied { t.len() } else { e - s };
                let at = if copied { at } else { s };
                push(&mut out, &t, at, len, &mut pending_break);
            }
            Event::SoftBreak | Event::HardBreak if !pending_break => {
                let nl = text[s..e].find('\n').map_or(s, |i| s + i);
                out.trim_end();
                out.push("\n", nl, usize::from(nl < e));
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let h = h.trim();
                if h.starts_with("<!--") && h[4..].trim_start().starts_with("claimcheck") {
                    let at = text[s..e].find("<!--").map_or(s, |i| s + i);
                    pending_break = true;
                    push(&mut out, h, at, h.len(), &mut pending_break);
                    pending_break = true;
                }
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
            Event::Rule => pending_break = true,
            _ => {}
        }
    }
    out.trim_end();
    out
}
