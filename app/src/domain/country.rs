//! The countries exhibitors and buyers come from, by ISO 3166-1 alpha-2 code.

pub use super::country_names::{COUNTRIES, CountryNames};
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
        entry(&upper).map(|names| Self([names.code.as_bytes()[0], names.code.as_bytes()[1]]))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The country's name in `locale`.
    pub fn name(&self, locale: Locale) -> &'static str {
        entry(self.as_str()).map_or("—", |names| names.get(locale))
    }

    /// Every country in the order of its name in `locale`, accents and case folded (ё as е,
    /// Arabic alef with hamza or madda as alef, Arabic vowel marks ignored). The Chinese list
    /// keeps the English order, so a country sits in the same place in both languages.
    pub fn all_in(locale: Locale) -> impl Iterator<Item = CountryCode> {
        let sorted_by = match locale {
            Locale::zh => Locale::en,
            other => other,
        };
        let mut by_name: Vec<_> = COUNTRIES.iter().collect();
        by_name.sort_by_cached_key(|names| sort_key(names.get(sorted_by)));
        by_name
            .into_iter()
            .filter_map(|names| CountryCode::parse(names.code))
    }
}

fn entry(code: &str) -> Option<&'static CountryNames> {
    COUNTRIES
        .binary_search_by(|names| names.code.cmp(code))
        .ok()
        .map(|at| &COUNTRIES[at])
}

/// A name as the lists compare it: lower case, without accents or Arabic vowel marks.
fn sort_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !('\u{064B}'..='\u{0652}').contains(c))
        .map(unaccented)
        .collect()
}

/// A lower-case letter without its accent, for the letters of the Latin names in the table
/// (and a few more of French and Spanish), ё, and the Arabic alefs that carry a mark.
fn unaccented(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ё' => 'е', // Cyrillic
        'آ' | 'أ' | 'إ' => 'ا',
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
    use leptos_i18n::Locale as _;

    fn country(code: &str) -> CountryCode {
        CountryCode::parse(code).unwrap()
    }

    #[test]
    fn knows_codes_and_names() {
        let cn = country("cn");
        assert_eq!(cn.as_str(), "CN");
        assert_eq!(cn.name(Locale::zh), "中国");
        assert_eq!(cn.name(Locale::en), "China");
        assert_eq!(CountryCode::parse("XX"), None);
        assert_eq!(CountryCode::parse("CHN"), None);
        assert_eq!(country(" tw ").name(Locale::zh), "中国台湾");
        assert_eq!(country("ZW").name(Locale::en), "Zimbabwe");
        assert_eq!(CountryCode::all_in(Locale::en).count(), COUNTRIES.len());
    }

    #[test]
    fn names_a_country_in_every_language() {
        assert_eq!(country("FR").name(Locale::fr), "France");
        let de = country("de");
        let names: Vec<_> = Locale::get_all().iter().map(|&l| de.name(l)).collect();
        let expected = [
            "Germany",
            "德国",
            "ألمانيا",
            "Allemagne",
            "Alemania",
            "Германия",
        ];
        assert_eq!(names, expected);
    }

    #[test]
    fn the_table_holds_every_assigned_code_once_in_order() {
        assert_eq!(COUNTRIES.len(), 249);
        assert!(COUNTRIES.windows(2).all(|pair| pair[0].code < pair[1].code));
        for names in COUNTRIES {
            let code = names.code;
            assert!(code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()));
            let all = [names.en, names.zh, names.ar, names.fr, names.es, names.ru];
            assert!(all.iter().all(|name| !name.trim().is_empty()), "{code}");
        }
    }

    #[test]
    fn people_see_the_list_by_name() {
        let first: Vec<_> = CountryCode::all_in(Locale::en)
            .take(3)
            .map(|c| c.name(Locale::en))
            .collect();
        assert_eq!(first, ["Afghanistan", "Åland Islands", "Albania"]);
        let names: Vec<_> = CountryCode::all_in(Locale::en)
            .map(|c| c.name(Locale::en))
            .collect();
        let at = |name| names.iter().position(|n| *n == name).unwrap();
        assert!(at("Tunisia") < at("Türkiye") && at("Türkiye") < at("Turkmenistan"));
        assert!(at("Réunion") < at("Romania"));
    }

    /// The names of `locale`'s list, in its order.
    fn listed(locale: Locale) -> Vec<&'static str> {
        CountryCode::all_in(locale)
            .map(|c| c.name(locale))
            .collect()
    }

    /// `names` appear in `list` in this order.
    fn in_order(list: &[&str], names: &[&str]) -> bool {
        let at: Vec<_> = names
            .iter()
            .map(|name| list.iter().position(|n| n == name).unwrap())
            .collect();
        at.windows(2).all(|pair| pair[0] < pair[1])
    }

    #[test]
    fn each_language_lists_by_its_own_names() {
        for locale in [
            Locale::en,
            Locale::zh,
            Locale::ar,
            Locale::fr,
            Locale::es,
            Locale::ru,
        ] {
            assert_eq!(CountryCode::all_in(locale).count(), COUNTRIES.len());
        }
        let english: Vec<_> = CountryCode::all_in(Locale::en).collect();
        assert_eq!(CountryCode::all_in(Locale::zh).collect::<Vec<_>>(), english);

        let fr = listed(Locale::fr);
        assert_eq!(fr[..3], ["Afghanistan", "Afrique du Sud", "Albanie"]);
        assert!(in_order(
            &fr,
            &["Dominique", "Égypte", "Émirats arabes unis"]
        ));
        assert!(in_order(&fr, &["Eswatini", "États-Unis", "Éthiopie"]));
        assert!(in_order(
            &fr,
            &["Île Norfolk", "Îles Åland", "Îles Caïmans", "Inde"]
        ));

        let es = listed(Locale::es);
        assert_eq!(es[..3], ["Afganistán", "Albania", "Alemania"]);
        assert!(in_order(&es, &["Baréin", "Bélgica", "Belice"]));
        assert!(in_order(&es, &["Irak", "Irán", "Irlanda"]));

        let ru = listed(Locale::ru);
        assert_eq!(ru[..3], ["Австралия", "Австрия", "Азербайджан"]);
        assert!(in_order(&ru, &["Норвегия", "о-в Буве", "Оман"]));

        let ar = listed(Locale::ar);
        assert!(in_order(
            &ar,
            &["أذربيجان", "إريتريا", "إسبانيا", "أفغانستان", "الأردن"]
        ));
    }
}
