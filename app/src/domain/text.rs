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
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// The text in `locale`, falling back to English where no translation exists.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::zh if !self.zh.is_empty() => &self.zh,
            _ => &self.en,
        }
    }
}

/// A count with thousands separators: 2350000 → "2,350,000" (the grouping both languages use).
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(12_000), "12,000");
        assert_eq!(grouped(2_350_000), "2,350,000");
        assert_eq!(grouped(-1_000), "-1,000");
    }

    #[test]
    fn falls_back_to_english() {
        let both = Localized::new("Lighting", "照明");
        assert_eq!(both.get(Locale::zh), "照明");
        assert_eq!(both.get(Locale::en), "Lighting");
        assert_eq!(Localized::new("Lighting", "").get(Locale::zh), "Lighting");
    }
}
