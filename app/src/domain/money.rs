//! Prices: integer minor units and a currency, never floating point.

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
    /// "US$ 2.50–3.80", or a single price when both ends are equal.
    pub fn display(&self) -> String {
        let amount = |cents: i64| format!("{}.{:02}", cents / 100, cents % 100);
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
        assert_eq!(range.display(), "US$ 2.50–13.80");
        let single = PriceRange {
            min_cents: 99_00,
            max_cents: 99_00,
            currency: Currency::Cny,
        };
        assert_eq!(single.display(), "¥ 99.00");
        assert_eq!(Currency::parse("EUR"), Some(Currency::Eur));
        assert_eq!(Currency::parse("eur"), None);
    }
}
