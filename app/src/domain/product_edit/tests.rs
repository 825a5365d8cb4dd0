use super::*;

fn good() -> ProductForm {
    ProductForm {
        sku: "LED-60".into(),
        title_en: "LED panel 60×60".into(),
        specs: "Power: 40 W\nColour temperature：4000 K\n".into(),
        price_min: "12.5".into(),
        price_max: "1,299.00".into(),
        currency: "USD".into(),
        moq: "500".into(),
        unit_en: "pieces".into(),
        lead_time_days: "30".into(),
        hs_code: "9405.42".into(),
        is_new: "on".into(),
        ..ProductForm::default()
    }
}

#[test]
fn a_good_product_is_accepted_with_chinese_falling_back_to_english() {
    let valid = good().validate().unwrap();
    assert_eq!(valid.price_min_cents, 1250);
    assert_eq!(valid.price_max_cents, 129_900);
    assert_eq!(valid.title_zh, "LED panel 60×60");
    assert_eq!(
        valid.specs[1],
        ("Colour temperature".into(), "4000 K".into())
    );
    assert!(valid.is_new && !valid.published);
    assert_eq!(valid.sku.as_deref(), Some("LED-60"));
    let again = valid.to_form().validate().unwrap();
    assert_eq!(again, valid);
}

#[test]
fn titles_and_descriptions_in_more_languages_are_kept_and_checked() {
    let form = ProductForm {
        title_fr: " Panneau LED 60×60 ".into(),
        description_ru: "Светодиодная панель\nдля офиса".into(),
        ..good()
    };
    let valid = form.validate().unwrap();
    assert_eq!(
        valid.translations.get(Locale::fr).title,
        "Panneau LED 60×60"
    );
    assert_eq!(
        valid.translations.get(Locale::ru).description,
        "Светодиодная панель\nдля офиса"
    );
    assert_eq!(valid.translations.iter().count(), 2);
    assert_eq!(valid.to_form().validate().unwrap(), valid);
    let bad = ProductForm {
        title_ar: "ا".repeat(TITLE_MAX + 1),
        title_es: "Una\nlínea".into(),
        description_fr: "x".repeat(DESCRIPTION_MAX + 1),
        ..good()
    };
    let fields: Vec<String> = bad
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["title_ar", "description_fr", "title_es"]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let form = ProductForm {
        title_en: " ".into(),
        specs: "no colon here".into(),
        price_min: "3.999".into(),
        price_max: "-1".into(),
        currency: "usd".into(),
        moq: "0".into(),
        lead_time_days: "400".into(),
        hs_code: "12AB".into(),
        ..good()
    };
    let errors = form.validate().unwrap_err();
    let fields: Vec<_> = errors
        .iter()
        .map(|e| format!("{}:{}", e.field, e.message))
        .collect();
    assert_eq!(
        fields,
        [
            "title_en:required",
            "specs:spec_invalid",
            "price_min:price_invalid",
            "price_max:price_invalid",
            "currency:currency_unknown",
            "moq:number_invalid",
            "lead_time_days:number_invalid",
            "hs_code:hs_code_invalid",
        ]
    );
}

#[test]
fn prices_are_exact_and_ordered() {
    assert_eq!(parse_cents("0.1"), Some(10));
    assert_eq!(parse_cents("7"), Some(700));
    assert_eq!(parse_cents(".5"), None);
    assert_eq!(parse_cents("1e3"), None);
    assert_eq!(parse_cents("12,50"), Some(1250));
    assert_eq!(parse_cents("100000000.01"), None);
    let reversed = ProductForm {
        price_min: "9".into(),
        price_max: "8".into(),
        ..good()
    };
    assert_eq!(reversed.validate().unwrap_err()[0].message, "price_order");
    let single = ProductForm {
        price_max: String::new(),
        ..good()
    };
    assert_eq!(single.validate().unwrap().price_max_cents, 1250);
    let wrong_single = ProductForm {
        price_min: "x".into(),
        ..single
    };
    let errors = wrong_single.validate().unwrap_err();
    assert_eq!(errors.len(), 1, "one mistake, one message: {errors:?}");
}
