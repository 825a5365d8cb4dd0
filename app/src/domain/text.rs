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
}
