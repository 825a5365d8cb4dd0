//! A buyer writing in a conversation over `/ws` as the browser does: each message under a
//! client id of its own, shown as sending until the server's acknowledgement; after a
//! dropped connection it reconnects (half a second, doubling up to four) and sends what
//! was not acknowledged again under the same ids.

use super::ctx::Ctx;
use crate::commands::chaos::ledger::Outcome;
use crate::commands::chat_bench::{open, text};
use app::domain::{ChatFrame, ConversationId, SocketFrame};
use futures_util::{SinkExt, StreamExt};
use std::sync::Arc;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message as Ws;

/// Between two messages of one buyer.
const EVERY: Duration = Duration::from_millis(100);
/// Connections one buyer opens at most over a run.
const MAX_CONNECTIONS: u32 = 2_000;

pub struct Sender {
    pub ctx: Arc<Ctx>,
    /// The prefix of this buyer's client ids.
    pub id: String,
    pub conversation: ConversationId,
    pub cookie: String,
}

impl Sender {
    pub async fn run(self) {
        // Sent and not yet acknowledged, oldest first: (client id, body).
        let mut pending: Vec<(String, String)> = Vec::new();
        let mut written = 0_u64;
        let mut pause = Duration::from_millis(500);
        for _ in 0..MAX_CONNECTIONS {
            if self.ctx.past_hard_stop() || (self.ctx.stopping() && pending.is_empty()) {
                break;
            }
            if let Ok(socket) = open(&self.ctx.ws_addr(), &self.cookie).await {
                pause = Duration::from_millis(500);
                self.talk(socket, &mut pending, &mut written).await;
            }
            // Whatever was in flight is now unanswered; it is sent again after reconnecting.
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(Duration::from_secs(4));
        }
        for _ in pending {
            self.ctx.ledger.count("message", Outcome::Failed).await;
        }
    }

    /// One connection: what was pending again, then a message every `EVERY` until the load
    /// stops and everything is acknowledged, or the connection drops.
    async fn talk(
        &self,
        socket: crate::commands::chat_bench::Socket,
        pending: &mut Vec<(String, String)>,
        written: &mut u64,
    ) {
        let (mut sink, mut stream) = socket.split();
        for (client_id, body) in pending.iter() {
            if sink.send(text(&self.frame(client_id, body))).await.is_err() {
                return;
            }
        }
        let mut ticker = tokio::time::interval(EVERY);
        loop {
            if self.ctx.past_hard_stop() || (self.ctx.stopping() && pending.is_empty()) {
                let _ = sink.close().await;
                return;
            }
            tokio::select! {
                _ = ticker.tick(), if !self.ctx.stopping() => {
                    *written += 1;
                    let client_id = format!("{}-{written}", self.id);
                    let body = format!("Chaos message {written} of {}", self.id);
                    let frame = text(&self.frame(&client_id, &body));
                    pending.push((client_id, body));
                    if sink.send(frame).await.is_err() {
                        return;
                    }
                }
                frame = stream.next() => match frame {
                    Some(Ok(Ws::Text(raw))) => self.answered(&raw, pending).await,
                    Some(Ok(_)) => {}
                    _ => return,
                },
                _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            }
        }
    }

    async fn answered(&self, raw: &str, pending: &mut Vec<(String, String)>) {
        let (client_id, outcome) = match serde_json::from_str(raw) {
            Ok(SocketFrame::Ack { message }) => (message.client_id, Outcome::Acked),
            Ok(SocketFrame::Refused {
                client_id: Some(client_id),
                error,
            }) => {
                tracing::warn!(%error, client_id, "message refused");
                (client_id, Outcome::Refused)
            }
            _ => return,
        };
        let Some(at) = pending.iter().position(|(id, _)| *id == client_id) else {
            return;
        };
        pending.remove(at);
        let ledger = &self.ctx.ledger;
        ledger.count("message", outcome).await;
        if outcome == Outcome::Acked {
            ledger
                .messages
                .lock()
                .await
                .push((self.conversation.0, client_id));
        }
    }

    fn frame(&self, client_id: &str, body: &str) -> ChatFrame {
        ChatFrame::Send {
            conversation: self.conversation,
            client_id: client_id.to_owned(),
            body: body.to_owned(),
        }
    }
}
