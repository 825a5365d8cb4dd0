//! A failed form's state carried in a URL query, for browsers without JavaScript: the server
//! sends the form back to its page with `errors=field:code,field:code` and the typed values,
//! and the page shows them as the hydrated form would.

use super::text::percent_encode;
use crate::error::{AppError, ErrorCode, FieldError};

/// The field errors an error stands for: validation errors as they are, a taken address on
/// the e-mail field, anything else on the form as a whole (field `""`); the only thing a
/// form can fail to find is the one-time link it came with.
pub fn field_errors(error: &AppError) -> Vec<FieldError> {
    let on = |field: &str, message: ErrorCode| {
        vec![FieldError {
            field: field.to_owned(),
            message,
        }]
    };
    match error {
        AppError::Validation(fields) => fields.clone(),
        AppError::Conflict(ErrorCode::EmailTaken) => on("email", ErrorCode::EmailTaken),
        AppError::Conflict(code) => on("", code.clone()),
        AppError::Unauthenticated => on("", ErrorCode::Unauthenticated),
        AppError::Forbidden => on("", ErrorCode::Forbidden),
        AppError::Unverified => on("", ErrorCode::EmailUnverified),
        AppError::TwoFactorRequired => on("", ErrorCode::TwoFactorRequired),
        AppError::NotFound => on("", ErrorCode::LinkInvalid),
        AppError::RateLimited => on("", ErrorCode::RateLimited),
        AppError::DailyLimit => on("", ErrorCode::DailyLimit),
        AppError::Busy => on("", ErrorCode::Busy),
        _ => on("", ErrorCode::Generic),
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
            message: ErrorCode::parse(code),
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
                message: ErrorCode::EmailInvalid,
            },
            FieldError {
                field: "name".into(),
                message: ErrorCode::Required,
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
