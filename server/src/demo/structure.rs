//! A generated fair's structure: its session (always open: from two days ago to a week from
//! today), categories, sections, halls and the progress row, written in one transaction.

use super::layout;
use super::records::section_category;
use super::scale::Scale;
use super::vocabulary::{CATEGORIES, fair_names};
use super::writer::insert;
use crate::storage::Db;
use app::domain::Localized;
use app::domain::translations::{MORE_LANGUAGES, stored_names};
use sqlx::Acquire;

/// Session, categories, sections, halls and the progress row, in one transaction.
pub(super) async fn write_structure(db: &Db, scale: Scale, seed: u64) -> Result<(), sqlx::Error> {
    let mut conn = db.pool.acquire().await?;
    let mut tx = conn.begin().await?;
    let (starts_on, ends_on) = session_dates();
    insert(
        &mut tx,
        "fair_sessions",
        &[
            "id",
            "slug",
            "name_en",
            "name_zh",
            "names",
            "starts_on",
            "ends_on",
            "phase",
            "is_current",
        ],
        vec![vec![
            1.into(),
            "autumn-2026".into(),
            "Cloud Fair Autumn Session (Online)".into(),
            "云展会秋季线上展".into(),
            stored(fair_names::SESSION).into(),
            starts_on.into(),
            ends_on.into(),
            "open".into(),
            1.into(),
        ]],
    )
    .await?;
    let categories = CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                (i as i64 + 1).into(),
                1.into(),
                c.slug.into(),
                (i as i64).into(),
                c.name.0.into(),
                c.name.1.into(),
                stored(names_of(c.slug)).into(),
            ]
        })
        .collect();
    insert(
        &mut tx,
        "categories",
        &[
            "id",
            "session_id",
            "slug",
            "position",
            "name_en",
            "name_zh",
            "names",
        ],
        categories,
    )
    .await?;
    let mut sections = Vec::new();
    let mut halls = Vec::new();
    for s in 0..50usize {
        let (category, words) = section_category(s);
        let position = CATEGORIES[..category]
            .iter()
            .map(|c| c.sections.len())
            .sum::<usize>();
        let (slug, (en, zh)) = words.sections[s - position];
        sections.push(vec![
            (s as i64 + 1).into(),
            (category as i64 + 1).into(),
            slug.into(),
            ((s - position) as i64).into(),
            en.into(),
            zh.into(),
            stored(names_of(slug)).into(),
        ]);
        for k in 0..scale.halls_per_section {
            let hall = s as i64 * scale.halls_per_section + k;
            let booths = scale.hall_share(hall, 50 * scale.halls_per_section).booths;
            let plan = layout::floor_plan(booths);
            let code = hall_code(hall);
            halls.push(vec![
                (hall + 1).into(),
                (s as i64 + 1).into(),
                format!("hall-{}", code.replace('.', "-")).into(),
                k.into(),
                format!("Hall {code}").into(),
                format!("{code}号馆").into(),
                stored(fair_names::HALL.map(|hall| format!("{hall} {code}"))).into(),
                plan.width.into(),
                plan.depth.into(),
                booths.into(),
            ]);
        }
    }
    insert(
        &mut tx,
        "sections",
        &[
            "id",
            "category_id",
            "slug",
            "position",
            "name_en",
            "name_zh",
            "names",
        ],
        sections,
    )
    .await?;
    insert(
        &mut tx,
        "halls",
        &[
            "id",
            "section_id",
            "slug",
            "position",
            "name_en",
            "name_zh",
            "names",
            "width_dm",
            "depth_dm",
            "booth_count",
        ],
        halls,
    )
    .await?;
    insert(
        &mut tx,
        "generation_progress",
        &["scale", "seed", "halls_done", "halls_total"],
        vec![vec![
            scale.name.into(),
            (seed as i64).into(),
            0.into(),
            (50 * scale.halls_per_section).into(),
        ]],
    )
    .await?;
    tx.commit().await
}

/// The JSON of a name in Arabic, French, Spanish and Russian, as the pages read it.
fn stored<T: Into<String>>(names: [T; 4]) -> Option<String> {
    let mut name = Localized::default();
    for (locale, text) in MORE_LANGUAGES.into_iter().zip(names) {
        name.set(locale, text);
    }
    stored_names(&name)
}

/// The other names of the category or section `slug` (every one of the demo's has them: a
/// unit test in `fair_names` checks).
fn names_of(slug: &str) -> [&'static str; 4] {
    fair_names::names(slug).unwrap_or([""; 4])
}

/// Halls are numbered like the Canton Fair's: area, then floor (`9.1`, `9.2`, `9.3`, `10.1`…).
pub(super) fn hall_code(hall: i64) -> String {
    format!("{}.{}", hall / 3 + 1, hall % 3 + 1)
}

/// The session runs from two days ago to a week from today, so the demo is always open.
fn session_dates() -> (String, String) {
    let today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64 / 86_400)
        .unwrap_or(20_000);
    (civil_date(today - 2), civil_date(today + 7))
}

/// `YYYY-MM-DD` of a day counted from 1970-01-01 (Howard Hinnant's civil-from-days).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(20_779), "2026-11-22");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(hall_code(0), "1.1");
        assert_eq!(hall_code(5), "2.3");
    }
}
