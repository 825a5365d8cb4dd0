//! The browser's end of a call: the camera, one RTCPeerConnection, and the signals over a
//! socket of its own. The offerer sends an offer when the other side is (or comes) in the
//! call; the other answers; both pass their ICE candidates as they find them.

use super::CallState;
use crate::components::chat::socket::url;
use crate::domain::{ChatFrame, MeetingId, SocketFrame};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MediaStream, MediaStreamConstraints, MessageEvent, RtcConfiguration, RtcIceCandidateInit,
    RtcPeerConnection, RtcPeerConnectionIceEvent, RtcRtpSender, RtcSdpType,
    RtcSessionDescriptionInit, RtcTrackEvent, WebSocket,
};

/// What one side tells the other, inside `Signal` frames.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Signal {
    Offer {
        sdp: String,
    },
    Answer {
        sdp: String,
    },
    Candidate {
        candidate: String,
        sdp_mid: Option<String>,
        sdp_m_line_index: Option<u16>,
    },
}

struct Peer {
    meeting: MeetingId,
    offerer: bool,
    pc: RtcPeerConnection,
    socket: WebSocket,
    state: RwSignal<CallState>,
    /// Candidates that came before the remote description.
    early: Vec<RtcIceCandidateInit>,
    described: bool,
    /// The callbacks, kept alive as long as the call.
    callbacks: Vec<Box<dyn std::any::Any>>,
}

type Shared = Rc<RefCell<Peer>>;

fn send(peer: &Peer, signal: &Signal) {
    let frame = ChatFrame::Signal {
        meeting: peer.meeting,
        signal: serde_json::to_string(signal).unwrap_or_default(),
    };
    if let Ok(text) = serde_json::to_string(&frame) {
        let _ = peer.socket.send_with_str(&text);
    }
}

fn sdp_of(description: &JsValue) -> String {
    js_sys::Reflect::get(description, &"sdp".into())
        .ok()
        .and_then(|sdp| sdp.as_string())
        .unwrap_or_default()
}

fn description(kind: RtcSdpType, sdp: &str) -> RtcSessionDescriptionInit {
    let init = RtcSessionDescriptionInit::new(kind);
    init.set_sdp(sdp);
    init
}

/// Shows where the call stands, unless the page is gone already.
fn show(state: RwSignal<CallState>, to: CallState) {
    state.try_set(to);
}

/// Says the call failed, and why in the console.
fn failed(state: RwSignal<CallState>, error: &JsValue) {
    web_sys::console::warn_2(&"The call failed:".into(), error);
    show(state, CallState::Failed);
}

/// Ends the call on this side. No handler is left to be called: the closures go with the
/// peer, once the tasks still holding it end.
fn hang_up(peer: &Shared) {
    let peer = peer.borrow();
    peer.pc.set_ontrack(None);
    peer.pc.set_onicecandidate(None);
    peer.pc.set_onconnectionstatechange(None);
    peer.socket.set_onopen(None);
    peer.socket.set_onmessage(None);
    peer.pc.close();
    let _ = peer.socket.close();
}

/// Starts the call; the callback shares the screen in place of the camera.
pub fn start(
    meeting: MeetingId,
    offerer: bool,
    ice_servers: &str,
    local: NodeRef<leptos::html::Video>,
    remote: NodeRef<leptos::html::Video>,
    state: RwSignal<CallState>,
) -> Callback<()> {
    let ice_servers = ice_servers.to_owned();
    let shared: Rc<RefCell<Option<Shared>>> = Rc::new(RefCell::new(None));
    let gone = Rc::new(std::cell::Cell::new(false));
    let for_share = SendWrapper::new(shared.clone());
    let for_cleanup = SendWrapper::new((shared.clone(), gone.clone()));
    leptos::task::spawn_local(async move {
        match connect(meeting, offerer, &ice_servers, local, remote, state).await {
            // The component went while the camera was starting: so does the call.
            Ok(peer) if gone.get() => hang_up(&peer),
            Ok(peer) => *shared.borrow_mut() = Some(peer),
            Err(error) => failed(state, &error),
        }
    });
    on_cleanup(move || {
        let (shared, gone) = &*for_cleanup;
        gone.set(true);
        if let Some(peer) = shared.borrow_mut().take() {
            hang_up(&peer);
        }
    });
    Callback::new(move |()| {
        if let Some(peer) = for_share.borrow().clone() {
            leptos::task::spawn_local(async move {
                if let Err(error) = share_screen(&peer).await {
                    // Refusing to share is the person's choice, not a failure of the call.
                    web_sys::console::warn_2(&"The screen is not shared:".into(), &error);
                }
            });
        }
    })
}

async fn connect(
    meeting: MeetingId,
    offerer: bool,
    ice_servers: &str,
    local: NodeRef<leptos::html::Video>,
    remote: NodeRef<leptos::html::Video>,
    state: RwSignal<CallState>,
) -> Result<Shared, JsValue> {
    let devices = window().navigator().media_devices()?;
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&JsValue::TRUE);
    constraints.set_audio(&JsValue::TRUE);
    let stream: MediaStream =
        JsFuture::from(devices.get_user_media_with_constraints(&constraints)?)
            .await?
            .dyn_into()?;
    if let Some(video) = local.try_get_untracked().flatten() {
        video.set_src_object(Some(&stream));
    }
    show(state, CallState::Camera);
    let config = RtcConfiguration::new();
    config.set_ice_servers(
        &js_sys::JSON::parse(ice_servers).unwrap_or_else(|_| js_sys::Array::new().into()),
    );
    let pc = RtcPeerConnection::new_with_configuration(&config)?;
    for track in stream.get_tracks() {
        pc.add_track_0(&track.dyn_into()?, &stream);
    }
    let socket = WebSocket::new(&url().ok_or(JsValue::NULL)?)?;
    let peer = Rc::new(RefCell::new(Peer {
        meeting,
        offerer,
        pc: pc.clone(),
        socket: socket.clone(),
        state,
        early: Vec::new(),
        described: false,
        callbacks: Vec::new(),
    }));

    let on_track = Closure::<dyn FnMut(RtcTrackEvent)>::new(move |event: RtcTrackEvent| {
        if let (Some(video), Ok(stream)) = (
            remote.try_get_untracked().flatten(),
            event.streams().get(0).dyn_into::<MediaStream>(),
        ) {
            video.set_src_object(Some(&stream));
        }
    });
    pc.set_ontrack(Some(on_track.as_ref().unchecked_ref()));
    let weak = Rc::downgrade(&peer);
    let on_candidate = Closure::<dyn FnMut(RtcPeerConnectionIceEvent)>::new(
        move |event: RtcPeerConnectionIceEvent| {
            if let (Some(peer), Some(candidate)) = (weak.upgrade(), event.candidate()) {
                send(
                    &peer.borrow(),
                    &Signal::Candidate {
                        candidate: candidate.candidate(),
                        sdp_mid: candidate.sdp_mid(),
                        sdp_m_line_index: candidate.sdp_m_line_index(),
                    },
                );
            }
        },
    );
    pc.set_onicecandidate(Some(on_candidate.as_ref().unchecked_ref()));
    let watched = pc.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || match watched.connection_state() {
        web_sys::RtcPeerConnectionState::Connected => show(state, CallState::Connected),
        web_sys::RtcPeerConnectionState::Failed => show(state, CallState::Failed),
        _ => {}
    });
    pc.set_onconnectionstatechange(Some(on_state.as_ref().unchecked_ref()));
    let join = serde_json::to_string(&ChatFrame::JoinCall { meeting }).unwrap_or_default();
    let opened = socket.clone();
    let on_open = Closure::<dyn FnMut()>::new(move || {
        let _ = opened.send_with_str(&join);
    });
    socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    let weak = Rc::downgrade(&peer);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let frame = event
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<SocketFrame>(&text).ok());
        if let (Some(peer), Some(frame)) = (weak.upgrade(), frame) {
            leptos::task::spawn_local(async move {
                let state = peer.borrow().state;
                if let Err(error) = received(&peer, frame).await {
                    failed(state, &error);
                }
            });
        }
    });
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    peer.borrow_mut().callbacks = vec![
        Box::new(on_track),
        Box::new(on_candidate),
        Box::new(on_state),
        Box::new(on_open),
        Box::new(on_message),
    ];
    Ok(peer)
}

async fn offer(peer: &Shared) -> Result<(), JsValue> {
    let pc = peer.borrow().pc.clone();
    show(peer.borrow().state, CallState::Connecting);
    let offer = JsFuture::from(pc.create_offer()).await?;
    let sdp = sdp_of(&offer);
    JsFuture::from(pc.set_local_description(&description(RtcSdpType::Offer, &sdp))).await?;
    send(&peer.borrow(), &Signal::Offer { sdp });
    Ok(())
}

/// The remote description is set: the candidates that came early can be used now.
async fn described(peer: &Shared) -> Result<(), JsValue> {
    let (pc, early) = {
        let mut p = peer.borrow_mut();
        p.described = true;
        (p.pc.clone(), std::mem::take(&mut p.early))
    };
    for candidate in early {
        JsFuture::from(pc.add_ice_candidate_with_opt_rtc_ice_candidate_init(Some(&candidate)))
            .await?;
    }
    Ok(())
}

async fn received(peer: &Shared, frame: SocketFrame) -> Result<(), JsValue> {
    let (offerer, pc, state) = {
        let p = peer.borrow();
        (p.offerer, p.pc.clone(), p.state)
    };
    match frame {
        SocketFrame::CallJoined { others, .. } => {
            if offerer && others > 0 {
                offer(peer).await?;
            } else {
                show(state, CallState::Alone);
            }
        }
        SocketFrame::PeerJoined { .. } if offerer => offer(peer).await?,
        SocketFrame::PeerJoined { .. } => show(state, CallState::Connecting),
        SocketFrame::PeerLeft { .. } => show(state, CallState::Left),
        SocketFrame::Signal { signal, .. } => match serde_json::from_str::<Signal>(&signal) {
            Ok(Signal::Offer { sdp }) => {
                show(state, CallState::Connecting);
                JsFuture::from(pc.set_remote_description(&description(RtcSdpType::Offer, &sdp)))
                    .await?;
                described(peer).await?;
                let answer = JsFuture::from(pc.create_answer()).await?;
                let sdp = sdp_of(&answer);
                JsFuture::from(pc.set_local_description(&description(RtcSdpType::Answer, &sdp)))
                    .await?;
                send(&peer.borrow(), &Signal::Answer { sdp });
            }
            Ok(Signal::Answer { sdp }) => {
                JsFuture::from(pc.set_remote_description(&description(RtcSdpType::Answer, &sdp)))
                    .await?;
                described(peer).await?;
            }
            Ok(Signal::Candidate {
                candidate,
                sdp_mid,
                sdp_m_line_index,
            }) => {
                let init = RtcIceCandidateInit::new(&candidate);
                init.set_sdp_mid(sdp_mid.as_deref());
                init.set_sdp_m_line_index(sdp_m_line_index);
                if peer.borrow().described {
                    JsFuture::from(
                        pc.add_ice_candidate_with_opt_rtc_ice_candidate_init(Some(&init)),
                    )
                    .await?;
                } else {
                    peer.borrow_mut().early.push(init);
                }
            }
            Err(_) => {}
        },
        SocketFrame::Refused { error, .. } => {
            failed(state, &JsValue::from_str(&error.to_string()));
        }
        _ => {}
    }
    Ok(())
}

/// Sends the screen in place of the camera until the sharing stops.
async fn share_screen(peer: &Shared) -> Result<(), JsValue> {
    let devices = window().navigator().media_devices()?;
    let screen: MediaStream = JsFuture::from(devices.get_display_media()?)
        .await?
        .dyn_into()?;
    let track = screen
        .get_video_tracks()
        .get(0)
        .dyn_into::<web_sys::MediaStreamTrack>()?;
    let pc = peer.borrow().pc.clone();
    for sender in pc.get_senders() {
        let sender: RtcRtpSender = sender.dyn_into()?;
        if sender.track().is_some_and(|t| t.kind() == "video") {
            JsFuture::from(sender.replace_track(Some(&track))).await?;
        }
    }
    Ok(())
}
