//! The STUN and TURN servers a meeting's call gets. A TURN relay forwards media at the fair's
//! cost, so it gets no standing password: each party of a confirmed meeting gets a credential
//! of its own that expires within the hour, in coturn's shared-secret scheme (`use-auth-secret`,
//! the "TURN REST API"): the user name is `expiry:who`, the password the base64 of its
//! HMAC-SHA1 under the secret the fair and the relay share, which the relay checks without
//! asking the fair.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha1::Sha1;
use std::sync::Arc;

/// How long a TURN credential is valid (a relay keeps an allocation made before it expires).
pub const TURN_SECONDS: i64 = 3600;

/// A TURN relay and the secret it shares with the fair.
pub struct TurnRelay {
    /// `turn:` and `turns:` URLs, as browsers take them.
    pub urls: Vec<String>,
    pub secret: String,
}

impl TurnRelay {
    /// The RTCIceServer entry for `who`, valid until `now + TURN_SECONDS`.
    pub fn entry(&self, who: &str, now: i64) -> Value {
        let username = format!("{}:{who}", now + TURN_SECONDS);
        json!({
            "urls": self.urls,
            "username": username,
            "credential": credential(&self.secret, &username),
        })
    }
}

/// The password a relay with `secret` expects for `username`.
pub fn credential(secret: &str, username: &str) -> String {
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(username.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

/// The servers of every call: the configured STUN (and standing TURN) entries, and a TURN
/// relay whose credentials are made per party.
#[derive(Clone, Default)]
pub struct CallServers {
    /// RTCIceServer entries as a JSON list, checked at start.
    pub ice_servers: Arc<str>,
    pub turn: Option<Arc<TurnRelay>>,
}

impl CallServers {
    /// The RTCIceServer list for `who` in a call, as JSON; the relay only for a `confirmed`
    /// meeting.
    pub fn for_party(&self, confirmed: bool, who: &str, now: i64) -> String {
        Value::Array(self.entries(confirmed, who, now)).to_string()
    }

    /// The RTCIceServer entries for `who`; the relay only when `relayed`.
    pub fn entries(&self, relayed: bool, who: &str, now: i64) -> Vec<Value> {
        let mut servers: Vec<Value> = serde_json::from_str(&self.ice_servers).unwrap_or_default();
        if let Some(turn) = self.turn.as_ref().filter(|_| relayed) {
            servers.push(turn.entry(who, now));
        }
        servers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_what_coturn_computes() {
        // Computed apart: base64(HMAC-SHA1("north", "1514073600:alice")) with Python's hmac.
        assert_eq!(
            credential("north", "1514073600:alice"),
            "T04aTKLF0p/X7apFFUVd28Sb8O0="
        );
    }

    #[test]
    fn only_a_confirmed_meeting_gets_the_relay() {
        let servers = CallServers {
            ice_servers: r#"[{"urls":"stun:fair.example:3478"}]"#.into(),
            turn: Some(Arc::new(TurnRelay {
                urls: vec!["turn:fair.example:3478".into()],
                secret: "north".into(),
            })),
        };
        let requested: Vec<Value> =
            serde_json::from_str(&servers.for_party(false, "m1u2", 1000)).unwrap();
        assert_eq!(requested.len(), 1);
        let confirmed: Vec<Value> =
            serde_json::from_str(&servers.for_party(true, "m1u2", 1000)).unwrap();
        assert_eq!(confirmed[1]["username"], "4600:m1u2");
        assert_eq!(
            confirmed[1]["credential"],
            credential("north", "4600:m1u2").as_str()
        );
    }
}
