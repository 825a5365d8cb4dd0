//! A meeting's video call: the other party's video large, one's own small, the state of the
//! connection, and screen sharing. Media go browser to browser (WebRTC); the signals that
//! introduce them pass through `/ws` (`call/peer.rs`). The buyer makes the offer.

#[cfg(feature = "hydrate")]
mod peer;

use crate::domain::MeetingId;
use crate::i18n::*;
use leptos::prelude::*;

/// Where the call stands, as the page says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallState {
    /// Before the page is hydrated (or without JavaScript).
    Waiting,
    Camera,
    /// Waiting for the other party to join.
    Alone,
    Connecting,
    Connected,
    Left,
    Failed,
}

#[component]
pub fn Call(
    meeting: MeetingId,
    /// Whether this side makes the offer (the buyer does).
    offerer: bool,
    /// RTCIceServer entries as JSON (STUN and TURN servers).
    ice_servers: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(CallState::Waiting);
    let local = NodeRef::<leptos::html::Video>::new();
    let remote = NodeRef::<leptos::html::Video>::new();
    let share = StoredValue::new(None::<Callback<()>>);
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            #[cfg(feature = "hydrate")]
            share.set_value(Some(peer::start(
                meeting,
                offerer,
                &ice_servers,
                local,
                remote,
                state,
            )));
            #[cfg(not(feature = "hydrate"))]
            let _ = (meeting, offerer, &ice_servers, local, remote);
        }
    });
    let text = move || match state.get() {
        CallState::Waiting => t_string!(i18n, call_waiting).to_string(),
        CallState::Camera => t_string!(i18n, call_camera).to_string(),
        CallState::Alone => t_string!(i18n, call_alone).to_string(),
        CallState::Connecting => t_string!(i18n, call_connecting).to_string(),
        CallState::Connected => t_string!(i18n, call_connected).to_string(),
        CallState::Left => t_string!(i18n, call_left).to_string(),
        CallState::Failed => t_string!(i18n, call_failed).to_string(),
    };
    let connected = move || state.get() == CallState::Connected;
    view! {
        <div class="call">
            <video id="remote-video" class="remote-video" node_ref=remote autoplay=true playsinline=true
                aria-label=t_string!(i18n, call_remote).to_string()></video>
            <video id="local-video" class="local-video" node_ref=local autoplay=true playsinline=true muted=true
                aria-label=t_string!(i18n, call_local).to_string()></video>
            <p class="call-state" role="status" id="call-state">{text}</p>
            <button type="button" disabled=move || !connected()
                on:click=move |_| share.with_value(|share| if let Some(share) = share { share.run(()) })>
                {t!(i18n, call_share_screen)}
            </button>
            <noscript><p>{t!(i18n, call_needs_javascript)}</p></noscript>
        </div>
    }
}
