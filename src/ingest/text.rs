//! Plain text with an optional `date` header, and the date forms it reads.

use super::*;

/// Whether a token has the shape of a date (digits and dashes), so that a bad
/// one is reported instead of being read as text.
fn looks_like_date(token: &str) -> bool {
    token.len() >= 8
        && token.contains('-')
        && token.chars().all(|c| c.is_ascii_digit() || c == '-')
        && token.starts_with(|c: char| c.is_ascii_digit())
}

pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Plain text with an optional leading `date YYYY-MM-DD` header (the body may
/// follow on the same line or the next).
pub fn parse_text(label: &str, text: String) -> Result<Article, InputError> {
    let mut header_end = 0;
    let mut date = None;
    let lead = text.len()
        - text
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .len();
    let rest = &text[lead..];
    if let Some(after) = rest
        .strip_prefix("date")
        .filter(|a| a.starts_with([' ', '\t']))
    {
        let tok_start = lead + 4 + (after.len() - after.trim_start_matches([' ', '\t']).len());
        let tok_len = text[tok_start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - tok_start);
        let token = &text[tok_start..tok_start + tok_len];
        if looks_like_date(token) {
            let Some(d) = parse_date(token) else {
                return Err(InputError::at_line(
                    label,
                    line_of(&text, tok_start),
                    InputErrorKind::BadDate {
                        value: token.to_string(),
                    },
                ));
            };
            date = Some(d);
            let after_tok = &text[tok_start + tok_len..];
            header_end = tok_start + tok_len + (after_tok.len() - after_tok.trim_start().len());
        }
    }
    if header_end == 0 && lead > 0 && text.starts_with('\u{feff}') {
        header_end = '\u{feff}'.len_utf8();
    }
    if text[header_end..].trim().is_empty() {
        return Err(InputError::new(label, InputErrorKind::NoText));
    }
    let mut article = Article::new(label.to_string(), origin(label, None), text);
    article.date = date;
    article.exclude(Span::new(0, header_end), ExclusionKind::Header);
    boilerplate::mark(&mut article);
    Ok(article)
}
