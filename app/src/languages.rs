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
}
