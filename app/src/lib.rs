#![recursion_limit = "256"]
//! Cloud Fair's one Leptos codebase: compiled with `ssr` into the server and with `hydrate`
//! into the browser bundle. Layers: `domain` (shared types) → `api` (server functions over
//! the `ports`) → `pages` and `components` (the views).

pub mod api;
pub mod components;
pub mod domain;
pub mod error;
pub mod formats;
pub mod languages;
pub mod links;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod shell;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

/// The browser entry. The whole site's bundle hydrates the server-rendered page and its router
/// takes over navigation; the catalogue pages' bundle (feature `hydrate-islands`, see
/// `routes::is_catalogue_page`) brings only their islands alive, the rest of the page staying
/// the server's HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // No island counts anything: the islands bundle stays without ICU's data (`formats`).
    #[cfg(not(feature = "hydrate-islands"))]
    formats::install();
    #[cfg(not(feature = "hydrate-islands"))]
    leptos::mount::hydrate_body(routes::App);
    #[cfg(feature = "hydrate-islands")]
    leptos::mount::hydrate_islands();
}
