//! Who is here: how many sockets each person, and each exhibitor's team, has open on this
//! server, and a watch per party that followers of a conversation read to tell the other
//! side's coming and going. A party is online from its first socket to its last.

use app::domain::{CurrentUser, ExhibitorId, UserId};
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::watch;

/// One side of conversations: a person (as a buyer), or a whole exhibitor's team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Party {
    Person(UserId),
    Team(ExhibitorId),
}

impl Party {
    /// The parties a signed-in person makes present: themselves, and their team if any.
    pub fn of(user: &CurrentUser) -> Vec<Party> {
        std::iter::once(Party::Person(user.id))
            .chain(user.team.map(|team| Party::Team(team.exhibitor)))
            .collect()
    }
}

struct Entry {
    sockets: usize,
    online: watch::Sender<bool>,
}

impl Entry {
    fn new() -> Self {
        Entry {
            sockets: 0,
            online: watch::Sender::new(false),
        }
    }

    /// Nobody is here and nobody watches: the entry can go.
    fn unused(&self) -> bool {
        self.sockets == 0 && self.online.receiver_count() == 0
    }
}

#[derive(Default)]
pub struct Presence {
    parties: Mutex<HashMap<Party, Entry>>,
}

impl Presence {
    /// A socket of these parties opened.
    pub fn arrive(&self, parties: &[Party]) {
        let mut map = self.parties.lock().unwrap_or_else(|e| e.into_inner());
        for party in parties {
            let entry = map.entry(*party).or_insert_with(Entry::new);
            entry.sockets += 1;
            entry
                .online
                .send_if_modified(|online| !std::mem::replace(online, true));
        }
    }

    /// A socket of these parties closed.
    pub fn leave(&self, parties: &[Party]) {
        let mut map = self.parties.lock().unwrap_or_else(|e| e.into_inner());
        for party in parties {
            let Some(entry) = map.get_mut(party) else {
                continue;
            };
            entry.sockets = entry.sockets.saturating_sub(1);
            if entry.sockets == 0 {
                entry.online.send_replace(false);
            }
            if entry.unused() {
                map.remove(party);
            }
        }
    }

    /// Whether `party` has a socket open now.
    pub fn is_online(&self, party: Party) -> bool {
        let map = self.parties.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&party).is_some_and(|entry| entry.sockets > 0)
    }

    /// `party`'s presence now and each change of it.
    pub fn watch(&self, party: Party) -> watch::Receiver<bool> {
        let mut map = self.parties.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, entry| !entry.unused());
        map.entry(party)
            .or_insert_with(Entry::new)
            .online
            .subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn online_from_the_first_socket_to_the_last() {
        let presence = Presence::default();
        let team = Party::Team(ExhibitorId(7));
        let mut watching = presence.watch(team);
        assert!(!*watching.borrow_and_update());
        presence.arrive(&[Party::Person(UserId(1)), team]);
        presence.arrive(&[team]);
        assert!(watching.has_changed().unwrap());
        assert!(*watching.borrow_and_update());
        presence.leave(&[team]);
        assert!(presence.is_online(team), "one socket is still open");
        assert!(!watching.has_changed().unwrap());
        presence.leave(&[Party::Person(UserId(1)), team]);
        assert!(!presence.is_online(team));
        assert!(!*watching.borrow_and_update());
        drop(watching);
        presence.watch(Party::Person(UserId(2)));
        assert!(
            presence.parties.lock().unwrap().len() <= 1,
            "unused entries are dropped"
        );
    }
}
