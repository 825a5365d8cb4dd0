//! The analyzer in each script and language.

use super::*;

fn query_analyzer() -> TextAnalyzer {
    analyzer(false, Some(Algorithm::English))
}

/// The terms of a query word, every Latin stem included.
fn query_terms(text: &str) -> Vec<String> {
    query_words(text)
        .into_iter()
        .flat_map(|word| word.terms)
        .collect()
}

/// The terms of a document text in the language whose Latin words `latin` stems.
fn document_terms(text: &str, latin: Algorithm) -> Vec<String> {
    document_text(text, latin)
        .tokens
        .into_iter()
        .map(|token| token.text)
        .collect()
}

/// Whether every word of `query` finds a term of the document.
fn finds(query: &str, document: &[String]) -> bool {
    query_words(query)
        .iter()
        .all(|word| word.terms.iter().any(|term| document.contains(term)))
}

fn terms(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    analyzer
        .token_stream(text)
        .process(&mut |t| out.push(t.text.clone()));
    out
}

#[test]
fn english_words_are_lowercased_and_stemmed_and_punctuation_goes() {
    assert_eq!(
        terms(document_analyzer(), "LED Panels, 600×600!"),
        ["led", "panel", "600", "600"]
    );
}

#[test]
fn chinese_is_segmented_finer_for_documents_than_for_queries() {
    let document = terms(document_analyzer(), "不锈钢水杯");
    let query = terms(query_analyzer(), "不锈钢水杯");
    assert_eq!(query, ["不锈钢", "水杯"]);
    assert!(
        query.iter().all(|word| document.contains(word)),
        "{document:?}"
    );
    assert!(document.contains(&"不锈".to_owned()), "{document:?}");
}

#[test]
fn words_in_other_scripts_stay_whole() {
    assert_eq!(
        terms(query_analyzer(), "Café crème, façade"),
        ["café", "crème", "façad"]
    );
    assert_eq!(terms(document_analyzer(), "Настольная лампа").len(), 2);
    assert_eq!(terms(document_analyzer(), "مصباح مكتب").len(), 2);
    // Arabic with its vowel marks is one word.
    assert_eq!(terms(document_analyzer(), "مِصْبَاح").len(), 1);
    assert_eq!(
        terms(query_analyzer(), "Lámpara LED不锈钢水杯 café灯 Wi-Fi"),
        ["lámpara", "led", "不锈钢", "水杯", "café", "灯", "wi-fi"]
    );
    let offsets: Vec<(usize, usize)> = {
        let mut analyzer = document_analyzer();
        let mut stream = analyzer.token_stream("a café");
        let mut offsets = Vec::new();
        stream.process(&mut |token| offsets.push((token.offset_from, token.offset_to)));
        offsets
    };
    assert_eq!(offsets, [(0, 1), (2, 7)]);
}

#[test]
fn query_words_keep_what_was_typed() {
    let words = query_words("Stainles  steel,,, 水杯");
    let typed: Vec<_> = words.iter().map(|w| w.typed.as_str()).collect();
    let stems: Vec<_> = words.iter().map(|w| w.term()).collect();
    assert_eq!(typed, ["stainles", "steel", "水杯"]);
    assert_eq!(stems, ["stainl", "steel", "水杯"]);
    assert!(query_words("!!! ... ???").is_empty());
}

#[test]
fn russian_words_meet_in_any_form() {
    let document = terms(
        document_analyzer(),
        "Настольная лампа, светодиодная подсветка",
    );
    assert!(finds("лампы", &document), "{document:?}");
    assert!(finds("настольные лампу", &document), "{document:?}");
    assert!(finds("светодиодные", &document), "{document:?}");
    assert!(!finds("чайник", &document));
    // A long word in two-byte letters is still a word (the limit counts letters).
    let long = "высокопроизводительный";
    assert_eq!(terms(document_analyzer(), long).len(), 1);
}

#[test]
fn arabic_is_normalised_and_stemmed() {
    let document = terms(document_analyzer(), "مصباح مكتب، أضواء");
    // Vowel marks, the elongation, the article, the forms of alef.
    assert!(finds("مِصْبَاح", &document), "{document:?}");
    assert!(finds("مصـــباح", &document), "{document:?}");
    assert!(finds("المصباح", &document), "{document:?}");
    assert!(finds("اضواء", &document), "{document:?}");
    assert!(!finds("غلاية", &document));
}

#[test]
fn french_and_spanish_texts_are_stemmed_in_their_language() {
    let french = document_terms("Lampes de bureau, lumière réglable", Algorithm::French);
    assert!(finds("lampe", &french), "{french:?}");
    assert!(finds("lumières réglables", &french), "{french:?}");
    let spanish = document_terms("Lámparas de escritorio", Algorithm::Spanish);
    assert!(finds("lámpara", &spanish), "{spanish:?}");
    assert!(finds("escritorios", &spanish), "{spanish:?}");
    // An English query still finds English words as before.
    let english = terms(document_analyzer(), "Desk lamps");
    assert!(finds("lamp desks", &english), "{english:?}");
    // A Latin query word carries each language's stem once.
    assert_eq!(query_terms("lamp"), ["lamp"]);
    assert!(query_terms("lumières").len() >= 2);
}
