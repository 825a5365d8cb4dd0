//! The stream page's player: WebRTC from our media server (WHEP), sub-second behind the
//! team. It keeps trying while the stream is to come, says "reconnecting" (not an error)
//! while the team's connection is away or its own drops, and stops when the stream ends.

use crate::domain::live::{InquiryDefaults, PinnedProduct};
use crate::domain::{InquiryId, ProductId, StreamId};
use crate::links::{booking_path, inquiry_path, product_path};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where playing stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayerState {
    /// Before the page is hydrated.
    Waiting,
    Connecting,
    Playing,
    Reconnecting,
    /// Not started yet: tried again every few seconds.
    NotLive,
    Ended,
}

/// The player's words, translated on the server (as an island would need them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerTexts {
    pub label: String,
    pub waiting: String,
    pub connecting: String,
    pub playing: String,
    pub reconnecting: String,
    pub not_live: String,
    pub ended: String,
    pub needs_javascript: String,
    /// "Watching: {count}", `{count}` replaced by the number.
    pub watching: String,
    pub on_screen: String,
    pub quantity: String,
    pub place: String,
    pub inquire: String,
    pub sent: String,
    pub open_inquiry: String,
    pub book: String,
    pub sign_in: String,
    pub failed: String,
}

/// What stands for the number in [`PlayerTexts::watching`].
pub const COUNT: &str = "{count}";

impl PlayerTexts {
    fn of(&self, state: PlayerState) -> String {
        match state {
            PlayerState::Waiting => &self.waiting,
            PlayerState::Connecting => &self.connecting,
            PlayerState::Playing => &self.playing,
            PlayerState::Reconnecting => &self.reconnecting,
            PlayerState::NotLive => &self.not_live,
            PlayerState::Ended => &self.ended,
        }
        .clone()
    }
}

/// On the stream page, which loads the whole site's bundle for now: as an island of the light
/// bundle it took the catalogue pages over their budget (about 35 KB of brotli more).
#[component]
pub fn LivePlayer(
    stream: StreamId,
    /// RTCIceServer entries as JSON (STUN and TURN servers).
    ice_servers: String,
    texts: PlayerTexts,
    /// Viewers when the page was made.
    viewers: u32,
    /// The product on screen when the page was made.
    pinned: Option<PinnedProduct>,
    /// The reader's language, for the product on screen.
    lang: String,
    /// The exhibitor's booth address, for booking a meeting.
    exhibitor_slug: String,
    /// For a reader who may inquire: what an inquiry starts with.
    inquiry: Option<InquiryDefaults>,
) -> impl IntoView {
    let state = RwSignal::new(PlayerState::Waiting);
    let watching = RwSignal::new(viewers);
    let on_screen = RwSignal::new(pinned);
    let video = NodeRef::<leptos::html::Video>::new();
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            #[cfg(feature = "hydrate")]
            watching::start(
                stream,
                ice_servers.clone(),
                lang.clone(),
                video,
                state,
                watching,
                on_screen,
            );
            #[cfg(not(feature = "hydrate"))]
            let _ = (stream, &ice_servers, &lang, video);
        }
    });
    let pinned_view = pinned_product(stream, on_screen, exhibitor_slug, inquiry, texts.clone());
    let needs_javascript = texts.needs_javascript.clone();
    let label = texts.label.clone();
    let template = texts.watching.clone();
    let count = move || {
        let shown = watching.get() > 0
            || matches!(
                state.get(),
                PlayerState::Playing | PlayerState::Reconnecting
            );
        shown.then(|| template.replace(COUNT, &watching.get().to_string()))
    };
    view! {
        <div class="live-player">
            <video id="live-video" node_ref=video autoplay=true muted=true playsinline=true controls=true
                aria-label=label></video>
            <p class="player-state" role="status" id="player-state"
                data-state=move || format!("{:?}", state.get()).to_lowercase()>
                {move || texts.of(state.get())}
            </p>
            <p class="viewers" id="viewer-count" aria-live="off">{count}</p>
            <noscript><p>{needs_javascript}</p></noscript>
            {pinned_view}
        </div>
    }
}

/// The product on screen, under the video, with an inquiry in one step and a meeting.
fn pinned_product(
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
    let booking = booking_path(&exhibitor_slug);
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
            let answer = watching::inquire(&fields).await;
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

#[cfg(feature = "hydrate")]
mod watching {
    use super::PlayerState;
    use crate::components::live::whip::{self, Refused};
    use crate::domain::live::PinnedProduct;
    use crate::domain::live::StreamStatus;
    use crate::domain::{InquiryId, StreamId};
    use crate::error::ErrorCode;
    use leptos::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{MediaStream, RtcPeerConnection, RtcTrackEvent};

    /// How often the player looks at its connection and its frames, in milliseconds.
    const TICK_MS: i32 = 1000;
    /// Seconds without a new frame before the player says it is reconnecting.
    const STALL_TICKS: u32 = 3;
    /// Seconds a dropped connection is given before a new one replaces it.
    const DROPPED_TICKS: u32 = 5;
    /// Ticks between two looks at the count of viewers.
    const COUNT_TICKS: u32 = 2;
    /// Milliseconds between tries while the stream is to come.
    const NOT_LIVE_RETRY_MS: i32 = 5000;

    /// Sends an inquiry from under the video (`inquire_from_stream`, as a plain form post:
    /// the light bundle carries no server function client); its id, or why not.
    pub async fn inquire(fields: &[(&str, String)]) -> Result<InquiryId, String> {
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

    /// What the page shows of the stream besides the video.
    #[derive(Clone, Copy)]
    struct Shown {
        viewers: RwSignal<u32>,
        pinned: RwSignal<Option<PinnedProduct>>,
    }

    impl Shown {
        fn update(&self, now: crate::domain::live::StreamNow) {
            self.viewers.try_set(now.viewers);
            if self.pinned.try_get_untracked().flatten() != now.pinned {
                self.pinned.try_set(now.pinned);
            }
        }
    }

    /// The session in use, left when the page goes.
    type Current = Rc<RefCell<Option<(RtcPeerConnection, String)>>>;

    pub fn start(
        stream: StreamId,
        ice_servers: String,
        lang: String,
        video: NodeRef<leptos::html::Video>,
        state: RwSignal<PlayerState>,
        viewers: RwSignal<u32>,
        pinned: RwSignal<Option<PinnedProduct>>,
    ) {
        let current: Current = Rc::default();
        let on_hide = {
            let current = current.clone();
            Closure::<dyn FnMut()>::new(move || {
                if let Some((pc, resource)) = current.borrow_mut().take() {
                    whip::leave(&pc, &resource);
                }
            })
        };
        let _ =
            window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        on_hide.forget();
        let shown = Shown { viewers, pinned };
        leptos::task::spawn_local(run(stream, ice_servers, lang, video, state, shown, current));
    }

    async fn run(
        stream: StreamId,
        ice_servers: String,
        lang: String,
        video: NodeRef<leptos::html::Video>,
        state: RwSignal<PlayerState>,
        shown: Shown,
        current: Current,
    ) {
        let url = format!("/live/streams/{stream}/whep");
        loop {
            // The page let go of the player.
            if state.is_disposed() {
                return;
            }
            // Asked first, so that a stream not live is waited for without a refusal.
            match whip::stream_now(stream, &lang).await {
                Ok(now) => {
                    let status = now.status;
                    shown.update(now);
                    match status {
                        StreamStatus::Live => {}
                        StreamStatus::Ended => {
                            state.try_set(PlayerState::Ended);
                            return;
                        }
                        StreamStatus::Scheduled => {
                            state.try_set(PlayerState::NotLive);
                            whip::sleep(NOT_LIVE_RETRY_MS).await;
                            continue;
                        }
                    }
                }
                Err(_) => {
                    state.try_set(PlayerState::Reconnecting);
                    whip::sleep(NOT_LIVE_RETRY_MS).await;
                    continue;
                }
            }
            if state.try_get_untracked().unwrap_or(PlayerState::Ended) != PlayerState::Reconnecting
            {
                state.try_set(PlayerState::Connecting);
            }
            let Ok(pc) = whip::peer(&ice_servers) else {
                state.try_set(PlayerState::Reconnecting);
                whip::sleep(NOT_LIVE_RETRY_MS).await;
                continue;
            };
            whip::receive(&pc);
            let media = MediaStream::new().ok();
            if let (Some(element), Some(media)) =
                (video.try_get_untracked().flatten(), media.as_ref())
            {
                element.set_src_object(Some(media));
            }
            let on_track = Closure::<dyn FnMut(RtcTrackEvent)>::new(move |event: RtcTrackEvent| {
                if let Some(media) = media.as_ref() {
                    media.add_track(&event.track());
                }
            });
            pc.set_ontrack(Some(on_track.as_ref().unchecked_ref()));
            match whip::start(&pc, &url).await {
                Ok(resource) => {
                    *current.borrow_mut() = Some((pc.clone(), resource));
                    follow(stream, &lang, &pc, video, state, shown).await;
                    // The server has let go of the session already (the stream ended, or the
                    // connection dropped): closing is enough.
                    if let Some((pc, _)) = current.borrow_mut().take() {
                        pc.close();
                    }
                    state.try_set(PlayerState::Reconnecting);
                }
                Err(refused) if refused.is(&ErrorCode::StreamEnded) => {
                    pc.close();
                    state.try_set(PlayerState::Ended);
                    return;
                }
                Err(refused) => {
                    pc.close();
                    let not_live = refused.is(&ErrorCode::StreamNotLive);
                    if let Refused::Browser(why) = &refused {
                        web_sys::console::warn_1(&format!("The stream did not play: {why}").into());
                    }
                    state.try_set(if not_live {
                        PlayerState::NotLive
                    } else {
                        PlayerState::Reconnecting
                    });
                    whip::sleep(NOT_LIVE_RETRY_MS).await;
                }
            }
            drop(on_track);
        }
    }

    /// Follows a started session until its connection is lost or the stream ends: "playing"
    /// while frames arrive, "reconnecting" while they stop (the team's connection is away),
    /// the count of viewers every other second.
    async fn follow(
        stream: StreamId,
        lang: &str,
        pc: &RtcPeerConnection,
        video: NodeRef<leptos::html::Video>,
        state: RwSignal<PlayerState>,
        shown: Shown,
    ) {
        let mut frames = 0;
        let mut still = 0;
        let mut dropped = 0;
        for tick in 0_u32.. {
            whip::sleep(TICK_MS).await;
            if tick % COUNT_TICKS == 0
                && let Ok(now) = whip::stream_now(stream, lang).await
            {
                let ended = now.status == StreamStatus::Ended;
                shown.update(now);
                if ended {
                    return;
                }
            }
            if whip::lost(pc, &mut dropped, DROPPED_TICKS) {
                return;
            }
            let now = video
                .get_untracked()
                .map(|v| v.get_video_playback_quality())
                .map(|q| q.total_video_frames())
                .unwrap_or(0);
            if now > frames {
                frames = now;
                still = 0;
                state.try_set(PlayerState::Playing);
            } else {
                still += 1;
                if still >= STALL_TICKS && frames > 0 {
                    state.try_set(PlayerState::Reconnecting);
                }
            }
        }
    }
}
