//! A rich-text field: without JavaScript, a text area that takes HTML; once hydrated, an
//! editable area with a formatting bar (bold, italic, lists) that writes its HTML into that
//! text area, which the form sends. The server sanitises what arrives either way.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn RichTextField(
    /// The name the server function reads.
    name: &'static str,
    id: &'static str,
    label: String,
    value: String,
) -> impl IntoView {
    let i18n = use_i18n();
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
                aria-labelledby=label_id hidden=move || !enhanced.get() inner_html=value.clone()
                on:input=move |_| sync()></div>
            <textarea node_ref=area id=id name=name rows="8" hidden=move || enhanced.get()>{value}</textarea>
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
