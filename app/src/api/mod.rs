//! Server functions: authenticate, validate, call a port, map the error. One file per area.

pub mod accounts;
pub mod booth_editor;
pub mod catalogue;
pub mod conversations;
pub mod deals;
pub mod exhibitors;
pub mod live;
pub mod meetings;
pub mod onboarding;
pub mod organizer;
pub mod product_editor;
pub mod products;
pub mod search;
pub mod teams;
pub mod two_factor;

/// Sets the HTTP status of the response being built to the error's, so that a failing page
/// or server function is answered with 404, 400… and not with 200 or a blanket 500.
#[cfg(feature = "ssr")]
pub(crate) fn with_status<T>(
    result: Result<T, crate::error::AppError>,
) -> Result<T, crate::error::AppError> {
    if let Err(error) = &result {
        crate::components::status::set_status(error.status());
    }
    result
}
