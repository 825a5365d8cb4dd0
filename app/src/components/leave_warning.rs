//! A warning before leaving a page whose editor form (`form.editor-form`) has changes not yet
//! saved: the browser's own question on reload, close or another address, and a confirmation
//! before following a link inside the site. Sending the form, or an autosave, clears it. Hydrated pages only.

use leptos::prelude::*;

#[component]
pub fn LeaveWarning(
    /// The question asked before following a link.
    question: String,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    watch(question);
    #[cfg(not(feature = "hydrate"))]
    let _ = question;
}

#[cfg(feature = "hydrate")]
fn watch(question: String) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let dirty = RwSignal::new(false);
    let in_editor = |target: Option<web_sys::EventTarget>| {
        target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("form.editor-form").ok().flatten())
            .is_some()
    };
    let input = window_event_listener(leptos::ev::input, move |ev| {
        if in_editor(ev.target()) {
            dirty.set(true);
        }
    });
    let submit = window_event_listener(leptos::ev::submit, move |_| dirty.set(false));
    let saved = window_event_listener_untyped(super::draft_autosave::SAVED_EVENT, move |_| {
        dirty.set(false)
    });
    let leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    // Links inside the site are followed by the router without unloading the page: ask
    // first, in the capture phase, before the router sees the click.
    let click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten());
        if link.is_some()
            && dirty.try_get_untracked().unwrap_or(false)
            && !window().confirm_with_message(&question).unwrap_or(true)
        {
            ev.prevent_default();
            ev.stop_immediate_propagation();
        }
    });
    let _ = document().add_event_listener_with_callback_and_bool(
        "click",
        click.as_ref().unchecked_ref(),
        true,
    );
    // The click listener stays (it is not Send, as cleanups must be) and does nothing once
    // this page's signal is gone.
    click.forget();
    on_cleanup(move || {
        input.remove();
        submit.remove();
        saved.remove();
        leave.remove();
    });
}
