//! Which field of a JSON record (JSON Lines or a JSON file) holds which part
//! of an article, and the article read from one record.
//!
//! A field named with `--field KEY=NAME` (or in `[fields]` of
//! claimcheck.toml) is read from NAME alone: a key of the record, or a dotted
//! path into nested objects (`author.name`, `meta.published_at`; a key that
//! itself holds the dots is found first). A field not named is looked for
//! under the names CMS exports use, the first present (and not null) in this
//! order:
//!
//! | key | names tried |
//! | --- | --- |
//! | `text` | text, body, content, article_body, articleBody |
//! | `date` | date, published_at, published, datePublished, pubDate, publication_date |
//! | `source` | source, outlet, publisher, site_name |
//! | `title` | title, headline |
//! | `url` | url, link, canonical_url |
//! | `author` | author, byline, authors |
//! | `id` | id, _id, guid, slug |
//!
//! The text must be a string. A source or author may be a string or an
//! object with a `name` (`"publisher": {"name": "Coast Radio"}`); an author
//! may also be an array of those, joined with ", ". An id may be a string or
//! a number; a record without one is `path:line`. A date is read by
//! [`super::dates::parse_loose`]; one that cannot be read is a warning, and
//! the article is read without it.

use super::dates::{DayOrder, parse_loose};
use super::*;
use crate::error::InputWarning;
use serde_json::{Map, Value};

/// A part of an article a JSON record's field can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Text,
    Date,
    Source,
    Url,
    Title,
    Author,
}

impl Field {
    /// Every field, in the order of their keys' help.
    pub const ALL: [Field; 7] = [
        Field::Id,
        Field::Text,
        Field::Date,
        Field::Source,
        Field::Url,
        Field::Title,
        Field::Author,
    ];

    /// The key of `--field KEY=NAME` and `[fields]`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Text => "text",
            Field::Date => "date",
            Field::Source => "source",
            Field::Url => "url",
            Field::Title => "title",
            Field::Author => "author",
        }
    }

    /// The field of a key (`outlet` is `source`), or an error listing the
    /// keys.
    pub fn from_key(key: &str) -> Result<Field, String> {
        let key = key.trim();
        if key == "outlet" {
            return Ok(Field::Source);
        }
        Field::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .ok_or_else(|| {
                format!(
                    "unknown field `{key}`: the keys are id, text, date, source (or outlet), url, \
                     title, author"
                )
            })
    }

    /// The names tried, in order, when no name is given for the field.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "_id", "guid", "slug"],
            Field::Text => &["text", "body", "content", "article_body", "articleBody"],
            Field::Date => &[
                "date",
                "published_at",
                "published",
                "datePublished",
                "pubDate",
                "publication_date",
            ],
            Field::Source => &["source", "outlet", "publisher", "site_name"],
            Field::Title => &["title", "headline"],
            Field::Url => &["url", "link", "canonical_url"],
            Field::Author => &["author", "byline", "authors"],
        }
    }
}

/// Where each field of an article is read from in a JSON record: a name
/// given for it, or (none given) its [`Field::aliases`]. In claimcheck.toml
/// it is the `[fields]` table (`text = "body"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldMap {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(alias = "outlet", skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<String>,
}

impl FieldMap {
    fn slot(&mut self, field: Field) -> &mut Option<String> {
        match field {
            Field::Id => &mut self.id,
            Field::Text => &mut self.text,
            Field::Date => &mut self.date,
            Field::Source => &mut self.source,
            Field::Url => &mut self.url,
            Field::Title => &mut self.title,
            Field::Author => &mut self.author,
        }
    }

    /// The name given for `field`, if any.
    pub fn name(&self, field: Field) -> Option<&str> {
        let name = match field {
            Field::Id => &self.id,
            Field::Text => &self.text,
            Field::Date => &self.date,
            Field::Source => &self.source,
            Field::Url => &self.url,
            Field::Title => &self.title,
            Field::Author => &self.author,
        };
        name.as_deref()
    }

    /// Reads `field` from `name` from now on (over any name given before).
    pub fn set(&mut self, field: Field, name: impl Into<String>) {
        *self.slot(field) = Some(name.into());
    }

    /// The names `field` is looked for under, in order.
    pub fn names(&self, field: Field) -> Vec<&str> {
        match self.name(field) {
            Some(name) => vec![name],
            None => field.aliases().to_vec(),
        }
    }

    /// The first of `field`'s names present (and not null) in `record`,
    /// with its value.
    fn find<'r>(&self, record: &'r Map<String, Value>, field: Field) -> Option<(&str, &'r Value)> {
        self.names(field).into_iter().find_map(|name| {
            lookup(record, name)
                .filter(|v| !v.is_null())
                .map(|v| (name, v))
        })
    }

    /// Whether `record` has any of the names of its article text.
    pub(super) fn has_text(&self, record: &Map<String, Value>) -> bool {
        self.find(record, Field::Text).is_some()
    }
}

/// `name` in `record`: the key itself, or a dotted path into nested
/// objects.
fn lookup<'r>(record: &'r Map<String, Value>, name: &str) -> Option<&'r Value> {
    if let Some(v) = record.get(name) {
        return Some(v);
    }
    let mut parts = name.split('.');
    let mut value = record.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// What a JSON value is, for a message: `a number`, `an array`.
pub(super) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A name: a non-empty string, or an object's `name` string.
fn name_of(value: &Value) -> Option<String> {
    let s = match value {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("name")?.as_str()?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A byline: a name, or an array of names joined with ", ".
fn byline(value: &Value) -> Option<String> {
    match value {
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => name_of(value),
    }
}

/// A non-empty string.
fn string_of(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// One article read from a JSON record at `line` of `label`, and the
/// warning of a date that could not be read.
pub(super) fn article_from(
    label: &str,
    line: usize,
    record: &Map<String, Value>,
    fields: &FieldMap,
    order: DayOrder,
) -> Result<Parsed, InputError> {
    let err = |kind| InputError::at_line(label, line, kind);
    let text = match fields.find(record, Field::Text) {
        None => {
            let tried = fields.names(Field::Text).into_iter().map(String::from);
            return Err(err(InputErrorKind::MissingText {
                tried: tried.collect(),
            }));
        }
        Some((_, Value::String(text))) => text.clone(),
        Some((name, other)) => {
            return Err(err(InputErrorKind::TextNotString {
                field: crate::article::visible(name).into_owned(),
                found: kind_of(other).to_string(),
            }));
        }
    };
    if text.trim().is_empty() {
        return Err(err(InputErrorKind::NoText));
    }
    let mut warnings = Vec::new();
    let date = match fields.find(record, Field::Date) {
        None => None,
        Some((_, value)) => {
            let written = match value {
                Value::String(s) => s.trim().to_string(),
                other => other.to_string(),
            };
            if written.is_empty() {
                None
            } else {
                let date = value.as_str().and_then(|s| parse_loose(s, order));
                if date.is_none() {
                    warnings.push(InputWarning::bad_date(label, Some(line), &written));
                }
                date
            }
        }
    };
    let id = match fields.find(record, Field::Id) {
        Some((_, Value::String(s))) if !s.trim().is_empty() => s.clone(),
        Some((_, Value::Number(n))) => n.to_string(),
        _ => format!("{label}:{line}"),
    };
    let get = |field: Field, read: fn(&Value) -> Option<String>| {
        fields
            .find(record, field)
            .and_then(|(_, v)| read(v))
            .map(|v| crate::article::visible(&v).into_owned())
    };
    let mut article = super::html::record_article(id, origin(label, Some(line)), text);
    article.date = date;
    article.outlet = get(Field::Source, name_of);
    article.url = get(Field::Url, string_of);
    article.title = get(Field::Title, string_of);
    article.author = get(Field::Author, byline);
    boilerplate::mark(&mut article);
    Ok(Parsed { article, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read(record: Value, fields: &FieldMap) -> Result<Parsed, InputError> {
        let Value::Object(map) = record else {
            panic!("a test record is an object")
        };
        article_from("set.json", 3, &map, fields, DayOrder::DayFirst)
    }

    #[test]
    fn cms_names_are_tried_in_order() {
        let p = read(
            json!({
                "_id": "cms-7",
                "headline": "Talks begin",
                "articleBody": "The talks began.",
                "datePublished": "Mon, 28 Feb 2022 10:00:00 +0000",
                "publisher": {"name": "Coast Radio", "url": "https://coast.example"},
                "canonical_url": "https://coast.example/talks",
                "authors": [{"name": "Ana Ruiz"}, "Tom Reed", {"role": "editor"}],
                "text": null,
            }),
            &FieldMap::default(),
        )
        .unwrap();
        let a = p.article;
        assert!(p.warnings.is_empty());
        assert_eq!(a.id, "cms-7");
        assert_eq!(a.title.as_deref(), Some("Talks begin"));
        assert_eq!(a.text, "The talks began.");
        assert_eq!(a.date, Some(jiff::civil::date(2022, 2, 28)));
        assert_eq!(a.outlet.as_deref(), Some("Coast Radio"));
        assert_eq!(a.url.as_deref(), Some("https://coast.example/talks"));
        assert_eq!(a.author.as_deref(), Some("Ana Ruiz, Tom Reed"));
        assert_eq!(a.origin.record_line, Some(3));
    }

    #[test]
    fn the_first_name_present_wins() {
        let p = read(
            json!({"text": "First.", "body": "Second.", "id": 12, "source": "Wire", "outlet": "Other"}),
            &FieldMap::default(),
        )
        .unwrap();
        assert_eq!(p.article.text, "First.");
        assert_eq!(p.article.id, "12");
        assert_eq!(p.article.outlet.as_deref(), Some("Wire"));
    }

    #[test]
    fn a_named_field_replaces_the_names_and_may_be_a_dotted_path() {
        let mut fields = FieldMap::default();
        fields.set(Field::Text, "story");
        fields.set(Field::Date, "meta.published_at");
        fields.set(Field::Author, "author.name");
        fields.set(Field::Id, "flat.key");
        let p = read(
            json!({
                "text": "Not this.",
                "story": "This one.",
                "meta": {"published_at": "2022-02-28T10:00:00+02:00"},
                "author": {"name": "Ana Ruiz"},
                "flat.key": "k1",
            }),
            &fields,
        )
        .unwrap();
        assert_eq!(p.article.text, "This one.");
        assert_eq!(p.article.date, Some(jiff::civil::date(2022, 2, 28)));
        assert_eq!(p.article.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(p.article.id, "k1");
        // Named, the text is looked for there only.
        let e = read(json!({"text": "Here."}), &fields).unwrap_err();
        assert_eq!(
            e.kind,
            InputErrorKind::MissingText {
                tried: vec!["story".into()]
            }
        );
    }

    #[test]
    fn a_record_without_text_names_the_fields_it_tried() {
        let e = read(json!({"title": "Headline only"}), &FieldMap::default()).unwrap_err();
        assert_eq!(e.line, Some(3));
        assert_eq!(
            e.to_string(),
            "set.json:3: record has no article text: none of the fields `text`, `body`, \
             `content`, `article_body`, `articleBody` is there"
        );
    }

    #[test]
    fn a_text_that_is_not_a_string_is_an_error_naming_the_field() {
        let e = read(json!({"body": {"html": "<p>x</p>"}}), &FieldMap::default()).unwrap_err();
        assert_eq!(
            e.kind,
            InputErrorKind::TextNotString {
                field: "body".into(),
                found: "an object".into()
            }
        );
        assert_eq!(
            e.to_string(),
            "set.json:3: field `body` holds an object, not the article text as a string"
        );
        assert_eq!(
            read(json!({"text": "  "}), &FieldMap::default())
                .unwrap_err()
                .kind,
            InputErrorKind::NoText
        );
    }

    #[test]
    fn a_date_that_cannot_be_read_is_a_warning_and_the_article_is_kept() {
        for (date, shown) in [
            (json!("2022-02-30"), "2022-02-30"),
            (json!("sometime soon"), "sometime soon"),
            (json!(1646042400), "1646042400"),
        ] {
            let p = read(
                json!({"text": "Body.", "published_at": date}),
                &FieldMap::default(),
            )
            .unwrap();
            assert_eq!(p.article.date, None);
            assert_eq!(
                p.warnings,
                [InputWarning::bad_date("set.json", Some(3), shown)]
            );
        }
        let p = read(json!({"text": "Body.", "date": ""}), &FieldMap::default()).unwrap();
        assert!(p.warnings.is_empty() && p.article.date.is_none());
    }

    #[test]
    fn keys_of_the_field_flag() {
        assert_eq!(Field::from_key("outlet"), Ok(Field::Source));
        assert_eq!(Field::from_key("author"), Ok(Field::Author));
        let e = Field::from_key("body").unwrap_err();
        assert!(e.contains("unknown field `body`"), "{e}");
        for f in Field::ALL {
            assert_eq!(Field::from_key(f.key()), Ok(f));
        }
    }

    #[test]
    fn the_fields_table_is_strict() {
        let map: FieldMap = toml::from_str("text = \"body\"\noutlet = \"site\"\n").unwrap();
        assert_eq!(map.name(Field::Text), Some("body"));
        assert_eq!(map.name(Field::Source), Some("site"));
        assert!(toml::from_str::<FieldMap>("body = \"text\"\n").is_err());
    }
}
