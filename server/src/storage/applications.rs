//! Exhibitor applications over SQL: storing one with its acknowledgement mail, the organizer's
//! list of pending ones, and deciding: approving creates the exhibitor and the owner's
//! invitation in one transaction; declining mails the reason.

use super::Db;
use super::outbox::insert_mail;
use super::rows::named_columns;
use super::teams::{Invitation, insert_invitation};
use crate::clock::now;
use app::domain::application::slug_for;
use app::domain::{
    Application, ApplicationId, CountryCode, ExhibitorId, Localized, Page, TeamRole, UserId,
};
use app::domain::{ValidApplication, team::INVITATION_SECONDS};
use app::error::AppError;
use app::error::ErrorCode;
use sqlx::Row;

/// A mail's subject and text.
pub type Mail<'a> = (&'a str, &'a str);

impl Db {
    /// Stores a pending application and the mail that confirms it. `section` unknown gives a
    /// field error; a second pending application from one address `Conflict("application_pending")`.
    pub async fn insert_application(
        &self,
        form: &ValidApplication,
        locale: &str,
        mail: Mail<'_>,
    ) -> Result<i64, AppError> {
        let mut tx = self.begin_write().await?;
        let section: i64 = sqlx::query_scalar("SELECT id FROM sections WHERE slug = $1")
            .bind(&form.section)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| AppError::invalid("section", ErrorCode::ChooseOne))?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO exhibitor_applications (company_en, company_zh, country, section_id, \
             year_founded, staff_size, contact_name, email, website, message, locale, submitted_at, status) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'pending') RETURNING id",
        )
        .bind(&form.company.en)
        .bind(&form.company.zh)
        .bind(form.country.as_str())
        .bind(section)
        .bind(form.year_founded)
        .bind(form.staff_size)
        .bind(&form.contact_name)
        .bind(&form.email)
        .bind(&form.website)
        .bind(&form.message)
        .bind(locale)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Conflict(ErrorCode::ApplicationPending)
            }
            _ => AppError::from(error),
        })?;
        insert_mail(&mut tx, &form.email, mail).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Up to `limit` pending applications after id `after`, oldest first.
    pub async fn pending_applications(
        &self,
        after: i64,
        limit: usize,
    ) -> Result<Page<Application>, AppError> {
        let rows = sqlx::query(&format!(
            "{APPLICATION_SELECT} WHERE a.status = 'pending' AND a.id > $1 ORDER BY a.id LIMIT $2"
        ))
        .bind(after)
        .bind(limit as i64 + 1)
        .fetch_all(&self.pool)
        .await?;
        let items = rows
            .iter()
            .map(application_of)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page::from_rows(items, limit, |a| a.id.0))
    }

    /// A pending application and the language its applicant wrote in; `NotFound` when there
    /// is none, `Conflict("application_decided")` when it was approved or declined already.
    pub async fn pending_application(&self, id: i64) -> Result<(Application, String), AppError> {
        let row = sqlx::query(&format!("{APPLICATION_SELECT} WHERE a.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(AppError::NotFound)?;
        let status: String = row.try_get("status")?;
        if status != "pending" {
            return Err(AppError::Conflict(ErrorCode::ApplicationDecided));
        }
        Ok((application_of(&row)?, row.try_get("locale")?))
    }

    /// Approves a pending application: the exhibitor (in the application's section, with a
    /// free directory address), the invitation of its owner with its mail, the fair's
    /// exhibitor count, all or nothing. Returns the new exhibitor's id and address.
    pub async fn approve_application(
        &self,
        application: &Application,
        organizer: UserId,
        invitation: (&str, Mail<'_>),
    ) -> Result<(ExhibitorId, String), AppError> {
        let mut tx = self.begin_write().await?;
        decide(&mut tx, application.id.0, organizer, "approved").await?;
        let (session, category, section): (i64, i64, i64) = sqlx::query_as(
            "SELECT f.id, s.category_id, s.id FROM exhibitor_applications a \
             JOIN sections s ON s.id = a.section_id \
             JOIN fair_sessions f ON f.is_current = 1 WHERE a.id = $1 ORDER BY f.id DESC LIMIT 1",
        )
        .bind(application.id.0)
        .fetch_one(&mut *tx)
        .await?;
        let base = slug_for(&application.company.en);
        let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM exhibitors WHERE slug = $1")
            .bind(&base)
            .fetch_optional(&mut *tx)
            .await?;
        let slug = match taken {
            Some(_) => format!("{base}-{}", application.id),
            None => base,
        };
        let exhibitor: i64 = sqlx::query_scalar(
            "INSERT INTO exhibitors (session_id, slug, name_en, name_zh, country, year_founded, \
             staff_size, main_markets, certifications, verified, description_en, description_zh, \
             category_id, section_id, product_count, website) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, '', '', 0, '', '', $8, $9, 0, $10) RETURNING id",
        )
        .bind(session)
        .bind(&slug)
        .bind(&application.company.en)
        .bind(&application.company.zh)
        .bind(application.country.as_str())
        .bind(application.year_founded)
        .bind(application.staff_size)
        .bind(category)
        .bind(section)
        .bind(&application.website)
        .fetch_one(&mut *tx)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Conflict(ErrorCode::SlugTaken)
            }
            _ => AppError::from(error),
        })?;
        sqlx::query("UPDATE exhibitor_applications SET exhibitor_id = $1 WHERE id = $2")
            .bind(exhibitor)
            .bind(application.id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE fair_sessions SET exhibitor_count = exhibitor_count + 1 WHERE id = $1")
            .bind(session)
            .execute(&mut *tx)
            .await?;
        let (fingerprint, mail) = invitation;
        let owner = Invitation {
            email: application.email.clone(),
            exhibitor: ExhibitorId(exhibitor),
            role: TeamRole::Owner,
        };
        let expires_at = now() + INVITATION_SECONDS;
        insert_invitation(&mut tx, &owner, organizer, (fingerprint, expires_at), mail).await?;
        tx.commit().await?;
        Ok((ExhibitorId(exhibitor), slug))
    }

    /// Declines a pending application and mails the applicant why.
    pub async fn decline_application(
        &self,
        application: &Application,
        organizer: UserId,
        mail: Mail<'_>,
    ) -> Result<(), AppError> {
        let mut tx = self.begin_write().await?;
        decide(&mut tx, application.id.0, organizer, "declined").await?;
        insert_mail(&mut tx, &application.email, mail).await?;
        tx.commit().await.map_err(AppError::from)
    }
}

const APPLICATION_SELECT: &str = "SELECT a.id, a.company_en, a.company_zh, a.country, \
     s.name_en AS section_en, s.name_zh AS section_zh, s.names AS section_names, \
     a.year_founded, a.staff_size, a.contact_name, a.email, a.website, a.message, a.submitted_at, a.status, a.locale \
     FROM exhibitor_applications a JOIN sections s ON s.id = a.section_id";

/// Marks a pending application decided inside `tx`; `Conflict("application_decided")` when
/// another decision came first.
async fn decide(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    organizer: UserId,
    status: &str,
) -> Result<(), AppError> {
    let done = sqlx::query(
        "UPDATE exhibitor_applications SET status = $1, decided_by = $2, decided_at = $3 \
         WHERE id = $4 AND status = 'pending'",
    )
    .bind(status)
    .bind(organizer.0)
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(AppError::Conflict(ErrorCode::ApplicationDecided))
    }
}

fn application_of(row: &sqlx::any::AnyRow) -> Result<Application, AppError> {
    let text = |column: &str| row.try_get::<String, _>(column).map_err(AppError::from);
    let number = |column: &str| row.try_get::<i64, _>(column).map_err(AppError::from);
    let country = text("country")?;
    Ok(Application {
        id: ApplicationId(number("id")?),
        company: Localized::new(text("company_en")?, text("company_zh")?),
        country: CountryCode::parse(&country)
            .ok_or_else(|| AppError::internal(format!("unknown country {country:?}")))?,
        section: named_columns(row, "section")?,
        year_founded: number("year_founded")?,
        staff_size: number("staff_size")?,
        contact_name: text("contact_name")?,
        email: text("email")?,
        website: text("website")?,
        message: text("message")?,
        submitted_at: number("submitted_at")?,
    })
}
