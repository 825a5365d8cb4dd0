//! The countries exhibitors and buyers come from, by ISO 3166-1 alpha-2 code.

pub use super::country_names::COUNTRIES;
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// An assigned ISO 3166-1 alpha-2 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Parses an assigned code, in any case.
    pub fn parse(s: &str) -> Option<Self> {
        let upper = s.trim().to_ascii_uppercase();
        entry(&upper).map(|(code, _, _)| Self([code.as_bytes()[0], code.as_bytes()[1]]))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The country's name in `locale`.
    pub fn name(&self, locale: Locale) -> &'static str {
        match (entry(self.as_str()), locale) {
            (Some((_, _, zh)), Locale::zh) => zh,
            (Some((_, en, _)), _) => en,
            (None, _) => "—",
        }
    }

    /// Every country in the order of its English name, accents folded (the Chinese list keeps
    /// the same order, so a country sits in the same place in both languages).
    pub fn all() -> impl Iterator<Item = CountryCode> {
        let mut by_name: Vec<_> = COUNTRIES.iter().collect();
        by_name.sort_by_cached_key(|(_, en, _)| en.chars().map(unaccented).collect::<String>());
        by_name
            .into_iter()
            .filter_map(|(code, _, _)| CountryCode::parse(code))
    }
}

fn entry(code: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    COUNTRIES
        .binary_search_by(|(known, _, _)| (*known).cmp(code))
        .ok()
        .map(|at| &COUNTRIES[at])
}

/// The letter without its accent, for the few accented names in the table.
fn unaccented(c: char) -> char {
    match c {
        'Å' => 'A',
        'ç' => 'c',
        'é' => 'e',
        'ô' => 'o',
        'ü' => 'u',
        other => other,
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        CountryCode::parse(&s).ok_or_else(|| format!("unknown country code {s:?}"))
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_codes_and_names() {
        let cn = CountryCode::parse("cn").unwrap();
        assert_eq!(cn.as_str(), "CN");
        assert_eq!(cn.name(Locale::zh), "中国");
        assert_eq!(cn.name(Locale::en), "China");
        assert_eq!(CountryCode::parse("XX"), None);
        assert_eq!(CountryCode::parse("CHN"), None);
        assert_eq!(
            CountryCode::parse(" tw ").unwrap().name(Locale::zh),
            "中国台湾"
        );
        assert_eq!(
            CountryCode::parse("ZW").unwrap().name(Locale::en),
            "Zimbabwe"
        );
        assert_eq!(CountryCode::all().count(), COUNTRIES.len());
    }

    #[test]
    fn the_table_holds_every_assigned_code_once_in_order() {
        assert_eq!(COUNTRIES.len(), 249);
        assert!(COUNTRIES.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert!(COUNTRIES.iter().all(|(code, en, zh)| {
            code.len() == 2
                && code.bytes().all(|b| b.is_ascii_uppercase())
                && !en.is_empty()
                && !zh.is_empty()
        }));
    }

    #[test]
    fn people_see_the_list_by_name() {
        let first: Vec<_> = CountryCode::all()
            .take(3)
            .map(|c| c.name(Locale::en))
            .collect();
        assert_eq!(first, ["Afghanistan", "Åland Islands", "Albania"]);
        let names: Vec<_> = CountryCode::all().map(|c| c.name(Locale::en)).collect();
        let at = |name| names.iter().position(|n| *n == name).unwrap();
        assert!(at("Tunisia") < at("Türkiye") && at("Türkiye") < at("Turkmenistan"));
        assert!(at("Réunion") < at("Romania"));
    }
}
