//! A file upload form. Without JavaScript it is a plain multipart form: the server answers
//! with a redirect to the page it came from, with `saved=1`, the errors, or a report. Once
//! hydrated, the same request goes by XMLHttpRequest, so that a progress bar follows the
//! upload, and the browser then loads the page the server redirected to.

use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn UploadForm(
    /// Where the form posts.
    action: String,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let progress = RwSignal::new(None::<f64>);
    let form = NodeRef::<leptos::html::Form>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        if let Some(form) = form.get()
            && send(&form, progress)
        {
            ev.prevent_default();
        }
    };
    view! {
        <form node_ref=form method="post" action=action enctype="multipart/form-data" class=class on:submit=on_submit>
            {children()}
            {move || progress.get().map(|share| view! {
                <div class="upload-progress">
                    <label>
                        {if share < 1.0 { t_string!(i18n, upload_sending).to_string() } else { t_string!(i18n, upload_working).to_string() }}
                        <progress max="1" value=share.to_string()></progress>
                    </label>
                </div>
            })}
        </form>
    }
}

/// Sends the form by XMLHttpRequest, following the upload in `progress`; false when the
/// browser would not, and the form should go as a plain one.
#[cfg(feature = "hydrate")]
fn send(form: &web_sys::HtmlFormElement, progress: RwSignal<Option<f64>>) -> bool {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let plain = form.clone();
    let start = || -> Result<(), wasm_bindgen::JsValue> {
        let data = web_sys::FormData::new_with_form(form)?;
        let request = web_sys::XmlHttpRequest::new()?;
        request.open("POST", &form.action())?;
        // Asked as a page would ask: the server redirects, and the request follows.
        request.set_request_header("Accept", "text/html")?;
        let on_progress =
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
                if ev.length_computable() && ev.total() > 0.0 {
                    progress.set(Some(ev.loaded() / ev.total()));
                }
            });
        request
            .upload()?
            .set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        on_progress.forget();
        let finished = request.clone();
        let on_done = Closure::<dyn FnMut()>::new(move || {
            progress.set(None);
            let landed = finished.response_url();
            if finished.status() == Ok(200) && !landed.is_empty() {
                // The page the server sent the browser on to, loaded afresh.
                let _ = window().location().set_href(&landed);
            } else {
                // Cut off, or an answer that is no page: let the browser post it itself.
                let _ = plain.submit();
            }
        });
        request.set_onloadend(Some(on_done.as_ref().unchecked_ref()));
        on_done.forget();
        progress.set(Some(0.0));
        request.send_with_opt_form_data(Some(&data))
    };
    start().is_ok()
}

#[cfg(not(feature = "hydrate"))]
fn send(_form: &web_sys::HtmlFormElement, _progress: RwSignal<Option<f64>>) -> bool {
    false
}
