//! Colour for the human reports: one switch for the whole run, and anstyle
//! styles on any displayable value (`"summary".bold()`, `verdict.red().bold()`).
//!
//! [`crate::output::set_colour`] decides once, from `--color` and the
//! environment, and sets the switch; reporters only ask for styles. With the
//! switch off a painted value writes exactly what the value alone writes, so
//! plain output is the text and nothing else (no escape code is written and
//! then stripped). Padding (`{:<12}`) applies to the text inside the escape
//! codes, as it does to the plain text.

use anstyle::{AnsiColor, Color, Effects, Style};
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether styles are written: off until the run decides.
static ENABLED: AtomicBool = AtomicBool::new(false);

/// Turns colour on or off for everything painted from now on.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Whether colour is on.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// A value with a style, written with the style's escape codes around it
/// when colour is on.
#[derive(Debug, Clone, Copy)]
pub struct Painted<T> {
    value: T,
    style: Style,
}

impl<T> Painted<T> {
    fn fg(mut self, colour: AnsiColor) -> Self {
        self.style = self.style.fg_color(Some(Color::Ansi(colour)));
        self
    }

    fn effect(mut self, effect: Effects) -> Self {
        self.style = self.style.effects(self.style.get_effects() | effect);
        self
    }

    pub fn bold(self) -> Self {
        self.effect(Effects::BOLD)
    }

    pub fn dimmed(self) -> Self {
        self.effect(Effects::DIMMED)
    }

    pub fn red(self) -> Self {
        self.fg(AnsiColor::Red)
    }

    pub fn green(self) -> Self {
        self.fg(AnsiColor::Green)
    }

    pub fn yellow(self) -> Self {
        self.fg(AnsiColor::Yellow)
    }

    pub fn blue(self) -> Self {
        self.fg(AnsiColor::Blue)
    }

    pub fn magenta(self) -> Self {
        self.fg(AnsiColor::Magenta)
    }

    pub fn cyan(self) -> Self {
        self.fg(AnsiColor::Cyan)
    }
}

impl<T: fmt::Display> Painted<T> {
    /// Writes the value, styled when `on`.
    fn write(&self, f: &mut fmt::Formatter<'_>, on: bool) -> fmt::Result {
        if !on || self.style == Style::new() {
            return self.value.fmt(f);
        }
        write!(f, "{}", self.style.render())?;
        self.value.fmt(f)?;
        write!(f, "{}", self.style.render_reset())
    }
}

impl<T: fmt::Display> fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, enabled())
    }
}

/// Styles for anything displayable, borrowed (`a.id.bold()` leaves `a.id`
/// where it is).
pub trait Paint: fmt::Display + Sized {
    /// The value with no style (a painted value all the same, so the arms
    /// of a `match` agree).
    fn plain(self) -> Painted<Self> {
        Painted {
            value: self,
            style: Style::new(),
        }
    }

    fn bold(self) -> Painted<Self> {
        self.plain().bold()
    }

    fn dimmed(self) -> Painted<Self> {
        self.plain().dimmed()
    }

    fn red(self) -> Painted<Self> {
        self.plain().red()
    }

    fn green(self) -> Painted<Self> {
        self.plain().green()
    }

    fn yellow(self) -> Painted<Self> {
        self.plain().yellow()
    }

    fn blue(self) -> Painted<Self> {
        self.plain().blue()
    }

    fn magenta(self) -> Painted<Self> {
        self.plain().magenta()
    }

    fn cyan(self) -> Painted<Self> {
        self.plain().cyan()
    }
}

impl<T: fmt::Display + ?Sized> Paint for &T {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A painted value written as if the switch were `.1` (the switch
    /// itself is global, and other tests render reports meanwhile).
    struct As<'a, T>(&'a Painted<T>, bool);

    impl<T: fmt::Display> fmt::Display for As<'_, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.write(f, self.1)
        }
    }

    #[test]
    fn styles_only_when_on_and_padding_goes_inside() {
        let ab = "ab".red().bold();
        assert_eq!(format!("{:<6}|", As(&ab, false)), "ab    |");
        let on = format!("{:<4}|", As(&ab, true));
        assert!(on.starts_with('\u{1b}'), "{on:?}");
        assert!(on.ends_with("ab  \u{1b}[0m|"), "{on:?}");
        // No style, no escape code.
        assert_eq!(As(&"x".plain(), true).to_string(), "x");
    }
}
