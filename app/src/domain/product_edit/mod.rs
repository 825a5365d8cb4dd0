//! What an exhibitor edits on a product, and the rules the browser, the server and the bulk
//! import all apply. A form holds strings as typed; `validate` turns it into a product or
//! into every problem at once, each a field and a message code.

use super::money::{Currency, PriceRange, parse_typed_amount};
use super::text::or_english;
use super::translations::{MORE_LANGUAGES, Translation, Translations};
use super::validation::{Problems, whole_number};
use super::{Localized, ProductId};
use crate::error::ErrorCode;
use crate::error::FieldError;
use crate::i18n::Locale;
use leptos_i18n::Locale as _;
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 5_000;
pub const SPECS_MAX: usize = 30;
pub const SPEC_KEY_MAX: usize = 60;
pub const SPEC_VALUE_MAX: usize = 200;
pub const UNIT_MAX: usize = 20;
pub const SKU_MAX: usize = 64;
/// Highest price accepted, in minor units (100 million).
pub const PRICE_MAX_CENTS: i64 = 10_000_000_000;
pub const MOQ_MAX: i64 = 1_000_000_000;
pub const LEAD_TIME_MAX_DAYS: i64 = 365;

/// The product form as typed. Specifications are one per line, `key: value`; flags are
/// "on" (a ticked box) or empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductForm {
    pub sku: String,
    pub title_en: String,
    pub title_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub specs: String,
    pub price_min: String,
    pub price_max: String,
    pub currency: String,
    pub moq: String,
    pub unit_en: String,
    pub unit_zh: String,
    pub lead_time_days: String,
    pub hs_code: String,
    pub is_new: String,
    pub published: String,
    pub title_ar: String,
    pub description_ar: String,
    pub title_fr: String,
    pub description_fr: String,
    pub title_es: String,
    pub description_es: String,
    pub title_ru: String,
    pub description_ru: String,
}

/// A product that passed every rule. Chinese texts left empty take the English ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidProduct {
    pub sku: Option<String>,
    pub title_en: String,
    pub title_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub specs: Vec<(String, String)>,
    pub price_min_cents: i64,
    pub price_max_cents: i64,
    pub currency: Currency,
    pub moq: i64,
    pub unit_en: String,
    pub unit_zh: String,
    pub lead_time_days: i64,
    pub hs_code: String,
    pub is_new: bool,
    pub published: bool,
    /// Titles and descriptions in Arabic, French, Spanish and Russian, where written.
    pub translations: Translations,
}

/// Most photos a product has.
pub const PHOTOS_MAX: usize = 8;

/// A product in its team's own list, drafts included, in the team's order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamProduct {
    pub id: ProductId,
    pub position: i64,
    pub sku: Option<String>,
    pub title: Localized,
    pub price: PriceRange,
    pub is_new: bool,
    pub published: bool,
    pub cover: Option<String>,
}

/// A product as its editor opens it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableProduct {
    pub exhibitor: super::ExhibitorId,
    pub form: ProductForm,
    /// Hashes of the uploaded photos, in order.
    pub photos: Vec<String>,
    /// The 3D model's stored file name, if any.
    pub model: Option<String>,
}

/// The form's fields by name, in the order the editor and import files use (the languages
/// beyond English and Chinese came later, so they come last).
pub const PRODUCT_FIELDS: [&str; 24] = [
    "sku",
    "title_en",
    "title_zh",
    "description_en",
    "description_zh",
    "specs",
    "price_min",
    "price_max",
    "currency",
    "moq",
    "unit_en",
    "unit_zh",
    "lead_time_days",
    "hs_code",
    "is_new",
    "published",
    "title_ar",
    "description_ar",
    "title_fr",
    "description_fr",
    "title_es",
    "description_es",
    "title_ru",
    "description_ru",
];

impl ProductForm {
    /// Each field's name and value, in `PRODUCT_FIELDS` order.
    pub fn fields(&self) -> [(&'static str, &String); 24] {
        let values = [
            &self.sku,
            &self.title_en,
            &self.title_zh,
            &self.description_en,
            &self.description_zh,
            &self.specs,
            &self.price_min,
            &self.price_max,
            &self.currency,
            &self.moq,
            &self.unit_en,
            &self.unit_zh,
            &self.lead_time_days,
            &self.hs_code,
            &self.is_new,
            &self.published,
            &self.title_ar,
            &self.description_ar,
            &self.title_fr,
            &self.description_fr,
            &self.title_es,
            &self.description_es,
            &self.title_ru,
            &self.description_ru,
        ];
        let mut n = 0;
        values.map(|value| {
            n += 1;
            (PRODUCT_FIELDS[n - 1], value)
        })
    }

    /// The field named `name`, to fill from an import file's column.
    pub fn field_mut(&mut self, name: &str) -> Option<&mut String> {
        Some(match name {
            "sku" => &mut self.sku,
            "title_en" => &mut self.title_en,
            "title_zh" => &mut self.title_zh,
            "description_en" => &mut self.description_en,
            "description_zh" => &mut self.description_zh,
            "specs" => &mut self.specs,
            "price_min" => &mut self.price_min,
            "price_max" => &mut self.price_max,
            "currency" => &mut self.currency,
            "moq" => &mut self.moq,
            "unit_en" => &mut self.unit_en,
            "unit_zh" => &mut self.unit_zh,
            "lead_time_days" => &mut self.lead_time_days,
            "hs_code" => &mut self.hs_code,
            "is_new" => &mut self.is_new,
            "published" => &mut self.published,
            "title_ar" => &mut self.title_ar,
            "description_ar" => &mut self.description_ar,
            "title_fr" => &mut self.title_fr,
            "description_fr" => &mut self.description_fr,
            "title_es" => &mut self.title_es,
            "description_es" => &mut self.description_es,
            "title_ru" => &mut self.title_ru,
            "description_ru" => &mut self.description_ru,
            _ => return None,
        })
    }

    /// The title and description typed in `locale`, one of [`MORE_LANGUAGES`].
    fn more_texts(&self, locale: Locale) -> (&String, &String) {
        match locale {
            Locale::ar => (&self.title_ar, &self.description_ar),
            Locale::fr => (&self.title_fr, &self.description_fr),
            Locale::es => (&self.title_es, &self.description_es),
            _ => (&self.title_ru, &self.description_ru),
        }
    }

    fn more_texts_mut(&mut self, locale: Locale) -> (&mut String, &mut String) {
        match locale {
            Locale::ar => (&mut self.title_ar, &mut self.description_ar),
            Locale::fr => (&mut self.title_fr, &mut self.description_fr),
            Locale::es => (&mut self.title_es, &mut self.description_es),
            _ => (&mut self.title_ru, &mut self.description_ru),
        }
    }

    /// Field, before, after, for each field where `after` differs from this form.
    pub fn changes_to(&self, after: &ProductForm) -> Vec<(String, String, String)> {
        self.fields()
            .into_iter()
            .zip(after.fields())
            .filter(|((_, old), (_, new))| old != new)
            .map(|((field, old), (_, new))| (field.to_owned(), old.clone(), new.clone()))
            .collect()
    }

    /// Checks every field, reporting all problems at once.
    pub fn validate(&self) -> Result<ValidProduct, Vec<FieldError>> {
        let mut problems = Problems::default();
        let sku = self.sku.trim();
        if sku.chars().count() > SKU_MAX || sku.chars().any(char::is_control) {
            problems.add("sku", ErrorCode::SkuInvalid);
        }
        let title_en = problems.line("title_en", &self.title_en, TITLE_MAX, true);
        let title_zh = problems.line("title_zh", &self.title_zh, TITLE_MAX, false);
        let description_en = problems.text(
            "description_en",
            &self.description_en,
            DESCRIPTION_MAX,
            false,
        );
        let description_zh = problems.text(
            "description_zh",
            &self.description_zh,
            DESCRIPTION_MAX,
            false,
        );
        let mut translations = Translations::default();
        for locale in MORE_LANGUAGES {
            let (title, description) = self.more_texts(locale);
            let code = locale.as_str();
            let title = problems.line(&format!("title_{code}"), title, TITLE_MAX, false);
            let description = problems.text(
                &format!("description_{code}"),
                description,
                DESCRIPTION_MAX,
                false,
            );
            translations.set(locale, Translation { title, description });
        }
        let unit_en = problems.line("unit_en", &self.unit_en, UNIT_MAX, true);
        let unit_zh = problems.line("unit_zh", &self.unit_zh, UNIT_MAX, false);
        let specs = match parse_specs(&self.specs) {
            Ok(specs) => specs,
            Err(code) => {
                problems.add("specs", code);
                Vec::new()
            }
        };
        let price_min = parse_cents(&self.price_min);
        if price_min.is_none() {
            problems.add("price_min", ErrorCode::PriceInvalid);
        }
        // An empty highest price is a single price: only the lowest one can be wrong then.
        let price_max = match self.price_max.trim() {
            "" => price_min,
            typed => parse_cents(typed).or_else(|| {
                problems.add("price_max", ErrorCode::PriceInvalid);
                None
            }),
        };
        if let (Some(min), Some(max)) = (price_min, price_max)
            && min > max
        {
            problems.add("price_max", ErrorCode::PriceOrder);
        }
        let currency = Currency::parse(self.currency.trim());
        if currency.is_none() {
            problems.add("currency", ErrorCode::CurrencyUnknown);
        }
        let moq = whole_number(&self.moq, 1, MOQ_MAX);
        if moq.is_none() {
            problems.add("moq", ErrorCode::NumberInvalid);
        }
        let lead_time_days = whole_number(&self.lead_time_days, 0, LEAD_TIME_MAX_DAYS);
        if lead_time_days.is_none() {
            problems.add("lead_time_days", ErrorCode::NumberInvalid);
        }
        let hs_code = self.hs_code.trim().to_owned();
        if !valid_hs_code(&hs_code) {
            problems.add("hs_code", ErrorCode::HsCodeInvalid);
        }
        match (price_min, price_max, currency, moq, lead_time_days) {
            (Some(min), Some(max), Some(currency), Some(moq), Some(lead))
                if problems.is_empty() =>
            {
                Ok(ValidProduct {
                    sku: (!sku.is_empty()).then(|| sku.to_owned()),
                    title_zh: or_english(title_zh, &title_en),
                    title_en,
                    description_zh: or_english(description_zh, &description_en),
                    description_en,
                    specs,
                    price_min_cents: min,
                    price_max_cents: max,
                    currency,
                    moq,
                    unit_zh: or_english(unit_zh, &unit_en),
                    unit_en,
                    lead_time_days: lead,
                    hs_code,
                    is_new: is_ticked(&self.is_new),
                    published: is_ticked(&self.published),
                    translations,
                })
            }
            _ => Err(problems.into_errors()),
        }
    }
}

impl ValidProduct {
    /// The form that shows this product, as the editor and the audit log compare it.
    pub fn to_form(&self) -> ProductForm {
        let tick = |on: bool| if on { "on" } else { "" }.to_owned();
        let mut form = ProductForm {
            sku: self.sku.clone().unwrap_or_default(),
            title_en: self.title_en.clone(),
            title_zh: self.title_zh.clone(),
            description_en: self.description_en.clone(),
            description_zh: self.description_zh.clone(),
            specs: specs_text(&self.specs),
            price_min: amount(self.price_min_cents),
            price_max: amount(self.price_max_cents),
            currency: self.currency.code().to_owned(),
            moq: self.moq.to_string(),
            unit_en: self.unit_en.clone(),
            unit_zh: self.unit_zh.clone(),
            lead_time_days: self.lead_time_days.to_string(),
            hs_code: self.hs_code.clone(),
            is_new: tick(self.is_new),
            published: tick(self.published),
            ..ProductForm::default()
        };
        for (locale, translation) in self.translations.iter() {
            let (title, description) = form.more_texts_mut(locale);
            title.clone_from(&translation.title);
            description.clone_from(&translation.description);
        }
        form
    }
}

/// "2.50" for 250 minor units.
pub fn amount(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// Specifications as the form shows them: `key: value`, one per line.
pub fn specs_text(specs: &[(String, String)]) -> String {
    specs
        .iter()
        .map(|(key, value)| format!("{key}: {value}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether a flag field says yes: a ticked box sends "on"; imports say 1, yes, true, y.
pub fn is_ticked(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "on" | "1" | "yes" | "y" | "true" | "是"
    )
}

/// `key: value` lines (a full-width colon works too); blank lines are skipped.
fn parse_specs(text: &str) -> Result<Vec<(String, String)>, ErrorCode> {
    let lines = text.lines().map(str::trim).filter(|line| !line.is_empty());
    let mut specs = Vec::new();
    for line in lines {
        let (key, value) = line
            .split_once([':', '：'])
            .map(|(k, v)| (k.trim(), v.trim()))
            .filter(|(k, v)| !k.is_empty() && !v.is_empty())
            .ok_or(ErrorCode::SpecInvalid)?;
        if key.chars().count() > SPEC_KEY_MAX || value.chars().count() > SPEC_VALUE_MAX {
            return Err(ErrorCode::TooLong);
        }
        specs.push((key.to_owned(), value.to_owned()));
    }
    if specs.len() > SPECS_MAX {
        return Err(ErrorCode::TooMany);
    }
    Ok(specs)
}

/// A price as typed (`money::parse_typed_amount`: "12", "12,50", "1,299.00") in minor units,
/// within the largest price.
pub fn parse_cents(typed: &str) -> Option<i64> {
    parse_typed_amount(typed).filter(|cents| *cents <= PRICE_MAX_CENTS)
}

/// Empty, or 6 to 10 digits with optional dots ("8539.50", "853950", "8539.50.00").
fn valid_hs_code(code: &str) -> bool {
    let digits = code.bytes().filter(u8::is_ascii_digit).count();
    code.is_empty()
        || (code.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && (6..=10).contains(&digits)
            && !code.starts_with('.'))
}

#[cfg(test)]
mod tests;
