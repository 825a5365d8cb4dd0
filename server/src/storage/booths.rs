//! The booth editor over SQL: the profile's editable fields, saving them with an audit entry
//! in the same transaction, and reading the audit log.

use super::Db;
use super::audit::{Audit, Audited, change};
use super::rows::list;
use app::domain::exhibitor::BoothImage;
use app::domain::translations::{named, stored_names};
use app::domain::{ExhibitorId, Localized, ProfileForm, UserId, ValidProfile};
use app::error::AppError;
use app::i18n::Locale;
use leptos_i18n::Locale as _;
use sqlx::Row;

/// A profile ready to store: validated, its HTML sanitised in every language, the plain text
/// of its English and Chinese derived (the columns the catalogue's summaries read).
pub struct StoredProfile {
    pub valid: ValidProfile,
    pub html: Localized,
    pub text_en: String,
    pub text_zh: String,
}

const PROFILE_COLUMNS: &str = "description_html_en, description_en, description_html_zh, \
    description_zh, year_founded, staff_size, main_markets, certifications, contact_email, \
    contact_phone, website, descriptions";

impl Db {
    /// The profile as its form shows it.
    pub async fn profile_form(&self, exhibitor: ExhibitorId) -> Result<ProfileForm, AppError> {
        let row = sqlx::query(&format!(
            "SELECT {PROFILE_COLUMNS} FROM exhibitors WHERE id = $1"
        ))
        .bind(exhibitor.0)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(AppError::NotFound)?;
        form_of(&row)
    }

    /// Saves a profile and logs each changed field; returns the exhibitor's slug.
    pub async fn save_profile(
        &self,
        exhibitor: ExhibitorId,
        by: UserId,
        profile: &StoredProfile,
    ) -> Result<String, AppError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "SELECT {PROFILE_COLUMNS}, slug FROM exhibitors WHERE id = $1"
        ))
        .bind(exhibitor.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
        let before = form_of(&row)?;
        let slug: String = row.try_get(12)?;
        let valid = &profile.valid;
        sqlx::query(
            "UPDATE exhibitors SET description_html_en = $1, description_html_zh = $2, \
             description_en = $3, description_zh = $4, year_founded = $5, staff_size = $6, \
             main_markets = $7, certifications = $8, contact_email = $9, contact_phone = $10, \
             website = $11, descriptions = $12 WHERE id = $13",
        )
        .bind(&profile.html.en)
        .bind(&profile.html.zh)
        .bind(&profile.text_en)
        .bind(&profile.text_zh)
        .bind(valid.year_founded)
        .bind(valid.staff_size)
        .bind(valid.main_markets.join("|"))
        .bind(valid.certifications.join("|"))
        .bind(&valid.contact_email)
        .bind(&valid.contact_phone)
        .bind(&valid.website)
        .bind(stored_names(&profile.html))
        .bind(exhibitor.0)
        .execute(&mut *tx)
        .await?;
        let mut after = ProfileForm {
            year_founded: valid.year_founded.to_string(),
            staff_size: valid.staff_size.to_string(),
            main_markets: valid.main_markets.join(", "),
            certifications: valid.certifications.join(", "),
            contact_email: valid.contact_email.clone(),
            contact_phone: valid.contact_phone.clone(),
            website: valid.website.clone(),
            ..ProfileForm::default()
        };
        after.set_descriptions(&profile.html);
        let changes = changed_fields(&before, &after);
        Audit { exhibitor, by }
            .updated(&mut tx, Audited::Profile(exhibitor), &changes)
            .await?;
        tx.commit().await?;
        Ok(slug)
    }

    /// Sets an exhibitor's logo or banner and logs the change; returns the exhibitor's slug.
    pub async fn set_booth_image(
        &self,
        exhibitor: ExhibitorId,
        by: UserId,
        which: BoothImage,
        hash: &str,
    ) -> Result<String, AppError> {
        let column = match which {
            BoothImage::Logo => "logo_hash",
            BoothImage::Banner => "banner_hash",
        };
        let mut tx = self.begin_write().await?;
        let (slug, before): (String, Option<String>) = sqlx::query_as(&format!(
            "SELECT slug, {column} FROM exhibitors WHERE id = $1"
        ))
        .bind(exhibitor.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
        sqlx::query(&format!(
            "UPDATE exhibitors SET {column} = $1 WHERE id = $2"
        ))
        .bind(hash)
        .bind(exhibitor.0)
        .execute(&mut *tx)
        .await?;
        let changes = change(which.name(), before.unwrap_or_default(), hash);
        Audit { exhibitor, by }
            .updated(&mut tx, Audited::Profile(exhibitor), &changes)
            .await?;
        tx.commit().await?;
        Ok(slug)
    }

    /// Sets an exhibitor's video and its poster and logs the change; returns the slug.
    pub async fn set_video(
        &self,
        exhibitor: ExhibitorId,
        by: UserId,
        file: &str,
        poster: &str,
    ) -> Result<String, AppError> {
        let mut tx = self.begin_write().await?;
        let (slug, before): (String, Option<String>) =
            sqlx::query_as("SELECT slug, video_file FROM exhibitors WHERE id = $1")
                .bind(exhibitor.0)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
        sqlx::query("UPDATE exhibitors SET video_file = $1, poster_hash = $2 WHERE id = $3")
            .bind(file)
            .bind(poster)
            .bind(exhibitor.0)
            .execute(&mut *tx)
            .await?;
        let changes = change("video", before.unwrap_or_default(), file);
        Audit { exhibitor, by }
            .updated(&mut tx, Audited::Profile(exhibitor), &changes)
            .await?;
        tx.commit().await?;
        Ok(slug)
    }
}

fn form_of(row: &sqlx::any::AnyRow) -> Result<ProfileForm, AppError> {
    let text = |i: usize| row.try_get::<String, _>(i).map_err(AppError::from);
    let number = |i: usize| row.try_get::<i64, _>(i).map_err(AppError::from);
    // A description never edited is plain text: it becomes one escaped paragraph.
    let rich = |i: usize| -> Result<String, AppError> {
        match row.try_get::<Option<String>, _>(i)? {
            Some(html) => Ok(html),
            None => Ok(paragraph(&text(i + 1)?)),
        }
    };
    let descriptions = row.try_get::<Option<String>, _>(11)?;
    let mut form = ProfileForm {
        year_founded: number(4)?.to_string(),
        staff_size: number(5)?.to_string(),
        main_markets: list(&text(6)?).join(", "),
        certifications: list(&text(7)?).join(", "),
        contact_email: text(8)?,
        contact_phone: text(9)?,
        website: text(10)?,
        ..ProfileForm::default()
    };
    form.set_descriptions(&named(rich(0)?, rich(2)?, descriptions.as_deref()));
    Ok(form)
}

/// Plain text as one HTML paragraph, escaped; empty text stays empty.
fn paragraph(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("<p>{escaped}</p>")
}

/// Field, before, after, for each field that differs.
fn changed_fields(before: &ProfileForm, after: &ProfileForm) -> Vec<(String, String, String)> {
    let (old, new) = (before.descriptions(), after.descriptions());
    let descriptions = Locale::get_all().iter().map(|locale| {
        (
            ProfileForm::description_field(*locale),
            old.written(*locale),
            new.written(*locale),
        )
    });
    let others = [
        ("year_founded", &before.year_founded, &after.year_founded),
        ("staff_size", &before.staff_size, &after.staff_size),
        ("main_markets", &before.main_markets, &after.main_markets),
        (
            "certifications",
            &before.certifications,
            &after.certifications,
        ),
        ("contact_email", &before.contact_email, &after.contact_email),
        ("contact_phone", &before.contact_phone, &after.contact_phone),
        ("website", &before.website, &after.website),
    ]
    .map(|(field, old, new)| (field.to_owned(), old.as_str(), new.as_str()));
    descriptions
        .chain(others)
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| (field, old.to_owned(), new.to_owned()))
        .collect()
}
