//! The team's products, drafts included, in the order buyers see them. Once hydrated, a
//! product is dragged to its new place and the page's new order saved at once; every row
//! also has arrow buttons, plain forms that swap it with its neighbour, for the keyboard and
//! for browsers without JavaScript.

use super::loaded;
use crate::api::product_editor::{ProductListData, ReorderProducts, get_team_products};
use crate::components::form_field::{FormAlert, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::ProductId;
use crate::domain::product::card_image;
use crate::domain::product_edit::TeamProduct;
use crate::i18n::*;
use crate::links::product_editor_path;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ProductListPage() -> impl IntoView {
    forbid_caching();
    let reorder = ServerAction::<ReorderProducts>::new();
    let query = use_query_map();
    let after = move || {
        query
            .read()
            .get("after")
            .and_then(|a| a.parse::<i64>().ok())
    };
    let data = Resource::new_blocking(
        move || (reorder.version().get(), after()),
        |(_, after)| get_team_products(after),
    );
    loaded(data, move |data| product_list(data, reorder))
}

fn product_list(data: ProductListData, reorder: ServerAction<ReorderProducts>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let query = use_query_map();
    let notice = {
        let query = query.read_untracked();
        if query.get("deleted").is_some() {
            Some(t_string!(i18n, product_deleted).to_string())
        } else if query.get("ordered").is_some()
            || matches!(reorder.value().get_untracked(), Some(Ok(())))
        {
            Some(t_string!(i18n, product_order_saved).to_string())
        } else {
            None
        }
    };
    let errors = form_errors(move || reorder.value().get());
    let company = data.company.get(locale).to_owned();
    let title = t_string!(i18n, products_title, company = company).to_string();
    let exhibitor = data.exhibitor;
    let next = data
        .products
        .next_after
        .map(|after| format!("/exhibitor/products?after={after}"));
    // The order on screen; a drop changes it at once and then asks the server to keep it.
    let order = RwSignal::new(data.products.items);
    let dragged = RwSignal::new(None::<usize>);
    let drop_on = move |target: usize| {
        let Some(from) = dragged.get_untracked() else {
            return;
        };
        dragged.set(None);
        if from == target {
            return;
        }
        let mut items = order.get_untracked();
        let item = items.remove(from);
        items.insert(target, item);
        let ids: Vec<ProductId> = items.iter().map(|p| p.id).collect();
        order.set(items);
        reorder.dispatch(ReorderProducts { exhibitor, ids });
    };
    let rows = move || {
        let items = order.get();
        let count = items.len();
        let ids: Vec<ProductId> = items.iter().map(|p| p.id).collect();
        items
            .into_iter()
            .enumerate()
            .map(|(n, product)| {
                let up = (n > 0).then(|| [ids[n], ids[n - 1]]);
                let down = (n + 1 < count).then(|| [ids[n + 1], ids[n]]);
                product_row(product, n, up, down, exhibitor, reorder, dragged, drop_on)
            })
            .collect_view()
    };
    let empty = order.with_untracked(Vec::is_empty);
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/exhibitor/products".to_owned() />
        <section class="product-list-editor">
            <h1>{title}</h1>
            <p>
                <a class="button" href="/exhibitor/products/new">{t!(i18n, product_new)}</a>" "
                <a href="/exhibitor/products/import">{t!(i18n, import_title)}</a>" · "
                <a href="/exhibitor/booth">{t!(i18n, nav_booth)}</a>
            </p>
            {notice.map(|text| view! { <p class="form-notice" role="status">{text}</p> })}
            <FormAlert errors />
            {if empty {
                view! { <p>{t!(i18n, products_empty)}</p> }.into_any()
            } else {
                view! {
                    <p class="muted">{t!(i18n, products_hint)}</p>
                    <ol class="team-products">{rows}</ol>
                }.into_any()
            }}
            {next.map(|href| view! { <p><a href=href rel="next">{t!(i18n, next_page)}</a></p> })}
        </section>
    }
}

#[allow(clippy::too_many_arguments)]
fn product_row(
    product: TeamProduct,
    n: usize,
    up: Option<[ProductId; 2]>,
    down: Option<[ProductId; 2]>,
    exhibitor: crate::domain::ExhibitorId,
    reorder: ServerAction<ReorderProducts>,
    dragged: RwSignal<Option<usize>>,
    drop_on: impl Fn(usize) + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let title = product.title.get(locale).to_owned();
    let edit = product_editor_path(product.id);
    let image = card_image(product.id, product.cover.as_deref());
    let swap = move |pair: [ProductId; 2], label: String, arrow: &'static str| {
        view! {
            <ActionForm action=reorder attr:class="move">
                <input type="hidden" name="exhibitor" value=exhibitor.0.to_string() />
                <input type="hidden" name="ids[0]" value=pair[0].0.to_string() />
                <input type="hidden" name="ids[1]" value=pair[1].0.to_string() />
                <button type="submit" aria-label=label.clone() title=label>{arrow}</button>
            </ActionForm>
        }
    };
    let up_label = t_string!(i18n, move_up, title = title.clone()).to_string();
    let down_label = t_string!(i18n, move_down, title = title.clone()).to_string();
    view! {
        <li draggable="true" data-id=product.id.0.to_string()
            class:dragging=move || dragged.get() == Some(n)
            on:dragstart=move |ev| {
                if let Some(transfer) = ev.data_transfer() {
                    let _ = transfer.set_data("text/plain", &n.to_string());
                }
                dragged.set(Some(n));
            }
            on:dragend=move |_| dragged.set(None)
            on:dragover=move |ev| ev.prevent_default()
            on:drop=move |ev| { ev.prevent_default(); drop_on(n) }>
            <img src=image alt="" width="56" height="56" loading="lazy" />
            <a href=edit>{title}</a>
            {product.sku.map(|sku| view! { <code class="sku">{sku}</code> })}
            <span class="price">{product.price.display(locale)}</span>
            {if product.published {
                view! { <span class="status published">{t!(i18n, product_published)}</span> }.into_any()
            } else {
                view! { <span class="status draft">{t!(i18n, product_draft)}</span> }.into_any()
            }}
            {product.is_new.then(|| view! { <span class="badge">{t!(i18n, new_badge)}</span> })}
            <span class="arrows">
                {up.map(|pair| swap(pair, up_label, "↑"))}
                {down.map(|pair| swap(pair, down_label, "↓"))}
            </span>
        </li>
    }
}
