//! A buyer's search as a tantivy query (for products, or for exhibitors under the filters a
//! company has), built from analysed words rather than parsed, so no input can break a query
//! syntax. Every word must match (in some field, under any of its stems); a title match
//! weighs most, then the exhibitor's name and the category or section, then the description
//! and specifications. Words of five letters or more also match with one typo (not in the
//! first letter), weighing less than the word itself. Filters narrow without changing scores.
//!
//! The work of one query is bounded: at most [`QUERY_WORDS_MAX`] words are searched (the
//! rest are dropped, and the page says so), and only the first [`TYPO_WORDS_MAX`] of them
//! that could have a typo get the automata that find one (each runs through the term
//! dictionaries of four fields).

use super::analyzer::{QueryWord, query_words};
use super::schema::{EXHIBITOR, Fields, PRODUCT, country_number, currency_number};
use super::typo::TypoQuery;
use app::domain::SearchQuery;
use app::domain::search::QUERY_WORDS_MAX;
use std::ops::Bound;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

const TITLE_BOOST: f32 = 4.0;
const MAKER_BOOST: f32 = 1.5;
const PLACE_BOOST: f32 = 1.5;
const TYPO_BOOST: f32 = 0.8;

/// The most words of one query that may match with a typo.
pub const TYPO_WORDS_MAX: usize = 3;
/// The fewest letters of a word that may match with a typo.
const TYPO_LETTERS_MIN: usize = 5;

/// The ids the URL's slugs name, found by the caller.
#[derive(Clone, Copy, Debug, Default)]
pub struct ResolvedFilters {
    pub category: Option<u64>,
    pub section: Option<u64>,
}

/// Whether a query's words had anything searchable in them.
pub enum Words {
    /// No words were typed: every product (then filtered).
    All,
    /// Only punctuation and the like was typed.
    Nothing,
    /// The words to search for, at most [`QUERY_WORDS_MAX`]; `cut` when there were more.
    Some { words: Vec<QueryWord>, cut: bool },
}

/// The words of the query's text.
pub fn words(text: &str) -> Words {
    if text.trim().is_empty() {
        return Words::All;
    }
    match query_words(text) {
        words if words.is_empty() => Words::Nothing,
        mut words => {
            let cut = words.len() > QUERY_WORDS_MAX;
            words.truncate(QUERY_WORDS_MAX);
            Words::Some { words, cut }
        }
    }
}

/// Which of `words` may match with a typo: those of [`TYPO_LETTERS_MIN`] Latin letters or
/// more, the first [`TYPO_WORDS_MAX`] of them.
fn typo_words(words: &[QueryWord]) -> Vec<bool> {
    let mut left = TYPO_WORDS_MAX;
    words
        .iter()
        .map(|word| {
            let could = word.typed.chars().count() >= TYPO_LETTERS_MIN
                && word.typed.chars().all(|c| c.is_ascii_alphabetic());
            let may = could && left > 0;
            left -= usize::from(may);
            may
        })
        .collect()
}

/// The query for products matching `words` under `search`'s filters; `prefix_last` lets the
/// last word be the start of one (for suggestions as the buyer types).
pub fn build(
    fields: &Fields,
    words: &[QueryWord],
    search: &SearchQuery,
    resolved: ResolvedFilters,
    prefix_last: bool,
) -> Box<dyn Query> {
    let mut filters = company_filters(fields, search, resolved);
    filters.extend(product_filters(fields, search));
    matching(fields, words, PRODUCT, filters, prefix_last)
}

/// The query for exhibitors matching `words` under the filters that apply to a company
/// (category, section, country, certification, verified).
pub fn build_exhibitors(
    fields: &Fields,
    words: &[QueryWord],
    search: &SearchQuery,
    resolved: ResolvedFilters,
) -> Box<dyn Query> {
    matching(
        fields,
        words,
        EXHIBITOR,
        company_filters(fields, search, resolved),
        false,
    )
}

/// Documents of `kind` matching every word and every filter.
fn matching(
    fields: &Fields,
    words: &[QueryWord],
    kind: u64,
    filters: Vec<Box<dyn Query>>,
    prefix_last: bool,
) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = words
        .iter()
        .zip(typo_words(words))
        .enumerate()
        .map(|(at, (word, typos))| {
            let as_prefix = prefix_last && at + 1 == words.len();
            (Occur::Must, word_query(fields, word, typos, as_prefix))
        })
        .collect();
    clauses.push((Occur::Must, unscored(equals(fields.kind, kind))));
    clauses.extend(filters.into_iter().map(|f| (Occur::Must, unscored(f))));
    if words.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn word_query(fields: &Fields, word: &QueryWord, typos: bool, as_prefix: bool) -> Box<dyn Query> {
    let term = |field: Field, text: &str| Term::from_field_text(field, text);
    let weighted = [
        (fields.title, TITLE_BOOST),
        (fields.maker, MAKER_BOOST),
        (fields.place, PLACE_BOOST),
        (fields.body, 1.0),
    ];
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, boost) in weighted {
        // Each Latin language's stem of the word (most words have one for all three).
        for text in &word.terms {
            let query = TermQuery::new(term(field, text), IndexRecordOption::WithFreqs);
            alternatives.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(query), boost)),
            ));
        }
    }
    if typos {
        // One typo: two made the automaton of a long word slow (p99 of 219 ms for typos at
        // Canton scale) for little gain.
        let mut typos = vec![word.typed.as_str()];
        if word.term() != word.typed {
            typos.push(word.term());
        }
        for (field, boost) in weighted {
            for typo in &typos {
                let query = TypoQuery::new(field, typo);
                alternatives.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(query), boost * TYPO_BOOST)),
                ));
            }
        }
    }
    if as_prefix {
        let query = FuzzyTermQuery::new_prefix(term(fields.title, &word.typed), 0, false);
        alternatives.push((
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(query), TYPO_BOOST)),
        ));
    }
    Box::new(BooleanQuery::new(alternatives))
}

/// A clause that must match and adds nothing to the score.
fn unscored(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, 0.0))
}

fn equals(field: Field, value: u64) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_u64(field, value),
        IndexRecordOption::Basic,
    ))
}

fn at_least(field: Field, value: u64) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_u64(field, value)),
        Bound::Unbounded,
    ))
}

fn at_most(field: Field, value: u64) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Unbounded,
        Bound::Included(Term::from_field_u64(field, value)),
    ))
}

/// The filters of `search` that a company has too, each a query every result must match.
fn company_filters(
    fields: &Fields,
    search: &SearchQuery,
    resolved: ResolvedFilters,
) -> Vec<Box<dyn Query>> {
    let mut out = Vec::new();
    if let Some(category) = resolved.category {
        out.push(equals(fields.category, category));
    }
    if let Some(section) = resolved.section {
        out.push(equals(fields.section, section));
    }
    if let Some(country) = search.country {
        out.push(equals(fields.country, country_number(country)));
    }
    if let Some(certification) = &search.certification {
        out.push(Box::new(TermQuery::new(
            Term::from_field_text(fields.certification, certification),
            IndexRecordOption::Basic,
        )));
    }
    if search.verified_only {
        out.push(equals(fields.verified, 1));
    }
    out
}

/// Whether `search` narrows by something only products have (new, price, MOQ).
pub fn has_product_filters(search: &SearchQuery) -> bool {
    search.new_only
        || search.price_currency().is_some()
        || search.moq_min.is_some()
        || search.moq_max.is_some()
}

/// The filters of `search` that only products have.
fn product_filters(fields: &Fields, search: &SearchQuery) -> Vec<Box<dyn Query>> {
    let mut out = Vec::new();
    if search.new_only {
        out.push(equals(fields.new, 1));
    }
    if let Some(currency) = search.price_currency() {
        out.push(equals(fields.currency, currency_number(currency)));
        // The product's range overlaps the one asked for.
        if let Some(min) = search.price_min {
            out.push(at_least(fields.price_max, min as u64));
        }
        if let Some(max) = search.price_max {
            out.push(at_most(fields.price_min, max as u64));
        }
    }
    if let Some(min) = search.moq_min {
        out.push(at_least(fields.moq, min as u64));
    }
    if let Some(max) = search.moq_max {
        out.push(at_most(fields.moq, max as u64));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(words: &Words) -> Vec<&str> {
        match words {
            Words::Some { words, .. } => words.iter().map(|w| w.typed.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn a_query_searches_at_most_its_first_words() {
        let long = words(&"lantern ".repeat(40));
        assert!(matches!(long, Words::Some { cut: true, .. }));
        assert_eq!(typed(&long).len(), QUERY_WORDS_MAX);
        let short = words("red lantern");
        assert!(matches!(short, Words::Some { cut: false, .. }));
        assert_eq!(typed(&short), ["red", "lantern"]);
    }

    #[test]
    fn only_the_first_long_latin_words_may_have_a_typo() {
        let Words::Some { words, .. } = words("led lanterns 灯笼 batery kettles solar panels")
        else {
            panic!("words expected");
        };
        let typed: Vec<_> = words.iter().map(|w| w.typed.as_str()).collect();
        assert_eq!(
            typed,
            [
                "led", "lanterns", "灯笼", "batery", "kettles", "solar", "panels"
            ]
        );
        assert_eq!(
            typo_words(&words),
            [false, true, false, true, true, false, false]
        );
    }
}
