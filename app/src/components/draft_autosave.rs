//! Saves a product draft by itself: a few seconds after the last change to the editor form,
//! the form goes to `autosave_product` without leaving the page, and a line says when the
//! draft was last saved. Only a saved product whose "published" box is unticked is saved
//! this way: publishing stays a deliberate click on Save. Hydrated pages only; without
//! JavaScript, Save does it.

use crate::api::product_editor::AutosaveProduct;
use crate::i18n::*;
use leptos::prelude::*;

/// The quiet time after the last change before the draft is saved.
#[cfg(feature = "hydrate")]
const QUIET: std::time::Duration = std::time::Duration::from_millis(1_500);

/// The event the editor's window gets after an autosave, which clears the leave warning.
pub const SAVED_EVENT: &str = "editor-saved";

#[component]
pub fn DraftAutosave(
    /// The `id` of the editor's `<form>`.
    form_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let autosave = ServerAction::<AutosaveProduct>::new();
    let saved_at = RwSignal::new(String::new());
    #[cfg(feature = "hydrate")]
    watch(form_id, autosave, saved_at);
    #[cfg(not(feature = "hydrate"))]
    let _ = form_id;
    let line = move || match autosave.value().get() {
        _ if autosave.pending().get() => t_string!(i18n, autosave_saving).to_string(),
        Some(Ok(())) => {
            let time = saved_at.get();
            t_string!(i18n, autosave_saved, time = time).to_string()
        }
        Some(Err(_)) => t_string!(i18n, autosave_failed).to_string(),
        None => String::new(),
    };
    view! { <p class="autosave muted" aria-live="polite">{line}</p> }
}

#[cfg(feature = "hydrate")]
fn watch(
    form_id: &'static str,
    autosave: ServerAction<AutosaveProduct>,
    saved_at: RwSignal<String>,
) {
    use leptos::form::FromFormData;
    use wasm_bindgen::JsCast;

    let find_form = move || {
        document()
            .get_element_by_id(form_id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlFormElement>().ok())
    };
    // The page renders this component only for a saved draft; the box may be ticked since.
    let is_draft = move |form: &web_sys::HtmlFormElement| {
        form.query_selector("input[name='form[published]']")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .is_some_and(|published| !published.checked())
    };
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let changed = move |ev: web_sys::Event| {
        let Some(form) = find_form() else { return };
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|node| form.contains(Some(&node)));
        if !inside {
            return;
        }
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        if !is_draft(&form) {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                let Some(form) = find_form() else { return };
                let Ok(data) = web_sys::FormData::new_with_form(&form) else {
                    return;
                };
                if let Ok(args) = AutosaveProduct::from_form_data(&data) {
                    autosave.dispatch(args);
                }
            },
            QUIET,
        )
        .ok();
        timer.set_value(handle);
    };
    let input = window_event_listener(leptos::ev::input, changed);
    let change = window_event_listener(leptos::ev::change, changed);
    // Sending the form by hand cancels a pending autosave.
    let submit = window_event_listener(leptos::ev::submit, move |_| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = autosave.value().get() {
            let now = js_sys::Date::new_0();
            saved_at.set(format!("{:02}:{:02}", now.get_hours(), now.get_minutes()));
            if let Ok(event) = web_sys::Event::new(SAVED_EVENT) {
                let _ = window().dispatch_event(&event);
            }
        }
    });
    on_cleanup(move || {
        input.remove();
        change.remove();
        submit.remove();
    });
}
