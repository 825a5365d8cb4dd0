//! What the server functions need from storage, as traits the server implements for SQLite
//! and PostgreSQL and puts in the Leptos context, one file per capability. `app` never
//! names SQL.

mod accounts;
mod catalogue;
mod conversations;
mod deals;
mod exhibitors;
mod live;
mod meetings;
mod two_factor;

pub use crate::session::{ClientAddress, SessionToken};
pub use accounts::{Accounts, SignInStart};
pub use catalogue::{Catalogue, Search};
pub use conversations::Conversations;
pub use deals::{Deals, SignedFrom};
pub use exhibitors::{Booths, Onboarding, Products, Teams};
pub use live::Live;
pub use meetings::Meetings;
pub use two_factor::TwoFactor;

use crate::error::AppError;
use std::sync::Arc;

/// The service of type `P` (for example `dyn Deals`) the server put in the Leptos context.
pub fn port<P: ?Sized + Send + Sync + 'static>() -> Result<Arc<P>, AppError> {
    leptos::prelude::use_context::<Arc<P>>().ok_or_else(|| {
        AppError::internal(format!(
            "no {} in the Leptos context",
            std::any::type_name::<P>()
        ))
    })
}
