//! A product's 3D model. Without JavaScript: a link to the file. Once hydrated: a button that
//! loads the viewer (Google's `<model-viewer>`, served by us from `/vendor/`) only when asked,
//! so that pages without a model, and buyers who do not look, never download it.

use leptos::prelude::*;

const VIEWER_SCRIPT: &str = "/vendor/model-viewer.min.js";

/// An island (the product page loads only the islands bundle): its text comes translated.
#[island]
pub fn ModelViewer(
    src: String,
    alt: String,
    heading: String,
    show_label: String,
    download_label: String,
) -> impl IntoView {
    // False on the server and during hydration, so both render the same; true right after.
    let enhanced = RwSignal::new(false);
    Effect::new(move |_| enhanced.set(true));
    let shown = RwSignal::new(false);
    let viewer_src = src.clone();
    let show = move |_| {
        load_viewer();
        shown.set(true);
    };
    view! {
        <section class="model-3d" aria-labelledby="model-heading">
            <h2 id="model-heading">{heading}</h2>
            {move || shown.get().then(|| view! {
                <model-viewer src=viewer_src.clone() alt=alt.clone() camera-controls="" touch-action="pan-y"></model-viewer>
            })}
            {move || (enhanced.get() && !shown.get()).then(|| view! {
                <button type="button" on:click=show>{show_label.clone()}</button>
            })}
            <p><a href=src download="">{download_label}</a></p>
        </section>
    }
}

/// Adds the viewer's script to the page, once.
fn load_viewer() {
    #[cfg(feature = "hydrate")]
    {
        let document = document();
        if document
            .query_selector(&format!("script[src=\"{VIEWER_SCRIPT}\"]"))
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        if let Ok(script) = document.create_element("script") {
            let _ = script.set_attribute("type", "module");
            let _ = script.set_attribute("src", VIEWER_SCRIPT);
            if let Some(head) = document.head() {
                let _ = head.append_child(&script);
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = VIEWER_SCRIPT;
}
