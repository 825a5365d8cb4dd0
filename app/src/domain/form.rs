//! A failed form's state carried in a URL query, for browsers without JavaScript: the server
//! sends the form back to its page with `errors=field:code,field:code` and the typed values,
//! and the page shows them as the hydrated form would.

use crate::error::{AppError, FieldError};

/// The field errors an error stands for: validation errors as they are, a taken address on
/// the e-mail field, anything else on the form as a whole (field `""`); the only thing a
/// form can fail to find is the one-time link it came with.
pub fn field_errors(error: &AppError) -> Vec<FieldError> {
    let on = |field: &str, code: &str| {
        vec![FieldError {
            field: field.to_owned(),
            message: code.to_owned(),
        }]
    };
    match error {
        AppError::Validation(fields) => fields.clone(),
        AppError::Conflict(code) if code == "email_taken" => on("email", code),
        AppError::Conflict(code) => on("", code),
        AppError::Unauthenticated => on("", "unauthenticated"),
        AppError::Forbidden => on("", "forbidden"),
        AppError::NotFound => on("", "link_invalid"),
        AppError::RateLimited => on("", "rate_limited"),
        _ => on("", "generic"),
    }
}

/// The query string for a form sent back with `error` and the `typed` values.
pub fn encode(error: &AppError, typed: &[(&str, &str)]) -> String {
    let errors: Vec<String> = field_errors(error)
        .iter()
        .map(|e| format!("{}:{}", e.field, e.message))
        .collect();
    std::iter::once(("errors", errors.join(",")))
        .chain(typed.iter().map(|(k, v)| (*k, (*v).to_owned())))
        .map(|(key, value)| format!("{key}={}", percent_encode(&value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The errors of a query's `errors` value.
pub fn decode_errors(value: &str) -> Vec<FieldError> {
    value
        .split(',')
        .filter_map(|pair| pair.split_once(':'))
        .map(|(field, code)| FieldError {
            field: field.to_owned(),
            message: code.to_owned(),
        })
        .collect()
}

/// `value` with every byte but unreserved ASCII percent-encoded, safe in a query or a path segment.
pub fn percent_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_and_values_survive_the_round_trip() {
        let error = AppError::Validation(vec![
            FieldError {
                field: "email".into(),
                message: "email_invalid".into(),
            },
            FieldError {
                field: "name".into(),
                message: "required".into(),
            },
        ]);
        let query = encode(&error, &[("email", "a b@c"), ("company", "Lima & Co")]);
        assert_eq!(
            query,
            "errors=email%3Aemail_invalid%2Cname%3Arequired&email=a%20b%40c&company=Lima%20%26%20Co"
        );
        let errors = decode_errors("email:email_invalid,name:required");
        assert_eq!(field_errors(&error), errors);
        assert_eq!(
            field_errors(&AppError::Unauthenticated)[0].message,
            "unauthenticated"
        );
    }
}
