//! The one error type of Cloud Fair, shared by the server and the browser.
//!
//! Policy: every failure a user can meet is an `AppError` with an HTTP status and a message
//! the interface translates. Causes that the user cannot act on (database, I/O) are logged on
//! the server with an opaque id, and only that id reaches the user: see [`AppError::internal`].

mod code;

pub use code::ErrorCode;

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// One field of a request that failed validation, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: ErrorCode,
}

/// Everything that can go wrong, as the user is told about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("invalid request: {0:?}")]
    Validation(Vec<FieldError>),
    #[error("sign-in required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    /// The person has not verified their e-mail address, and this needs it: writing to
    /// exhibitors, inquiring, booking, signing. Browsing and their own profile do not.
    #[error("e-mail address not verified")]
    Unverified,
    /// An organizer or an exhibitor's owner has not set up two-factor sign-in, which their
    /// role needs before they act in it.
    #[error("two-factor sign-in required")]
    TwoFactorRequired,
    #[error("conflict: {0}")]
    Conflict(ErrorCode),
    #[error("too many requests")]
    RateLimited,
    /// The person started as many conversations, inquiries or meeting requests today as one
    /// account may; nothing was stored.
    #[error("daily limit reached")]
    DailyLimit,
    /// The server is at capacity for this kind of work (password hashing, decoding uploads):
    /// nothing was done, and the same request may be sent again in a few seconds.
    #[error("busy")]
    Busy,
    /// An internal failure; the string is the id under which the cause was logged.
    #[error("internal error {0}")]
    Internal(String),
    /// A part of the platform is not ready yet (the search index while it is first built).
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// The browser could not reach the server or read its answer.
    #[error("network error: {0}")]
    Network(String),
}

impl AppError {
    /// A validation error on one field.
    pub fn invalid(field: impl Into<String>, message: ErrorCode) -> Self {
        AppError::Validation(vec![FieldError {
            field: field.into(),
            message,
        }])
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Validation(errors)
                if errors.iter().any(|error| {
                    matches!(
                        error.message,
                        ErrorCode::FileTooLarge | ErrorCode::RequestTooLarge
                    )
                }) =>
            {
                413
            }
            AppError::Validation(errors)
                if errors
                    .iter()
                    .any(|error| error.message == ErrorCode::RequestTooSlow) =>
            {
                408
            }
            AppError::Validation(errors)
                if errors
                    .iter()
                    .any(|error| error.message == ErrorCode::MediaTypeUnsupported) =>
            {
                415
            }
            AppError::Validation(errors)
                if errors
                    .iter()
                    .any(|error| error.message == ErrorCode::CodecUnsupported) =>
            {
                422
            }
            AppError::Validation(_) => 400,
            AppError::Unauthenticated => 401,
            AppError::Forbidden | AppError::Unverified | AppError::TwoFactorRequired => 403,
            AppError::Conflict(_) => 409,
            AppError::RateLimited | AppError::DailyLimit => 429,
            AppError::Internal(_) => 500,
            AppError::Busy | AppError::Unavailable(_) | AppError::Network(_) => 503,
        }
    }

    /// Logs `cause` under a fresh opaque id and returns the error the user sees.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let mut bytes = [0u8; 6];
        let id = match getrandom::fill(&mut bytes) {
            Ok(()) => bytes.iter().map(|b| format!("{b:02x}")).collect::<String>(),
            Err(_) => "unknown".to_owned(),
        };
        tracing::error!(error.id = %id, error.cause = %cause, "internal error");
        AppError::Internal(id)
    }
}

/// A database failure is never the user's to act on: logged under an opaque id (see
/// `internal`), so that storage code can write `?` after every query. Two exceptions: text
/// PostgreSQL cannot hold (a NUL, SQLSTATE 22021) in a value looked up, such as a slug or a
/// token from a URL: no such thing is stored, so it is not found (SQLite simply finds
/// nothing; text that is stored is checked for control characters before it gets here); and
/// a database too busy to take the work in time (the line of writers longer than SQLite's
/// `busy_timeout`, a PostgreSQL lock or deadlock, no free connection in the pool): the
/// transaction was rolled back, nothing was saved, and the client is told to come back
/// (`Busy`, 503 with `Retry-After`), as the server's own queues do.
#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        let code = error
            .as_database_error()
            .and_then(|error| error.code())
            .map(|code| code.into_owned());
        match code.as_deref() {
            Some("22021") => AppError::NotFound,
            Some(code) if database_busy(code) => {
                tracing::warn!(%error, "the database is busy: answered busy");
                AppError::Busy
            }
            _ if matches!(error, sqlx::Error::PoolTimedOut) => {
                tracing::warn!("no database connection came free in time: answered busy");
                AppError::Busy
            }
            _ => AppError::internal(error),
        }
    }
}

/// Whether a database's error code says it was too busy: SQLite's `SQLITE_BUSY` and
/// `SQLITE_LOCKED` with their extended codes (the primary code is the low byte), PostgreSQL's
/// serialization failure, deadlock, lock not available and statement timeout.
#[cfg(feature = "ssr")]
fn database_busy(code: &str) -> bool {
    const SQLITE_BUSY: u32 = 5;
    const SQLITE_LOCKED: u32 = 6;
    match code {
        "40001" | "40P01" | "55P03" | "57014" => true,
        // SQLite's codes are numbers below 4096; PostgreSQL's are five characters.
        _ if code.len() < 5 => code
            .parse::<u32>()
            .is_ok_and(|code| matches!(code & 0xff, SQLITE_BUSY | SQLITE_LOCKED)),
        _ => false,
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(m) | ServerFnErrorErr::MissingArg(m) => {
                AppError::invalid("arguments", ErrorCode::Reason(m))
            }
            // A body over the server's limit (axum's words for it).
            ServerFnErrorErr::Deserialization(m) if m.contains("length limit exceeded") => {
                AppError::invalid("", ErrorCode::RequestTooLarge)
            }
            // On the server, a body that cannot be read is the client's mistake; in the
            // browser, an answer that cannot be read is the network's.
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(m) => {
                AppError::invalid("arguments", ErrorCode::Reason(m))
            }
            #[cfg(not(feature = "ssr"))]
            ServerFnErrorErr::Deserialization(m) => AppError::Network(m),
            ServerFnErrorErr::Request(m) => AppError::Network(m),
            other => AppError::Internal(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn a_busy_database_is_busy_not_internal() {
        for busy in [
            "5", "517", "773", "6", "262", "40001", "40P01", "55P03", "57014",
        ] {
            assert!(database_busy(busy), "{busy}");
        }
        for other in ["1", "19", "2067", "23505", "22021", "42P01", ""] {
            assert!(!database_busy(other), "{other}");
        }
        assert_eq!(AppError::from(sqlx::Error::PoolTimedOut), AppError::Busy);
        assert!(matches!(
            AppError::from(sqlx::Error::RowNotFound),
            AppError::Internal(_)
        ));
    }

    #[test]
    fn statuses_are_not_all_500() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(
            AppError::invalid("after", ErrorCode::NumberInvalid).status(),
            400
        );
        assert_eq!(AppError::Internal("x".into()).status(), 500);
        assert_eq!(AppError::Busy.status(), 503);
        assert_eq!(AppError::Unverified.status(), 403);
        assert_eq!(
            AppError::invalid("file", ErrorCode::FileTooLarge).status(),
            413
        );
        assert_eq!(
            AppError::invalid("request", ErrorCode::RequestTooSlow).status(),
            408
        );
        let over = ServerFnErrorErr::Deserialization("length limit exceeded".into());
        assert_eq!(AppError::from_server_fn_error(over).status(), 413);
    }

    #[test]
    fn survives_the_wire() {
        let err = AppError::invalid("country", ErrorCode::CountryUnknown);
        let json = serde_json_roundtrip(&err);
        assert_eq!(json, err);
    }

    fn serde_json_roundtrip(err: &AppError) -> AppError {
        let bytes = <AppError as FromServerFnError>::ser(err);
        <AppError as FromServerFnError>::de(bytes)
    }
}
