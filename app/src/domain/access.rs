//! Who may do what. Every service on the server calls [`authorize`] before it reads or writes
//! anything that is not public; the interface may hide what a person cannot do, but that is
//! never the check. A visitor (no session) gets `Unauthenticated` (401), a person without the
//! right `Forbidden` (403), and a buyer who has the right but has not verified their e-mail
//! address `Unverified` (403): what a buyer does reaches an exhibitor (a message, an inquiry,
//! a meeting request, a signature), so it needs an address that answers. Organizers and the
//! owners of exhibitors' teams act in their role only once they sign in with a second factor
//! (`TwoFactorRequired`, 403).

use super::{CurrentUser, ExhibitorId, Role, UserId};
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// A person's place in an exhibitor's team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TeamRole {
    Owner,
    Staff,
}

impl TeamRole {
    pub fn as_str(self) -> &'static str {
        match self {
            TeamRole::Owner => "owner",
            TeamRole::Staff => "staff",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [TeamRole::Owner, TeamRole::Staff]
            .into_iter()
            .find(|role| role.as_str() == s)
    }
}

/// The exhibitor a person works for, and as what.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub exhibitor: ExhibitorId,
    pub role: TeamRole,
}

/// Everything that needs more than being a visitor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Read the mail the platform has sent or will send (the demo's outbox).
    ReadOutbox,
    /// Read the reports of conversations.
    ReadReports,
    /// Invite an exhibitor company and assign its booths.
    InviteExhibitor,
    /// See who works for an exhibitor and who is invited.
    ViewTeam(ExhibitorId),
    /// Invite or remove the staff of an exhibitor.
    ManageTeam(ExhibitorId),
    /// Change an exhibitor's booth: profile, media, products.
    EditBooth(ExhibitorId),
    /// Start a conversation with an exhibitor's team, or send it an inquiry (buyers do).
    ContactExhibitor(ExhibitorId),
    /// Read and write a conversation, and see an inquiry or an order: its buyer, or anyone
    /// in the exhibitor's team.
    Negotiate {
        buyer: UserId,
        exhibitor: ExhibitorId,
    },
    /// Quote, confirm and ship for an exhibitor: anyone in its team.
    Sell(ExhibitorId),
    /// Answer a quotation, confirm receipt, sign as the buyer: that buyer alone.
    Buy(UserId),
    /// Sign a contract for an exhibitor: the owner of its team, who binds the company.
    SignFor(ExhibitorId),
    /// Go live for an exhibitor: publish its streams and make its stream key (its team).
    GoLive(ExhibitorId),
}

/// Whether `actor` (None for a visitor) may do `action`.
pub fn authorize(actor: Option<&CurrentUser>, action: Action) -> Result<(), AppError> {
    let user = actor.ok_or(AppError::Unauthenticated)?;
    let organizer = user.role == Role::Organizer;
    let team_of = |exhibitor: ExhibitorId| user.team.filter(|team| team.exhibitor == exhibitor);
    let allowed = match action {
        Action::ReadOutbox | Action::ReadReports | Action::InviteExhibitor => organizer,
        Action::ManageTeam(exhibitor) => {
            organizer || team_of(exhibitor).is_some_and(|team| team.role == TeamRole::Owner)
        }
        Action::ViewTeam(exhibitor) => organizer || team_of(exhibitor).is_some(),
        Action::EditBooth(exhibitor) | Action::Sell(exhibitor) | Action::GoLive(exhibitor) => {
            team_of(exhibitor).is_some()
        }
        Action::ContactExhibitor(_) => user.role == Role::Buyer,
        Action::Negotiate { buyer, exhibitor } => user.id == buyer || team_of(exhibitor).is_some(),
        Action::Buy(buyer) => user.id == buyer,
        Action::SignFor(exhibitor) => {
            team_of(exhibitor).is_some_and(|team| team.role == TeamRole::Owner)
        }
    };
    if !allowed {
        Err(AppError::Forbidden)
    } else if super::two_factor::required_for(user) && !user.two_factor {
        Err(AppError::TwoFactorRequired)
    } else if needs_verified_address(action) && !user.email_verified {
        Err(AppError::Unverified)
    } else {
        Ok(())
    }
}

/// Whether `action` reaches an exhibitor in the buyer's name, so that the buyer's address
/// must have been verified first.
fn needs_verified_address(action: Action) -> bool {
    matches!(action, Action::ContactExhibitor(_) | Action::Buy(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UserId;

    fn person(id: i64, role: Role, team: Option<(i64, TeamRole)>) -> CurrentUser {
        CurrentUser {
            id: UserId(id),
            email: "a@example.com".into(),
            name: "A".into(),
            role,
            email_verified: true,
            two_factor: true,
            team: team.map(|(exhibitor, role)| Team {
                exhibitor: ExhibitorId(exhibitor),
                role,
            }),
        }
    }

    #[test]
    fn each_role_gets_exactly_its_rights() {
        let mine = ExhibitorId(7);
        let organizer = person(1, Role::Organizer, None);
        let buyer = person(2, Role::Buyer, None);
        let owner = person(3, Role::Exhibitor, Some((7, TeamRole::Owner)));
        let staff = person(4, Role::Exhibitor, Some((7, TeamRole::Staff)));
        let other_owner = person(5, Role::Exhibitor, Some((8, TeamRole::Owner)));
        let conversation = Action::Negotiate {
            buyer: buyer.id,
            exhibitor: mine,
        };
        let someone_elses = Action::Negotiate {
            buyer: UserId(99),
            exhibitor: ExhibitorId(8),
        };
        let cases = [
            (Action::ReadOutbox, [401, 403, 403, 403, 403, 200]),
            (Action::ReadReports, [401, 403, 403, 403, 403, 200]),
            (Action::InviteExhibitor, [401, 403, 403, 403, 403, 200]),
            (Action::ViewTeam(mine), [401, 403, 403, 200, 200, 200]),
            (Action::ManageTeam(mine), [401, 403, 403, 403, 200, 200]),
            (Action::EditBooth(mine), [401, 403, 403, 200, 200, 403]),
            (
                Action::ContactExhibitor(mine),
                [401, 200, 403, 403, 403, 403],
            ),
            (Action::Sell(mine), [401, 403, 403, 200, 200, 403]),
            (Action::Buy(buyer.id), [401, 200, 403, 403, 403, 403]),
            (Action::SignFor(mine), [401, 403, 403, 403, 200, 403]),
            (Action::GoLive(mine), [401, 403, 403, 200, 200, 403]),
            (conversation, [401, 200, 403, 200, 200, 403]),
            (someone_elses, [401, 403, 200, 403, 403, 403]),
        ];
        for (action, expected) in cases {
            let actors = [
                None,
                Some(&buyer),
                Some(&other_owner),
                Some(&staff),
                Some(&owner),
                Some(&organizer),
            ];
            let got =
                actors.map(|actor| authorize(actor, action).map_or_else(|e| e.status(), |()| 200));
            assert_eq!(got, expected, "{action:?}");
        }
    }

    #[test]
    fn organizers_and_owners_act_only_with_a_second_factor() {
        let without = |user: CurrentUser| CurrentUser {
            two_factor: false,
            ..user
        };
        let mine = ExhibitorId(7);
        let organizer = without(person(1, Role::Organizer, None));
        let owner = without(person(3, Role::Exhibitor, Some((7, TeamRole::Owner))));
        let staff = without(person(4, Role::Exhibitor, Some((7, TeamRole::Staff))));
        let buyer = without(person(2, Role::Buyer, None));
        let required = Err(AppError::TwoFactorRequired);
        assert_eq!(authorize(Some(&organizer), Action::ReadOutbox), required);
        assert_eq!(authorize(Some(&owner), Action::EditBooth(mine)), required);
        assert_eq!(authorize(Some(&owner), Action::SignFor(mine)), required);
        // What the role never allowed stays forbidden; staff and buyers may go without.
        assert_eq!(
            authorize(Some(&owner), Action::ReadOutbox),
            Err(AppError::Forbidden)
        );
        assert_eq!(authorize(Some(&staff), Action::EditBooth(mine)), Ok(()));
        assert_eq!(authorize(Some(&buyer), Action::Buy(buyer.id)), Ok(()));
    }

    #[test]
    fn an_unverified_buyer_browses_but_does_not_write() {
        let buyer = CurrentUser {
            email_verified: false,
            ..person(2, Role::Buyer, None)
        };
        let mine = ExhibitorId(7);
        for action in [Action::ContactExhibitor(mine), Action::Buy(buyer.id)] {
            assert_eq!(
                authorize(Some(&buyer), action),
                Err(AppError::Unverified),
                "{action:?}"
            );
        }
        // What the buyer may not do at all stays forbidden, verified or not.
        assert_eq!(
            authorize(Some(&buyer), Action::Sell(mine)),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(Some(&buyer), Action::Buy(UserId(99))),
            Err(AppError::Forbidden)
        );
    }
}
