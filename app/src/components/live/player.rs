//! The stream page's player: WebRTC from our media server (WHEP), sub-second behind the
//! team. It keeps trying while the stream is to come, says "reconnecting" (not an error)
//! while the team's connection is away or its own drops, and stops when the stream ends.

use super::chat::{ChatTexts, chat_form, chat_log};
use super::on_screen::pinned_product;
use crate::domain::StreamId;
use crate::domain::live::{InquiryDefaults, PinnedProduct};
use crate::domain::live_chat::ChatLine;
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
    pub chat: ChatTexts,
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
    /// The chat's messages when the page was made.
    chat: Vec<ChatLine>,
    /// The reader may write in the chat.
    may_chat: bool,
) -> impl IntoView {
    let state = RwSignal::new(PlayerState::Waiting);
    let watching = RwSignal::new(viewers);
    let on_screen = RwSignal::new(pinned);
    // The last message heard from the server: where the next news starts (the page's own
    // messages show at once, and may come before others it has not heard yet).
    let heard = RwSignal::new(chat.last().map(|line| line.id));
    let lines = RwSignal::new(chat);
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
                watching::Shown {
                    viewers: watching,
                    pinned: on_screen,
                    chat: lines,
                    heard,
                },
            );
            #[cfg(not(feature = "hydrate"))]
            let _ = (stream, &ice_servers, &lang, video, heard);
        }
    });
    let pinned_view = pinned_product(stream, on_screen, exhibitor_slug, inquiry, texts.clone());
    let chat_view = view! {
        {chat_log(lines, &texts.chat)}
        {chat_form(stream, lines, may_chat, &texts.chat)}
    };
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
            {chat_view}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod watching {
    use super::PlayerState;
    use crate::components::live::chat::merge;
    use crate::components::live::whip::{self, Refused};
    use crate::domain::StreamId;
    use crate::domain::live::PinnedProduct;
    use crate::domain::live::StreamStatus;
    use crate::domain::live_chat::ChatLine;
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
    /// Milliseconds between tries while the stream is to come.
    const NOT_LIVE_RETRY_MS: i32 = 5000;

    /// What the page shows of the stream besides the video.
    #[derive(Clone, Copy)]
    pub struct Shown {
        pub viewers: RwSignal<u32>,
        pub pinned: RwSignal<Option<PinnedProduct>>,
        pub chat: RwSignal<Vec<ChatLine>>,
        /// The last chat message the server has sent.
        pub heard: RwSignal<Option<i64>>,
    }

    impl Shown {
        fn update(&self, now: crate::domain::live::StreamNow) {
            self.viewers.try_set(now.viewers);
            if self.pinned.try_get_untracked().flatten() != now.pinned {
                self.pinned.try_set(now.pinned);
            }
            if !now.chat.lines.is_empty() || !now.chat.removed.is_empty() {
                let news = now.chat;
                if let Some(last) = news.lines.iter().map(|line| line.id).max() {
                    self.heard
                        .try_update(|heard| *heard = (*heard).max(Some(last)));
                }
                self.chat.try_update(|lines| merge(lines, news));
            }
        }

        /// The last chat message the server has sent.
        fn last_message(&self) -> Option<i64> {
            self.heard.try_get_untracked().flatten()
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
        shown: Shown,
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
            match whip::stream_now(stream, &lang, shown.last_message()).await {
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
    /// and, every tick, the count of viewers, the product on screen and the chat.
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
        loop {
            whip::sleep(TICK_MS).await;
            if let Ok(now) = whip::stream_now(stream, lang, shown.last_message()).await {
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
