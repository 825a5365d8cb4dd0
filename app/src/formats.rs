//! The data behind the counted texts of `locales/*.json` (CLDR's plural rules: `_one`,
//! `_few`, … keys) and their numbers (`{{ count, number }}`: 12,345 in English, 12 345 in
//! French), from ICU4X's compiled data. leptos_i18n formats them; `install` hands it this data
//! once per process, before the first page is rendered or hydrated: the server's router and
//! the whole site's bundle call it. The catalogue pages' islands bundle does not (no island
//! shows a counted text), which keeps the data out of the light first load; an island that
//! showed one would need `install` in `hydrate` for both bundles. And prices' amounts
//! (`hundredths`), written with the same data.

use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::DecimalFormatterOptions;
use icu_locale::Locale;
use icu_plurals::{PluralRuleType, PluralRules};
use icu_provider::DataError;
use leptos_i18n::custom_provider::{IcuDataProvider, set_icu_data_provider};

/// ICU4X's compiled data for plural rules and number formats.
struct CompiledData;

impl IcuDataProvider for CompiledData {
    fn try_new_num_formatter(
        &self,
        locale: &Locale,
        options: DecimalFormatterOptions,
    ) -> Result<DecimalFormatter, DataError> {
        DecimalFormatter::try_new(locale.into(), options)
    }

    fn try_new_plural_rules(
        &self,
        locale: &Locale,
        rule_type: PluralRuleType,
    ) -> Result<PluralRules, DataError> {
        PluralRules::try_new(locale.into(), rule_type.into())
    }
}

/// `value` hundredths with both decimals, as `locale` writes numbers: "1,299.50", "1 299,50"
/// in French, "1299,50" in Spanish (which groups from five digits). Plain "1299.50" should
/// the data lack the language (it has all six).
pub fn hundredths(value: i64, locale: crate::i18n::Locale) -> String {
    use leptos_i18n::Locale as _;
    let mut number = Decimal::from(value);
    number.multiply_pow10(-2);
    number.pad_end(-2);
    Locale::try_from_str(locale.as_str())
        .ok()
        .and_then(|language| DecimalFormatter::try_new((&language).into(), Default::default()).ok())
        .map_or_else(
            || number.to_string(),
            |formatter| formatter.format(&number).to_string(),
        )
}

/// Gives leptos_i18n the data; later calls do nothing.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| set_icu_data_provider(CompiledData));
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Locale, td_string};

    /// Each language's plural forms and digits, through the same macros the pages use.
    #[test]
    fn counts_take_each_languages_plural_form_and_digits() {
        super::install();
        let count = |locale: Locale, n: i64| td_string!(locale, booth_count, count = n).to_string();
        assert_eq!(count(Locale::en, 1), "1 booth");
        assert_eq!(count(Locale::en, 12345), "12,345 booths");
        assert_eq!(count(Locale::zh, 2), "2 个展位");
        assert_eq!(count(Locale::ru, 1), "1 стенд");
        assert_eq!(count(Locale::ru, 3), "3 стенда");
        assert_eq!(count(Locale::ru, 5), "5 стендов");
        assert_eq!(count(Locale::ru, 21), "21 стенд");
        assert_eq!(count(Locale::fr, 0), "0 stand");
        assert_eq!(count(Locale::fr, 1500), "1\u{202f}500 stands");
        assert_eq!(count(Locale::es, 2), "2 stands");
        assert_eq!(count(Locale::ar, 0), "لا توجد أجنحة");
        assert_eq!(count(Locale::ar, 2), "جناحان");
        assert_eq!(count(Locale::ar, 3), "3 أجنحة");
        assert_eq!(count(Locale::ar, 11), "11 جناحًا");
        assert_eq!(count(Locale::ar, 1000), "1,000 جناح");
    }

    #[test]
    fn amounts_are_written_each_languages_way() {
        let amount = |locale: Locale, value: i64| super::hundredths(value, locale);
        assert_eq!(amount(Locale::en, 129_950), "1,299.50");
        assert_eq!(amount(Locale::en, 5), "0.05");
        assert_eq!(amount(Locale::zh, 1_000_000), "10,000.00");
        assert_eq!(amount(Locale::fr, 129_950), "1\u{202f}299,50");
        assert_eq!(amount(Locale::es, 129_950), "1299,50");
        assert_eq!(amount(Locale::es, 1_299_950), "12.999,50");
        assert_eq!(amount(Locale::ru, 129_950), "1\u{a0}299,50");
        assert_eq!(amount(Locale::ar, 250), "2.50");
        assert_eq!(amount(Locale::en, -250), "-2.50");
    }
}
