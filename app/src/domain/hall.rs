//! Exhibition halls and the booths on their floor plans.

use super::{BoothId, CategorySummary, ExhibitorId, HallId, Localized, SectionSummary};
use serde::{Deserialize, Serialize};

/// A rectangle on a floor plan, in decimetres from the hall's top-left corner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
}

/// A hall as listed under its section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HallSummary {
    pub id: HallId,
    pub slug: String,
    pub name: Localized,
    pub booth_count: i64,
}

/// A booth as drawn on the hall map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoothOnMap {
    pub id: BoothId,
    /// The booth number visitors see, e.g. `9.1A12`.
    pub code: String,
    pub rect: Rect,
    pub exhibitor: Option<BoothExhibitor>,
}

/// Who stands in a booth.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoothExhibitor {
    pub id: ExhibitorId,
    pub slug: String,
    pub name: Localized,
}

/// Everything the hall page draws.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HallMap {
    pub hall: HallSummary,
    pub section: SectionSummary,
    pub category: CategorySummary,
    /// The hall's outline, in decimetres.
    pub width: i64,
    pub depth: i64,
    pub booths: Vec<BoothOnMap>,
}

impl BoothOnMap {
    /// Whether a "find a booth" query matches this booth's number or exhibitor name,
    /// in either language, ignoring case.
    pub fn matches(&self, query: &str) -> bool {
        terms_match(&self.search_terms(), query)
    }

    /// What "find a booth" looks in, lower-cased, a line each: the booth's number and its
    /// exhibitor's names. The floor plan carries them on each booth for the browser.
    pub fn search_terms(&self) -> String {
        let mut terms = self.code.to_lowercase();
        if let Some(exhibitor) = &self.exhibitor {
            for name in [&exhibitor.name.en, &exhibitor.name.zh] {
                terms.push('\n');
                terms.push_str(&name.to_lowercase());
            }
        }
        terms
    }
}

/// Whether `query` (trimmed, in any case) is found within one line of `terms`
/// (`BoothOnMap::search_terms`); an empty query matches nothing.
pub fn terms_match(terms: &str, query: &str) -> bool {
    let query = query.trim().to_lowercase();
    !query.is_empty() && terms.lines().any(|line| line.contains(&query))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn booth() -> BoothOnMap {
        BoothOnMap {
            id: BoothId(1),
            code: "9.1A12".into(),
            rect: Rect {
                x: 0,
                y: 0,
                w: 30,
                h: 30,
            },
            exhibitor: Some(BoothExhibitor {
                id: ExhibitorId(1),
                slug: "ningbo-bright".into(),
                name: Localized::new("Ningbo Bright Lighting Co., Ltd.", "宁波明亮照明有限公司"),
            }),
        }
    }

    #[test]
    fn finds_by_code_and_either_name() {
        let b = booth();
        assert!(b.matches("9.1a"));
        assert!(b.matches(" bright "));
        assert!(b.matches("明亮"));
        assert!(!b.matches("textiles"));
        assert!(!b.matches("   "));
        // Never across the number and a name.
        assert!(!b.matches("a12 ningbo"));
        assert!(!b.matches("a12\nningbo"));
    }
}
