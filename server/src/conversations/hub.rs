//! Where stored messages meet the sockets following their conversation: one broadcast
//! channel per conversation somebody follows, dropped when nobody does. A follower that
//! falls behind is told so and reads what it missed from the database.

use app::domain::{ConversationId, Message};
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::broadcast;

/// Messages a slow follower may fall behind before it reads from the database instead.
const BACKLOG: usize = 256;

#[derive(Default)]
pub struct ChatHub {
    channels: Mutex<HashMap<ConversationId, broadcast::Sender<Message>>>,
}

impl ChatHub {
    /// Each message of `conversation` published from now on.
    pub fn subscribe(&self, conversation: ConversationId) -> broadcast::Receiver<Message> {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        channels.retain(|_, channel| channel.receiver_count() > 0);
        channels
            .entry(conversation)
            .or_insert_with(|| broadcast::channel(BACKLOG).0)
            .subscribe()
    }

    /// Tells the followers of the message's conversation, if there are any.
    pub fn publish(&self, message: &Message) {
        let channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(channel) = channels.get(&message.conversation) {
            // No receiver left is not an error: the next subscribe drops the channel.
            let _ = channel.send(message.clone());
        }
    }
}
