//! Content in the fair's languages.

use crate::i18n::Locale;
use leptos_i18n::Locale as _;
use serde::{Deserialize, Serialize};

/// A text in the fair's languages: English always, Simplified Chinese nearly always (a copy
/// of the English where none was typed), Arabic, French, Spanish and Russian where someone
/// wrote them. The missing ones are empty and left out of what is sent to the browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    pub en: String,
    pub zh: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ar: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fr: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub es: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ru: String,
}

impl Localized {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
            ..Self::default()
        }
    }

    /// Each language's text from `text` (the names of countries, for instance).
    pub fn each(text: impl Fn(Locale) -> String) -> Self {
        let mut out = Self::default();
        for locale in Locale::get_all() {
            *out.slot(*locale) = text(*locale);
        }
        out
    }

    /// The text written in `locale`, empty where there is none.
    pub fn written(&self, locale: Locale) -> &str {
        match locale {
            Locale::en => &self.en,
            Locale::zh => &self.zh,
            Locale::ar => &self.ar,
            Locale::fr => &self.fr,
            Locale::es => &self.es,
            Locale::ru => &self.ru,
        }
    }

    /// Sets the text of `locale`.
    pub fn set(&mut self, locale: Locale, text: impl Into<String>) {
        *self.slot(locale) = text.into();
    }

    fn slot(&mut self, locale: Locale) -> &mut String {
        match locale {
            Locale::en => &mut self.en,
            Locale::zh => &mut self.zh,
            Locale::ar => &mut self.ar,
            Locale::fr => &mut self.fr,
            Locale::es => &mut self.es,
            Locale::ru => &mut self.ru,
        }
    }

    /// The text a reader of `locale` sees: theirs, else English, else Chinese.
    pub fn get(&self, locale: Locale) -> &str {
        self.shown(locale).0
    }

    /// The text a reader of `locale` sees and the language it is written in, for a `lang`
    /// attribute where that is not the page's. A Chinese text equal to the English one is
    /// the English copy saved where no Chinese was typed, so it counts as English.
    pub fn shown(&self, locale: Locale) -> (&str, Locale) {
        let own = self.written(locale);
        let copy = locale == Locale::zh && own == self.en;
        if !own.is_empty() && !copy {
            (own, locale)
        } else if !self.en.is_empty() {
            (&self.en, Locale::en)
        } else {
            (&self.zh, Locale::zh)
        }
    }

    /// The shown text with the `lang` its element needs on a page in `locale`: `None` when
    /// the text is in the page's language.
    pub fn shown_with_lang(&self, locale: Locale) -> (String, Option<&'static str>) {
        let (text, language) = self.shown(locale);
        (text.to_owned(), other_language(language, locale))
    }
}

/// The code of `text_language` when it differs from the page's, for a `lang` attribute.
pub fn other_language(text_language: Locale, page: Locale) -> Option<&'static str> {
    (text_language != page).then(|| text_language.as_str())
}

/// A Chinese text as saved: the English one where none was typed, so that every place that
/// reads the Chinese column has a text.
pub fn or_english(chinese: String, english: &str) -> String {
    if chinese.is_empty() {
        english.to_owned()
    } else {
        chinese
    }
}

/// A Unix time as `2026-11-22 07:05 UTC`, the same on the server and in the browser.
pub fn utc_minute(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let minute_of_day = unix_seconds.rem_euclid(86_400) / 60;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        minute_of_day / 60,
        minute_of_day % 60
    )
}

/// A count with thousands separators: 2350000 → "2,350,000" (the grouping both languages use).
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `value` with every byte but RFC 3986's unreserved characters percent-encoded: safe in a
/// query value or a path segment.
pub fn percent_encode(value: &str) -> String {
    encode(value, "%20")
}

/// A query-string value as forms write it: `percent_encode`d, with a space as `+`.
pub fn query_value(value: &str) -> String {
    encode(value, "+")
}

fn encode(value: &str, space: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push_str(space),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_minutes() {
        assert_eq!(utc_minute(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_minute(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc_minute(1_795_331_100), "2026-11-22 07:05 UTC");
        assert_eq!(utc_minute(-60), "1969-12-31 23:59 UTC");
    }

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

    #[test]
    fn a_reader_sees_their_language_else_english_else_chinese_and_which_it_is() {
        let mut title = Localized::new("Desk lamp", "台灯");
        title.set(Locale::fr, "Lampe de bureau");
        assert_eq!(title.shown(Locale::fr), ("Lampe de bureau", Locale::fr));
        assert_eq!(title.shown(Locale::es), ("Desk lamp", Locale::en));
        assert_eq!(title.shown(Locale::zh), ("台灯", Locale::zh));
        assert_eq!(
            title.shown_with_lang(Locale::ru),
            ("Desk lamp".to_owned(), Some("en"))
        );
        assert_eq!(
            title.shown_with_lang(Locale::fr),
            ("Lampe de bureau".to_owned(), None)
        );
        // The English copy saved as Chinese is English.
        let copied = Localized::new("iPhone case", "iPhone case");
        assert_eq!(copied.shown(Locale::zh), ("iPhone case", Locale::en));
        // Only Chinese: everyone reads it, marked as Chinese.
        let chinese = Localized::new("", "灯笼");
        assert_eq!(chinese.shown(Locale::ar), ("灯笼", Locale::zh));
    }

    #[test]
    fn missing_languages_are_left_out_of_the_json() {
        let mut title = Localized::new("Lamp", "灯");
        assert_eq!(
            serde_json::to_string(&title).unwrap(),
            r#"{"en":"Lamp","zh":"灯"}"#
        );
        title.set(Locale::ar, "مصباح");
        let json = serde_json::to_string(&title).unwrap();
        assert_eq!(json, r#"{"en":"Lamp","zh":"灯","ar":"مصباح"}"#);
        assert_eq!(serde_json::from_str::<Localized>(&json).unwrap(), title);
    }
}
