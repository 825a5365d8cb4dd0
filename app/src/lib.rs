#![recursion_limit = "256"]
//! Cloud Fair's one Leptos codebase: compiled with `ssr` into the server and with `hydrate`
//! into the browser bundle. Layers: `domain` (shared types) → `api` (server functions over
//! the `ports`) → `pages` and `components` (the views).

pub mod api;
pub mod components;
pub mod domain;
pub mod error;
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

/// The browser entry of the whole site: hydrates the server-rendered page, and the router
/// takes over navigation.
#[cfg(all(feature = "hydrate", not(feature = "hydrate-islands")))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(routes::App);
}

/// The browser entry of the catalogue pages (`routes::is_catalogue_page`): only their islands
/// come alive; the rest of the page stays the server's HTML, and links load pages.
#[cfg(feature = "hydrate-islands")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
