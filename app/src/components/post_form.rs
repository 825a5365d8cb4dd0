//! The one way to write a form that posts to a server function as a browser's own form.
//!
//! It works before the page hydrates and without scripts: the server function answers a
//! plain form with a redirect, to the next page or back with the errors and the typed values
//! (`session::finish`). Its address comes from the server function itself, never written out.
//! Forms that stay on the page and show the answer in place use Leptos's `ActionForm`.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::marker::PhantomData;

/// A plain `<form method="post">` to the server function `S`.
#[component]
pub fn PostForm<S>(
    /// Names `S` for the component's properties; never passed.
    #[prop(optional)]
    server_fn: PhantomData<S>,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView
where
    S: ServerFn + 'static,
{
    let _ = server_fn;
    view! {
        <form method="post" action=S::url() class=class>
            {children()}
        </form>
    }
}

/// The address of the server function `S`, for a form built outside `PostForm`.
pub fn post_url<S: ServerFn>() -> &'static str {
    S::url()
}
