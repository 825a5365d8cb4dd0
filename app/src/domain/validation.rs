//! The one way a form's fields are checked: a collector of field errors that reports every
//! problem at once, and the parsers the forms share.
//!
//! Text that other people read (names, companies, titles, captions, file names, messages)
//! may not hold control characters, nor the bidirectional embeddings, overrides and isolates
//! that make a text display as something it is not: a supplier's name shown reversed, or a
//! file name `invoice` U+202E `fdp.exe` that reads as `invoiceexe.pdf`. Line breaks and tabs
//! are allowed only in texts of several lines; the direction marks that right-to-left writing
//! needs (U+200E, U+200F, U+061C) are allowed everywhere.

use crate::error::{ErrorCode, FieldError};

/// Collects field errors; a form answers all of them at once.
#[derive(Default)]
pub struct Problems(Vec<FieldError>);

impl Problems {
    pub fn add(&mut self, field: &str, message: ErrorCode) {
        self.0.push(FieldError {
            field: field.into(),
            message,
        });
    }

    /// `value` when it is there, else the error on `field`.
    pub fn need<T>(&mut self, value: Option<T>, field: &str, message: ErrorCode) -> Option<T> {
        if value.is_none() {
            self.add(field, message);
        }
        value
    }

    /// A whole number from `min` to `max` as typed in `field`, else `number_invalid`.
    pub fn number(&mut self, field: &str, typed: &str, min: i64, max: i64) -> Option<i64> {
        self.need(
            whole_number(typed, min, max),
            field,
            ErrorCode::NumberInvalid,
        )
    }

    /// The typed text of several lines, trimmed; `required` when empty, `too_long` past `max`
    /// characters, `hidden_character` with a control or direction character in it.
    pub fn text(&mut self, field: &str, typed: &str, max: usize, required: bool) -> String {
        self.checked(field, typed, Lines::Many, max, required)
    }

    /// As [`Problems::text`], for a text of one line (a name, a title): no line breaks.
    pub fn line(&mut self, field: &str, typed: &str, max: usize, required: bool) -> String {
        self.checked(field, typed, Lines::One, max, required)
    }

    fn checked(
        &mut self,
        field: &str,
        typed: &str,
        lines: Lines,
        max: usize,
        required: bool,
    ) -> String {
        let text = typed.trim();
        if let Err(code) = checked_text(text, lines, max, required) {
            self.add(field, code);
        }
        text.to_owned()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok` when nothing was wrong, else every problem found.
    pub fn into_result(self) -> Result<(), Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }

    /// Every problem found.
    pub fn into_errors(self) -> Vec<FieldError> {
        self.0
    }
}

/// Whether a text may run over several lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// Why a trimmed text is refused: `required` when empty and it must not be, `too_long` past
/// `max` characters, `hidden_character` (see the module's note).
pub fn checked_text(text: &str, lines: Lines, max: usize, required: bool) -> Result<(), ErrorCode> {
    if required && text.is_empty() {
        Err(ErrorCode::Required)
    } else if text.chars().count() > max {
        Err(ErrorCode::TooLong)
    } else if hidden_character(text, lines).is_some() {
        Err(ErrorCode::HiddenCharacter)
    } else {
        Ok(())
    }
}

/// The first character of `text` that may not appear in a text others read.
pub fn hidden_character(text: &str, lines: Lines) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let hidden = match c {
            // Line breaks, tabs, and the separators that break lines as well.
            '\n' | '\t' | '\u{2028}' | '\u{2029}' => lines == Lines::One,
            // A carriage return only as the first half of a line break.
            '\r' => lines == Lines::One || chars.peek() != Some(&'\n'),
            // Embeddings and overrides (LRE, RLE, PDF, LRO, RLO), isolates (LRI, RLI, FSI, PDI).
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
            c => c.is_control(),
        };
        if hidden {
            return Some(c);
        }
    }
    None
}

/// A whole number from `min` to `max`, as typed.
pub fn whole_number(typed: &str, min: i64, max: i64) -> Option<i64> {
    typed
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_direction_overrides_are_refused_marks_are_not() {
        for fine in [
            "Shenzhen Bright Co.",
            "深圳光明",
            "شركة\u{200F} النور",
            "a\u{200E}b",
        ] {
            assert_eq!(hidden_character(fine, Lines::One), None, "{fine:?}");
        }
        for hidden in [
            "invoice\u{202E}fdp.exe",
            "a\u{2066}b\u{2069}",
            "nul\0",
            "bell\u{7}",
            "c1\u{85}",
        ] {
            assert!(
                hidden_character(hidden, Lines::Many).is_some(),
                "{hidden:?}"
            );
        }
        assert_eq!(hidden_character("two\nlines", Lines::One), Some('\n'));
        assert_eq!(hidden_character("two\nlines\tand a tab", Lines::Many), None);
        assert_eq!(hidden_character("windows\r\nlines", Lines::Many), None);
        assert_eq!(hidden_character("old mac\rlines", Lines::Many), Some('\r'));
        assert_eq!(hidden_character("a\r\nb\rc", Lines::Many), Some('\r'));
    }

    #[test]
    fn a_line_reports_one_problem_and_keeps_the_trimmed_text() {
        let mut problems = Problems::default();
        assert_eq!(
            problems.line("name", "  Ada\u{202E}  ", 10, true),
            "Ada\u{202E}"
        );
        problems.line("title", "", 10, true);
        problems.text("notes", "first\nsecond", 40, false);
        let errors = problems.into_errors();
        let codes: Vec<_> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.message.clone()))
            .collect();
        assert_eq!(
            codes,
            [
                ("name", ErrorCode::HiddenCharacter),
                ("title", ErrorCode::Required)
            ]
        );
    }
}
