//! A few at once per key: a count per key (a client's address, a person) that a holder takes
//! and gives back when its `Slot` drops. Over the count, `take` says no and the caller
//! refuses the work; keys with nothing held take no memory.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Clone)]
pub struct KeyedSlots<K> {
    per_key: u32,
    held: Arc<Mutex<HashMap<K, u32>>>,
}

/// One held slot of `key`, given back when dropped.
pub struct Slot<K: Eq + Hash> {
    slots: KeyedSlots<K>,
    key: K,
}

impl<K: Copy + Eq + Hash> KeyedSlots<K> {
    pub fn new(per_key: u32) -> Self {
        Self {
            per_key: per_key.max(1),
            held: Arc::default(),
        }
    }

    /// A slot of `key`, unless all of its slots are held.
    pub fn take(&self, key: K) -> Option<Slot<K>> {
        let mut held = self.lock();
        let count = held.entry(key).or_default();
        if *count >= self.per_key {
            return None;
        }
        *count += 1;
        Some(Slot {
            slots: self.clone(),
            key,
        })
    }

    /// How many keys hold slots now.
    pub fn keys_held(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<K, u32>> {
        // A panic elsewhere while holding the lock left the counts whole: each change is
        // one statement.
        self.held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl<K: Eq + Hash> Drop for Slot<K> {
    fn drop(&mut self) {
        let mut held = self
            .slots
            .held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = held.get_mut(&self.key) {
            *count -= 1;
            if *count == 0 {
                held.remove(&self.key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::KeyedSlots;

    #[test]
    fn slots_are_counted_per_key_and_given_back() {
        let slots = KeyedSlots::new(4);
        let held: Vec<_> = (0..4)
            .map(|_| slots.take(1).expect("a free slot"))
            .collect();
        assert!(slots.take(1).is_none(), "the fifth of one key");
        let other = slots.take(2).expect("another key has its own");
        drop(held);
        drop(other);
        assert_eq!(slots.keys_held(), 0, "no key is kept once idle");
        assert!(slots.take(1).is_some());
    }
}
