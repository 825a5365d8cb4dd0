//! The team's desk while it streams: viewers, the product shown under the video, and the
//! inquiries from the stream as they arrive (asked every two seconds).

use crate::api::live::{PinProduct, get_stream_desk};
use crate::domain::live::StreamDesk;
use crate::domain::{ProductId, StreamId};
use crate::i18n::*;
use crate::links::inquiry_path;
use leptos::prelude::*;

/// The team's desk while it streams: viewers, the product on screen, inquiries as they come.
#[component]
pub fn Desk(stream: StreamId, products: Vec<(ProductId, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let desk = RwSignal::new(None::<StreamDesk>);
    let chosen = RwSignal::new(None::<ProductId>);
    let alive = StoredValue::new(());
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            leptos::task::spawn_local(async move {
                // Every two seconds while the desk is on the page.
                while !alive.is_disposed() {
                    if let Ok(now) = get_stream_desk(stream).await {
                        desk.try_set(Some(now));
                    }
                    #[cfg(feature = "hydrate")]
                    super::whip::sleep(2000).await;
                }
            });
        }
    });
    let pin = ServerAction::<PinProduct>::new();
    let options = products
        .into_iter()
        .map(|(id, title)| view! { <option value=id.0>{title}</option> })
        .collect_view();
    let inquiries = move || {
        let list = desk.get().map(|d| d.inquiries).unwrap_or_default();
        if list.is_empty() {
            return view! { <p class="muted">{t!(i18n, studio_inquiries_none)}</p> }.into_any();
        }
        let items = list
            .into_iter()
            .map(|i| {
                let minute = i.second / 60;
                view! {
                    <li><a href=inquiry_path(i.id)>{i.buyer}" · "{i.company}</a>" · "{i.product}" · "{i.quantity}" "{i.unit}" · "
                        {t!(i18n, studio_inquiry_at, minute)}</li>
                }
            })
            .collect_view();
        view! { <ul class="desk-inquiries" id="desk-inquiries">{items}</ul> }.into_any()
    };
    let viewers = move || desk.get().map(|d| d.viewers).unwrap_or(0);
    view! {
        <section class="desk" aria-labelledby="desk">
            <h3 id="desk">{t!(i18n, studio_desk)}</h3>
            <p id="desk-viewers">{move || t_string!(i18n, live_watching, count = viewers()).to_string()}</p>
            <div class="field">
                <label for="pin-product">{t!(i18n, studio_pin)}</label>
                <select id="pin-product" on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    <option value="">{t!(i18n, studio_pin_none)}</option>
                    {options}
                </select>
            </div>
            <button type="button" id="pin-button"
                on:click=move |_| { pin.dispatch(PinProduct { stream, product: chosen.get_untracked() }); }>
                {t!(i18n, studio_pin_button)}
            </button>
            <h3>{t!(i18n, studio_inquiries)}</h3>
            {inquiries}
        </section>
    }
}
