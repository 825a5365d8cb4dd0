//! Exhibitor teams as their pages show them: members, open invitations, and the forms that
//! change them, with rules shared by browser and server.

use super::access::TeamRole;
use super::{CountryCode, ExhibitorId, Localized, UserId};
use serde::{Deserialize, Serialize};

/// How long an invitation link stays valid.
pub const INVITATION_SECONDS: i64 = 7 * 24 * 3600;

/// One person of a team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub user: UserId,
    pub name: String,
    pub email: String,
    pub role: TeamRole,
}

/// An invitation not accepted yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub email: String,
    pub role: TeamRole,
    pub expires_at: i64,
}

/// An exhibitor's team and the invitations still open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamView {
    pub exhibitor: ExhibitorId,
    pub slug: String,
    pub name: Localized,
    pub members: Vec<TeamMember>,
    pub invitations: Vec<PendingInvitation>,
}

/// What an invitation link offers, shown before it is accepted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationOffer {
    pub email: String,
    pub company: Localized,
    pub role: TeamRole,
}

/// One exhibitor as the organizer's overview lists it: its booths and who runs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExhibitorOnboarding {
    pub exhibitor: ExhibitorId,
    pub slug: String,
    pub name: Localized,
    pub country: CountryCode,
    /// Codes of the booths assigned to it.
    pub booths: Vec<String>,
    /// The owner's name and address, once an invitation was accepted.
    pub owner: Option<(String, String)>,
    /// The address of the owner's invitation while one is open.
    pub invited: Option<String>,
}
