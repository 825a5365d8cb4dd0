//! Going live from the browser: the camera and microphone, or a shared screen with the
//! microphone, previewed on the page and sent to our media server over WHIP. A dropped
//! connection is replaced under the same stream, so viewers see "reconnecting" and then the
//! stream again.

use super::desk::Desk;
use crate::domain::{ProductId, StreamId};
use crate::i18n::*;
use crate::links::stream_path;
use leptos::prelude::*;

/// Where publishing stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublishState {
    Idle,
    Starting,
    Live(StreamId),
    Reconnecting(StreamId),
    /// Why it could not start, in the reader's words or the server's.
    Failed(String),
}

/// What to send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Camera,
    Screen,
}

#[component]
pub fn BrowserPublisher(
    /// The team's streams to come, to choose from (the first choice is its next one).
    streams: Vec<(StreamId, String)>,
    /// RTCIceServer entries as JSON.
    ice_servers: String,
    /// The team's products, to pin under the video.
    products: Vec<(ProductId, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(PublishState::Idle);
    let source = RwSignal::new(Source::Camera);
    let chosen = RwSignal::new(None::<StreamId>);
    let preview = NodeRef::<leptos::html::Video>::new();
    let hydrated = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    let session = sending::Session::new(ice_servers, preview, state);
    #[cfg(not(feature = "hydrate"))]
    let _ = ice_servers;
    Effect::new(move |_| hydrated.set(true));
    let start = move |_| {
        #[cfg(feature = "hydrate")]
        session.start(source.get_untracked(), chosen.get_untracked());
    };
    let stop = move |_| {
        #[cfg(feature = "hydrate")]
        session.stop();
    };
    let options = streams
        .into_iter()
        .map(|(id, title)| view! { <option value=id.0>{title}</option> })
        .collect_view();
    let text = move || match state.get() {
        PublishState::Idle => t_string!(i18n, studio_state_idle).to_string(),
        PublishState::Starting => t_string!(i18n, studio_state_starting).to_string(),
        PublishState::Live(_) => t_string!(i18n, studio_state_live).to_string(),
        PublishState::Reconnecting(_) => t_string!(i18n, studio_state_reconnecting).to_string(),
        PublishState::Failed(reason) => t_string!(i18n, studio_state_failed, reason).to_string(),
    };
    let live = move || match state.get() {
        PublishState::Live(id) | PublishState::Reconnecting(id) => Some(id),
        _ => None,
    };
    let busy = move || !matches!(state.get(), PublishState::Idle | PublishState::Failed(_));
    view! {
        <section class="publisher" aria-labelledby="go-live">
            <h2 id="go-live">{t!(i18n, studio_go_live)}</h2>
            <div class="field">
                <label for="publish-source">{t!(i18n, studio_source)}</label>
                <select id="publish-source" disabled=busy
                    on:change=move |ev| source.set(if event_target_value(&ev) == "screen" { Source::Screen } else { Source::Camera })>
                    <option value="camera">{t!(i18n, studio_camera)}</option>
                    <option value="screen">{t!(i18n, studio_screen)}</option>
                </select>
            </div>
            <div class="field">
                <label for="publish-stream">{t!(i18n, studio_stream)}</label>
                <select id="publish-stream" disabled=busy
                    on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    <option value="">{t!(i18n, studio_new_stream)}</option>
                    {options}
                </select>
            </div>
            <video class="publisher-preview" id="publisher-preview" node_ref=preview autoplay=true muted=true playsinline=true
                aria-label=t_string!(i18n, studio_preview).to_string()></video>
            <p class="call-state" role="status" id="publish-state">{text}</p>
            <div class="order-actions">
                <button type="button" id="publish-start" disabled=move || !hydrated.get() || busy() on:click=start>
                    {t!(i18n, studio_start)}
                </button>
                <button type="button" id="publish-stop" class="secondary" disabled=move || !busy() on:click=stop>
                    {t!(i18n, studio_stop)}
                </button>
            </div>
            {move || live().map(|id| view! {
                <p><a href=stream_path(id) target="_blank">{t!(i18n, studio_open_stream)}</a></p>
                <Desk stream=id products=products.clone() />
            })}
            <noscript><p>{t!(i18n, call_needs_javascript)}</p></noscript>
        </section>
    }
}

#[cfg(feature = "hydrate")]
mod sending {
    use super::{PublishState, Source};
    use crate::components::form_field::error_text;
    use crate::components::live::whip::{self, Refused};
    use crate::domain::StreamId;
    use crate::error::{AppError, ErrorCode};
    use crate::i18n::*;
    use leptos::prelude::*;
    use send_wrapper::SendWrapper;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{MediaStream, MediaStreamConstraints, RtcPeerConnection};

    /// Seconds a dropped connection is given before a new one replaces it.
    const DROPPED_TICKS: u32 = 3;
    const TICK_MS: i32 = 1000;

    #[derive(Default)]
    struct Sending {
        media: Option<MediaStream>,
        peer: Option<(RtcPeerConnection, String)>,
        /// Bumped by every start and stop: a task of an older run stops.
        run: u32,
    }

    /// The page's one publishing session.
    #[derive(Clone, Copy)]
    pub struct Session {
        inner: StoredValue<SendWrapper<Rc<RefCell<Sending>>>>,
        ice_servers: StoredValue<String>,
        preview: NodeRef<leptos::html::Video>,
        state: RwSignal<PublishState>,
        i18n: leptos_i18n::I18nContext<Locale>,
    }

    impl Session {
        pub fn new(
            ice_servers: String,
            preview: NodeRef<leptos::html::Video>,
            state: RwSignal<PublishState>,
        ) -> Self {
            let session = Session {
                inner: StoredValue::new(SendWrapper::new(Rc::default())),
                ice_servers: StoredValue::new(ice_servers),
                preview,
                state,
                i18n: use_i18n(),
            };
            // Only what the page holds outside: a signal set now would wake effects that
            // are going too.
            on_cleanup(move || session.end());
            session
        }

        /// The session's state; a fresh one once the page let go of it (a task still
        /// running then finds its run over).
        fn sending(&self) -> Rc<RefCell<Sending>> {
            self.inner
                .try_with_value(|inner| Rc::clone(inner))
                .unwrap_or_else(|| {
                    Rc::new(RefCell::new(Sending {
                        run: u32::MAX,
                        ..Sending::default()
                    }))
                })
        }

        pub fn start(self, source: Source, stream: Option<StreamId>) {
            let run = {
                let sending = self.sending();
                let mut sending = sending.borrow_mut();
                sending.run = sending.run.wrapping_add(1);
                sending.run
            };
            self.state.set(PublishState::Starting);
            leptos::task::spawn_local(async move {
                let media = match capture(source).await {
                    Ok(media) => media,
                    Err(error) => {
                        web_sys::console::warn_2(&"No camera or screen:".into(), &error);
                        let i18n = self.i18n;
                        let reason = t_string!(i18n, studio_state_no_camera).to_string();
                        self.state.try_set(PublishState::Failed(reason));
                        return;
                    }
                };
                if let Some(video) = self.preview.try_get_untracked().flatten() {
                    video.set_src_object(Some(&media));
                }
                self.sending().borrow_mut().media = Some(media.clone());
                self.publish(run, media, stream).await;
            });
        }

        /// Publishes `media` to `stream` (the team's next when none) until stopped,
        /// replacing a dropped connection under the same stream.
        async fn publish(self, run: u32, media: MediaStream, mut stream: Option<StreamId>) {
            loop {
                if self.sending().borrow().run != run {
                    return;
                }
                let url = match stream {
                    Some(id) => format!("/live/streams/{id}/whip"),
                    None => "/live/whip".to_owned(),
                };
                let ice_servers = self.ice_servers.try_get_value().unwrap_or_default();
                let pc = match whip::peer(&ice_servers) {
                    Ok(pc) => pc,
                    Err(error) => return self.failed(Refused::from(error)),
                };
                whip::send(&pc, &media);
                match whip::start(&pc, &url).await {
                    Ok(resource) => {
                        let id = stream_of(&resource);
                        stream = stream.or(id);
                        if self.sending().borrow().run != run {
                            whip::leave(&pc, &resource);
                            return;
                        }
                        self.sending().borrow_mut().peer = Some((pc.clone(), resource));
                        if let Some(id) = stream {
                            self.state.try_set(PublishState::Live(id));
                        }
                        watch(&pc).await;
                        let old = self.sending().borrow_mut().peer.take();
                        if let Some((pc, _)) = old {
                            // The server ends the session when it notices; a DELETE would
                            // end the stream for its viewers.
                            pc.close();
                        }
                        if self.sending().borrow().run != run {
                            return;
                        }
                        if let Some(id) = stream {
                            self.state.try_set(PublishState::Reconnecting(id));
                        }
                    }
                    // The server has not yet noticed the dropped connection: try again.
                    Err(refused) if stream.is_some() && refused.is(&ErrorCode::StreamBusy) => {
                        pc.close();
                        whip::sleep(2 * TICK_MS).await;
                    }
                    Err(refused) => {
                        pc.close();
                        return self.failed(refused);
                    }
                }
            }
        }

        fn failed(&self, refused: Refused) {
            let reason = match refused {
                Refused::Server(body) => match serde_json::from_str::<AppError>(&body) {
                    Ok(AppError::Conflict(code)) => error_text(self.i18n, &code),
                    Ok(AppError::Validation(fields)) if !fields.is_empty() => {
                        error_text(self.i18n, &fields[0].message)
                    }
                    Ok(error) => error.to_string(),
                    Err(_) => body,
                },
                Refused::Browser(why) => why,
            };
            self.release();
            self.state.try_set(PublishState::Failed(reason));
        }

        /// Stops publishing: the stream ends.
        pub fn stop(self) {
            self.end();
            self.state.try_set(PublishState::Idle);
        }

        /// Ends the session and lets go of the camera: its resource deleted (which ends the
        /// stream), any task of it stopped.
        fn end(self) {
            let peer = {
                let sending = self.sending();
                let mut sending = sending.borrow_mut();
                sending.run = sending.run.wrapping_add(1);
                sending.peer.take()
            };
            if let Some((pc, resource)) = peer {
                whip::leave(&pc, &resource);
            }
            self.release();
        }

        /// Lets go of the camera, microphone or screen.
        fn release(&self) {
            if let Some(media) = self.sending().borrow_mut().media.take() {
                for track in media.get_tracks() {
                    if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                        track.stop();
                    }
                }
            }
            if let Some(video) = self.preview.try_get_untracked().flatten() {
                video.set_src_object(None);
            }
        }
    }

    /// The stream a session's resource (`/live/streams/{id}/sessions/{token}`) belongs to.
    fn stream_of(resource: &str) -> Option<StreamId> {
        resource
            .strip_prefix("/live/streams/")?
            .split('/')
            .next()?
            .parse()
            .ok()
    }

    /// Waits until the connection drops for good (or is closed).
    async fn watch(pc: &RtcPeerConnection) {
        let mut dropped = 0;
        loop {
            whip::sleep(TICK_MS).await;
            if whip::lost(pc, &mut dropped, DROPPED_TICKS) {
                return;
            }
        }
    }

    /// The camera and microphone, or the screen and the microphone.
    async fn capture(source: Source) -> Result<MediaStream, JsValue> {
        let devices = window().navigator().media_devices()?;
        let constraints = MediaStreamConstraints::new();
        constraints.set_audio(&JsValue::TRUE);
        match source {
            Source::Camera => {
                let video = js_sys::Object::new();
                js_sys::Reflect::set(&video, &"width".into(), &JsValue::from(1280))?;
                js_sys::Reflect::set(&video, &"height".into(), &JsValue::from(720))?;
                constraints.set_video(&video);
                JsFuture::from(devices.get_user_media_with_constraints(&constraints)?)
                    .await?
                    .dyn_into()
            }
            Source::Screen => {
                let screen: MediaStream = JsFuture::from(devices.get_display_media()?)
                    .await?
                    .dyn_into()?;
                let voice: MediaStream =
                    JsFuture::from(devices.get_user_media_with_constraints(&constraints)?)
                        .await?
                        .dyn_into()?;
                for track in voice.get_audio_tracks() {
                    screen.add_track(&track.dyn_into()?);
                }
                Ok(screen)
            }
        }
    }
}
