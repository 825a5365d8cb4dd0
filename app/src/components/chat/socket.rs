//! The browser's end of `/ws` for one conversation: connects, follows the conversation from
//! the last message shown, sends what is pending, and reconnects after a drop (half a second,
//! doubling up to eight), but not after the server closed it because the session ended. A message leaves `pending` only when its `Ack` (or its own echo)
//! arrives, so a drop before the acknowledgement sends it again under the same id.

use super::{Link, Pending, merge};
use crate::domain::conversation::{Message, SESSION_ENDED_CLOSE};
use crate::domain::form::field_errors;
use crate::domain::{ChatFrame, ConversationId, SocketFrame};
use crate::error::ErrorCode;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

const RETRY_FIRST_MS: i32 = 500;
const RETRY_MAX_MS: i32 = 8_000;

/// The page's handle on its socket.
#[derive(Clone, Copy)]
pub struct ChatSocket {
    state: StoredValue<SendWrapper<Rc<RefCell<State>>>>,
}

struct State {
    conversation: ConversationId,
    messages: RwSignal<Vec<Message>>,
    pending: RwSignal<Vec<Pending>>,
    link: RwSignal<Link>,
    /// Whether the other side is here.
    online: RwSignal<bool>,
    socket: Option<WebSocket>,
    retry_ms: i32,
    /// The page is gone: no more reconnecting.
    closed: bool,
    /// The socket's callbacks, kept alive as long as it is.
    callbacks: Vec<Box<dyn std::any::Any>>,
}

impl ChatSocket {
    pub fn open(
        conversation: ConversationId,
        messages: RwSignal<Vec<Message>>,
        pending: RwSignal<Vec<Pending>>,
        link: RwSignal<Link>,
        online: RwSignal<bool>,
    ) -> Self {
        let state = Rc::new(RefCell::new(State {
            conversation,
            messages,
            pending,
            link,
            online,
            socket: None,
            retry_ms: RETRY_FIRST_MS,
            closed: false,
            callbacks: Vec::new(),
        }));
        connect(&state);
        let on_leave = SendWrapper::new(state.clone());
        on_cleanup(move || {
            let mut state = on_leave.borrow_mut();
            state.closed = true;
            if let Some(socket) = state.socket.take() {
                let _ = socket.close();
            }
        });
        ChatSocket {
            state: StoredValue::new(SendWrapper::new(state)),
        }
    }

    /// Shows `body` as pending and sends it (now if connected, else after the reconnect).
    pub fn send(&self, body: String) {
        let client_id = window()
            .crypto()
            .map(|crypto| crypto.random_uuid())
            .unwrap_or_else(|_| format!("m{}", js_sys::Date::now() as u64));
        self.state.with_value(|state| {
            let state = state.borrow();
            let message = Pending {
                client_id,
                body,
                refused: None,
            };
            send_pending(&state, &message);
            state.pending.update(|pending| pending.push(message));
        });
    }
}

fn frame(socket: &WebSocket, frame: &ChatFrame) {
    if let Ok(text) = serde_json::to_string(frame) {
        let _ = socket.send_with_str(&text);
    }
}

fn send_pending(state: &State, message: &Pending) {
    if let Some(socket) = state
        .socket
        .as_ref()
        .filter(|s| s.ready_state() == WebSocket::OPEN)
    {
        frame(
            socket,
            &ChatFrame::Send {
                conversation: state.conversation,
                client_id: message.client_id.clone(),
                body: message.body.clone(),
            },
        );
    }
}

/// The socket's address, on the page's own host.
pub(crate) fn url() -> Option<String> {
    let location = window().location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}/ws", location.host().ok()?))
}

fn connect(state: &Rc<RefCell<State>>) {
    let Some(socket) = url().and_then(|url| WebSocket::new(&url).ok()) else {
        return;
    };
    let mut s = state.borrow_mut();
    s.link.set(Link::Connecting);
    let on_open = {
        let state = state.clone();
        Closure::<dyn FnMut()>::new(move || {
            let mut s = state.borrow_mut();
            s.retry_ms = RETRY_FIRST_MS;
            s.link.set(Link::Online);
            if let Some(socket) = &s.socket {
                let after = s.messages.with_untracked(|m| m.last().map(|m| m.id));
                frame(
                    socket,
                    &ChatFrame::Follow {
                        conversation: s.conversation,
                        after,
                    },
                );
            }
            // Sent again under the same ids: the server keeps each once.
            let unsent: Vec<Pending> = s
                .pending
                .get_untracked()
                .into_iter()
                .filter(|p| p.refused.is_none())
                .collect();
            for message in &unsent {
                send_pending(&s, message);
            }
            drop(s);
        })
    };
    let on_message = {
        let state = state.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            let Ok(frame) = serde_json::from_str::<SocketFrame>(&text) else {
                return;
            };
            received(&state.borrow(), frame);
        })
    };
    let on_close = {
        let state = state.clone();
        Closure::<dyn FnMut(CloseEvent)>::new(move |event: CloseEvent| {
            let mut s = state.borrow_mut();
            s.socket = None;
            if event.code() == SESSION_ENDED_CLOSE {
                s.closed = true;
                s.link.set(Link::SignedOut);
            }
            if s.closed {
                return;
            }
            s.link.set(Link::Connecting);
            let wait = s.retry_ms;
            s.retry_ms = (s.retry_ms * 2).min(RETRY_MAX_MS);
            drop(s);
            let state = state.clone();
            let again = Closure::once_into_js(move || {
                if !state.borrow().closed {
                    connect(&state);
                }
            });
            let _ = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), wait);
        })
    };
    socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    s.callbacks = vec![Box::new(on_open), Box::new(on_message), Box::new(on_close)];
    s.socket = Some(socket);
}

fn received(state: &State, frame: SocketFrame) {
    match frame {
        SocketFrame::Ack { message } | SocketFrame::Message { message } => {
            let id = message.id;
            let from_other_side = state.pending.with_untracked(|pending| {
                !pending.iter().any(|p| p.client_id == message.client_id)
            });
            state
                .pending
                .update(|pending| pending.retain(|p| p.client_id != message.client_id));
            state.messages.update(|messages| merge(messages, message));
            if from_other_side && let Some(socket) = &state.socket {
                frame_read(socket, state.conversation, id);
            }
        }
        SocketFrame::Refused {
            client_id: Some(client_id),
            error,
        } => {
            let code = field_errors(&error)
                .first()
                .map(|e| e.message.clone())
                .unwrap_or(ErrorCode::Generic);
            state.pending.update(|pending| {
                for p in pending.iter_mut().filter(|p| p.client_id == client_id) {
                    p.refused = Some(code.clone());
                }
            });
        }
        SocketFrame::Presence {
            conversation,
            online,
        } if conversation == state.conversation => state.online.set(online),
        // Refusals of other frames, and the frames of video calls, are not the chat's.
        _ => {}
    }
}

fn frame_read(socket: &WebSocket, conversation: ConversationId, up_to: crate::domain::MessageId) {
    frame(
        socket,
        &ChatFrame::Read {
            conversation,
            up_to,
        },
    );
}
