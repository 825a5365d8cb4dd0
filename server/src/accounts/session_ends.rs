//! A socket outlives the request that opened it, so the end of a session must reach it. When
//! sessions of a person end on this server (signing out, a new password, leaving a team),
//! each of that person's sockets hears of it and checks its own session again, closing if it
//! is gone. Sockets also check at every ping, which catches sessions that expired or ended on
//! another server of a cluster.

use app::domain::UserId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::watch;

#[derive(Default)]
pub struct SessionEnds {
    /// A counter per person with a socket open, moved on at each end of their sessions.
    people: Mutex<HashMap<UserId, watch::Sender<u64>>>,
}

impl SessionEnds {
    /// Tells `user`'s sockets that some of their sessions ended.
    pub fn ended(&self, user: UserId) {
        let people = self.people.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(ends) = people.get(&user) {
            ends.send_modify(|count| *count += 1);
        }
    }

    /// What a socket of `user` listens to.
    pub fn listen(self: &Arc<Self>, user: UserId) -> Listener {
        let mut people = self.people.lock().unwrap_or_else(|e| e.into_inner());
        let ends = people
            .entry(user)
            .or_insert_with(|| watch::Sender::new(0))
            .subscribe();
        Listener {
            registry: self.clone(),
            user,
            ends,
        }
    }
}

/// One socket's ear for the end of its person's sessions; it leaves the registry when dropped.
pub struct Listener {
    registry: Arc<SessionEnds>,
    user: UserId,
    ends: watch::Receiver<u64>,
}

impl Listener {
    /// Returns when a session of this person has ended since the last call.
    pub async fn ended(&mut self) {
        // The sender lives while this receiver does: `changed` fails only if it did not.
        if self.ends.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let mut people = self
            .registry
            .people
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        // This receiver is still counted: one means nobody else listens for this person.
        if people
            .get(&self.user)
            .is_some_and(|ends| ends.receiver_count() <= 1)
        {
            people.remove(&self.user);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    async fn hears(listener: &mut Listener) -> bool {
        tokio::time::timeout(Duration::from_millis(50), listener.ended())
            .await
            .is_ok()
    }

    #[tokio::test]
    async fn a_persons_sockets_hear_of_their_sessions_ending_and_only_theirs() {
        let ends = Arc::new(SessionEnds::default());
        let (mut first, mut second) = (ends.listen(UserId(1)), ends.listen(UserId(1)));
        let mut other = ends.listen(UserId(2));
        ends.ended(UserId(1));
        assert!(hears(&mut first).await && hears(&mut second).await);
        assert!(!hears(&mut first).await, "heard once");
        assert!(!hears(&mut other).await);
        drop((first, second));
        assert_eq!(
            ends.people.lock().unwrap().len(),
            1,
            "nobody listens for 1 now"
        );
        drop(other);
        assert!(ends.people.lock().unwrap().is_empty());
    }
}
