//! Generated fairs: the demo the run command starts with, a tiny one for tests and a
//! Canton-scale one for benchmarks. Deterministic from a seed; written one hall per
//! transaction with the progress in the same transaction, so an interrupted generation
//! resumes where it stopped and never leaves half a hall behind.

pub mod accounts;
mod layout;
mod records;
pub(crate) mod rng;
pub mod scale;
mod structure;
pub(crate) mod vocabulary;
mod writer;

use crate::storage::{Backend, Db};
use anyhow::{Context, bail};
use records::section_category;
use scale::Scale;
use sqlx::{Acquire, Row};
use std::ops::ControlFlow;
use structure::{hall_code, write_structure};
use writer::insert;

/// What a generation run did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The database already held a complete fair; nothing was written.
    AlreadyThere,
    /// Halls were written (all, or the rest after an interruption).
    Generated { halls: i64 },
    /// `on_hall` asked to stop; running again resumes after the last hall written.
    Stopped { halls_done: i64 },
}

/// Generates `scale` with `seed` into `db`, or finishes an interrupted generation.
/// `on_hall` is called after every hall with (halls done, halls in all) and may stop the run.
pub async fn generate(
    db: &Db,
    scale: Scale,
    seed: u64,
    mut on_hall: impl FnMut(i64, i64) -> ControlFlow<()>,
) -> anyhow::Result<Outcome> {
    let halls_total = 50 * scale.halls_per_section;
    let progress = sqlx::query("SELECT seed, halls_done FROM generation_progress WHERE scale = $1")
        .bind(scale.name)
        .fetch_optional(&db.pool)
        .await?;
    let halls_done = match progress {
        Some(row) => {
            let stored_seed: i64 = row.try_get("seed")?;
            if stored_seed != seed as i64 {
                bail!(
                    "this database holds a {} fair generated with seed {stored_seed}, not {seed}",
                    scale.name
                );
            }
            row.try_get::<i64, _>("halls_done")?
        }
        None => {
            let sessions: i64 = sqlx::query("SELECT COUNT(*) AS n FROM fair_sessions")
                .fetch_one(&db.pool)
                .await?
                .try_get("n")?;
            if sessions > 0 {
                return Ok(Outcome::AlreadyThere);
            }
            write_structure(db, scale, seed)
                .await
                .context("cannot write the fair's structure")?;
            0
        }
    };
    if halls_done == halls_total {
        return Ok(Outcome::AlreadyThere);
    }
    for hall in halls_done..halls_total {
        write_hall(db, scale, seed, hall)
            .await
            .with_context(|| format!("cannot write hall {}", hall + 1))?;
        if on_hall(hall + 1, halls_total).is_break() && hall + 1 < halls_total {
            return Ok(Outcome::Stopped {
                halls_done: hall + 1,
            });
        }
    }
    finish(db)
        .await
        .context("cannot update the session's counters")?;
    Ok(Outcome::Generated {
        halls: halls_total - halls_done,
    })
}

/// How many of a hall's `booths` its `exhibitors` share; the last twentieth of the hall (at
/// least one booth) stays free for the organizer to assign, as long as every exhibitor still
/// gets a booth.
fn taken_booths(booths: i64, exhibitors: i64) -> i64 {
    (booths - (booths / 20).max(1)).max(exhibitors).min(booths)
}

/// A hall's exhibitors, booths and products, and the progress mark, in one transaction.
async fn write_hall(db: &Db, scale: Scale, seed: u64, hall: i64) -> Result<(), sqlx::Error> {
    let halls_total = 50 * scale.halls_per_section;
    let share = scale.hall_share(hall, halls_total);
    let section = (hall / scale.halls_per_section) as usize;
    let (category_index, words) = section_category(section);
    let (category_id, section_id) = (category_index as i64 + 1, section as i64 + 1);

    let mut exhibitors = Vec::new();
    let mut products = Vec::new();
    for e in share.first_exhibitor..share.first_exhibitor + share.exhibitors {
        let record = records::exhibitor(seed, e, words);
        let (first, end) = (scale.first_product(e), scale.first_product(e + 1));
        for p in first..end {
            let product = records::product(seed, p, words, &record);
            products.push(vec![
                product.id.into(),
                record.id.into(),
                category_id.into(),
                section_id.into(),
                product.title.0.into(),
                product.title.1.into(),
                product.description.0.into(),
                product.description.1.into(),
                product.specs.into(),
                product.price_min_cents.into(),
                product.price_max_cents.into(),
                product.currency.into(),
                product.moq.into(),
                product.unit.0.into(),
                product.unit.1.into(),
                product.lead_time_days.into(),
                i64::from(scale.is_new(p)).into(),
                product.image_count.into(),
                "2026-10-01".into(),
                product.id.into(),
                product.translations.into(),
            ]);
        }
        exhibitors.push(vec![
            record.id.into(),
            1.into(),
            record.slug.into(),
            record.name.0.into(),
            record.name.1.into(),
            record.country.into(),
            record.year_founded.into(),
            record.staff_size.into(),
            record.main_markets.into(),
            record.certifications.into(),
            i64::from(record.verified).into(),
            record.description.0.into(),
            record.description.1.into(),
            category_id.into(),
            section_id.into(),
            (end - first).into(),
        ]);
    }
    let plan = layout::floor_plan(share.booths);
    let code = hall_code(hall);
    let taken = taken_booths(share.booths, share.exhibitors);
    let booths = plan
        .booths
        .into_iter()
        .enumerate()
        .map(|(i, (suffix, rect))| {
            let i = i as i64;
            let exhibitor =
                (i < taken).then(|| share.first_exhibitor + (i * share.exhibitors) / taken + 1);
            vec![
                (share.first_booth + i + 1).into(),
                (hall + 1).into(),
                format!("{code}{suffix}").into(),
                rect.x.into(),
                rect.y.into(),
                rect.w.into(),
                rect.h.into(),
                exhibitor.into(),
            ]
        })
        .collect();

    let mut conn = db.pool.acquire().await?;
    let mut tx = conn.begin().await?;
    insert(
        &mut tx,
        "exhibitors",
        &[
            "id",
            "session_id",
            "slug",
            "name_en",
            "name_zh",
            "country",
            "year_founded",
            "staff_size",
            "main_markets",
            "certifications",
            "verified",
            "description_en",
            "description_zh",
            "category_id",
            "section_id",
            "product_count",
        ],
        exhibitors,
    )
    .await?;
    insert(
        &mut tx,
        "booths",
        &[
            "id",
            "hall_id",
            "code",
            "x_dm",
            "y_dm",
            "w_dm",
            "h_dm",
            "exhibitor_id",
        ],
        booths,
    )
    .await?;
    insert(
        &mut tx,
        "products",
        &[
            "id",
            "exhibitor_id",
            "category_id",
            "section_id",
            "title_en",
            "title_zh",
            "description_en",
            "description_zh",
            "specs",
            "price_min_cents",
            "price_max_cents",
            "currency",
            "moq",
            "unit_en",
            "unit_zh",
            "lead_time_days",
            "is_new",
            "image_count",
            "created_at",
            "position",
            "translations",
        ],
        products,
    )
    .await?;
    sqlx::query("UPDATE generation_progress SET halls_done = $1 WHERE scale = $2")
        .bind(hall + 1)
        .bind(scale.name)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Stores the session's counters and, on PostgreSQL, moves the id sequences past the
/// generated ids.
async fn finish(db: &Db) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE fair_sessions SET \
         exhibitor_count = (SELECT COUNT(*) FROM exhibitors), booth_count = (SELECT COUNT(*) FROM booths), \
         product_count = (SELECT COUNT(*) FROM products), \
         new_product_count = (SELECT COUNT(*) FROM products WHERE is_new = 1) WHERE id = 1",
    )
    .execute(&db.pool)
    .await?;
    if db.backend == Backend::Postgres {
        for table in [
            "fair_sessions",
            "categories",
            "sections",
            "halls",
            "exhibitors",
            "booths",
            "products",
        ] {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 1))"
            ))
            .execute(&db.pool)
            .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hall_keeps_a_free_booth_unless_its_exhibitors_need_them_all() {
        assert_eq!(taken_booths(12, 6), 11, "the tiny fair's halls");
        assert_eq!(taken_booths(240, 130), 228, "a twentieth stays free");
        assert_eq!(taken_booths(10, 10), 10, "every exhibitor gets a booth");
        assert_eq!(taken_booths(0, 0), 0);
    }
}
