use super::*;
use crate::domain::text::query_value;
use std::collections::HashMap;

fn parse(pairs: &[(&str, &str)]) -> Result<SearchQuery, SearchProblem> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    SearchQuery::parse(|k| map.get(k).cloned())
}

#[test]
fn parses_filters_and_round_trips_them() {
    let q = parse(&[
        ("q", "  LED panel  "),
        ("category", "lighting"),
        ("country", "de"),
        ("new", "1"),
        ("price_max", "12.5"),
        ("moq_max", "500"),
        ("sort", "-price"),
        ("page", "3"),
    ])
    .unwrap();
    assert_eq!(q.text, "LED panel");
    assert_eq!(q.price_max, Some(1250));
    assert_eq!(q.price_currency(), Some(Currency::Usd));
    assert_eq!(q.sort, SearchSort::PriceHigh);
    assert_eq!(q.page, 3);
    assert_eq!(
        q.query_string(3),
        "q=LED+panel&category=lighting&country=DE&new=1&price_max=12.50&moq_max=500&sort=-price&page=3"
    );
    let again = parse(&[
        ("q", "LED panel"),
        ("category", "lighting"),
        ("country", "DE"),
        ("new", "1"),
        ("price_max", "12.50"),
        ("moq_max", "500"),
        ("sort", "-price"),
        ("page", "3"),
    ])
    .unwrap();
    assert_eq!(again, q);
    assert_eq!(
        query_value("不锈钢 & 杯"),
        "%E4%B8%8D%E9%94%88%E9%92%A2+%26+%E6%9D%AF"
    );
}

#[test]
fn caps_the_text_and_treats_blank_values_as_any() {
    let long = "a".repeat(1_000);
    let q = parse(&[("q", &long), ("country", " "), ("page", "")]).unwrap();
    assert_eq!(q.text.chars().count(), QUERY_CHARS_MAX);
    assert_eq!(q.country, None);
    assert_eq!(q.page, 1);
    assert!(parse(&[]).unwrap().is_empty());
    assert!(!parse(&[("new", "1")]).unwrap().is_empty());
}

#[test]
fn names_the_parameter_it_cannot_use() {
    let bad = |pairs: &[(&str, &str)]| parse(pairs).unwrap_err().parameter;
    assert_eq!(bad(&[("country", "ZZ")]), "country");
    assert_eq!(bad(&[("price_min", "-3")]), "price_min");
    assert_eq!(bad(&[("price_max", "1e9")]), "price_max");
    assert_eq!(bad(&[("page", "51")]), "page");
    assert_eq!(bad(&[("moq_max", "lots")]), "moq_max");
    assert_eq!(bad(&[("sort", "random")]), "sort");
    assert_eq!(bad(&[("category", "<script>")]), "category");
    assert_eq!(bad(&[("new", "maybe")]), "new");
    assert_eq!(bad(&[("currency", "XYZ")]), "currency");
}

#[test]
fn amounts_are_exact() {
    assert_eq!(parse_amount("12"), Some(1200));
    assert_eq!(parse_amount("0.05"), Some(5));
    assert_eq!(parse_amount("3.5"), Some(350));
    assert_eq!(parse_amount("3.555"), None);
    assert_eq!(parse_amount("12,50"), Some(1250));
    assert_eq!(parse_amount(".5"), None);
    assert_eq!(format_amount(1250), "12.50");
    assert_eq!(format_amount(1200), "12");
}
