//! The booth editor's service: checks the right to edit (`domain::access`), applies the
//! shared form rules, sanitises the rich-text description (ammonia, a short allow-list of
//! tags), stores the profile with its audit entry, and makes the public pages show the change
//! at once (catalogue cache and page cache).

use crate::catalogue::cache::CachedCatalogue;
use crate::clock::now;
use crate::http::layers::page_cache::PageCache;
use crate::storage::Db;
use crate::storage::booths::StoredProfile;
use app::domain::exhibitor::BoothImage;
use app::domain::text::utc_minute;
use app::domain::{Action, AuditEntry, CurrentUser, ExhibitorId, ProfileForm, authorize};
use app::error::AppError;
use app::ports::Booths;
use std::collections::HashSet;
use std::sync::Arc;

/// How many changes the audit log shows.
const AUDIT_PAGE: i64 = 50;

pub struct BoothEditor {
    pub db: Db,
    pub catalogue: Arc<CachedCatalogue>,
    pub pages: PageCache,
}

#[async_trait::async_trait]
impl Booths for BoothEditor {
    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn get_profile_form(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<ProfileForm, AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        self.db.profile_form(exhibitor).await
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn save_profile(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        form: ProfileForm,
    ) -> Result<(), AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let valid = form.validate(this_year()).map_err(AppError::Validation)?;
        let html_en = sanitise(&valid.description_en);
        let html_zh = sanitise(&valid.description_zh);
        let profile = StoredProfile {
            text_en: plain_text(&html_en),
            text_zh: plain_text(&html_zh),
            html_en,
            html_zh,
            valid,
        };
        let slug = self.db.save_profile(exhibitor, editor.id, &profile).await?;
        self.show_changes(&slug, exhibitor);
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0, which = ?which))]
    async fn set_image(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        which: BoothImage,
        hash: &str,
    ) -> Result<(), AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let slug = self
            .db
            .set_booth_image(exhibitor, editor.id, which, hash)
            .await?;
        self.show_changes(&slug, exhibitor);
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn set_video(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
        file: &str,
        poster: &str,
    ) -> Result<(), AppError> {
        authorize(actor, Action::EditBooth(exhibitor))?;
        let editor = actor.ok_or(AppError::Unauthenticated)?;
        let slug = self
            .db
            .set_video(exhibitor, editor.id, file, poster)
            .await?;
        self.show_changes(&slug, exhibitor);
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(actor = ?actor.map(|user| user.id.0), exhibitor = exhibitor.0))]
    async fn list_audit_log(
        &self,
        actor: Option<&CurrentUser>,
        exhibitor: ExhibitorId,
    ) -> Result<Vec<AuditEntry>, AppError> {
        authorize(actor, Action::ViewTeam(exhibitor))?;
        self.db.audit_log(exhibitor, AUDIT_PAGE).await
    }
}

impl BoothEditor {
    /// Makes the public pages show a changed booth at once.
    pub(crate) fn show_changes(&self, slug: &str, exhibitor: ExhibitorId) {
        self.catalogue.forget_exhibitor(slug, exhibitor);
        self.pages.clear();
    }
}

/// The current year in UTC.
pub(crate) fn this_year() -> i64 {
    utc_minute(now())[..4].parse().unwrap_or(2026)
}

/// The HTML with only paragraphs, line breaks, emphasis, lists, small headings, quotes and
/// http(s)/mailto links left; links open without handing the page to the target.
pub fn sanitise(html: &str) -> String {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "ul",
        "ol",
        "li",
        "h3",
        "h4",
        "blockquote",
        "a",
    ]
    .into_iter()
    .collect();
    let schemes: HashSet<&str> = ["http", "https", "mailto"].into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(schemes)
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

/// The text of sanitised HTML, for meta descriptions and search: tags become spaces,
/// entities are decoded, whitespace is collapsed.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_odd_links_are_removed() {
        let dirty = r#"<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:alert(1)">a</a> <a href="https://ex.com">b</a><img src=x onerror=alert(1)><iframe></iframe></p>"#;
        let clean = sanitise(dirty);
        assert_eq!(
            clean,
            r#"<p>Hi <a rel="noopener noreferrer nofollow">a</a> <a href="https://ex.com" rel="noopener noreferrer nofollow">b</a></p>"#
        );
    }

    #[test]
    fn plain_text_reads_like_the_page() {
        assert_eq!(
            plain_text("<p>LED &amp; solar</p><ul><li>CE</li><li>RoHS</li></ul>"),
            "LED & solar CE RoHS"
        );
    }
}
