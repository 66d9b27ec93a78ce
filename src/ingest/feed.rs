//! Feeds: RSS 2.0 (and RSS 1.0 / RDF) and Atom files, one article per item
//! or entry, read by quick-xml.
//!
//! An item's text is its full content (`content:encoded`, Atom `content`)
//! or else its summary (`description`, Atom `summary`); HTML content is
//! drawn out as an HTML fragment (tags left out, entities decoded, blocks
//! apart by a blank line). Its date is `pubDate` (RFC 2822), `dc:date`,
//! `published` or `updated` (RFC 3339); its outlet the item's `source`, else
//! the feed's own title; its id the `guid`/`id`, else the link, else
//! `path:line`. Like a JSON Lines record, an item is located by the line
//! where it starts, and an item without text is an error of that line while
//! the others are read.

use super::*;
use quick_xml::events::Event;

/// One item or entry as read, before it becomes an article.
#[derive(Debug, Default)]
struct Item {
    line: usize,
    id: Option<String>,
    title: Option<String>,
    link: Option<String>,
    date: Option<String>,
    /// The line the date is on.
    date_line: usize,
    author: Option<String>,
    source: Option<String>,
    /// (text, is HTML): the full content.
    content: Option<(String, bool)>,
    /// (text, is HTML): the summary.
    summary: Option<(String, bool)>,
}

/// Whether the XML names an RSS or Atom feed: its root element (after the
/// declaration, comments and a doctype) is `rss`, `rdf:RDF` or `feed`.
pub fn looks_like_feed(text: &str) -> bool {
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.name();
                let name = name.as_ref();
                return name == "rss" || name == "feed" || name.ends_with("RDF");
            }
            Ok(Event::Eof) | Err(_) => return false,
            Ok(Event::Text(t)) if !t.borrow().into_inner().trim().is_empty() => return false,
            _ => {}
        }
    }
}

/// The local part of a qualified name, lowercased (`content:encoded` →
/// `encoded` stays told apart by its prefix: the caller gets both).
fn split(name: &str) -> (String, String) {
    let name = name.to_ascii_lowercase();
    match name.split_once(':') {
        Some((p, l)) => (p.to_string(), l.to_string()),
        None => (String::new(), name),
    }
}

/// The text of an entity reference: XML's five, a character reference, or
/// an HTML named entity (feeds often carry `&nbsp;` and kin).
fn reference(name: &str) -> String {
    if let Some(c) = quick_xml::escape::resolve_predefined_entity(name) {
        return c.to_string();
    }
    let whole = format!("&{name};");
    html_escape::decode_html_entities(&whole).into_owned()
}

/// An attribute's value, references resolved.
fn attribute(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    let a = e.try_get_attribute(key).ok().flatten()?;
    let value = a
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()?;
    Some(value.into_owned())
}

/// Reads a feed: each item's article or the error of its line, in order,
/// and the feed's own error (malformed XML, with its line) if reading stopped
/// early.
pub fn read(
    label: &str,
    text: &str,
    order: DayOrder,
) -> (Vec<Result<Parsed, InputError>>, Option<InputError>) {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut out = Vec::new();
    let mut feed_title: Option<String> = None;
    let mut path: Vec<(String, String)> = Vec::new();
    let mut item: Option<Item> = None;
    // The field being read: its text so far and its content type.
    let mut field: Option<(String, String, bool)> = None;
    // Atom `type="xhtml"`: the content is markup in the file itself.
    let mut xhtml_from: Option<(usize, usize)> = None;
    let mut is_feed = false;
    // Lines are counted once through the file, not from its start each time.
    let mut lines = super::array::Lines::new(text);
    loop {
        let before = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at = (reader.error_position() as usize).min(text.len());
                let error = InputError::at_line(
                    label,
                    lines.at(at),
                    InputErrorKind::MalformedXml {
                        message: e.to_string(),
                    },
                );
                return (out, Some(error));
            }
        };
        match event {
            Event::Start(e) => {
                let (prefix, local) = split(e.name().as_ref());
                let attr = |k: &str| attribute(&e, k);
                if path.is_empty() {
                    is_feed = local == "rss" || local == "feed" || local == "rdf";
                }
                if xhtml_from.is_some() {
                    path.push((prefix, local));
                    continue;
                }
                if matches!(local.as_str(), "item" | "entry") && item.is_none() {
                    item = Some(Item {
                        line: lines.at(before),
                        ..Item::default()
                    });
                } else if item.is_some() || local == "title" {
                    let kind = attr("type").unwrap_or_default().to_ascii_lowercase();
                    if local == "content" && kind == "xhtml" && item.is_some() {
                        xhtml_from = Some((reader.buffer_position() as usize, path.len() + 1));
                    }
                    if local == "link"
                        && let Some(i) = item.as_mut()
                        && let Some(href) = attr("href")
                        && attr("rel").is_none_or(|r| r == "alternate")
                    {
                        i.link.get_or_insert(href);
                    }
                    let html = kind.contains("html") || prefix == "content";
                    field = Some((String::new(), kind, html));
                }
                path.push((prefix, local));
            }
            Event::Empty(e) => {
                let (_, local) = split(e.name().as_ref());
                if local == "link"
                    && let Some(i) = item.as_mut()
                    && xhtml_from.is_none()
                {
                    let get = |k: &str| attribute(&e, k);
                    if let Some(href) = get("href")
                        && get("rel").is_none_or(|r| r == "alternate")
                    {
                        i.link.get_or_insert(href);
                    }
                }
            }
            Event::Text(t) => {
                if let Some((s, _, _)) = field.as_mut() {
                    s.push_str(&t.into_inner());
                }
            }
            Event::CData(c) => {
                if let Some((s, _, _)) = field.as_mut() {
                    s.push_str(&c.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((s, _, _)) = field.as_mut() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => s.push(c),
                        _ => s.push_str(&reference(&r.into_inner())),
                    }
                }
            }
            Event::End(_) => {
                let Some((prefix, local)) = path.pop() else {
                    continue;
                };
                if let Some((from, depth)) = xhtml_from {
                    if path.len() + 1 > depth {
                        continue;
                    }
                    // The closing `</content>`: the markup between is the content.
                    let inner = text.get(from..before).unwrap_or_default().to_string();
                    if let Some(i) = item.as_mut() {
                        i.content = Some((inner, true));
                    }
                    xhtml_from = None;
                    field = None;
                    continue;
                }
                if matches!(local.as_str(), "item" | "entry") {
                    if let Some(i) = item.take() {
                        out.push(article(label, i, feed_title.as_deref(), order));
                    }
                    continue;
                }
                let Some((value, kind, html)) = field.take() else {
                    continue;
                };
                let value_trim = value.trim().to_string();
                let Some(i) = item.as_mut() else {
                    // The feed's own title: the outlet of its items.
                    if local == "title" && feed_title.is_none() && !value_trim.is_empty() {
                        feed_title = Some(value_trim);
                    }
                    continue;
                };
                let parent_is_author = path.last().is_some_and(|(_, l)| l == "author");
                let set = |slot: &mut Option<String>| {
                    if slot.is_none() && !value_trim.is_empty() {
                        *slot = Some(value_trim.clone());
                    }
                };
                match (prefix.as_str(), local.as_str()) {
                    (_, "title") => set(&mut i.title),
                    ("", "link") => set(&mut i.link),
                    ("", "guid") | ("", "id") => set(&mut i.id),
                    ("", "pubdate") | ("dc", "date") | ("", "published") | ("", "updated")
                        if i.date.is_none() =>
                    {
                        set(&mut i.date);
                        i.date_line = lines.at(before);
                    }
                    ("", "name") if parent_is_author => set(&mut i.author),
                    ("dc", "creator") | ("", "author") => {
                        // RSS `author` is "mail (Name)": the name.
                        let name = value_trim
                            .rsplit_once('(')
                            .and_then(|(_, n)| n.strip_suffix(')'))
                            .map_or(value_trim.clone(), str::to_string);
                        if i.author.is_none() && !name.is_empty() {
                            i.author = Some(name);
                        }
                    }
                    ("", "source") => set(&mut i.source),
                    ("content", "encoded") | ("", "content")
                        if i.content.is_none() && !value_trim.is_empty() =>
                    {
                        i.content = Some((value, html || kind.is_empty()));
                    }
                    ("", "description") | ("", "summary")
                        if i.summary.is_none() && !value_trim.is_empty() =>
                    {
                        i.summary = Some((value, html || local == "description"));
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !is_feed {
        let error = InputError::new(
            label,
            InputErrorKind::MalformedXml {
                message: "not an RSS or Atom feed (its root is not <rss>, <rdf:RDF> or <feed>)"
                    .into(),
            },
        );
        return (Vec::new(), Some(error));
    }
    (out, None)
}

/// An item as an article; a date that cannot be read is a warning of its
/// line.
fn article(
    label: &str,
    item: Item,
    feed_title: Option<&str>,
    order: DayOrder,
) -> Result<Parsed, InputError> {
    let line = item.line;
    let Some((body, html)) = item.content.or(item.summary) else {
        return Err(InputError::at_line(label, line, InputErrorKind::NoText));
    };
    let id = item
        .id
        .or_else(|| item.link.clone())
        .unwrap_or_else(|| format!("{label}:{line}"));
    // Content that is markup is drawn out as a fragment (offsets mapped to
    // the decoded content); plain text is kept as it is.
    let article = if html && body.contains('<') {
        let (drawn, map) = super::html::fragment(&body).finish(body);
        Article::mapped(id, origin(label, Some(line)), drawn, map)
    } else {
        Article::new(id, origin(label, Some(line)), body.trim().to_string())
    };
    if article.text.trim().is_empty() {
        return Err(InputError::at_line(label, line, InputErrorKind::NoText));
    }
    let mut article = article;
    let mut warnings = Vec::new();
    if let Some(value) = item.date.as_deref() {
        article.date = parse_loose(value, order);
        if article.date.is_none() {
            warnings.push(InputWarning::bad_date(label, Some(item.date_line), value));
        }
    }
    let shown = |v: Option<String>| v.map(|v| crate::article::visible(&v).into_owned());
    article.title = shown(item.title);
    article.url = shown(item.link);
    article.author = shown(item.author);
    article.outlet = shown(item.source.or_else(|| feed_title.map(str::to_string)));
    boilerplate::mark(&mut article);
    Ok(Parsed { article, warnings })
}

impl Ingested {
    /// A feed file: one input record with its item count, then the errors
    /// of its items and of the feed, in line order.
    pub(super) fn read_feed(&mut self, label: &str, text: &str) {
        let (items, feed_error) = read(label, text, self.reading.day_order);
        let mut count = 0;
        let mut failures = Vec::new();
        for item in items {
            match item {
                Ok(parsed) => {
                    self.push_parsed(parsed);
                    count += 1;
                }
                Err(e) => failures.push(e),
            }
        }
        if count == 0 && failures.is_empty() {
            return self.push_failure(
                feed_error.unwrap_or_else(|| InputError::new(label, InputErrorKind::EmptyFeed)),
            );
        }
        self.inputs.push(InputRecord {
            path: label.to_string(),
            line: None,
            status: InputStatus::Read { articles: count },
        });
        failures.extend(feed_error);
        failures.sort_by_key(|f| f.line);
        for f in failures {
            self.push_failure(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example Wire</title>
  <link>https://example.org/</link>
  <item>
    <title>Depot to close</title>
    <link>https://example.org/depot</link>
    <guid>depot-1</guid>
    <pubDate>Mon, 28 Feb 2022 09:30:00 +0000</pubDate>
    <dc:creator>Ann Lee</dc:creator>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>The council said the depot would close.</p><p>&ldquo;It is time,&rdquo; the mayor said.</p>]]></content:encoded>
  </item>
  <item>
    <title>No body</title>
  </item>
  <item>
    <title>Escaped</title>
    <description>&lt;p&gt;Residents &amp;amp; traders objected.&lt;/p&gt;</description>
    <pubDate>not a date</pubDate>
  </item>
</channel>
</rss>"#;

    #[test]
    fn rss_items_are_articles_located_by_their_line() {
        let (items, error) = read("feed.xml", RSS, DayOrder::default());
        assert!(error.is_none());
        assert_eq!(items.len(), 3);
        let a = &items[0].as_ref().unwrap().article;
        assert_eq!(a.id, "depot-1");
        assert_eq!(a.origin.record_line, Some(6));
        assert_eq!(a.date, Some(jiff::civil::date(2022, 2, 28)));
        assert_eq!(a.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(a.author.as_deref(), Some("Ann Lee"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/depot"));
        assert_eq!(
            a.text,
            "The council said the depot would close.\n\n\u{201c}It is time,\u{201d} the mayor said."
        );
        let e = items[1].as_ref().unwrap_err();
        assert_eq!((e.line, &e.kind), (Some(15), &InputErrorKind::NoText));
        let c = &items[2].as_ref().unwrap().article;
        assert_eq!(c.text, "Residents & traders objected.");
        assert_eq!(c.id, "feed.xml:18");
        assert_eq!(c.date, None);
        let warning = &items[2].as_ref().unwrap().warnings[0];
        assert_eq!(warning.location(), "feed.xml:21");
    }

    #[test]
    fn atom_entries_with_html_xhtml_and_text_content() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Example Times</title>
  <entry>
    <title>One</title>
    <id>urn:one</id>
    <link rel="alternate" href="https://example.org/one"/>
    <updated>2022-02-27T10:00:00Z</updated>
    <author><name>Bo Ng</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks opened on <b>Sunday</b>.</p></div></content>
  </entry>
  <entry>
    <title>Two</title>
    <published>2022-02-28T08:00:00+02:00</published>
    <summary type="html">&lt;p&gt;A &lt;em&gt;second&lt;/em&gt; day.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Three</title>
    <content type="text">Plain words, &lt;not a tag&gt;.</content>
  </entry>
</feed>"#;
        let (items, error) = read("atom.xml", atom, DayOrder::default());
        assert!(error.is_none());
        let texts: Vec<&str> = items
            .iter()
            .map(|i| i.as_ref().unwrap().article.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Talks opened on Sunday.",
                "A second day.",
                "Plain words, <not a tag>."
            ]
        );
        let one = &items[0].as_ref().unwrap().article;
        assert_eq!(one.id, "urn:one");
        assert_eq!(one.url.as_deref(), Some("https://example.org/one"));
        assert_eq!(one.author.as_deref(), Some("Bo Ng"));
        assert_eq!(one.outlet.as_deref(), Some("Example Times"));
        assert_eq!(one.date, Some(jiff::civil::date(2022, 2, 27)));
        assert_eq!(
            items[1].as_ref().unwrap().article.date,
            Some(jiff::civil::date(2022, 2, 28))
        );
    }

    #[test]
    fn malformed_xml_keeps_the_items_before_and_names_the_line() {
        let bad = "<rss><channel><title>W</title>\n<item><description>Fine text.</description></item>\n<item><description>Broken</description></item><!-- never closed </channel></rss>";
        let (items, error) = read("bad.xml", bad, DayOrder::default());
        // Both items end before the comment that never closes.
        assert_eq!(items.len(), 2);
        let error = error.expect("an error");
        assert_eq!(error.line, Some(3));
        assert!(matches!(error.kind, InputErrorKind::MalformedXml { .. }));
        assert!(looks_like_feed(RSS));
        assert!(!looks_like_feed("<html><body>x</body></html>"));
        let (items, error) = read(
            "x.xml",
            "<catalog><item>no</item></catalog>",
            DayOrder::default(),
        );
        assert!(items.is_empty() && error.is_some());
    }
}
