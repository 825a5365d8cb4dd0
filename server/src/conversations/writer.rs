//! The one task that stores messages: it takes every message waiting when it is free and
//! stores them in one transaction (group commit), then answers each sender. On SQLite, where
//! writers take turns, this replaces many short transactions contending for the lock (each
//! waiting in SQLite's sleeping busy handler) with one that pays for its commit once.

use crate::storage::Db;
use crate::storage::conversations::NewMessage;
use app::domain::Message;
use app::error::AppError;
use tokio::sync::{mpsc, oneshot};

/// Messages stored in one transaction at most.
const BATCH_MAX: usize = 256;

type Answer = oneshot::Sender<Result<(Message, bool), AppError>>;

#[derive(Clone)]
pub struct MessageWriter {
    jobs: mpsc::Sender<(NewMessage, Answer)>,
}

impl MessageWriter {
    /// Starts the writer on `db`; it stops when the last handle is dropped.
    pub fn spawn(db: Db) -> Self {
        let (jobs, waiting) = mpsc::channel(BATCH_MAX * 16);
        tokio::spawn(run(db, waiting));
        MessageWriter { jobs }
    }

    /// Stores `message` (see `Db::insert_messages`); returns once it is committed.
    pub async fn store(&self, message: NewMessage) -> Result<(Message, bool), AppError> {
        let (answer, answered) = oneshot::channel();
        self.jobs
            .send((message, answer))
            .await
            .map_err(|_| AppError::internal("the message writer has stopped"))?;
        answered
            .await
            .map_err(|_| AppError::internal("the message writer dropped a message"))?
    }
}

async fn run(db: Db, mut waiting: mpsc::Receiver<(NewMessage, Answer)>) {
    let mut batch = Vec::with_capacity(BATCH_MAX);
    while waiting.recv_many(&mut batch, BATCH_MAX).await > 0 {
        let (messages, answers): (Vec<NewMessage>, Vec<Answer>) = batch.drain(..).unzip();
        match db.insert_messages(&messages).await {
            Ok(results) => {
                for (answer, result) in answers.into_iter().zip(results) {
                    let _ = answer.send(result);
                }
            }
            // One message's failure rolled back the batch: store each alone, so that only
            // the failing one fails.
            Err(_) if messages.len() > 1 => {
                for (message, answer) in messages.into_iter().zip(answers) {
                    let result = db
                        .insert_messages(std::slice::from_ref(&message))
                        .await
                        .and_then(|mut one| one.pop().expect("one result a message"));
                    let _ = answer.send(result);
                }
            }
            Err(error) => {
                for answer in answers {
                    let _ = answer.send(Err(error.clone()));
                }
            }
        }
    }
}
