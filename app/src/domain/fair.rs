//! A fair session and how it is divided: categories, then exhibition sections.

use super::{CategoryId, HallSummary, Localized, SectionId, SessionId};
use serde::{Deserialize, Serialize};

/// Where a session stands in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Upcoming,
    Open,
    Closed,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Upcoming => "upcoming",
            Phase::Open => "open",
            Phase::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Phase::Upcoming, Phase::Open, Phase::Closed]
            .into_iter()
            .find(|p| p.as_str() == s)
    }
}

/// How much a session holds, kept up to date by the writers so that no page counts rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters {
    pub exhibitors: i64,
    pub booths: i64,
    pub products: i64,
    pub new_products: i64,
}

/// One edition of the fair, e.g. "The 127th Canton Fair (online)".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FairSession {
    pub id: SessionId,
    pub slug: String,
    pub name: Localized,
    /// First day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Last day, `YYYY-MM-DD`.
    pub ends_on: String,
    pub phase: Phase,
    pub counters: Counters,
}

/// A product category as listed on the home page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategorySummary {
    pub id: CategoryId,
    pub slug: String,
    pub name: Localized,
    pub section_count: i64,
}

/// An exhibition section as listed under its category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionSummary {
    pub id: SectionId,
    pub slug: String,
    pub name: Localized,
    pub hall_count: i64,
}

/// A category page: the category and its sections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryDetail {
    pub category: CategorySummary,
    pub sections: Vec<SectionSummary>,
}

/// A section page: the section, the category it belongs to, and its halls.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionDetail {
    pub section: SectionSummary,
    pub category: CategorySummary,
    pub halls: Vec<HallSummary>,
}
