//! Marks the document as hydrated once the page's code runs in the browser: the browser tests
//! wait for `html[data-hydrated="true"]` before they click.

use leptos::prelude::*;

/// An island, so that it runs on the catalogue pages (islands only) as on every other page.
#[island]
pub fn HydrationMark() -> impl IntoView {
    // Effects run only in the browser.
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
}
