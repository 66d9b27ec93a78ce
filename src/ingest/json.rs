//! JSON Lines: one article per line, read a chunk at a time; the fields
//! are read as [`super::fields`] says.

use super::dates::DayOrder;
use super::fields::{FieldMap, article_from, kind_of};
use super::*;

impl Ingested {
    pub(super) fn read_jsonl(
        &mut self,
        label: &str,
        text: &str,
        flush: &mut dyn FnMut(&mut Ingested),
    ) {
        // The file's record first (its count is filled in at the end), so
        // the articles can be handed to `flush` in chunks as they are read.
        let record = self.inputs.len();
        self.inputs.push(InputRecord {
            path: label.to_string(),
            line: None,
            status: InputStatus::Read { articles: 0 },
        });
        let mut count = 0;
        let mut failures = Vec::new();
        // Lines are parsed a chunk at a time on the thread pool (in order),
        // and each chunk's articles handed to `flush`.
        let mut lines = text
            .split('\n')
            .enumerate()
            .map(|(i, line)| (i + 1, line.strip_suffix('\r').unwrap_or(line)))
            .filter(|(_, line)| !line.trim().is_empty())
            .peekable();
        while lines.peek().is_some() {
            let chunk: Vec<(usize, &str)> = lines.by_ref().take(JSONL_CHUNK).collect();
            self.parse_record_chunk(label, chunk, &mut count, &mut failures);
            flush(self);
        }
        self.end_jsonl(label, record, count, failures);
    }
}

impl Ingested {
    /// Parses a chunk of JSON records (JSON Lines lines, elements of a JSON
    /// array), each with its line, on the thread pool, keeping their order.
    pub(super) fn parse_record_chunk<S: AsRef<str> + Send>(
        &mut self,
        label: &str,
        chunk: Vec<(usize, S)>,
        count: &mut usize,
        failures: &mut Vec<InputError>,
    ) {
        use rayon::prelude::*;
        let limit = self.reading.max_article_bytes;
        let fields = &self.reading.fields;
        let order = self.reading.day_order;
        let parsed: Vec<Result<Parsed, InputError>> = chunk
            .into_par_iter()
            .map(|(line_no, line)| {
                let mut line = line.as_ref();
                if line_no == 1 {
                    line = line.strip_prefix('\u{feff}').unwrap_or(line);
                }
                if line.len() as u64 > limit {
                    return Err(too_large(
                        label,
                        Some(line_no),
                        Some(line.len() as u64),
                        limit,
                    ));
                }
                parse_jsonl_record(label, line_no, line, fields, order)
            })
            .collect();
        for r in parsed {
            match r {
                Ok(p) => {
                    self.push_parsed(p);
                    *count += 1;
                }
                Err(e) => failures.push(e),
            }
        }
    }

    /// A JSON Lines file, read a chunk of lines at a time (see
    /// [`Ingested::read_jsonl_stream`]).
    pub(super) fn read_jsonl_file(
        &mut self,
        label: &str,
        path: &Path,
        flush: &mut dyn FnMut(&mut Ingested),
    ) {
        match std::fs::File::open(path) {
            Ok(file) => self.read_jsonl_stream(label, file, flush),
            Err(e) => self.push_failure(InputError::new(label, io_error(e))),
        }
    }

    /// JSON Lines from a reader (a file, standard input), a chunk of lines
    /// at a time: memory holds one chunk (and the articles `flush` has not
    /// taken), never the whole input. A line that is not UTF-8 or holds a
    /// NUL byte is an error of that line; an input whose first line does is
    /// a binary file.
    pub(super) fn read_jsonl_stream(
        &mut self,
        label: &str,
        input: impl Read,
        flush: &mut dyn FnMut(&mut Ingested),
    ) {
        use std::io::BufRead;
        let mut reader = std::io::BufReader::with_capacity(1 << 16, input);
        // UTF-16 (with its byte-order mark) is decoded as a whole.
        if let Ok(start) = reader.fill_buf()
            && utf16_order(start).is_some()
        {
            let mut bytes = Vec::new();
            return match reader.read_to_end(&mut bytes) {
                Ok(_) => self.read_bytes_flushing(label, &bytes, Format::JsonLines, flush),
                Err(e) => self.push_failure(InputError::new(label, io_error(e))),
            };
        }
        let limit = self.reading.max_article_bytes;
        let record = self.inputs.len();
        self.inputs.push(InputRecord {
            path: label.to_string(),
            line: None,
            status: InputStatus::Read { articles: 0 },
        });
        let (mut count, mut failures) = (0, Vec::new());
        let (mut line_no, mut offset, mut seen) = (0, 0, 0);
        let mut buf = Vec::new();
        let mut done = false;
        while !done {
            let mut chunk: Vec<(usize, String)> = Vec::new();
            while chunk.len() < JSONL_CHUNK {
                buf.clear();
                // A record (and its line end) longer than the limit is not
                // held: the rest of its line is skipped.
                let bounded = limit.saturating_add(2);
                let n = match (&mut reader).take(bounded).read_until(b'\n', &mut buf) {
                    Ok(0) => {
                        done = true;
                        break;
                    }
                    Ok(n) => n,
                    Err(e) => {
                        failures.push(InputError::at_line(label, line_no + 1, io_error(e)));
                        done = true;
                        break;
                    }
                };
                line_no += 1;
                let start = offset;
                offset += n;
                if n as u64 == bounded && !buf.ends_with(b"\n") {
                    let rest = reader.skip_until(b'\n').unwrap_or(0);
                    offset += rest;
                    let size = (n + rest) as u64 - u64::from(rest > 0);
                    failures.push(too_large(label, Some(line_no), Some(size), limit));
                    seen += 1;
                    continue;
                }
                let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                seen += 1;
                let bad = match line.iter().position(|&b| b == 0) {
                    Some(p) => Some(InputErrorKind::Binary { offset: start + p }),
                    None => match std::str::from_utf8(line) {
                        Ok(text) => {
                            chunk.push((line_no, text.to_string()));
                            None
                        }
                        Err(e) => Some(InputErrorKind::NotUtf8 {
                            offset: start + e.valid_up_to(),
                        }),
                    },
                };
                if let Some(kind) = bad {
                    if seen == 1 {
                        // Not a text file at all: one error for the file.
                        self.inputs.remove(record);
                        return self.push_failure(InputError::at_line(label, line_no, kind));
                    }
                    failures.push(InputError::at_line(label, line_no, kind));
                }
            }
            self.parse_record_chunk(label, chunk, &mut count, &mut failures);
            flush(self);
        }
        self.end_jsonl(label, record, count, failures);
    }

    /// Completes a JSON Lines input: its article count, then its bad lines
    /// in line order (or one "file is empty" error for a file of blank
    /// lines).
    fn end_jsonl(
        &mut self,
        label: &str,
        record: usize,
        count: usize,
        mut failures: Vec<InputError>,
    ) {
        if count == 0 && failures.is_empty() {
            self.inputs.remove(record);
            return self.push_failure(InputError::new(label, InputErrorKind::EmptyFile));
        }
        self.inputs[record].status = InputStatus::Read { articles: count };
        failures.sort_by_key(|f| f.line);
        for f in failures {
            self.push_failure(f);
        }
    }
}

/// The error of a read that failed.
fn io_error(e: std::io::Error) -> InputErrorKind {
    InputErrorKind::Io {
        message: e.to_string(),
    }
}

/// One JSON Lines record: a JSON object whose fields `fields` maps.
fn parse_jsonl_record(
    label: &str,
    line_no: usize,
    line: &str,
    fields: &FieldMap,
    order: DayOrder,
) -> Result<Parsed, InputError> {
    let err = |kind| InputError::at_line(label, line_no, kind);
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        err(InputErrorKind::MalformedJson {
            message: e.to_string(),
        })
    })?;
    match value {
        serde_json::Value::Object(record) => article_from(label, line_no, &record, fields, order),
        other => Err(err(InputErrorKind::NotAnArticle {
            found: kind_of(&other).to_string(),
        })),
    }
}
