//! The error of raw handlers as a response: `AppError`'s own status (413 for a file over its
//! limit, 503 with `Retry-After` when busy) and the error as JSON, the same body server functions answer with. Handlers return
//! `Result<_, HttpError>` and use `?`; none converts a status by hand.

use app::error::AppError;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// An `AppError` on its way to the client.
#[derive(Debug)]
pub struct HttpError(pub AppError);

impl From<AppError> for HttpError {
    fn from(error: AppError) -> Self {
        HttpError(error)
    }
}

impl From<HttpError> for AppError {
    fn from(error: HttpError) -> Self {
        error.0
    }
}

/// The status `error` is answered with.
pub fn status_of(error: &AppError) -> StatusCode {
    StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        let mut response = (status_of(&self.0), Json(&self.0)).into_response();
        if self.0 == AppError::Busy {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from_static(BUSY_RETRY_SECONDS),
            );
        }
        response
    }
}

/// When a client told `AppError::Busy` may try again.
pub const BUSY_RETRY_SECONDS: &str = "5";

#[cfg(test)]
mod tests {
    use super::*;
    use app::error::ErrorCode;

    #[test]
    fn each_error_keeps_its_status() {
        assert_eq!(
            status_of(&AppError::Unauthenticated),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(status_of(&AppError::NotFound), StatusCode::NOT_FOUND);
        assert_eq!(
            status_of(&AppError::invalid("file", ErrorCode::Required)),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            status_of(&AppError::invalid("file", ErrorCode::FileTooLarge)),
            StatusCode::PAYLOAD_TOO_LARGE
        );
        let response = HttpError(AppError::Forbidden).into_response();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
}
