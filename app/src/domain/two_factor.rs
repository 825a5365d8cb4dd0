//! Two-factor sign-in as both sides see it: who must use it, what a person's settings page
//! shows, the two steps of signing in, and what a typed code is (six digits from an
//! authenticator app, or a recovery code).

use super::{CurrentUser, Role, TeamRole};
use serde::{Deserialize, Serialize};

/// How long a sign-in that passed the password waits for its code.
pub const CHALLENGE_SECONDS: i64 = 300;
/// Codes tried against one waiting sign-in before it ends and the password is asked again.
pub const CHALLENGE_ATTEMPTS: i64 = 5;
/// Recovery codes a person gets when they set two-factor sign-in up.
pub const RECOVERY_CODES: usize = 10;
/// Characters of a recovery code: 24 of 31 letters and digits, about 119 bits, so that a
/// fast hash of it (SHA-256) is as safe to keep as a session's.
pub const RECOVERY_CODE_LEN: usize = 24;

/// Whether `user` may not act in their role before they sign in with a second factor:
/// organizers, and the owners of exhibitors' teams, who bind a company.
pub fn required_for(user: &CurrentUser) -> bool {
    user.role == Role::Organizer || user.team.is_some_and(|team| team.role == TeamRole::Owner)
}

/// Where a sign-in stands after the password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInStep {
    /// Signed in.
    SignedIn(CurrentUser),
    /// The password was right; a code from the person's authenticator app (or a recovery
    /// code) finishes it.
    CodeNeeded,
}

/// What the two-factor settings page shows its person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorStatus {
    pub enabled: bool,
    /// Organizers and owners cannot turn it off.
    pub required: bool,
    /// Unused recovery codes.
    pub recovery_codes_left: i64,
    /// A secret being set up, until a first code confirms it.
    pub setup: Option<TwoFactorSetup>,
}

/// A new secret for an authenticator app, and the recovery codes that come with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    /// In groups of four letters, for typing.
    pub secret: String,
    pub otpauth_uri: String,
    /// The URI as a QR code (SVG drawn on the server).
    pub qr_svg: String,
    pub recovery_codes: Vec<String>,
}

/// A code as typed, told apart by its shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Code {
    /// Six digits from an authenticator app.
    Totp(String),
    /// A recovery code, lowercased, without its dash and spaces.
    Recovery(String),
}

/// Reads a typed code: spaces and dashes are ignored, six digits are an app's code,
/// [`RECOVERY_CODE_LEN`] letters and digits a recovery code; None for anything else.
pub fn parse_code(typed: &str) -> Option<Code> {
    let kept: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .take(33)
        .collect();
    if kept.len() == 6 && kept.chars().all(|c| c.is_ascii_digit()) {
        Some(Code::Totp(kept))
    } else if kept.len() == RECOVERY_CODE_LEN && kept.chars().all(|c| c.is_ascii_alphanumeric()) {
        Some(Code::Recovery(kept.to_ascii_lowercase()))
    } else {
        None
    }
}

/// A recovery code as shown to its person: groups of six.
pub fn show_recovery_code(code: &str) -> String {
    code.as_bytes()
        .chunks(6)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ExhibitorId, Team, UserId};

    #[test]
    fn codes_are_told_apart_by_shape() {
        assert_eq!(parse_code(" 123 456 "), Some(Code::Totp("123456".into())));
        assert_eq!(
            parse_code("AB3DEF-6HJKMN-PQRSTU-VWXYZ2"),
            Some(Code::Recovery("ab3def6hjkmnpqrstuvwxyz2".into()))
        );
        assert_eq!(parse_code("12345"), None);
        assert_eq!(parse_code("1234567"), None);
        assert_eq!(parse_code("abcdef-ghjkmn-pqrstu-vwxyz!"), None);
        assert_eq!(parse_code("ab3de-f6hjk"), None);
        assert_eq!(parse_code(&"1".repeat(10_000)), None);
        assert_eq!(
            show_recovery_code("ab3def6hjkmnpqrstuvwxyz2"),
            "ab3def-6hjkmn-pqrstu-vwxyz2"
        );
    }

    #[test]
    fn organizers_and_owners_must_use_it() {
        let person = |role, team: Option<TeamRole>| CurrentUser {
            id: UserId(1),
            email: "a@example.com".into(),
            name: "A".into(),
            role,
            email_verified: true,
            two_factor: false,
            team: team.map(|role| Team {
                exhibitor: ExhibitorId(1),
                role,
            }),
        };
        assert!(required_for(&person(Role::Organizer, None)));
        assert!(required_for(&person(
            Role::Exhibitor,
            Some(TeamRole::Owner)
        )));
        assert!(!required_for(&person(
            Role::Exhibitor,
            Some(TeamRole::Staff)
        )));
        assert!(!required_for(&person(Role::Buyer, None)));
    }
}
