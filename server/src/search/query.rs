//! A buyer's search as a tantivy query (for products, or for exhibitors under the filters a
//! company has), built from analysed words rather than parsed, so no input can break a query
//! syntax. Every word must match (in some field); a title match
//! weighs most, then the exhibitor's name and the category or section, then the description
//! and specifications. Words of five letters or more also match with one typo (not in the
//! first letter), weighing less than the word itself. Filters narrow without changing scores.

use super::analyzer::{QueryWord, query_words};
use super::schema::{EXHIBITOR, Fields, PRODUCT, country_number, currency_number};
use super::typo::TypoQuery;
use app::domain::SearchQuery;
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
    Some(Vec<QueryWord>),
}

/// The words of the query's text.
pub fn words(text: &str) -> Words {
    if text.trim().is_empty() {
        return Words::All;
    }
    match query_words(text) {
        words if words.is_empty() => Words::Nothing,
        words => Words::Some(words),
    }
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
        .enumerate()
        .map(|(at, word)| {
            (
                Occur::Must,
                word_query(fields, word, prefix_last && at + 1 == words.len()),
            )
        })
        .collect();
    clauses.push((Occur::Must, unscored(equals(fields.kind, kind))));
    clauses.extend(filters.into_iter().map(|f| (Occur::Must, unscored(f))));
    if words.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn word_query(fields: &Fields, word: &QueryWord, as_prefix: bool) -> Box<dyn Query> {
    let term = |field: Field, text: &str| Term::from_field_text(field, text);
    let exact = |field: Field, boost: f32| -> (Occur, Box<dyn Query>) {
        let query = TermQuery::new(term(field, &word.term), IndexRecordOption::WithFreqs);
        (
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(query), boost)),
        )
    };
    let mut alternatives = vec![
        exact(fields.title, TITLE_BOOST),
        exact(fields.maker, MAKER_BOOST),
        exact(fields.place, PLACE_BOOST),
        exact(fields.body, 1.0),
    ];
    let letters = word.typed.chars().count();
    if letters >= 5 && word.typed.chars().all(|c| c.is_ascii_alphabetic()) {
        // One typo: two made the automaton of a long word slow (p99 of 219 ms for typos at
        // Canton scale) for little gain.
        let mut typos = vec![word.typed.as_str()];
        if word.term != word.typed {
            typos.push(&word.term);
        }
        let fields = [
            (fields.title, TITLE_BOOST),
            (fields.maker, MAKER_BOOST),
            (fields.place, PLACE_BOOST),
            (fields.body, 1.0),
        ];
        for (field, boost) in fields {
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
