//! The one escaping function of the HTML report.
//!
//! Article text, file names, speaker and outlet names, titles, messages:
//! everything that is not claimcheck's own markup is untrusted and reaches the
//! page only through [`escape_to`] (directly or through [`Esc`]'s `Display`).
//! It escapes the five characters that can end a text node or an attribute
//! value (`& < > " '`), so the same escaped string is safe both between tags
//! and inside a quoted attribute. Control characters other than tab and line
//! breaks become U+FFFD: the HTML parser would refuse or rewrite them anyway.

use std::fmt;

/// Writes `s` to `w` with `& < > " '` escaped and control characters
/// replaced.
pub fn escape_to<W: fmt::Write + ?Sized>(w: &mut W, s: &str) -> fmt::Result {
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\t' | '\n' | '\r' => continue,
            c if c.is_control() => "\u{FFFD}",
            _ => continue,
        };
        w.write_str(&s[from..i])?;
        w.write_str(rep)?;
        from = i + c.len_utf8();
    }
    w.write_str(&s[from..])
}

/// Untrusted text, escaped when displayed: `write!(out, "<td>{}</td>", Esc(name))`.
#[derive(Debug, Clone, Copy)]
pub struct Esc<'a>(pub &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        escape_to(f, self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_characters_and_controls() {
        assert_eq!(
            Esc("<a href=\"x\">'&'</a>").to_string(),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            Esc("a\u{0}b\u{7}c\nd\te").to_string(),
            "a\u{FFFD}b\u{FFFD}c\nd\te"
        );
        assert_eq!(
            Esc("Zelenskyy’s “talks” — ok").to_string(),
            "Zelenskyy’s “talks” — ok"
        );
        assert_eq!(Esc("").to_string(), "");
    }
}
