//! Demo records made from the seed: exhibitors and products, each from its own random stream.

use super::rng::Rng;
use super::vocabulary::translations::{self, Language};
use super::vocabulary::{
    ADJECTIVES, BRANDS, CATEGORIES, CERTIFICATIONS, CITIES, COLORS, CategoryWords,
    EXHIBITOR_COUNTRIES, MARKETS, MATERIALS,
};
use crate::storage::rows::StoredSpec;
use app::domain::{CountryCode, Translation, Translations};
use app::i18n::Locale;

pub struct ExhibitorRecord {
    pub id: i64,
    pub slug: String,
    pub name: (String, String),
    pub country: &'static str,
    pub year_founded: i64,
    pub staff_size: i64,
    pub main_markets: String,
    pub certifications: String,
    pub verified: bool,
    pub description: (String, String),
}

/// Exhibitor `index` (0-based) of a hall in category `category`.
pub fn exhibitor(seed: u64, index: i64, category: &CategoryWords) -> ExhibitorRecord {
    let mut rng = Rng::for_record(seed, "exhibitor", index);
    let id = index + 1;
    let (city_slug, city_en, city_zh) = *rng.pick(CITIES);
    let (brand_slug, brand_en, brand_zh) = *rng.pick(BRANDS);
    let (trade_en, trade_zh) = category.trade;
    let country = if rng.chance(75) {
        "CN"
    } else {
        *rng.pick(EXHIBITOR_COUNTRIES)
    };
    let (name_en, name_zh) = if country == "CN" {
        (
            format!("{city_en} {brand_en} {trade_en} Co., Ltd."),
            format!("{city_zh}{brand_zh}{trade_zh}有限公司"),
        )
    } else {
        (
            format!("{brand_en} {trade_en} International"),
            format!("{brand_zh}{trade_zh}国际公司"),
        )
    };
    let year_founded = rng.range(1985, 2021);
    let market_count = rng.range(2, 4) as usize;
    let markets: Vec<&str> = rng
        .pick_some(MARKETS, market_count)
        .into_iter()
        .copied()
        .collect();
    let certification_count = rng.range(1, 3) as usize;
    let certifications: Vec<&str> = rng
        .pick_some(CERTIFICATIONS, certification_count)
        .into_iter()
        .copied()
        .collect();
    let country_en = CountryCode::parse(country)
        .map(|c| c.name(app::i18n::Locale::en))
        .unwrap_or("China");
    let country_zh = CountryCode::parse(country)
        .map(|c| c.name(app::i18n::Locale::zh))
        .unwrap_or("中国");
    let description = (
        format!(
            "Founded in {year_founded}, {name_en} designs, manufactures and exports {} from {}. \
             We serve buyers in {} with OEM and ODM service, sample support and on-time delivery.",
            category.name.0.to_lowercase(),
            if country == "CN" { city_en } else { country_en },
            markets.join(", "),
        ),
        format!(
            "{name_zh}成立于{year_founded}年，位于{}，专业设计、生产和出口{}，产品销往{}等市场，提供OEM/ODM、样品支持和准时交货。",
            if country == "CN" { city_zh } else { country_zh },
            category.name.1,
            markets.len(),
        ),
    );
    ExhibitorRecord {
        id,
        slug: format!("{city_slug}-{brand_slug}-{id}"),
        name: (name_en, name_zh),
        country,
        year_founded,
        staff_size: rng.range(2, 500) * 10,
        main_markets: markets.join("|"),
        certifications: certifications.join("|"),
        verified: rng.chance(60),
        description,
    }
}

pub struct ProductRecord {
    pub id: i64,
    pub title: (String, String),
    pub description: (String, String),
    pub specs: String,
    pub price_min_cents: i64,
    pub price_max_cents: i64,
    pub currency: &'static str,
    pub moq: i64,
    pub unit: (&'static str, &'static str),
    pub lead_time_days: i64,
    pub image_count: i64,
    /// Titles and descriptions in Arabic, French, Spanish and Russian (`Translations`' JSON).
    pub translations: Option<String>,
}

/// Product `index` (0-based) of an exhibitor in `category`.
pub fn product(
    seed: u64,
    index: i64,
    category: &CategoryWords,
    exhibitor: &ExhibitorRecord,
) -> ProductRecord {
    let mut rng = Rng::for_record(seed, "product", index);
    let id = index + 1;
    let (noun_en, noun_zh) = *rng.pick(category.products);
    let (adj_en, adj_zh) = *rng.pick(ADJECTIVES);
    let model = format!("{}-{:04}", &exhibitor.slug[..2].to_uppercase(), id % 10_000);
    let (material_en, material_zh) = *rng.pick(MATERIALS);
    let color = *rng.pick(COLORS);
    let size = format!(
        "{} × {} × {} mm",
        rng.range(5, 120) * 5,
        rng.range(5, 80) * 5,
        rng.range(1, 60) * 5
    );
    let per_carton = rng.range(1, 12) * 10;
    let certification = exhibitor
        .certifications
        .split('|')
        .next()
        .unwrap_or("ISO 9001")
        .to_owned();
    let spec = |en: &str, zh: &str, value: String| StoredSpec {
        en: en.to_owned(),
        zh: zh.to_owned(),
        value,
    };
    let specs = vec![
        spec("Model", "型号", model.clone()),
        spec("Material", "材质", format!("{material_en} / {material_zh}")),
        spec("Colour", "颜色", color.to_owned()),
        spec("Size", "尺寸", size),
        spec(
            "Packaging",
            "包装",
            format!("{per_carton} {} per carton", category.unit.0),
        ),
        spec("Certification", "认证", certification),
        spec("Place of origin", "产地", exhibitor.country.to_owned()),
    ];
    let price_min_cents = (10f64.powf(rng.range(150, 450) as f64 / 100.0)).round() as i64;
    let price_max_cents = price_min_cents * rng.range(100, 200) / 100;
    let currency = match rng.range(0, 9) {
        0 => "EUR",
        1 => "CNY",
        _ => "USD",
    };
    let lead_time_days = rng.range(7, 60);
    let moq = [10, 50, 100, 200, 500, 1000, 5000][rng.range(0, 6) as usize];
    let image_count = rng.range(1, 5);
    let words = Words {
        adjective: adj_en,
        noun: noun_en,
        model: &model,
        material: material_en,
        per_carton,
        moq,
        unit: category.unit.0,
        lead_time_days,
    };
    let translations = translated(&words, exhibitor.country, rng.chance(TRANSLATED_PERCENT));
    ProductRecord {
        id,
        title: (
            format!("{adj_en} {noun_en} {model}"),
            format!("{adj_zh}{noun_zh} {model}"),
        ),
        description: (
            format!(
                "{adj_en} {} made of {}, from {}. Packed {per_carton} {} to a carton; minimum order {moq} {}, \
                 delivered in about {lead_time_days} days; samples and custom logos available.",
                noun_en.to_lowercase(),
                material_en.to_lowercase(),
                exhibitor.name.0.trim_end_matches('.'),
                category.unit.0,
                category.unit.0,
            ),
            format!(
                "{}出品的{adj_zh}{noun_zh}，{material_zh}材质，每箱{per_carton}{}，起订量{moq}{}，约{lead_time_days}天交货，可提供样品和定制标志。",
                exhibitor.name.1, category.unit.1, category.unit.1
            ),
        ),
        specs: serde_json::to_string(&specs).unwrap_or_else(|_| "[]".to_owned()),
        price_min_cents,
        price_max_cents,
        currency,
        moq,
        unit: category.unit,
        lead_time_days,
        image_count,
        translations: translations.to_stored(),
    }
}

/// Products whose titles an exporter wrote in all four languages beyond English and Chinese.
const TRANSLATED_PERCENT: u64 = 10;

/// What a product's texts are made of.
struct Words<'a> {
    adjective: &'a str,
    noun: &'a str,
    model: &'a str,
    material: &'a str,
    per_carton: i64,
    moq: i64,
    unit: &'a str,
    lead_time_days: i64,
}

/// A product's texts beyond English and Chinese: title and description in the language of an
/// exhibitor's country where it is one of them, and the titles in all four for an exporter
/// that wrote them (`everywhere`).
fn translated(words: &Words, country: &str, everywhere: bool) -> Translations {
    let own = match country {
        "AE" | "EG" | "SA" => Some(Language::Arabic),
        "FR" => Some(Language::French),
        "AR" | "CL" | "ES" | "MX" => Some(Language::Spanish),
        "RU" => Some(Language::Russian),
        _ => None,
    };
    let mut out = Translations::default();
    for (language, locale) in [
        (Language::Arabic, Locale::ar),
        (Language::French, Locale::fr),
        (Language::Spanish, Locale::es),
        (Language::Russian, Locale::ru),
    ] {
        let theirs = own == Some(language);
        if !theirs && !everywhere {
            continue;
        }
        let title = translations::title(language, words.adjective, words.noun, words.model);
        let description = theirs.then(|| {
            translations::description(
                language,
                words.adjective,
                words.noun,
                words.material,
                words.per_carton,
                words.moq,
                words.unit,
                words.lead_time_days,
            )
        });
        out.set(
            locale,
            Translation {
                title: title.unwrap_or_default(),
                description: description.flatten().unwrap_or_default(),
            },
        );
    }
    out
}

/// The category a section index (0-based, in vocabulary order) belongs to.
pub fn section_category(section: usize) -> (usize, &'static CategoryWords) {
    let mut left = section;
    for (i, category) in CATEGORIES.iter().enumerate() {
        if left < category.sections.len() {
            return (i, category);
        }
        left -= category.sections.len();
    }
    (CATEGORIES.len() - 1, &CATEGORIES[CATEGORIES.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_sections_in_sixteen_categories() {
        assert_eq!(CATEGORIES.len(), 16);
        assert_eq!(
            CATEGORIES.iter().map(|c| c.sections.len()).sum::<usize>(),
            50
        );
        assert_eq!(section_category(0).0, 0);
        assert_eq!(section_category(49).0, 15);
    }

    #[test]
    fn records_are_deterministic() {
        let a = exhibitor(7, 12, &CATEGORIES[1]);
        let b = exhibitor(7, 12, &CATEGORIES[1]);
        assert_eq!((a.slug.clone(), a.name.clone()), (b.slug, b.name));
        let p = product(7, 99, &CATEGORIES[1], &a);
        assert_eq!(p.title, product(7, 99, &CATEGORIES[1], &a).title);
        assert!(p.price_min_cents <= p.price_max_cents && p.moq > 0);
        assert!(serde_json::from_str::<Vec<StoredSpec>>(&p.specs).is_ok());
    }

    #[test]
    fn exhibitors_write_in_their_country_language_and_some_in_all_four() {
        let from = |country| ExhibitorRecord {
            country,
            ..exhibitor(7, 12, &CATEGORIES[0])
        };
        let texts = |exhibitor: &ExhibitorRecord, index| {
            let stored = product(7, index, &CATEGORIES[0], exhibitor).translations;
            Translations::from_stored(stored.as_deref())
        };
        let french = from("FR");
        for index in 0..50 {
            let french = texts(&french, index).get(Locale::fr);
            assert!(!french.title.is_empty() && !french.description.is_empty());
        }
        let chinese = from("CN");
        let all_four = (0..1_000)
            .map(|index| texts(&chinese, index))
            .filter(|texts| texts.iter().count() > 0)
            .inspect(|texts| {
                assert_eq!(texts.iter().count(), 4);
                assert!(texts.iter().all(|(_, t)| t.description.is_empty()));
            })
            .count();
        assert!((70..130).contains(&all_four), "{all_four} of 1,000");
    }
}
