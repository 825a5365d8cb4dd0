//! The product on screen: what the team pinned, under the stream page's video, with an
//! inquiry in one step (sent without leaving the page) and "Book a meeting".

use super::player::PlayerTexts;
use crate::domain::live::{InquiryDefaults, PinnedProduct};
use crate::domain::{InquiryId, ProductId, StreamId};
use crate::links::{booking_path, inquiry_path, product_path};
use leptos::prelude::*;

/// The product on screen, under the video, with an inquiry in one step and a meeting.
pub fn pinned_product(
    stream: StreamId,
    on_screen: RwSignal<Option<PinnedProduct>>,
    exhibitor_slug: String,
    inquiry: Option<InquiryDefaults>,
    texts: PlayerTexts,
) -> impl IntoView {
    let sent = RwSignal::new(None::<Result<InquiryId, String>>);
    let quantity = RwSignal::new(String::new());
    let place = RwSignal::new(
        inquiry
            .as_ref()
            .map(|i| i.place.clone())
            .unwrap_or_default(),
    );
    let shown = RwSignal::new(None::<ProductId>);
    Effect::new(move |_| {
        // A new product on screen: its MOQ as the quantity, and a fresh inquiry.
        if let Some(product) = on_screen.get()
            && shown.get_untracked() != Some(product.id)
        {
            shown.set(Some(product.id));
            quantity.set(product.moq_count.to_string());
            sent.set(None);
        }
    });
    let country = inquiry
        .as_ref()
        .map(|i| i.country.clone())
        .unwrap_or_default();
    let may_inquire = inquiry.is_some();
    let booking = format!("{}?stream={stream}", booking_path(&exhibitor_slug));
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(product) = on_screen.get_untracked() else {
            return;
        };
        let fields = [
            ("stream", stream.to_string()),
            ("product", product.id.to_string()),
            ("form[quantity]", quantity.get_untracked()),
            ("form[currency]", product.currency.clone()),
            ("form[incoterm]", "FOB".to_owned()),
            ("form[destination_country]", country.clone()),
            ("form[destination_place]", place.get_untracked()),
        ];
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let answer = inquire(&fields).await;
            sent.try_set(Some(answer));
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = fields;
    };
    move || {
        let product = on_screen.get()?;
        let texts = texts.clone();
        let booking = booking.clone();
        let words = texts.clone();
        let outcome = move || {
            match sent.get() {
            Some(Ok(id)) => Some(view! {
                <p class="notice" role="status">{words.sent.clone()}" "<a href=inquiry_path(id)>{words.open_inquiry.clone()}</a></p>
            }.into_any()),
            Some(Err(why)) => Some(view! { <p class="field-error" role="alert">{words.failed.clone()}" "{why}</p> }.into_any()),
            None => None,
        }
        };
        let ask = if may_inquire {
            view! {
                <form class="quick-inquiry" on:submit=send.clone()>
                    <label>{texts.quantity.clone()}" "
                        <input type="number" min="1" required=true prop:value=move || quantity.get()
                            on:input=move |ev| quantity.set(event_target_value(&ev)) /></label>
                    <label>{texts.place.clone()}" "
                        <input type="text" required=true maxlength="120" prop:value=move || place.get()
                            on:input=move |ev| place.set(event_target_value(&ev)) /></label>
                    <button type="submit" id="inquire-now">{texts.inquire.clone()}</button>
                </form>
                {outcome}
            }
            .into_any()
        } else {
            view! { <p><a href="/sign-in">{texts.sign_in.clone()}</a></p> }.into_any()
        };
        let lang = product.title_lang.clone();
        let dir = lang.as_deref().map(crate::languages::direction);
        Some(view! {
            <section class="on-screen" aria-labelledby="on-screen" id="pinned-product">
                <h2 id="on-screen">{texts.on_screen.clone()}</h2>
                <a class="on-screen-product" href=product_path(product.id)>
                    <img src=product.image.clone() alt="" width="96" height="96" />
                    <span lang=lang dir=dir>{product.title.clone()}</span>
                </a>
                <p>{product.price.clone()}" · "{product.moq.clone()}</p>
                {ask}
                <p><a class="button secondary" href=booking>{texts.book.clone()}</a></p>
            </section>
        })
    }
}

/// Sends an inquiry from under the video (`inquire_from_stream`, as a plain form post:
/// the light bundle carries no server function client); its id, or why not.
#[cfg(feature = "hydrate")]
async fn inquire(fields: &[(&str, String)]) -> Result<InquiryId, String> {
    use super::whip::{self, Refused};
    let answer = whip::post_form("/api/inquire_from_stream", fields)
        .await
        .map_err(|refused| match refused {
            Refused::Server(_) => String::new(),
            Refused::Browser(why) => why,
        })?;
    answer
        .trim()
        .parse::<i64>()
        .map(InquiryId)
        .map_err(|_| answer)
}
