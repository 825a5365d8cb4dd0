//! Content that carries both of the fair's languages.

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// A text in English and Simplified Chinese; the Chinese may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub en: String,
    pub zh: String,
}

impl Localized {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self { en: en.into(), zh: zh.into() }
    }

    /// The text in `locale`, falling back to English where no translation exists.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::zh if !self.zh.is_empty() => &self.zh,
            _ => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english() {
        let both = Localized::new("Lighting", "照明");
        assert_eq!(both.get(Locale::zh), "照明");
        assert_eq!(both.get(Locale::en), "Lighting");
        assert_eq!(Localized::new("Lighting", "").get(Locale::zh), "Lighting");
    }
}
