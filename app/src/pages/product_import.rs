//! Bulk product import (`/exhibitor/products/import`): a multipart form for a CSV or XLSX
//! file and, after an import, its report (`?report=ID`): what was added and updated, and each
//! skipped row with its problems. Once hydrated, the file is sent by XMLHttpRequest so that a
//! progress bar follows the upload; without JavaScript the form posts and the server sends
//! the browser on to the report.

use super::loaded;
use crate::api::product_editor::{ImportPageData, get_import_page};
use crate::components::form_field::{error_for, error_text, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::product_import::ImportReport;
use crate::error::{AppError, FieldError};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Skipped-row problems listed on the page; the rest are counted.
const SHOWN_ERRORS: usize = 500;

#[component]
pub fn ProductImportPage() -> impl IntoView {
    forbid_caching();
    let query = use_query_map();
    let report = move || {
        query
            .read()
            .get("report")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let data = Resource::new_blocking(report, get_import_page);
    loaded(data, import_page)
}

fn import_page(data: ImportPageData) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, import_title).to_string();
    // The script's answer to its upload; with JavaScript off, the server's redirect query.
    let answer = RwSignal::new(None::<Result<(), AppError>>);
    let errors: Signal<Vec<FieldError>> = form_errors(move || answer.get());
    let progress = RwSignal::new(None::<f64>);
    let form = NodeRef::<leptos::html::Form>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(form) = form.get() {
            send(form, progress, answer);
        }
    };
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/exhibitor/products/import".to_owned() />
        <section class="product-import">
            <h1>{title}</h1>
            <p><a href="/exhibitor/products">{t!(i18n, back_to_products)}</a></p>
            {data.report.map(|report| report_view(report).into_any())}
            <p>{t!(i18n, import_intro)}</p>
            <p><a href="/product-import-template.csv" download="products.csv">{t!(i18n, import_template)}</a></p>
            {view! {
            <form node_ref=form method="post" action="/exhibitor/products/import" enctype="multipart/form-data"
                class="import-form" on:submit=on_submit>
                <input type="hidden" name="exhibitor" value=data.exhibitor.0.to_string() />
                <div class="field">
                    <label for="import-file">{t!(i18n, field_import_file)}</label>
                    <input id="import-file" name="file" type="file" required=true
                        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        aria-invalid=move || error_for(&errors.get(), "file").is_some().to_string()
                        aria-describedby=move || error_for(&errors.get(), "file").map(|_| "import-file-error") />
                    {move || error_for(&errors.get(), "file").map(|code| view! {
                        <p class="field-error" id="import-file-error" role="alert">{error_text(i18n, &code)}</p>
                    })}
                </div>
                {move || progress.get().map(|share| view! {
                    <div class="import-progress" role="status">
                        <label for="import-progress">
                            {if share < 1.0 { t_string!(i18n, import_uploading).to_string() } else { t_string!(i18n, import_working).to_string() }}
                        </label>
                        <progress id="import-progress" max="1" value=share.to_string()></progress>
                    </div>
                })}
                <button type="submit" disabled=move || progress.get().is_some()>{t!(i18n, import_submit)}</button>
            </form>
        }.into_any()}
        </section>
    }
}

fn report_view(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let (created, updated, skipped) = (report.created, report.updated, report.skipped);
    let hidden = report.errors.len().saturating_sub(SHOWN_ERRORS);
    let rows = report
        .errors
        .into_iter()
        .take(SHOWN_ERRORS)
        .map(|error| {
            view! {
                <tr><td>{error.row}</td><td><code>{error.field}</code></td><td>{error_text(i18n, &error.code)}</td></tr>
            }
        })
        .collect_view();
    view! {
        <div class="import-report">
            <p class="form-notice" role="status">
                {report.file_name}": "{t!(i18n, import_done, created = created, updated = updated, skipped = skipped)}
            </p>
            {(skipped > 0).then(|| view! {
                <table class="import-errors">
                    <caption>{t!(i18n, import_skipped_rows)}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, import_row)}</th>
                        <th scope="col">{t!(i18n, import_column)}</th>
                        <th scope="col">{t!(i18n, import_problem)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                {(hidden > 0).then(|| view! { <p>"… +"{hidden}</p> })}
            })}
        </div>
    }
}

/// Sends the form by XMLHttpRequest, following the upload in `progress`; on success the page
/// moves to the report, otherwise `answer` gets the error.
#[cfg(feature = "hydrate")]
fn send(
    form: web_sys::HtmlFormElement,
    progress: RwSignal<Option<f64>>,
    answer: RwSignal<Option<Result<(), AppError>>>,
) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let navigate = leptos_router::hooks::use_navigate();
    let start = || -> Result<(), wasm_bindgen::JsValue> {
        let data = web_sys::FormData::new_with_form(&form)?;
        let request = web_sys::XmlHttpRequest::new()?;
        request.open("POST", &form.action())?;
        request.set_request_header("Accept", "application/json")?;
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
            let status = finished.status().unwrap_or(0);
            let body = finished.response_text().ok().flatten().unwrap_or_default();
            match (status, serde_json::from_str::<ImportReport>(&body)) {
                (200, Ok(report)) => {
                    navigate(
                        &format!("/exhibitor/products/import?report={}", report.id),
                        Default::default(),
                    );
                }
                _ => {
                    let error = serde_json::from_str::<AppError>(&body)
                        .unwrap_or_else(|_| AppError::invalid("file", "upload_broken"));
                    answer.set(Some(Err(error)));
                }
            }
        });
        request.set_onloadend(Some(on_done.as_ref().unchecked_ref()));
        on_done.forget();
        progress.set(Some(0.0));
        request.send_with_opt_form_data(Some(&data))
    };
    if start().is_err() {
        // The browser would not send it this way: post the form as a page would.
        let _ = form.submit();
    }
}

#[cfg(not(feature = "hydrate"))]
fn send(
    _form: web_sys::HtmlFormElement,
    _progress: RwSignal<Option<f64>>,
    _answer: RwSignal<Option<Result<(), AppError>>>,
) {
}
