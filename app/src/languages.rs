//! The fair's languages by their codes (`en`, `zh`, `ar`, `fr`, `es`, `ru`), as the language
//! switch, the `?lang=` addresses and the sitemaps name them.

use crate::i18n::Locale;
use leptos_i18n::Locale as _;

/// Every language's code, in the locales' order.
pub fn codes() -> impl Iterator<Item = &'static str> {
    Locale::get_all().iter().map(|locale| locale.as_str())
}

/// The fair's code equal to `code`, if it has that language.
pub fn known(code: &str) -> Option<&'static str> {
    codes().find(|known| *known == code)
}

/// The language of `code`, English when the fair has no such language.
pub fn locale(code: &str) -> Locale {
    Locale::get_all()
        .iter()
        .copied()
        .find(|known| known.as_str() == code)
        .unwrap_or_default()
}

/// The writing direction of a text in the language of `code`, for its element's `dir`.
pub fn direction(code: &str) -> &'static str {
    if code == "ar" { "rtl" } else { "ltr" }
}

/// Languages read from an `Accept-Language` header before giving up on it: a longer list is
/// someone's test, not a browser.
const ACCEPT_LANGUAGE_ENTRIES: usize = 32;

/// The first of the fair's languages an `Accept-Language` header names (`fr-CA, ar;q=0.9`),
/// regions ignored. In the header's order, not by its weights: the pages choose their
/// language so (leptos_i18n reads the list through leptos-use, which keeps the order), and a
/// mail must be in the language of the page that sent it; browsers write the list heaviest
/// first. `None` when it names none of the six.
pub fn preferred(accept_language: &str) -> Option<&'static str> {
    accept_language
        .split(',')
        .take(ACCEPT_LANGUAGE_ENTRIES)
        .find_map(|entry| {
            let tag = entry.split(';').next().unwrap_or_default().trim();
            let primary = tag.split(['-', '_']).next().unwrap_or_default();
            known(&primary.to_ascii_lowercase())
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn six_languages_by_exact_code() {
        assert_eq!(
            super::codes().collect::<Vec<_>>(),
            ["en", "zh", "ar", "fr", "es", "ru"]
        );
        assert_eq!(super::known("ar"), Some("ar"));
        for other in ["", "AR", "xx", "en-US"] {
            assert_eq!(super::known(other), None, "{other}");
        }
    }

    #[test]
    fn the_browsers_preferred_language_of_the_six() {
        let cases = [
            ("ar-EG,ar;q=0.9,en;q=0.8", Some("ar")),
            ("fr-CA", Some("fr")),
            ("de-DE,de;q=0.9,es;q=0.5,ru;q=0.7", Some("es")),
            ("zh_TW", Some("zh")),
            ("EN-gb", Some("en")),
            ("de, it;q=0.5", None),
            (" xx-YY ;q=1, ru ;Q=0.4", Some("ru")),
            ("*", None),
            ("", None),
            (";;;,,,q=1", None),
        ];
        for (header, expected) in cases {
            assert_eq!(super::preferred(header), expected, "{header}");
        }
        let long = format!("{}ar", "de,".repeat(100));
        assert_eq!(
            super::preferred(&long),
            None,
            "only the first entries are read"
        );
    }
}
