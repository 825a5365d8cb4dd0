//! One module per area of the site; each page loads its data in a blocking resource so the
//! server answers with the finished page, its title and its status.

pub mod apply;
pub mod availability;
pub mod booking;
pub mod booth;
pub mod booth_editor;
pub mod call;
pub mod category;
pub mod contract;
pub mod conversation;
pub mod directory;
pub mod hall;
pub mod home;
pub mod inbox;
pub mod inquiry;
pub mod inquiry_new;
pub mod invitation;
pub mod live;
pub mod meeting;
pub mod not_found;
pub mod offline;
pub mod order;
pub mod organizer_applications;
pub mod organizer_booths;
pub mod organizer_exhibitors;
pub mod organizer_invite;
pub mod organizer_reports;
pub mod outbox;
pub mod password_reset;
pub mod product;
pub mod product_editor;
pub mod product_import;
pub mod product_list;
pub mod register;
pub mod search;
pub mod section;
pub mod sign_in;
pub mod sign_in_code;
pub mod stream;
pub mod studio;
pub mod team;
pub mod two_factor;
pub mod verify_email;

use crate::components::error_view::ErrorView;
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

/// Renders `data` once loaded: `ok` on success, the error view otherwise.
pub fn loaded<T, V>(
    data: Resource<Result<T, AppError>>,
    ok: impl Fn(T) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || {
                let ok = ok.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => ok(value).into_any(),
                        Err(error) => view! { <ErrorView error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The data of a page named by the `id` in its path, fetched by `fetch`; an id that is not
/// one is 404.
pub fn by_path_id<Id, T, F, Fut>(fetch: F) -> Resource<Result<T, AppError>>
where
    Id: std::str::FromStr + Send + 'static,
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(Id) -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
{
    let params = leptos_router::hooks::use_params_map();
    Resource::new_blocking(
        move || params.read().get("id").unwrap_or_default(),
        move |id| {
            let id = id.parse::<Id>().map_err(|_| AppError::NotFound);
            async move { fetch(id?).await }
        },
    )
}
