//! The exhibitor directory's filters, parsed from the query string once, the same way on
//! the server and in the browser.

use super::{CountryCode, Cursor};
use serde::{Deserialize, Serialize};

/// Which exhibitors the directory lists.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryFilter {
    pub category: Option<String>,
    pub section: Option<String>,
    pub country: Option<CountryCode>,
    pub cursor: Cursor,
}

/// A query parameter the directory could not use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FilterProblem {
    UnknownCountry(String),
    BadSlug(String),
    BadCursor(String),
}

/// A slug as our URLs write them: lowercase ASCII letters, digits and dashes.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl DirectoryFilter {
    /// Parses `category`, `section`, `country` and `after`; empty values mean "any".
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, FilterProblem> {
        let non_empty = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        let slug = |key: &str| match non_empty(key) {
            Some(v) if is_slug(&v) => Ok(Some(v)),
            Some(v) => Err(FilterProblem::BadSlug(format!("{key}={v}"))),
            None => Ok(None),
        };
        let country = match non_empty("country") {
            Some(v) => Some(CountryCode::parse(&v).ok_or(FilterProblem::UnknownCountry(v))?),
            None => None,
        };
        let after = non_empty("after");
        let cursor = Cursor::parse(after.as_deref())
            .ok_or_else(|| FilterProblem::BadCursor(after.unwrap_or_default()))?;
        Ok(DirectoryFilter {
            category: slug("category")?,
            section: slug("section")?,
            country,
            cursor,
        })
    }

    /// The query string for this filter starting after `after` (for "next page" links).
    pub fn query_after(&self, after: Option<i64>) -> String {
        let mut parts = Vec::new();
        if let Some(c) = &self.category {
            parts.push(format!("category={c}"));
        }
        if let Some(s) = &self.section {
            parts.push(format!("section={s}"));
        }
        if let Some(c) = self.country {
            parts.push(format!("country={}", c.as_str()));
        }
        if let Some(a) = after {
            parts.push(format!("after={a}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> Result<DirectoryFilter, FilterProblem> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        DirectoryFilter::parse(|k| map.get(k).cloned())
    }

    #[test]
    fn parses_and_round_trips() {
        let f = parse(&[("category", "lighting"), ("country", "de"), ("after", "30")]).unwrap();
        assert_eq!(f.country.unwrap().as_str(), "DE");
        assert_eq!(
            f.query_after(Some(60)),
            "?category=lighting&country=DE&after=60"
        );
        assert_eq!(
            parse(&[("country", "")]).unwrap(),
            DirectoryFilter::default()
        );
    }

    #[test]
    fn rejects_bad_values() {
        assert_eq!(
            parse(&[("country", "ZZ")]),
            Err(FilterProblem::UnknownCountry("ZZ".into()))
        );
        assert!(matches!(
            parse(&[("after", "abc")]),
            Err(FilterProblem::BadCursor(_))
        ));
        assert!(matches!(
            parse(&[("section", "<script>")]),
            Err(FilterProblem::BadSlug(_))
        ));
    }
}
