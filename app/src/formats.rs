//! The data behind the counted texts of `locales/*.json` (CLDR's plural rules: `_one`,
//! `_few`, … keys) and their numbers (`{{ count, number }}`: 12,345 in English, 12 345 in
//! French), from ICU4X's compiled data. leptos_i18n formats them; `install` hands it this data
//! once per process, before the first page is rendered or hydrated: the server's router and
//! the whole site's bundle call it. The catalogue pages' islands bundle does not (no island
//! shows a counted text), which keeps the data out of the light first load; an island that
//! showed one would need `install` in `hydrate` for both bundles. And, from the same data,
//! prices' amounts (`hundredths`) and the plural category of a count for texts written outside
//! the locale files (the server's mails: `plural`).

use crate::i18n::Locale as AppLocale;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::DecimalFormatterOptions;
use icu_locale::Locale;
pub use icu_plurals::PluralCategory;
use icu_plurals::{PluralRuleType, PluralRules};
use icu_provider::DataError;
use leptos_i18n::custom_provider::{IcuDataProvider, set_icu_data_provider};
use std::cell::RefCell;

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
pub fn hundredths(value: i64, locale: AppLocale) -> String {
    thread_local! {
        /// One formatter per language, made on first use: a page of prices asks often.
        static FORMATTERS: RefCell<Vec<(AppLocale, Option<DecimalFormatter>)>> =
            const { RefCell::new(Vec::new()) };
    }
    let mut number = Decimal::from(value);
    number.multiply_pow10(-2);
    number.pad_end(-2);
    FORMATTERS.with_borrow_mut(|made| {
        let at = match made.iter().position(|(known, _)| *known == locale) {
            Some(at) => at,
            None => {
                let formatter = icu(locale).and_then(|language| {
                    DecimalFormatter::try_new((&language).into(), Default::default()).ok()
                });
                made.push((locale, formatter));
                made.len() - 1
            }
        };
        match &made[at].1 {
            Some(formatter) => formatter.format(&number).to_string(),
            None => number.to_string(),
        }
    })
}

/// The plural category of `count` in `locale`, by CLDR's cardinal rules; English's should the
/// data lack the language (it has all six).
pub fn plural(locale: AppLocale, count: i64) -> PluralCategory {
    icu(locale)
        .and_then(|language| {
            PluralRules::try_new((&language).into(), PluralRuleType::Cardinal.into()).ok()
        })
        .map_or(
            if count == 1 {
                PluralCategory::One
            } else {
                PluralCategory::Other
            },
            |rules| rules.category_for(count),
        )
}

/// The language as ICU4X names it.
fn icu(locale: AppLocale) -> Option<Locale> {
    use leptos_i18n::Locale as _;
    Locale::try_from_str(locale.as_str()).ok()
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
