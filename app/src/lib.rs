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

/// The browser entry: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(routes::App);
}
