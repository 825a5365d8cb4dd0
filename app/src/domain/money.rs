//! Prices: integer minor units and a currency, never floating point.

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// The currencies exhibitors quote in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Currency {
    Usd,
    Eur,
    Cny,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Cny => "CNY",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Currency::Usd, Currency::Eur, Currency::Cny]
            .into_iter()
            .find(|c| c.code() == code)
    }

    fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "US$",
            Currency::Eur => "€",
            Currency::Cny => "¥",
        }
    }
}

/// A FOB unit price range, in minor units (cents).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceRange {
    pub min_cents: i64,
    pub max_cents: i64,
    pub currency: Currency,
}

impl PriceRange {
    /// "US$ 2.50–3.80", or a single price when both ends are equal; the amounts written the
    /// way `locale` writes numbers ("US$ 2,50–3,80" in French, by CLDR through ICU4X).
    pub fn display(&self, locale: Locale) -> String {
        let amount = |cents: i64| crate::formats::hundredths(cents, locale);
        if self.min_cents == self.max_cents {
            format!("{} {}", self.currency.symbol(), amount(self.min_cents))
        } else {
            format!(
                "{} {}–{}",
                self.currency.symbol(),
                amount(self.min_cents),
                amount(self.max_cents)
            )
        }
    }
}

/// An amount as people type it, in minor units: "12", "12.5", "1,299.00", and as other
/// languages write it: "12,50", "1.299,00", "1 299,50" (any space, or an apostrophe, between
/// thousands), Arabic-Indic digits and the Arabic decimal and thousands marks ("١٢٫٥٠").
/// A mark followed by one or two digits, or the later of two different marks, is the decimal
/// one; the others must group thousands. A lone dot before three digits ("1.299") is refused
/// rather than guessed. At most two decimals and nine whole digits; `None` if it is not such
/// an amount.
pub fn parse_typed_amount(typed: &str) -> Option<i64> {
    let mut text = String::with_capacity(typed.len());
    for c in typed.trim().chars() {
        match c {
            '0'..='9' | '.' | ',' => text.push(c),
            '\u{0660}'..='\u{0669}' => text.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
            '\u{06F0}'..='\u{06F9}' => text.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
            '\u{066B}' => text.push('.'),
            '\u{066C}' => text.push(','),
            '\'' | '\u{2019}' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    let decimal = match (text.rfind('.'), text.rfind(',')) {
        (Some(dot), Some(comma)) => Some(dot.max(comma)),
        (Some(at), None) | (None, Some(at)) => {
            let mark = text.as_bytes()[at];
            let once = text.bytes().filter(|b| *b == mark).count() == 1;
            let after = text.len() - at - 1;
            // "1.299": three decimals in English, a thousand in Spanish; refused, not guessed.
            if once && mark == b'.' && after == 3 {
                return None;
            }
            (once && (1..=2).contains(&after)).then_some(at)
        }
        (None, None) => None,
    };
    let (whole, fraction) = match decimal {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text.as_str(), ""),
    };
    let mut groups = whole.split(['.', ',']);
    let first = groups.next()?;
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 || first.is_empty() || first.starts_with('0') {
            return None;
        }
        digits.push_str(group);
    }
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if digits.is_empty()
        || digits.len() > 9
        || fraction.len() > 2
        || !all_digits(&digits)
        || !all_digits(fraction)
        || (decimal.is_some() && fraction.is_empty())
    {
        return None;
    }
    let cents = format!("{fraction:0<2}").parse::<i64>().ok()?;
    Some(digits.parse::<i64>().ok()? * 100 + cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_ranges_and_single_prices() {
        let range = PriceRange {
            min_cents: 250,
            max_cents: 1380,
            currency: Currency::Usd,
        };
        assert_eq!(range.display(Locale::en), "US$ 2.50–13.80");
        assert_eq!(range.display(Locale::fr), "US$ 2,50–13,80");
        let single = PriceRange {
            min_cents: 99_00,
            max_cents: 99_00,
            currency: Currency::Cny,
        };
        assert_eq!(single.display(Locale::zh), "¥ 99.00");
        assert_eq!(single.display(Locale::ru), "¥ 99,00");
        assert_eq!(Currency::parse("EUR"), Some(Currency::Eur));
        assert_eq!(Currency::parse("eur"), None);
    }

    #[test]
    fn reads_amounts_as_each_language_writes_them() {
        for (typed, cents) in [
            ("12", 1200),
            ("12.5", 1250),
            ("0.05", 5),
            ("1,299.00", 129_900),
            ("1,299", 129_900),
            ("12,50", 1250),
            ("12,5", 1250),
            ("1.299,00", 129_900),
            ("1.299.000", 129_900_000),
            ("1 299,50", 129_950),
            ("1\u{a0}299,50", 129_950),
            ("1\u{202f}299,50", 129_950),
            ("1'299.50", 129_950),
            ("1,234,567.89", 123_456_789),
            ("١٢٫٥٠", 1250),
            ("١٬٢٩٩٫٥", 129_950),
            ("۱۲", 1200),
            (" 7 ", 700),
        ] {
            assert_eq!(parse_typed_amount(typed), Some(cents), "{typed}");
        }
        for typed in [
            "",
            ".5",
            ",5",
            "12.",
            "3.555",
            "1e3",
            "-5",
            "12,50,00",
            "1,29,000",
            "1.2.3",
            "1.299",
            "0.035",
            "0,035",
            "12.50.00",
            "abc",
            "1234567890",
            "US$12",
            "１２",
        ] {
            assert_eq!(parse_typed_amount(typed), None, "{typed}");
        }
    }
}
