//! Who watches each live stream, counted as people rather than connections: a viewer is a
//! signed-in user or a browser (by its viewer cookie), counted once however many tabs or
//! reconnections it has open; with the most people watching at once and how long each one
//! watched (from their first connection open to their last one closed).

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// A person watching: `u{id}` for a user signed in, `b{fingerprint}` for a browser.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Viewer(pub String);

impl Viewer {
    pub fn user(id: i64) -> Self {
        Viewer(format!("u{id}"))
    }

    /// A browser known by its viewer cookie, kept as a fingerprint of it.
    pub fn browser(cookie: &str) -> Self {
        let digest = crate::hashing::sha256_hex(cookie.as_bytes());
        Viewer(format!("b{}", &digest[..32]))
    }
}

struct Watching {
    connections: u32,
    since: Instant,
}

#[derive(Default)]
struct StreamAudience {
    watching: HashMap<Viewer, Watching>,
    peak: u32,
}

/// What a new connection changed.
#[derive(Debug, PartialEq, Eq)]
pub struct Joined {
    /// The person had no other connection open.
    pub arrived: bool,
    /// The most watching at once, when this raised it.
    pub new_peak: Option<u32>,
}

/// The people watching every live stream.
#[derive(Default)]
pub struct Audience {
    streams: HashMap<i64, StreamAudience>,
}

impl Audience {
    /// `viewer` opened a connection to `stream` at `at`.
    pub fn join(&mut self, stream: i64, viewer: &Viewer, at: Instant) -> Joined {
        let audience = self.streams.entry(stream).or_default();
        let watching = audience.watching.entry(viewer.clone()).or_insert(Watching {
            connections: 0,
            since: at,
        });
        watching.connections += 1;
        let arrived = watching.connections == 1;
        let now = u32::try_from(audience.watching.len()).unwrap_or(u32::MAX);
        let new_peak = (now > audience.peak).then(|| {
            audience.peak = now;
            now
        });
        Joined { arrived, new_peak }
    }

    /// `viewer` closed a connection to `stream` at `at`: how long they watched, once their
    /// last connection closed.
    pub fn leave(&mut self, stream: i64, viewer: &Viewer, at: Instant) -> Option<Duration> {
        let audience = self.streams.get_mut(&stream)?;
        let watching = audience.watching.get_mut(viewer)?;
        watching.connections = watching.connections.saturating_sub(1);
        if watching.connections > 0 {
            return None;
        }
        let since = watching.since;
        audience.watching.remove(viewer);
        Some(at.saturating_duration_since(since))
    }

    /// How many people watch `stream` now.
    pub fn watching(&self, stream: i64) -> u32 {
        self.streams.get(&stream).map_or(0, |audience| {
            u32::try_from(audience.watching.len()).unwrap_or(u32::MAX)
        })
    }

    /// How long the people watching `stream` now have watched so far, together.
    pub fn watched_so_far(&self, stream: i64, at: Instant) -> Duration {
        self.streams
            .get(&stream)
            .map_or(Duration::ZERO, |audience| {
                audience
                    .watching
                    .values()
                    .map(|w| at.saturating_duration_since(w.since))
                    .sum()
            })
    }

    /// Forgets an ended stream.
    pub fn end(&mut self, stream: i64) {
        self.streams.remove(&stream);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_in_three_tabs_is_one_viewer_until_the_last_tab_closes() {
        let mut audience = Audience::default();
        let start = Instant::now();
        let buyer = Viewer::user(7);
        let first = audience.join(1, &buyer, start);
        assert_eq!(
            first,
            Joined {
                arrived: true,
                new_peak: Some(1)
            }
        );
        for _ in 0..2 {
            let again = audience.join(1, &buyer, start + Duration::from_secs(5));
            assert_eq!(
                again,
                Joined {
                    arrived: false,
                    new_peak: None
                }
            );
        }
        assert_eq!(audience.watching(1), 1);
        let later = start + Duration::from_secs(90);
        assert_eq!(audience.leave(1, &buyer, later), None);
        assert_eq!(audience.leave(1, &buyer, later), None);
        assert_eq!(audience.watching(1), 1);
        assert_eq!(audience.watched_so_far(1, later), Duration::from_secs(90));
        assert_eq!(
            audience.leave(1, &buyer, later),
            Some(Duration::from_secs(90))
        );
        assert_eq!(audience.watching(1), 0);
    }

    #[test]
    fn the_peak_is_the_most_people_at_once_per_stream() {
        let mut audience = Audience::default();
        let at = Instant::now();
        let (a, b) = (Viewer::user(1), Viewer::browser("cookie"));
        assert_eq!(audience.join(1, &a, at).new_peak, Some(1));
        assert_eq!(audience.join(1, &b, at).new_peak, Some(2));
        audience.leave(1, &b, at);
        assert_eq!(audience.join(1, &b, at).new_peak, None);
        assert_eq!(audience.join(2, &b, at).new_peak, Some(1));
        assert_eq!(audience.watching(1), 2);
        assert_eq!(audience.watching(2), 1);
        audience.end(1);
        assert_eq!(audience.watching(1), 0);
        assert_eq!(audience.leave(1, &a, at), None);
    }

    #[test]
    fn browsers_are_told_apart_by_their_cookie_and_never_kept_as_it() {
        let one = Viewer::browser("abc");
        assert_eq!(one, Viewer::browser("abc"));
        assert_ne!(one, Viewer::browser("abd"));
        assert!(!one.0.contains("abc"));
        assert_ne!(Viewer::user(1), Viewer::browser("1"));
    }
}
