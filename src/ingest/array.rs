//! JSON files (`.json`): a top-level array of article objects, an object
//! holding exactly one array of objects (`{"articles": [...]}`,
//! `{"items": [...]}`), or one article object. The fields are read as for
//! JSON Lines ([`super::fields`]).
//!
//! Each article is located by the line its object starts on, so errors and
//! findings name `file:line`. An element that is no article (not an object,
//! no text, over the size limit) is an error of its line and the others are
//! read; a file that is not JSON at all is one error with the line where
//! the parser stopped. The file is parsed whole, once: each element is a
//! borrowed slice of the text ([`RawValue`]), its line counted from its
//! offset.

use super::fields::{FieldMap, kind_of};
use super::*;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One element to read: its line and its JSON text.
type Element<'a> = (usize, &'a str);

impl Ingested {
    /// Reads a JSON file's articles, handing them to `flush` a chunk at a
    /// time.
    pub(super) fn read_json(
        &mut self,
        label: &str,
        text: &str,
        flush: &mut dyn FnMut(&mut Ingested),
    ) {
        let elements = match elements(label, text, &self.reading.fields) {
            Ok(elements) => elements,
            Err(e) => return self.push_failure(e),
        };
        let record = self.inputs.len();
        self.inputs.push(InputRecord {
            path: label.to_string(),
            line: None,
            status: InputStatus::Read { articles: 0 },
        });
        let mut count = 0;
        let mut failures = Vec::new();
        for chunk in elements.chunks(JSONL_CHUNK) {
            // Each element is a record, read as a JSON Lines line is.
            self.parse_record_chunk(label, chunk.to_vec(), &mut count, &mut failures);
            flush(self);
        }
        self.inputs[record].status = InputStatus::Read { articles: count };
        for f in failures {
            self.push_failure(f);
        }
    }
}

/// The article elements of a JSON file, each with the line it starts on;
/// an error for a file that is not JSON or holds no article.
fn elements<'a>(
    label: &str,
    text: &'a str,
    fields: &FieldMap,
) -> Result<Vec<Element<'a>>, InputError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let malformed = |e: serde_json::Error| {
        InputError::at_line(
            label,
            e.line().max(1),
            InputErrorKind::MalformedJson {
                message: e.to_string(),
            },
        )
    };
    let top: &RawValue = serde_json::from_str(body).map_err(malformed)?;
    let mut lines = Lines::new(text);
    let raws: Vec<&RawValue> = match top.get().as_bytes().first() {
        Some(b'[') => serde_json::from_str(top.get()).map_err(malformed)?,
        Some(b'{') => {
            let members: BTreeMap<String, &RawValue> =
                serde_json::from_str(top.get()).map_err(malformed)?;
            match wrapped_array(&members, fields) {
                Wrapped::One(array) => serde_json::from_str(array.get()).map_err(malformed)?,
                Wrapped::None => vec![top],
                Wrapped::Several(arrays) => {
                    let line = lines.at(offset(text, top.get()));
                    return Err(InputError::at_line(
                        label,
                        line,
                        InputErrorKind::SeveralArrays { arrays },
                    ));
                }
            }
        }
        _ => {
            let value: Value = serde_json::from_str(top.get()).map_err(malformed)?;
            let line = lines.at(offset(text, top.get()));
            return Err(InputError::at_line(
                label,
                line,
                InputErrorKind::NotAnArticle {
                    found: kind_of(&value).to_string(),
                },
            ));
        }
    };
    if raws.is_empty() {
        return Err(InputError::new(label, InputErrorKind::NoArticles));
    }
    Ok(raws
        .into_iter()
        .map(|raw| (lines.at(offset(text, raw.get())), raw.get()))
        .collect())
}

/// Which member of a top-level object holds the articles.
#[derive(Debug)]
enum Wrapped<'a> {
    /// The object is an article itself (it has a text field), or holds no
    /// array of objects.
    None,
    /// The one member holding an array of objects: the articles.
    One(&'a RawValue),
    /// Several members hold non-empty arrays of objects: which is meant is
    /// not for us to guess.
    Several(Vec<String>),
}

/// How many objects `raw` holds if it is an array of objects only.
fn objects(raw: &RawValue) -> Option<usize> {
    if !raw.get().starts_with('[') {
        return None;
    }
    let items: Vec<&RawValue> = serde_json::from_str(raw.get()).ok()?;
    items
        .iter()
        .all(|i| i.get().starts_with('{'))
        .then_some(items.len())
}

/// Whether an object is a wrapper of articles and which member holds them:
/// an object with article text is an article; otherwise the one member
/// whose value is an array of objects holds them (an empty array counts
/// when it is the only one).
fn wrapped_array<'a>(members: &BTreeMap<String, &'a RawValue>, fields: &FieldMap) -> Wrapped<'a> {
    let arrays: Vec<(&String, &'a RawValue, usize)> = members
        .iter()
        .filter_map(|(key, raw)| objects(raw).map(|n| (key, *raw, n)))
        .collect();
    // The other members as values, to look for the text; the arrays stand
    // in as empty ones (a text field holding one is still found, and is an
    // error of the article, not a list of articles).
    let record: Map<String, Value> = members
        .iter()
        .filter_map(|(key, raw)| {
            let value = if arrays.iter().any(|(k, _, _)| *k == key) {
                Value::Array(Vec::new())
            } else {
                serde_json::from_str(raw.get()).ok()?
            };
            Some((key.clone(), value))
        })
        .collect();
    if fields.has_text(&record) {
        return Wrapped::None;
    }
    let full: Vec<&(&String, &RawValue, usize)> = arrays.iter().filter(|a| a.2 > 0).collect();
    match (arrays.as_slice(), full.as_slice()) {
        ([(_, raw, _)], _) | (_, [(_, raw, _)]) => Wrapped::One(raw),
        (_, []) => Wrapped::None,
        (_, several) => Wrapped::Several(
            several
                .iter()
                .map(|(k, _, _)| crate::article::visible(k).into_owned())
                .collect(),
        ),
    }
}

/// The byte offset of `part` in `text`, which it is a slice of.
fn offset(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

/// Line numbers of increasing offsets, counted once through the text.
pub(super) struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line of `offset` (counted from the last one asked for
    /// when it is not before it).
    pub(super) fn at(&mut self, offset: usize) -> usize {
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        self.line += memchr::memchr_iter(b'\n', &self.text[self.offset..offset]).count();
        self.offset = offset;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Ingested {
        let mut ing = Ingested::default();
        ing.read_bytes("set.json", text.as_bytes(), Format::Json);
        ing
    }

    fn ids(ing: &Ingested) -> Vec<(&str, Option<usize>)> {
        ing.articles
            .iter()
            .map(|a| (a.id.as_str(), a.origin.record_line))
            .collect()
    }

    #[test]
    fn an_array_of_articles_each_on_the_line_it_starts() {
        let ing = read(concat!(
            "[\n",
            "  {\"id\": \"a\", \"text\": \"One.\"},\n",
            "  {\n",
            "    \"id\": \"b\",\n",
            "    \"body\": \"Two.\"\n",
            "  }, {\"id\": \"c\", \"content\": \"Three.\"}\n",
            "]\n",
        ));
        assert!(!ing.has_errors(), "{:?}", ing.inputs);
        assert_eq!(ids(&ing), [("a", Some(2)), ("b", Some(3)), ("c", Some(6))]);
        assert_eq!(ing.inputs[0].status, InputStatus::Read { articles: 3 });
    }

    #[test]
    fn an_object_holding_one_array_of_articles() {
        for key in ["articles", "items", "data"] {
            let text = format!(
                "{{\"count\": 2, \"tags\": [\"x\"], \"{key}\": [\n{{\"text\": \"One.\"}},\n{{\"text\": \"Two.\"}}\n]}}"
            );
            let ing = read(&text);
            assert!(!ing.has_errors(), "{:?}", ing.inputs);
            assert_eq!(
                ids(&ing),
                [("set.json:2", Some(2)), ("set.json:3", Some(3))],
                "{key}"
            );
        }
    }

    #[test]
    fn one_article_object_even_with_an_array_of_objects_inside() {
        let ing = read(
            "\u{feff}\n{\"title\": \"T\", \"text\": \"One.\", \"authors\": [{\"name\": \"Ana Ruiz\"}]}\n",
        );
        assert!(!ing.has_errors(), "{:?}", ing.inputs);
        assert_eq!(ids(&ing), [("set.json:2", Some(2))]);
        assert_eq!(ing.articles[0].author.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_bad_element_is_an_error_of_its_line_and_the_rest_is_read() {
        let ing = read(concat!(
            "[{\"id\": \"a\", \"text\": \"One.\"},\n",
            " 42,\n",
            " {\"id\": \"c\", \"title\": \"no text\"},\n",
            " {\"id\": \"d\", \"text\": [\"Four.\"]},\n",
            " {\"id\": \"e\", \"text\": \"Five.\", \"date\": \"2022-02-30\"}]\n",
        ));
        assert_eq!(ids(&ing), [("a", Some(1)), ("e", Some(5))]);
        let errors: Vec<(Option<usize>, String)> =
            ing.errors().map(|e| (e.line, e.kind.to_string())).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors[0].0, Some(2));
        assert!(
            errors[0].1.starts_with("a number is not an article"),
            "{errors:?}"
        );
        assert_eq!(errors[1].0, Some(3));
        assert!(errors[1].1.contains("no article text"), "{errors:?}");
        assert_eq!(errors[2].0, Some(4));
        assert!(
            errors[2].1.contains("field `text` holds an array"),
            "{errors:?}"
        );
        assert_eq!(ing.warnings.len(), 1);
        assert_eq!(ing.warnings[0].line, Some(5));
    }

    #[test]
    fn malformed_json_is_one_error_with_its_line() {
        let ing = read("[\n{\"text\": \"One.\"},\n{\"text\": \"Two.\"\n]\n");
        assert!(ing.articles.is_empty());
        let errors: Vec<&InputError> = ing.errors().collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(4));
        assert!(matches!(
            errors[0].kind,
            InputErrorKind::MalformedJson { .. }
        ));
    }

    #[test]
    fn files_that_hold_no_article() {
        let kind = |text: &str| read(text).errors().next().map(|e| e.kind.clone());
        assert_eq!(kind("[]"), Some(InputErrorKind::NoArticles));
        assert_eq!(kind("{\"articles\": []}"), Some(InputErrorKind::NoArticles));
        assert_eq!(
            kind("\"just a string\""),
            Some(InputErrorKind::NotAnArticle {
                found: "a string".into()
            })
        );
        assert_eq!(
            kind("{\"news\": [{\"text\": \"a\"}], \"blogs\": [{\"text\": \"b\"}]}"),
            Some(InputErrorKind::SeveralArrays {
                arrays: vec!["blogs".into(), "news".into()]
            })
        );
        assert!(matches!(
            kind("{\"title\": \"no text\"}"),
            Some(InputErrorKind::MissingText { .. })
        ));
    }

    #[test]
    fn an_element_over_the_size_limit_is_an_error_of_its_line() {
        let mut ing = Ingested {
            reading: Reading {
                max_article_bytes: 100,
                ..Reading::default()
            },
            ..Ingested::default()
        };
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(200));
        let text = format!("[{{\"text\": \"One.\"}},\n{long},\n{{\"text\": \"Three.\"}}]");
        ing.read_bytes("set.json", text.as_bytes(), Format::Json);
        assert_eq!(ing.articles.len(), 2);
        let e = ing.errors().next().unwrap();
        assert_eq!(e.line, Some(2));
        assert!(matches!(
            e.kind,
            InputErrorKind::TooLarge { limit: 100, .. }
        ));
    }

    #[test]
    fn a_field_map_applies_to_arrays() {
        let mut ing = Ingested::default();
        ing.reading
            .fields
            .set(super::super::fields::Field::Text, "story.body");
        ing.read_bytes(
            "set.json",
            b"{\"items\": [{\"story\": {\"body\": \"One.\"}}]}",
            Format::Json,
        );
        assert!(!ing.has_errors(), "{:?}", ing.inputs);
        assert_eq!(ing.articles[0].text, "One.");
    }
}
