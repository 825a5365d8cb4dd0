use super::*;
use crate::domain::conversation::MESSAGE_CHARS_MAX;
use crate::error::FieldError;

fn codes(errors: Vec<FieldError>) -> Vec<String> {
    errors
        .into_iter()
        .map(|e| format!("{}:{}", e.field, e.message))
        .collect()
}

#[test]
fn a_good_inquiry_is_accepted_and_a_bad_one_reports_every_field() {
    let good = InquiryForm {
        quantity: "5000".into(),
        target_price: "2.35".into(),
        currency: "USD".into(),
        incoterm: "FOB".into(),
        destination_country: "DE".into(),
        destination_place: " Hamburg ".into(),
        message: "Samples first?".into(),
    };
    let valid = good.validate().unwrap();
    assert_eq!(valid.target_price_cents, Some(235));
    assert_eq!(valid.destination_place, "Hamburg");
    let no_target = InquiryForm {
        target_price: String::new(),
        ..good.clone()
    };
    assert_eq!(no_target.validate().unwrap().target_price_cents, None);
    let bad = InquiryForm {
        quantity: "-3".into(),
        target_price: "0".into(),
        currency: "GBP".into(),
        incoterm: "FOO".into(),
        destination_country: "XX".into(),
        destination_place: "".into(),
        message: "x".repeat(MESSAGE_CHARS_MAX + 1),
    };
    assert_eq!(
        codes(bad.validate().unwrap_err()),
        [
            "quantity:number_invalid",
            "target_price:price_invalid",
            "currency:currency_unknown",
            "incoterm:choose_one",
            "destination_country:country_unknown",
            "destination_place:required",
            "message:too_long",
        ]
    );
}

#[test]
fn quotations_refuse_absurd_values() {
    let good = QuotationForm {
        quantity: "5000".into(),
        unit_price: "2.40".into(),
        currency: "USD".into(),
        moq: "1000".into(),
        lead_time_days: "30".into(),
        valid_days: "14".into(),
        note: String::new(),
    };
    assert_eq!(good.validate().unwrap().unit_price_cents, 240);
    let below_moq = QuotationForm {
        quantity: "999".into(),
        ..good.clone()
    };
    assert_eq!(
        codes(below_moq.validate().unwrap_err()),
        ["quantity:quantity_below_moq"]
    );
    let absurd = QuotationForm {
        quantity: "1000000000".into(),
        unit_price: "99999999".into(),
        moq: "1".into(),
        lead_time_days: "400".into(),
        valid_days: "0".into(),
        ..good.clone()
    };
    assert_eq!(
        codes(absurd.validate().unwrap_err()),
        [
            "lead_time_days:number_invalid",
            "valid_days:number_invalid",
            "unit_price:total_too_large",
        ]
    );
    let negative = QuotationForm {
        unit_price: "-2".into(),
        ..good
    };
    assert_eq!(
        codes(negative.validate().unwrap_err()),
        ["unit_price:price_invalid"]
    );
}

#[test]
fn answers_need_a_choice_and_a_counter_needs_its_terms() {
    let answer = |answer: &str, price: &str, quantity: &str| AnswerForm {
        answer: answer.into(),
        counter_price: price.into(),
        counter_quantity: quantity.into(),
        note: String::new(),
    };
    assert_eq!(answer("accept", "", "").validate(), Ok(Answer::Accept));
    assert_eq!(
        answer("counter", "2.10", "6000").validate(),
        Ok(Answer::Counter {
            unit_price_cents: 210,
            quantity: 6000,
            note: String::new()
        })
    );
    assert_eq!(
        codes(answer("counter", "", "0").validate().unwrap_err()),
        [
            "counter_price:price_invalid",
            "counter_quantity:number_invalid"
        ]
    );
    assert_eq!(
        codes(answer("maybe", "", "").validate().unwrap_err()),
        ["answer:choose_one"]
    );
}

#[test]
fn orders_move_only_forward_and_by_the_right_side() {
    use OrderStatus::*;
    assert_eq!(Placed.next_for(Side::Exhibitor), [Confirmed, Cancelled]);
    assert_eq!(Placed.next_for(Side::Buyer), [Cancelled]);
    assert_eq!(Confirmed.next_for(Side::Exhibitor), [Shipped, Cancelled]);
    assert_eq!(Shipped.next_for(Side::Buyer), [Completed]);
    assert!(Shipped.next_for(Side::Exhibitor).is_empty());
    assert!(Completed.next_for(Side::Buyer).is_empty());
    assert!(Cancelled.next_for(Side::Exhibitor).is_empty());
}

#[test]
fn money_is_grouped_with_its_currency() {
    assert_eq!(money(123_456_789, Currency::Usd), "1,234,567.89 USD");
    assert_eq!(money(5, Currency::Eur), "0.05 EUR");
    assert_eq!(money(100_000, Currency::Cny), "1,000.00 CNY");
}
