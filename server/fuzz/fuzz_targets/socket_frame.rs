//! WebSocket frames of `/ws` (`conversations::socket`): the bytes a browser sends after the
//! upgrade, read by tungstenite (the library axum's sockets use) as the server configures it
//! (`FRAME_BYTES_MAX` per frame and message, 8 KiB buffers); each text message is read as a
//! `ChatFrame` (`socket::read_frame`) and checked as the socket checks it before the
//! database is asked: a message's client id and body, a read mark. Text passed on is never
//! over the frame limit, and an accepted body is within the message's length.
#![no_main]

use app::domain::ChatFrame;
use app::domain::conversation::{MESSAGE_CHARS_MAX, client_id, message_body};
use libfuzzer_sys::fuzz_target;
use server::conversations::socket::{FRAME_BYTES_MAX, read_frame};
use server::conversations::throttle::PendingReads;
use std::io::{Read, Write};
use tungstenite::Message;
use tungstenite::protocol::{Role, WebSocket, WebSocketConfig};

/// The connection: the fuzzer's bytes in, whatever the server answers dropped.
struct Wire<'a>(&'a [u8]);

impl Read for Wire<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buffer)
    }
}

impl Write for Wire<'_> {
    fn write(&mut self, buffer: &[u8]) -> std::io::Result<usize> {
        Ok(buffer.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn check(text: &str, reads: &mut PendingReads) {
    assert!(text.len() <= FRAME_BYTES_MAX);
    match read_frame(text) {
        Ok(ChatFrame::Send {
            client_id: id,
            body,
            ..
        }) => {
            let _ = client_id(&id);
            if let Ok(body) = message_body(&body) {
                assert!(body.chars().count() <= MESSAGE_CHARS_MAX);
            }
        }
        Ok(ChatFrame::Read {
            conversation,
            up_to,
        }) => {
            let _ = reads.note(conversation, up_to);
        }
        Ok(_) | Err(_) => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let config = WebSocketConfig::default()
        .max_message_size(Some(FRAME_BYTES_MAX))
        .max_frame_size(Some(FRAME_BYTES_MAX))
        .read_buffer_size(8 * 1024)
        .write_buffer_size(8 * 1024);
    let mut socket = WebSocket::from_raw_socket(Wire(data), Role::Server, Some(config));
    let mut reads = PendingReads::default();
    while let Ok(message) = socket.read() {
        if let Message::Text(text) = message {
            check(text.as_str(), &mut reads);
        }
    }
});
