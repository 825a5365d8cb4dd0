//! The mixed write load, each kind in its own tasks, all through the server's real
//! interfaces as its clients use them: messages over `/ws`, product edits and meeting
//! bookings and quotation answers through the server functions, imports as a file upload.
//! Requests that get no complete answer (the server was killed) are retried the way a person
//! would, or given up; only acknowledged writes are entered in the ledger.

mod acceptances;
mod bookings;
mod ctx;
pub(super) mod imports;
mod messages;
pub(super) mod products;

pub use ctx::Ctx;

use super::fixtures::Fixtures;
use std::sync::Arc;
use tokio::task::JoinSet;

/// Starts every writer on `fixtures`.
pub fn spawn(ctx: &Arc<Ctx>, fixtures: &Arc<Fixtures>) -> JoinSet<()> {
    let mut tasks = JoinSet::new();
    for (n, pair) in fixtures.pairs.iter().enumerate() {
        let sender = messages::Sender {
            ctx: ctx.clone(),
            id: format!("{}-m{n}", ctx.run),
            conversation: pair.conversation,
            cookie: pair.buyer.clone(),
        };
        tasks.spawn(sender.run());
        tasks.spawn(products::edit(ctx.clone(), fixtures.clone(), n));
    }
    tasks.spawn(imports::run(ctx.clone(), fixtures.clone()));
    tasks.spawn(bookings::run(ctx.clone(), fixtures.clone()));
    tasks.spawn(acceptances::run(ctx.clone(), fixtures.clone()));
    tasks
}
