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

/// Languages read from an `Accept-Language` header before giving up on it: a longer list is
/// someone's test, not a browser.
const ACCEPT_LANGUAGE_ENTRIES: usize = 32;

/// The fair's language a browser prefers most by its `Accept-Language` header (`fr-CA,
/// ar;q=0.9`): the highest weight wins, the earlier of equals; regions are ignored, `q=0`
/// means "not this one", and anything unreadable is skipped. `None` when it names none of
/// the six.
pub fn preferred(accept_language: &str) -> Option<&'static str> {
    let mut best: Option<(&'static str, f32)> = None;
    for entry in accept_language.split(',').take(ACCEPT_LANGUAGE_ENTRIES) {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let weight = parts
            .find_map(|param| param.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .filter(|q| (0.0..=1.0).contains(q));
        if let (Some(code), Some(weight)) = (known(&primary), weight)
            && weight > 0.0
            && best.is_none_or(|(_, top)| weight > top)
        {
            best = Some((code, weight));
        }
    }
    best.map(|(code, _)| code)
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
            ("de-DE,de;q=0.9,es;q=0.5,ru;q=0.7", Some("ru")),
            ("zh_TW", Some("zh")),
            ("EN-gb", Some("en")),
            ("ru;q=0, es", Some("es")),
            ("de, it;q=0.5", None),
            ("es;q=2, fr;q=abc, ar;q=0.1", Some("ar")),
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
