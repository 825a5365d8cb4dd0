//! WHIP and WHEP from the browser (RFC 9725 and its viewer's twin): one peer connection, its
//! offer POSTed as `application/sdp`, the answer set, and the session's resource kept to
//! DELETE when leaving. No trickle: the server learns the browser's address from its first
//! packets, as it does for an encoder.

use crate::domain::live::StreamNow;
use crate::error::ErrorCode;
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MediaStream, MediaStreamTrack, RequestInit, Response, RtcConfiguration, RtcPeerConnection,
    RtcPeerConnectionState, RtcRtpTransceiverDirection, RtcRtpTransceiverInit, RtcSdpType,
    RtcSessionDescriptionInit,
};

/// Why a session did not start.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// The server said no: the body with its reason (an `AppError` as JSON), kept as text
    /// so that the light bundle carries no parser of every error.
    Server(String),
    /// The browser or the network failed.
    Browser(String),
}

impl Refused {
    /// Whether the server refused with `code`.
    pub fn is(&self, code: &ErrorCode) -> bool {
        matches!(self, Refused::Server(body) if body.contains(&format!("\"{}\"", code.as_text())))
    }
}

impl From<JsValue> for Refused {
    fn from(error: JsValue) -> Self {
        Refused::Browser(
            error
                .as_string()
                .or_else(|| js_sys::JSON::stringify(&error).ok().map(String::from))
                .unwrap_or_default(),
        )
    }
}

/// A new peer connection using these STUN and TURN servers (RTCIceServer entries as JSON).
pub fn peer(ice_servers: &str) -> Result<RtcPeerConnection, JsValue> {
    let config = RtcConfiguration::new();
    config.set_ice_servers(
        &js_sys::JSON::parse(ice_servers).unwrap_or_else(|_| js_sys::Array::new().into()),
    );
    RtcPeerConnection::new_with_configuration(&config)
}

fn direction(direction: RtcRtpTransceiverDirection) -> RtcRtpTransceiverInit {
    let init = RtcRtpTransceiverInit::new();
    init.set_direction(direction);
    init
}

/// Asks to receive a video and an audio track.
pub fn receive(pc: &RtcPeerConnection) {
    for kind in ["video", "audio"] {
        pc.add_transceiver_with_str_and_init(
            kind,
            &direction(RtcRtpTransceiverDirection::Recvonly),
        );
    }
}

/// Sends `stream`'s first video and audio tracks.
pub fn send(pc: &RtcPeerConnection, stream: &MediaStream) {
    let first = |tracks: js_sys::Array| tracks.get(0).dyn_into::<MediaStreamTrack>().ok();
    for track in [
        first(stream.get_video_tracks()),
        first(stream.get_audio_tracks()),
    ]
    .into_iter()
    .flatten()
    {
        pc.add_transceiver_with_media_stream_track_and_init(
            &track,
            &direction(RtcRtpTransceiverDirection::Sendonly),
        );
    }
}

/// Offers `pc` to `url` (a WHIP or WHEP endpoint) and sets the answer; the session's
/// resource, to [`leave`].
pub async fn start(pc: &RtcPeerConnection, url: &str) -> Result<String, Refused> {
    let offer = JsFuture::from(pc.create_offer()).await?;
    let sdp = js_sys::Reflect::get(&offer, &"sdp".into())?
        .as_string()
        .unwrap_or_default();
    let local = RtcSessionDescriptionInit::new(RtcSdpType::Offer);
    local.set_sdp(&sdp);
    JsFuture::from(pc.set_local_description(&local)).await?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&sdp));
    let headers = js_sys::Object::new();
    js_sys::Reflect::set(&headers, &"Content-Type".into(), &"application/sdp".into())?;
    init.set_headers(&headers);
    let (response, text) = fetched(window().fetch_with_str_and_init(url, &init)).await?;
    if response.status() != 201 {
        return Err(refusal(&response, &text));
    }
    let resource = response.headers().get("Location")?.unwrap_or_default();
    let answer = RtcSessionDescriptionInit::new(RtcSdpType::Answer);
    answer.set_sdp(&text);
    JsFuture::from(pc.set_remote_description(&answer)).await?;
    Ok(resource)
}

/// Where stream `id` stands now, the product on screen written for a reader of `lang`, and
/// the chat's messages after `after` (`GET /live/streams/{id}?lang=&after=`).
pub async fn stream_now(
    id: crate::domain::StreamId,
    lang: &str,
    after: Option<i64>,
) -> Result<StreamNow, Refused> {
    let mut url = format!("/live/streams/{id}?lang={lang}");
    if let Some(after) = after {
        url.push_str(&format!("&after={after}"));
    }
    let (response, text) = fetched(window().fetch_with_str(&url)).await?;
    serde_json::from_str(&text)
        .map_err(|_| Refused::Browser(format!("{} {text}", response.status())))
}

/// POSTs `fields` as a form to `url`; the answer's body, or the server's refusal.
pub async fn post_form(url: &str, fields: &[(&str, String)]) -> Result<String, Refused> {
    let body = web_sys::UrlSearchParams::new()?;
    for (name, value) in fields {
        body.append(name, value);
    }
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&body);
    let (response, text) = fetched(window().fetch_with_str_and_init(url, &init)).await?;
    if response.ok() {
        return Ok(text);
    }
    Err(refusal(&response, &text))
}

/// The server's refusal (an error answered as JSON), else the status and the body.
fn refusal(response: &Response, text: &str) -> Refused {
    if text.starts_with('{') || text.starts_with('"') {
        Refused::Server(text.to_owned())
    } else {
        Refused::Browser(format!("{} {text}", response.status()))
    }
}

/// A request's response and its body as text.
async fn fetched(request: js_sys::Promise) -> Result<(Response, String), Refused> {
    let response: Response = JsFuture::from(request).await?.dyn_into()?;
    let text = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    Ok((response, text))
}

/// Counts the seconds a connection has been down: whether it is lost for good (failed,
/// closed, or disconnected for `ticks` looks in a row).
pub fn lost(pc: &RtcPeerConnection, down: &mut u32, ticks: u32) -> bool {
    match pc.connection_state() {
        RtcPeerConnectionState::Failed | RtcPeerConnectionState::Closed => true,
        RtcPeerConnectionState::Disconnected => {
            *down += 1;
            *down >= ticks
        }
        _ => {
            *down = 0;
            false
        }
    }
}

/// Ends a session: closes `pc` and DELETEs its resource, even while the page unloads.
pub fn leave(pc: &RtcPeerConnection, resource: &str) {
    pc.close();
    if resource.is_empty() {
        return;
    }
    let init = RequestInit::new();
    init.set_method("DELETE");
    let _ = js_sys::Reflect::set(&init, &"keepalive".into(), &JsValue::TRUE);
    let _ = window().fetch_with_str_and_init(resource, &init);
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}
