//! Exhibitor teams over SQL: who works for which exhibitor, as owner or staff, and the
//! invitations that bring people in.

use super::Db;
use super::accounts::{NewUser, insert_user};
use super::outbox::insert_mail;
use crate::clock::now;
use app::domain::{
    BusinessType, CountryCode, ExhibitorId, ExhibitorOnboarding, InvitationOffer, Localized, Page,
    PendingInvitation, Role, TeamMember, TeamRole, TeamView, UserId,
};
use app::error::AppError;
use app::error::ErrorCode;
use app::i18n::Locale;
use sqlx::Row;

impl Db {
    /// Adds a person to an exhibitor's team; `Conflict("already_in_a_team")` when they work
    /// for an exhibitor already.
    pub async fn add_team_member(
        &self,
        user: UserId,
        exhibitor: ExhibitorId,
        role: TeamRole,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO team_members (user_id, exhibitor_id, team_role, added_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(user.0)
        .bind(exhibitor.0)
        .bind(role.as_str())
        .bind(now())
        .execute(&self.pool)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Conflict(ErrorCode::AlreadyInATeam)
            }
            _ => AppError::from(error),
        })?;
        Ok(())
    }

    /// The lowest and the highest exhibitor id (the demo exhibitors' own booths).
    pub async fn exhibitor_id_range(&self) -> Result<(ExhibitorId, ExhibitorId), AppError> {
        let (first, last): (Option<i64>, Option<i64>) =
            sqlx::query_as("SELECT MIN(id), MAX(id) FROM exhibitors")
                .fetch_one(&self.pool)
                .await?;
        first
            .zip(last)
            .map(|(first, last)| (ExhibitorId(first), ExhibitorId(last)))
            .ok_or(AppError::NotFound)
    }
}

/// Stores an invitation and its mail inside `tx`.
pub(super) async fn insert_invitation(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    invitation: &Invitation,
    invited_by: UserId,
    (fingerprint, expires_at): (&str, i64),
    mail: (&str, &str),
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO invitations (token_hash, email, exhibitor_id, team_role, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(fingerprint)
    .bind(&invitation.email)
    .bind(invitation.exhibitor.0)
    .bind(invitation.role.as_str())
    .bind(invited_by.0)
    .bind(now())
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    insert_mail(tx, &invitation.email, mail).await
}

/// An invitation as accepting it needs it.
pub struct Invitation {
    pub email: String,
    pub exhibitor: ExhibitorId,
    pub role: TeamRole,
}

impl Db {
    /// The id of the exhibitor with this slug.
    pub async fn exhibitor_id(&self, slug: &str) -> Result<ExhibitorId, AppError> {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM exhibitors WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        id.map(ExhibitorId).ok_or(AppError::NotFound)
    }

    /// Stores an invitation and its mail, together.
    pub async fn create_invitation(
        &self,
        invitation: &Invitation,
        invited_by: UserId,
        (fingerprint, expires_at): (&str, i64),
        mail: (&str, &str),
    ) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        insert_invitation(
            &mut tx,
            invitation,
            invited_by,
            (fingerprint, expires_at),
            mail,
        )
        .await?;
        tx.commit().await.map_err(AppError::from)
    }

    /// What an open invitation offers; `NotFound` when it is unknown, accepted or expired.
    pub async fn invitation_offer(&self, fingerprint: &str) -> Result<InvitationOffer, AppError> {
        let row = sqlx::query(
            "SELECT i.email, e.name_en, e.name_zh, i.team_role FROM invitations i \
             JOIN exhibitors e ON e.id = i.exhibitor_id \
             WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > $2",
        )
        .bind(fingerprint)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(AppError::NotFound)?;
        Ok(InvitationOffer {
            email: row.try_get(0)?,
            company: Localized::new(row.try_get::<String, _>(1)?, row.try_get::<String, _>(2)?),
            role: team_role(&row.try_get::<String, _>(3)?)?,
        })
    }

    /// Accepts an invitation: creates the invited person's account (address verified by the
    /// link) and adds it to the team, all or nothing. `NotFound` for an unknown, accepted or
    /// expired link; `Conflict("email_taken")` when the address has an account already.
    pub async fn accept_invitation(
        &self,
        fingerprint: &str,
        name: &str,
        password_hash: &str,
        language: Locale,
    ) -> Result<UserId, AppError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "UPDATE invitations SET accepted_at = $1 \
             WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $1 \
             RETURNING email, exhibitor_id, team_role",
        )
        .bind(now())
        .bind(fingerprint)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
        let email: String = row.try_get(0)?;
        let exhibitor: i64 = row.try_get(1)?;
        let role = team_role(&row.try_get::<String, _>(2)?)?;
        let (company, country): (String, String) =
            sqlx::query_as("SELECT name_en, country FROM exhibitors WHERE id = $1")
                .bind(exhibitor)
                .fetch_one(&mut *tx)
                .await?;
        let user = NewUser {
            email: &email,
            password_hash,
            name,
            company: &company,
            country: CountryCode::parse(&country)
                .ok_or_else(|| AppError::internal(format!("unknown country {country:?}")))?,
            business_type: BusinessType::Manufacturer,
            role: Role::Exhibitor,
            language,
        };
        let id = insert_user(&mut tx, &user, Some(now())).await?;
        sqlx::query(
            "INSERT INTO team_members (user_id, exhibitor_id, team_role, added_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id.0)
        .bind(exhibitor)
        .bind(role.as_str())
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// An exhibitor's team and its open invitations.
    pub async fn team(&self, exhibitor: ExhibitorId) -> Result<TeamView, AppError> {
        let (slug, name_en, name_zh): (String, String, String) =
            sqlx::query_as("SELECT slug, name_en, name_zh FROM exhibitors WHERE id = $1")
                .bind(exhibitor.0)
                .fetch_optional(&self.pool)
                .await?
                .ok_or(AppError::NotFound)?;
        let members = sqlx::query(
            "SELECT u.id, u.name, u.email, t.team_role FROM team_members t \
             JOIN users u ON u.id = t.user_id WHERE t.exhibitor_id = $1 \
             ORDER BY t.team_role, u.name",
        )
        .bind(exhibitor.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(TeamMember {
                user: UserId(row.try_get(0)?),
                name: row.try_get(1)?,
                email: row.try_get(2)?,
                role: team_role(&row.try_get::<String, _>(3)?)?,
            })
        })
        .collect::<Result<_, AppError>>()?;
        let invitations = sqlx::query(
            "SELECT email, team_role, expires_at FROM invitations \
             WHERE exhibitor_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY created_at",
        )
        .bind(exhibitor.0)
        .bind(now())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(PendingInvitation {
                email: row.try_get(0)?,
                role: team_role(&row.try_get::<String, _>(1)?)?,
                expires_at: row.try_get(2)?,
            })
        })
        .collect::<Result<_, AppError>>()?;
        Ok(TeamView {
            exhibitor,
            slug,
            name: Localized::new(name_en, name_zh),
            members,
            invitations,
        })
    }

    /// Ends the open invitations of `email` to `exhibitor`'s team, so their links no longer
    /// work; `NotFound` when there is none.
    pub async fn revoke_invitations(
        &self,
        exhibitor: ExhibitorId,
        email: &str,
    ) -> Result<(), AppError> {
        let revoked = sqlx::query(
            "DELETE FROM invitations WHERE exhibitor_id = $1 AND email = $2 AND accepted_at IS NULL",
        )
        .bind(exhibitor.0)
        .bind(email)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if revoked == 0 {
            return Err(AppError::NotFound);
        }
        Ok(())
    }

    /// Removes a staff member from an exhibitor's team and ends their sessions; `NotFound`
    /// when they are not staff of that exhibitor (an owner is never removed this way).
    pub async fn remove_staff(&self, exhibitor: ExhibitorId, user: UserId) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query(
            "DELETE FROM team_members WHERE exhibitor_id = $1 AND user_id = $2 AND team_role = 'staff'",
        )
        .bind(exhibitor.0)
        .bind(user.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if removed == 0 {
            return Err(AppError::NotFound);
        }
        sqlx::query("DELETE FROM user_sessions WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await.map_err(AppError::from)
    }
}

fn team_role(stored: &str) -> Result<TeamRole, AppError> {
    TeamRole::parse(stored)
        .ok_or_else(|| AppError::internal(format!("unknown team role {stored:?}")))
}

impl Db {
    /// Up to `limit` exhibitors after `after` in id order, with their booths, owner and open
    /// owner invitation.
    pub async fn onboarding(
        &self,
        after: i64,
        limit: usize,
    ) -> Result<Page<ExhibitorOnboarding>, AppError> {
        let rows = sqlx::query(
            "SELECT e.id, e.slug, e.name_en, e.name_zh, e.country, u.name, u.email, \
             (SELECT MIN(i.email) FROM invitations i WHERE i.exhibitor_id = e.id \
                  AND i.team_role = 'owner' AND i.accepted_at IS NULL AND i.expires_at > $3) \
             FROM exhibitors e \
             LEFT JOIN team_members t ON t.exhibitor_id = e.id AND t.team_role = 'owner' \
             LEFT JOIN users u ON u.id = t.user_id \
             WHERE e.id > $1 ORDER BY e.id LIMIT $2",
        )
        .bind(after)
        .bind(limit as i64 + 1)
        .bind(now())
        .fetch_all(&self.pool)
        .await?;
        let mut items = rows
            .iter()
            .map(|row| {
                let country: String = row.try_get(4)?;
                let owner: Option<String> = row.try_get(5)?;
                let email: Option<String> = row.try_get(6)?;
                Ok(ExhibitorOnboarding {
                    exhibitor: ExhibitorId(row.try_get(0)?),
                    slug: row.try_get(1)?,
                    name: Localized::new(
                        row.try_get::<String, _>(2)?,
                        row.try_get::<String, _>(3)?,
                    ),
                    country: CountryCode::parse(&country).ok_or_else(|| {
                        AppError::internal(format!("unknown country {country:?}"))
                    })?,
                    booths: Vec::new(),
                    owner: owner.zip(email),
                    invited: row.try_get(7)?,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        if let (Some(first), Some(last)) = (items.first(), items.last()) {
            let booths: Vec<(i64, String)> = sqlx::query_as(
                "SELECT exhibitor_id, code FROM booths WHERE exhibitor_id >= $1 AND exhibitor_id <= $2 ORDER BY code",
            )
            .bind(first.exhibitor.0)
            .bind(last.exhibitor.0)
            .fetch_all(&self.pool)
            .await?;
            for item in &mut items {
                item.booths = booths
                    .iter()
                    .filter(|(exhibitor, _)| *exhibitor == item.exhibitor.0)
                    .map(|(_, code)| code.clone())
                    .collect();
            }
        }
        Ok(Page::from_rows(items, limit, |item| item.exhibitor.0))
    }
}
