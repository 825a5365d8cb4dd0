//! The HTML document around every page, rendered on the server only. It also sets the
//! Content-Security-Policy, whose script nonce must match the one Leptos puts on its scripts.

use crate::links::OFFLINE_PATH;
use crate::routes::{App, is_catalogue_page};
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags};

/// The document shell; call inside a request, where a nonce can be provided.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce()
        .map(|n| n.to_string())
        .unwrap_or_default();
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(value) = content_security_policy(&nonce).parse()
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
    // The offline page needs no script either; it is kept by the service worker.
    let catalogue = use_context::<http::request::Parts>().is_some_and(|parts| {
        is_catalogue_page(parts.uri.path()) || parts.uri.path() == OFFLINE_PATH
    });
    let scripts = if catalogue {
        view! { <HydrationScripts options=islands_bundle(&options) islands=true /> }.into_any()
    } else {
        view! { <HydrationScripts options=options.clone() /> }.into_any()
    };
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HashedStylesheet options=options.clone() id="leptos" />
                {scripts}
                <script nonce=nonce inner_html=REGISTER_SERVICE_WORKER></script>
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Installs the service worker that keeps visited catalogue pages for offline reading
/// (`public/sw.js`), in browsers that have service workers, once the page has loaded (its own
/// files go first on a slow link).
const REGISTER_SERVICE_WORKER: &str = "if('serviceWorker'in navigator)addEventListener('load',\
    ()=>navigator.serviceWorker.register('/sw.js'))";

/// The light bundle of the catalogue pages: `.ci/build.sh` builds it from this crate with the
/// `hydrate-islands` feature, names it like cargo-leptos names the whole site's bundle, and
/// writes its hashes to `hash-islands.txt` beside the server.
fn islands_bundle(options: &LeptosOptions) -> LeptosOptions {
    let mut options = options.clone();
    options.output_name = format!("{}-islands", options.output_name).into();
    options.hash_file = "hash-islands.txt".into();
    options
}

/// Scripts only from us and with this request's nonce; no framing; no plugins. Styles from
/// us, and the one `<style>` element the 3D viewer (`<model-viewer>` 4.4.0) adds, by its hash.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' '{MODEL_VIEWER_STYLE}'; img-src 'self' data:; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The SHA-256 of the inline style `<model-viewer>` 4.4.0 applies, as Chromium reports it.
const MODEL_VIEWER_STYLE: &str = "sha256-PXtZZkJMMyc18o/DN1ZEFOJ2qEGq95IQbVaJFMOXOb0=";
