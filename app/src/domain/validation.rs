//! The one way a form's fields are checked: a collector of field errors that reports every
//! problem at once, and the parsers the forms share.

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

    /// The typed text, trimmed; `required` when empty, `too_long` past `max` characters.
    pub fn text(&mut self, field: &str, typed: &str, max: usize, required: bool) -> String {
        let text = typed.trim();
        if required && text.is_empty() {
            self.add(field, ErrorCode::Required);
        } else if text.chars().count() > max {
            self.add(field, ErrorCode::TooLong);
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

/// A whole number from `min` to `max`, as typed.
pub fn whole_number(typed: &str, min: i64, max: i64) -> Option<i64> {
    typed
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
}
