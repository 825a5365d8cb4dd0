//! Product search as the URL says it (`/search?q=…&category=…`), parsed once the same way on
//! the server and in the browser, and the answer: one page of products with facet counts.

use super::directory::is_slug;
use super::money::parse_typed_amount;
use super::text::query_value;
use super::{CountryCode, Currency, ExhibitorSummary, Localized, ProductSummary};
use serde::{Deserialize, Serialize};

/// The longest query text kept, in characters; the rest is cut off.
pub const QUERY_CHARS_MAX: usize = 200;
/// The most words one search looks for (a buyer's longest product queries have fewer); the
/// rest are dropped, and the page says so.
pub const QUERY_WORDS_MAX: usize = 12;
/// Results per page.
pub const RESULTS_PER_PAGE: usize = 20;
/// Exhibitors shown above the products of a search's first page.
pub const EXHIBITORS_SHOWN: usize = 4;
/// The deepest page offered (search pages are for finding, not for walking the catalogue).
pub const PAGES_MAX: u32 = 50;

/// The order of the results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchSort {
    #[default]
    Relevance,
    Newest,
    PriceLow,
    PriceHigh,
}

impl SearchSort {
    pub const ALL: [SearchSort; 4] = [
        SearchSort::Relevance,
        SearchSort::Newest,
        SearchSort::PriceLow,
        SearchSort::PriceHigh,
    ];

    /// The value of `sort=` in the URL.
    pub fn code(self) -> &'static str {
        match self {
            SearchSort::Relevance => "relevance",
            SearchSort::Newest => "newest",
            SearchSort::PriceLow => "price",
            SearchSort::PriceHigh => "-price",
        }
    }
}

/// What a buyer asked for. Every filter is optional; filters combine.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// The words typed, trimmed and capped at [`QUERY_CHARS_MAX`].
    pub text: String,
    pub category: Option<String>,
    pub section: Option<String>,
    pub country: Option<CountryCode>,
    pub certification: Option<String>,
    pub new_only: bool,
    pub verified_only: bool,
    /// The currency of the price filter; products quoted in another one do not match it.
    pub currency: Option<Currency>,
    /// Unit prices in minor units: products whose range overlaps `[price_min, price_max]`.
    pub price_min: Option<i64>,
    pub price_max: Option<i64>,
    /// Minimum order quantities: products whose MOQ lies in `[moq_min, moq_max]`.
    pub moq_min: Option<i64>,
    pub moq_max: Option<i64>,
    pub sort: SearchSort,
    /// 1-based, at most [`PAGES_MAX`].
    pub page: u32,
}

/// A query parameter the search could not use: answered with 400 and the parameter's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchProblem {
    pub parameter: &'static str,
    pub value: String,
}

/// An amount from the query string, as people type it in any of the fair's languages
/// (`money::parse_typed_amount`), in minor units; `None` if it is not one.
pub fn parse_amount(raw: &str) -> Option<i64> {
    parse_typed_amount(raw)
}

/// Minor units as people read them in a form field: "12", "12.50".
pub fn format_amount(cents: i64) -> String {
    if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    }
}

impl SearchQuery {
    /// Parses the query string through `get`; empty values mean "any".
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, SearchProblem> {
        let value = |key: &str| {
            get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let problem = |parameter: &'static str, value: String| SearchProblem { parameter, value };
        let slug = |key: &'static str| match value(key) {
            Some(v) if is_slug(&v) => Ok(Some(v)),
            Some(v) => Err(problem(key, v)),
            None => Ok(None),
        };
        let number = |key: &'static str, max: i64| match value(key) {
            Some(v) => match v.parse::<i64>() {
                Ok(n) if (0..=max).contains(&n) => Ok(Some(n)),
                _ => Err(problem(key, v)),
            },
            None => Ok(None),
        };
        let amount = |key: &'static str| match value(key) {
            Some(v) => parse_amount(&v).map(Some).ok_or_else(|| problem(key, v)),
            None => Ok(None),
        };
        let flag = |key: &'static str| match value(key).as_deref() {
            None | Some("0") => Ok(false),
            Some("1" | "on" | "true") => Ok(true),
            Some(other) => Err(problem(key, other.to_owned())),
        };
        let country = match value("country") {
            Some(v) => Some(CountryCode::parse(&v).ok_or_else(|| problem("country", v))?),
            None => None,
        };
        let currency = match value("currency") {
            Some(v) => Some(
                Currency::parse(&v.to_ascii_uppercase()).ok_or_else(|| problem("currency", v))?,
            ),
            None => None,
        };
        let sort = match value("sort") {
            Some(v) => *SearchSort::ALL
                .iter()
                .find(|s| s.code() == v)
                .ok_or_else(|| problem("sort", v))?,
            None => SearchSort::default(),
        };
        let certification = value("certification");
        if certification
            .as_ref()
            .is_some_and(|c| c.chars().count() > 60)
        {
            return Err(problem("certification", certification.unwrap_or_default()));
        }
        let query = SearchQuery {
            text: get("q")
                .map(|q| q.trim().chars().take(QUERY_CHARS_MAX).collect::<String>())
                .unwrap_or_default(),
            category: slug("category")?,
            section: slug("section")?,
            country,
            certification,
            new_only: flag("new")?,
            verified_only: flag("verified")?,
            currency,
            price_min: amount("price_min")?,
            price_max: amount("price_max")?,
            moq_min: number("moq_min", 1_000_000_000)?,
            moq_max: number("moq_max", 1_000_000_000)?,
            sort,
            page: number("page", PAGES_MAX as i64)?.map_or(1, |p| p.max(1) as u32),
        };
        Ok(query)
    }

    /// Whether a price filter applies (and with it a currency: US dollars unless chosen).
    pub fn price_currency(&self) -> Option<Currency> {
        (self.price_min.is_some() || self.price_max.is_some())
            .then(|| self.currency.unwrap_or(Currency::Usd))
    }

    /// Whether any filter narrows the results (a currency alone does not: it goes with a price).
    pub fn has_filters(&self) -> bool {
        self.category.is_some()
            || self.section.is_some()
            || self.country.is_some()
            || self.certification.is_some()
            || self.new_only
            || self.verified_only
            || self.price_currency().is_some()
            || self.moq_min.is_some()
            || self.moq_max.is_some()
    }

    /// Whether the query asks for nothing at all: no words and no filter.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && !self.has_filters()
    }

    /// The query string of this search (without `?`), with `page` replaced: for links.
    pub fn query_string(&self, page: u32) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if !self.text.is_empty() {
            parts.push(("q", self.text.clone()));
        }
        let mut push = |key, value: Option<String>| {
            if let Some(v) = value {
                parts.push((key, v));
            }
        };
        push("category", self.category.clone());
        push("section", self.section.clone());
        push("country", self.country.map(|c| c.as_str().to_owned()));
        push("certification", self.certification.clone());
        push("new", self.new_only.then(|| "1".to_owned()));
        push("verified", self.verified_only.then(|| "1".to_owned()));
        push("currency", self.currency.map(|c| c.code().to_owned()));
        push("price_min", self.price_min.map(format_amount));
        push("price_max", self.price_max.map(format_amount));
        push("moq_min", self.moq_min.map(|n| n.to_string()));
        push("moq_max", self.moq_max.map(|n| n.to_string()));
        push(
            "sort",
            (self.sort != SearchSort::Relevance).then(|| self.sort.code().to_owned()),
        );
        push("page", (page > 1).then(|| page.to_string()));
        parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", query_value(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// `/search?…` for this search with one change made by `change`, back on page 1.
    pub fn link_with(&self, change: impl FnOnce(&mut SearchQuery)) -> String {
        let mut changed = self.clone();
        change(&mut changed);
        format!("/search?{}", changed.query_string(1))
    }
}

/// How many results a facet value would have under the current search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value as the URL writes it: a slug, a country code, a certification.
    pub value: String,
    pub label: Localized,
    pub count: u64,
}

/// Counts per facet value for the current search, largest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchFacets {
    pub categories: Vec<FacetCount>,
    pub sections: Vec<FacetCount>,
    pub countries: Vec<FacetCount>,
    pub certifications: Vec<FacetCount>,
    /// Matching products flagged new, and matching products of verified exhibitors.
    pub new_products: u64,
    pub verified_exhibitors: u64,
}

/// Why a search has nothing to show, so the page can say what to try.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchHint {
    /// No words and no filter: the page invites a search.
    EmptyQuery,
    /// The words had nothing searchable in them (only punctuation, say).
    NothingSearchable,
    /// A filter names a category, section or certification the fair does not have.
    UnknownFilter,
    /// Nothing matched: fewer words or filters may help.
    NoMatch,
    /// The query had more words than a search takes: only the first were searched for.
    WordsDropped,
}

/// One page of search results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// All matching products, over every page.
    pub total: u64,
    pub hits: Vec<ProductSummary>,
    /// The best-matching exhibitors, on the first page of a search with words and no filter
    /// that only products have (new, price, MOQ).
    pub exhibitors: Vec<ExhibitorSummary>,
    pub facets: SearchFacets,
    pub hint: Option<SearchHint>,
}

impl SearchResults {
    /// An answer with nothing in it, and why.
    pub fn empty(hint: SearchHint) -> Self {
        SearchResults {
            total: 0,
            hits: Vec::new(),
            exhibitors: Vec::new(),
            facets: SearchFacets::default(),
            hint: Some(hint),
        }
    }

    /// How many pages the results fill, at most [`PAGES_MAX`].
    pub fn pages(&self) -> u32 {
        (self.total.div_ceil(RESULTS_PER_PAGE as u64)).min(PAGES_MAX as u64) as u32
    }
}

#[cfg(test)]
mod tests;
