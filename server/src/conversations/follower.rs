//! A socket's follower of one conversation: the messages the browser missed, then each new
//! one, and the other party's presence.

use super::ChatService;
use app::domain::conversation::MESSAGES_PER_PAGE;
use app::domain::{ConversationId, CurrentUser, Message, MessageId, SocketFrame};
use app::ports::Conversations;
use std::sync::Arc;
use tokio::sync::{broadcast, mpsc, watch};

/// Sends one conversation's messages to a socket: those it missed, then each new one.
pub(super) struct Follower {
    pub chat: Arc<ChatService>,
    pub user: CurrentUser,
    pub conversation: ConversationId,
    pub out: mpsc::Sender<SocketFrame>,
}

impl Follower {
    pub async fn run(
        self,
        mut live: broadcast::Receiver<Message>,
        mut other: watch::Receiver<bool>,
        after: Option<MessageId>,
        missed: Vec<Message>,
    ) {
        let mut last = after;
        let online = *other.borrow_and_update();
        if !self.presence(online).await || !self.replay(missed, &mut last).await {
            return;
        }
        loop {
            let going = tokio::select! {
                received = live.recv() => match received {
                    Ok(message) if Some(message.id) > last => {
                        self.forward(vec![message], &mut last).await
                    }
                    Ok(_) => true,
                    Err(broadcast::error::RecvError::Lagged(_)) => match self.catch_up(last).await {
                        Some(batch) => self.replay(batch, &mut last).await,
                        None => false,
                    },
                    Err(broadcast::error::RecvError::Closed) => false,
                },
                changed = other.changed() => match changed {
                    Ok(()) => {
                        let online = *other.borrow_and_update();
                        self.presence(online).await
                    }
                    // The party's entry is kept while watched: this does not happen.
                    Err(_) => std::future::pending().await,
                },
            };
            if !going {
                return;
            }
        }
    }

    /// Sends `batch` and the pages after it, until one is not full; `false` when the
    /// socket is gone or the database could not be read.
    async fn replay(&self, mut batch: Vec<Message>, last: &mut Option<MessageId>) -> bool {
        loop {
            let full = batch.len() >= MESSAGES_PER_PAGE;
            if !self.forward(batch, last).await {
                return false;
            }
            if !full {
                return true;
            }
            match self.catch_up(*last).await {
                Some(next) => batch = next,
                None => return false,
            }
        }
    }

    /// Tells the socket whether the other side is here; `false` when the socket is gone.
    async fn presence(&self, online: bool) -> bool {
        let frame = SocketFrame::Presence {
            conversation: self.conversation,
            online,
        };
        self.out.send(frame).await.is_ok()
    }

    /// Sends each message; `false` when the socket is gone.
    async fn forward(&self, batch: Vec<Message>, last: &mut Option<MessageId>) -> bool {
        for message in batch {
            *last = Some(message.id);
            if self
                .out
                .send(SocketFrame::Message { message })
                .await
                .is_err()
            {
                return false;
            }
        }
        true
    }

    /// The page after `last`; `None` when it cannot be read (the follower then stops).
    async fn catch_up(&self, last: Option<MessageId>) -> Option<Vec<Message>> {
        self.chat
            .list_messages_after(Some(&self.user), self.conversation, last)
            .await
            .ok()
    }
}
