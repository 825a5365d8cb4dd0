//! Floods of every endpoint that hashes a password: made-up sign-ins, registrations, password
//! resets and invitations from visitors, and wrong passwords from signed-in people where a
//! password is asked again (turning two-factor sign-in on or off, signing a contract). Each
//! request comes from one of many loopback addresses, as a botnet's would, so that the
//! per-address limits alone cannot hold it: the hashing gate, the per-account lock and the
//! check of a token before its hash must.

use super::tally::{self, Tally};
use crate::commands::harness::client::{Client, loopback};
use std::sync::Arc;
use tokio::time::Instant;

/// One endpoint and the requests that flood it.
pub struct Target {
    /// The server function's path.
    pub path: &'static str,
    /// What the requests are, for the report.
    pub what: &'static str,
    /// Whether the requests come from signed-in people (the flood's sessions).
    pub signed_in: bool,
    /// The form of request `n` of run `run`.
    form: fn(&str, u64) -> String,
}

/// Every endpoint that hashes a password (see `accounts::password`).
pub const TARGETS: [Target; 7] = [
    Target {
        path: "/api/log_in",
        what: "sign-ins to made-up accounts",
        signed_in: false,
        form: |run, n| format!("email=flood-{run}-{n}%40flood.example&password=wrong-{n}-orbit"),
    },
    Target {
        path: "/api/register",
        what: "registrations with strong passwords",
        signed_in: false,
        form: |run, n| {
            format!(
                "form[email]=flood-{run}-{n}%40flood.example&form[password]={}\
                 &form[name]=Flood+Buyer+{n}&form[company]=Flood+Trading&form[country]=BR\
                 &form[business_type]=importer",
                strong(run, n)
            )
        },
    },
    Target {
        path: "/api/reset_password",
        what: "password resets with made-up links",
        signed_in: false,
        form: |run, n| format!("token=flood{run}x{n}&password={}", strong(run, n)),
    },
    Target {
        path: "/api/accept_invitation",
        what: "made-up invitations accepted",
        signed_in: false,
        form: |run, n| {
            format!(
                "token=flood{run}x{n}&name=Flood+Member&password={}",
                strong(run, n)
            )
        },
    },
    Target {
        path: "/api/confirm_two_factor",
        what: "two-factor set-ups with wrong passwords",
        signed_in: true,
        form: |_, n| format!("code=123456&current_password=wrong-{n}-orbit"),
    },
    Target {
        path: "/api/disable_two_factor",
        what: "two-factor turned off with wrong passwords",
        signed_in: true,
        form: |_, n| format!("password=wrong-{n}-orbit"),
    },
    Target {
        path: "/api/sign_contract",
        what: "contracts signed with wrong passwords",
        signed_in: true,
        form: |_, n| {
            format!(
                "order=1&sha256={}&signer_name=Flood+Buyer&confirmation=wrong-{n}-orbit",
                "0".repeat(64)
            )
        },
    },
];

/// A password no list holds, so that registering reaches the hash.
fn strong(run: &str, n: u64) -> String {
    format!("Lantern-{n}-orbit-{run}-quartz")
}

/// Who floods: `clients` at once, over `addresses` loopback addresses.
pub struct Flooders {
    pub server: Client,
    pub clients: usize,
    pub addresses: usize,
    pub run: Arc<str>,
}

/// Floods `target` until `until`, signed in with `sessions` in turn where the target asks
/// for it (each account takes a few wrong passwords before it is locked for a while).
pub async fn flood(
    flooders: &Flooders,
    target: &'static Target,
    sessions: Vec<String>,
    until: Instant,
) -> Tally {
    let (server, addresses) = (flooders.server, flooders.addresses.max(1));
    let (sessions, run) = (Arc::new(sessions), flooders.run.clone());
    tally::flood(flooders.clients, until, move |_, n| {
        let (sessions, run) = (sessions.clone(), run.clone());
        async move {
            let client = server.from(loopback(n as usize % addresses));
            let form = (target.form)(&run, n);
            let answer = match sessions.get(n as usize % sessions.len().max(1)) {
                Some(cookie) if target.signed_in => client.form(target.path, cookie, &form).await,
                _ => client.visitor_form(target.path, &form).await,
            };
            tally::label(&answer)
        }
    })
    .await
}
