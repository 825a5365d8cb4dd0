//! Bulk product import (`/exhibitor/products/import`): a multipart form for a CSV or XLSX
//! file and, after an import, its report (`?report=ID`): what was added and updated, and each
//! skipped row with its problems. The form is an `UploadForm`: a progress bar once hydrated;
//! either way the server sends the browser on to the report, or back with the reason.

use super::loaded;
use crate::api::product_editor::{ImportPageData, get_import_page};
use crate::components::form_field::{FileField, error_text, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::components::upload_form::UploadForm;
use crate::domain::ImportId;
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
            .and_then(|id| id.parse::<ImportId>().ok())
    };
    let data = Resource::new_blocking(report, get_import_page);
    loaded(data, import_page)
}

fn import_page(data: ImportPageData) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, import_title).to_string();
    // A refused file comes back in the address (`errors=file:…`).
    let errors: Signal<Vec<FieldError>> = form_errors(|| None::<Result<(), AppError>>);
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/exhibitor/products/import".to_owned() />
        <section class="product-import">
            <h1>{title}</h1>
            <p><a href="/exhibitor/products">{t!(i18n, back_to_products)}</a></p>
            {data.report.map(|report| report_view(report).into_any())}
            <p>{t!(i18n, import_intro)}</p>
            <p><a href="/product-import-template.csv" download="products.csv">{t!(i18n, import_template)}</a></p>
            {view! {
            <UploadForm action="/exhibitor/products/import".to_owned() class="import-form">
                <input type="hidden" name="exhibitor" value=data.exhibitor.0.to_string() />
                <FileField id="file" label=t_string!(i18n, field_import_file).to_string() accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" errors />
                <button type="submit">{t!(i18n, import_submit)}</button>
            </UploadForm>
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
