//! The catalogue port over SQL: every query is an index lookup or a bounded range scan, so
//! pages stay fast at Canton scale (2.35 million products).

mod details;

use super::Db;
use super::rows::{
    BoothRow, CategoryRow, ExhibitorProfileRow, ExhibitorRow, ProductSummaryRow, list,
};
use crate::rich_text::plain_text;
use app::domain::exhibitor::{Video, uploaded_logo};
use app::domain::product::{LARGE_SIDE, uploaded_file, uploaded_image};
use app::domain::translations::{MORE_LANGUAGES, named};
use app::domain::{
    CategoryDetail, CategorySummary, Contact, Counters, Cursor, DirectoryFilter, ExhibitorId,
    ExhibitorProfile, ExhibitorSummary, FairSession, HallMap, Localized, Page, Phase,
    ProductDetail, ProductId, ProductSummary, SectionDetail, SectionSummary, SessionId,
};
use app::error::AppError;
use app::ports::Catalogue;
use sqlx::{FromRow, Row};

pub(crate) const PRODUCT_SUMMARY_COLUMNS: &str = "p.id, p.title_en, p.title_zh, p.price_min_cents, p.price_max_cents, \
     p.currency, p.moq, p.unit_en, p.unit_zh, p.is_new, p.cover_hash, p.translations, \
     e.name_en AS exhibitor_name_en, e.name_zh AS exhibitor_name_zh";

const EXHIBITOR_COLUMNS: &str =
    "e.id, e.slug, e.name_en, e.name_zh, e.country, e.verified, e.year_founded";

#[async_trait::async_trait]
impl Catalogue for Db {
    async fn get_current_session(&self) -> Result<FairSession, AppError> {
        let row = sqlx::query(
            "SELECT id, slug, name_en, name_zh, names, starts_on, ends_on, phase, exhibitor_count, booth_count, \
             product_count, new_product_count FROM fair_sessions WHERE is_current = 1 ORDER BY id DESC LIMIT 1",
        )
        .fetch_optional(&self.reads)
        .await?
        .ok_or(AppError::NotFound)?;
        let phase: String = row.try_get("phase")?;
        let get = |name: &str| row.try_get::<i64, _>(name).map_err(AppError::from);
        let text = |name: &str| row.try_get::<String, _>(name).map_err(AppError::from);
        Ok(FairSession {
            id: SessionId(get("id")?),
            slug: text("slug")?,
            name: named(
                text("name_en")?,
                text("name_zh")?,
                row.try_get::<Option<String>, _>("names")?.as_deref(),
            ),
            starts_on: text("starts_on")?,
            ends_on: text("ends_on")?,
            phase: Phase::parse(&phase)
                .ok_or_else(|| AppError::internal(format!("unknown phase {phase:?}")))?,
            counters: Counters {
                exhibitors: get("exhibitor_count")?,
                booths: get("booth_count")?,
                products: get("product_count")?,
                new_products: get("new_product_count")?,
            },
        })
    }

    async fn list_categories(&self) -> Result<Vec<CategorySummary>, AppError> {
        let rows: Vec<CategoryRow> = sqlx::query_as(
            "SELECT c.id, c.slug, c.name_en, c.name_zh, c.names, \
             (SELECT COUNT(*) FROM sections s WHERE s.category_id = c.id) AS child_count \
             FROM categories c JOIN fair_sessions f ON f.id = c.session_id \
             WHERE f.is_current = 1 ORDER BY c.position",
        )
        .fetch_all(&self.reads)
        .await?;
        Ok(rows.into_iter().map(CategoryRow::into_category).collect())
    }

    async fn list_sections(&self) -> Result<Vec<SectionSummary>, AppError> {
        let rows: Vec<CategoryRow> = sqlx::query_as(
            "SELECT s.id, s.slug, s.name_en, s.name_zh, s.names, \
             (SELECT COUNT(*) FROM halls h WHERE h.section_id = s.id) AS child_count \
             FROM sections s JOIN categories c ON c.id = s.category_id \
             JOIN fair_sessions f ON f.id = c.session_id \
             WHERE f.is_current = 1 ORDER BY c.position, s.position",
        )
        .fetch_all(&self.reads)
        .await?;
        Ok(rows.into_iter().map(CategoryRow::into_section).collect())
    }

    async fn get_category(&self, slug: &str) -> Result<CategoryDetail, AppError> {
        let category = self.category_where("c.slug = $1", slug.to_owned()).await?;
        let sections: Vec<CategoryRow> = sqlx::query_as(
            "SELECT s.id, s.slug, s.name_en, s.name_zh, s.names, \
             (SELECT COUNT(*) FROM halls h WHERE h.section_id = s.id) AS child_count \
             FROM sections s WHERE s.category_id = $1 ORDER BY s.position",
        )
        .bind(category.id.0)
        .fetch_all(&self.reads)
        .await?;
        Ok(CategoryDetail {
            category,
            sections: sections
                .into_iter()
                .map(CategoryRow::into_section)
                .collect(),
        })
    }

    async fn get_section(&self, slug: &str) -> Result<SectionDetail, AppError> {
        let (section, category_id) = self.section_by_slug(slug).await?;
        let category = self.category_where("c.id = $1", category_id).await?;
        let halls: Vec<CategoryRow> = sqlx::query_as(
            "SELECT id, slug, name_en, name_zh, names, booth_count AS child_count \
             FROM halls WHERE section_id = $1 ORDER BY position",
        )
        .bind(section.id.0)
        .fetch_all(&self.reads)
        .await?;
        Ok(SectionDetail {
            section,
            category,
            halls: halls.into_iter().map(CategoryRow::into_hall).collect(),
        })
    }

    /// Two queries: the hall with its section and category in one join, then its booths.
    async fn get_hall_map(&self, slug: &str) -> Result<HallMap, AppError> {
        let row = sqlx::query(
            "SELECT h.id, h.slug, h.name_en, h.name_zh, h.names, h.booth_count AS child_count, h.width_dm, h.depth_dm, \
             s.id AS section_id, s.slug AS section_slug, s.name_en AS section_name_en, \
             s.name_zh AS section_name_zh, s.names AS section_names, \
             (SELECT COUNT(*) FROM halls x WHERE x.section_id = s.id) AS section_children, \
             c.id AS category_id, c.slug AS category_slug, c.name_en AS category_name_en, \
             c.name_zh AS category_name_zh, c.names AS category_names, \
             (SELECT COUNT(*) FROM sections x WHERE x.category_id = c.id) AS category_children \
             FROM halls h JOIN sections s ON s.id = h.section_id JOIN categories c ON c.id = s.category_id \
             WHERE h.slug = $1",
        )
        .bind(slug)
        .fetch_optional(&self.reads)
        .await?
        .ok_or(AppError::NotFound)?;
        let width: i64 = row.try_get("width_dm")?;
        let depth: i64 = row.try_get("depth_dm")?;
        let hall = CategoryRow::from_row(&row)?.into_hall();
        let section = CategoryRow::prefixed(&row, "section")?.into_section();
        let category = CategoryRow::prefixed(&row, "category")?.into_category();
        let booths: Vec<BoothRow> = sqlx::query_as(
            "SELECT b.id, b.code, b.x_dm, b.y_dm, b.w_dm, b.h_dm, b.exhibitor_id, e.slug AS exhibitor_slug, \
             e.name_en AS exhibitor_name_en, e.name_zh AS exhibitor_name_zh \
             FROM booths b LEFT JOIN exhibitors e ON e.id = b.exhibitor_id WHERE b.hall_id = $1 ORDER BY b.id",
        )
        .bind(hall.id.0)
        .fetch_all(&self.reads)
        .await?;
        Ok(HallMap {
            hall,
            section,
            category,
            width,
            depth,
            booths: booths.into_iter().map(Into::into).collect(),
        })
    }

    async fn get_exhibitor(&self, slug: &str) -> Result<ExhibitorProfile, AppError> {
        let row: ExhibitorProfileRow = sqlx::query_as(&format!(
            "SELECT {EXHIBITOR_COLUMNS}, e.description_en, e.description_zh, e.description_html_en, \
             e.description_html_zh, e.descriptions, e.contact_email, e.contact_phone, e.website, e.logo_hash, e.banner_hash, e.video_file, e.poster_hash, e.staff_size, \
             e.main_markets, e.certifications, e.product_count FROM exhibitors e WHERE e.slug = $1"
        ))
        .bind(slug)
        .fetch_optional(&self.reads)
        .await?
        .ok_or(AppError::NotFound)?;
        let summary = row.summary.into_summary()?;
        let booths = self.booths_of(summary.id).await?;
        let html = row.description_html_en.map(|en| {
            let zh = row.description_html_zh.unwrap_or_default();
            named(en, zh, row.descriptions.as_deref())
        });
        let mut description = Localized::new(row.description_en, row.description_zh);
        for locale in MORE_LANGUAGES {
            let written = html.as_ref().map_or("", |html| html.written(locale));
            description.set(locale, plain_text(written));
        }
        Ok(ExhibitorProfile {
            summary,
            description,
            description_html: html,
            contact: Contact {
                email: row.contact_email,
                phone: row.contact_phone,
                website: row.website,
            },
            logo: row.logo_hash.as_deref().map(uploaded_logo),
            banner: row.banner_hash,
            video: row.video_file.map(|file| Video {
                src: uploaded_file(&file),
                poster: row
                    .poster_hash
                    .as_deref()
                    .map(|hash| uploaded_image(hash, Some(LARGE_SIDE))),
            }),
            staff_size: row.staff_size,
            main_markets: list(&row.main_markets),
            certifications: list(&row.certifications),
            booths,
            product_count: row.product_count,
        })
    }

    async fn list_exhibitors(
        &self,
        filter: &DirectoryFilter,
        limit: usize,
    ) -> Result<Page<ExhibitorSummary>, AppError> {
        let mut conditions = vec!["e.id > $1".to_owned()];
        let mut binds: Vec<String> = Vec::new();
        if let Some(category) = &filter.category {
            binds.push(category.clone());
            conditions.push(format!(
                "e.category_id = (SELECT id FROM categories WHERE slug = ${})",
                binds.len() + 1
            ));
        }
        if let Some(section) = &filter.section {
            binds.push(section.clone());
            conditions.push(format!(
                "e.section_id = (SELECT id FROM sections WHERE slug = ${})",
                binds.len() + 1
            ));
        }
        if let Some(country) = filter.country {
            binds.push(country.as_str().to_owned());
            conditions.push(format!("e.country = ${}", binds.len() + 1));
        }
        let sql = format!(
            "SELECT {EXHIBITOR_COLUMNS} FROM exhibitors e WHERE {} ORDER BY e.id LIMIT ${}",
            conditions.join(" AND "),
            binds.len() + 2
        );
        let mut query = sqlx::query_as::<_, ExhibitorRow>(&sql).bind(filter.cursor.after());
        for value in binds {
            query = query.bind(value);
        }
        let rows = query.bind(limit as i64 + 1).fetch_all(&self.reads).await?;
        let summaries = rows
            .into_iter()
            .map(ExhibitorRow::into_summary)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page::from_rows(summaries, limit, |e| e.id.0))
    }

    async fn list_exhibitor_products(
        &self,
        exhibitor: ExhibitorId,
        after: Cursor,
        limit: usize,
    ) -> Result<Page<ProductSummary>, AppError> {
        let rows: Vec<ProductSummaryRow> = sqlx::query_as(&format!(
            "SELECT {PRODUCT_SUMMARY_COLUMNS} FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
             WHERE p.exhibitor_id = $1 AND p.published = 1 \
             AND p.position > COALESCE((SELECT position FROM products WHERE id = $2), -1) \
             ORDER BY p.position LIMIT $3"
        ))
        .bind(exhibitor.0)
        .bind(after.after())
        .bind(limit as i64 + 1)
        .fetch_all(&self.reads)
        .await?;
        let items = rows
            .into_iter()
            .map(ProductSummaryRow::into_summary)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page::from_rows(items, limit, |p| p.id.0))
    }

    async fn list_new_products(&self, limit: usize) -> Result<Vec<ProductSummary>, AppError> {
        let rows: Vec<ProductSummaryRow> = sqlx::query_as(&format!(
            "SELECT {PRODUCT_SUMMARY_COLUMNS} FROM products p JOIN exhibitors e ON e.id = p.exhibitor_id \
             WHERE p.is_new = 1 AND p.published = 1 ORDER BY p.id DESC LIMIT $1"
        ))
        .bind(limit as i64)
        .fetch_all(&self.reads)
        .await?;
        rows.into_iter()
            .map(ProductSummaryRow::into_summary)
            .collect()
    }

    async fn get_product(&self, id: ProductId) -> Result<ProductDetail, AppError> {
        self.product_detail(id, false).await
    }
}
