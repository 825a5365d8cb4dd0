//! A rich-text field: without JavaScript, a text area that takes HTML; once hydrated, an
//! editable area with a formatting bar (bold, italic, lists) that writes its HTML into that
//! text area, which the form sends. The server sanitises what arrives either way.

use crate::components::form_field::{error_for, error_text};
use crate::error::FieldError;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn RichTextField(
    /// The name the server function reads.
    name: &'static str,
    /// The element id, also the key of its error.
    id: &'static str,
    label: String,
    value: String,
    /// The language of what is typed, where it is not the page's (with its direction).
    #[prop(optional)]
    lang: Option<&'static str>,
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dir = lang.map(crate::languages::direction);
    let error = move || error_for(&errors.get(), id).map(|code| error_text(i18n, &code));
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    // False on the server and during hydration, so both render the same; true right after.
    let enhanced = RwSignal::new(false);
    Effect::new(move |_| enhanced.set(true));
    let area = NodeRef::<leptos::html::Textarea>::new();
    let editor = NodeRef::<leptos::html::Div>::new();
    let sync = move || {
        if let (Some(editor), Some(area)) = (editor.get(), area.get()) {
            area.set_value(&editor.inner_html());
        }
    };
    let command = move |name: &'static str| {
        move |_| {
            format(name);
            sync();
        }
    };
    let label_id = format!("{id}-label");
    view! {
        <div class="field rich-text">
            <label for=id id=label_id.clone()>{label}</label>
            <div class="rich-toolbar" role="toolbar" aria-label=move || t_string!(i18n, rich_toolbar).to_string() hidden=move || !enhanced.get()>
                <button type="button" aria-label=move || t_string!(i18n, rich_bold).to_string() on:mousedown=|e| e.prevent_default() on:click=command("bold")><strong>"B"</strong></button>
                <button type="button" aria-label=move || t_string!(i18n, rich_italic).to_string() on:mousedown=|e| e.prevent_default() on:click=command("italic")><em>"I"</em></button>
                <button type="button" aria-label=move || t_string!(i18n, rich_bullets).to_string() on:mousedown=|e| e.prevent_default() on:click=command("insertUnorderedList")>"•"</button>
                <button type="button" aria-label=move || t_string!(i18n, rich_numbers).to_string() on:mousedown=|e| e.prevent_default() on:click=command("insertOrderedList")>"1."</button>
            </div>
            <div node_ref=editor class="rich-editor" contenteditable="true" role="textbox" aria-multiline="true"
                aria-labelledby=label_id hidden=move || !enhanced.get() inner_html=value.clone() lang=lang dir=dir
                aria-describedby=move || error().is_some().then(|| described.clone())
                on:input=move |_| sync()></div>
            <textarea node_ref=area id=id name=name rows="8" hidden=move || enhanced.get() lang=lang dir=dir
                aria-invalid=move || error().is_some().to_string()>{value}</textarea>
            {move || error().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
        </div>
    }
}

/// Applies a formatting command to the selection in the editable area.
fn format(command: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Ok(document) = document().dyn_into::<web_sys::HtmlDocument>() {
            let _ = document.exec_command(command);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = command;
}
