//! The benchmark's fixed set of searches, made from the demo vocabulary with a seeded
//! generator, so every run asks the same: single words, phrases, Chinese, typos; half of them
//! under a filter (a category, a country, new products, a price ceiling or an MOQ ceiling).

use crate::demo::rng::Rng;
use crate::demo::vocabulary::{ADJECTIVES, CATEGORIES, EXHIBITOR_COUNTRIES, MATERIALS};
use app::domain::{CountryCode, SearchQuery};

/// What kind of words a benchmark query has, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Word,
    Phrase,
    Chinese,
    Typo,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Word => "single words",
            Kind::Phrase => "phrases",
            Kind::Chinese => "Chinese",
            Kind::Typo => "typos",
        }
    }
}

/// One search of the set.
#[derive(Clone, Debug)]
pub struct BenchQuery {
    pub kind: Kind,
    pub filtered: bool,
    pub query: SearchQuery,
}

/// `count` searches, the same for the same `seed`.
pub fn query_set(count: usize, seed: u64) -> Vec<BenchQuery> {
    (0..count as i64)
        .map(|n| {
            let mut rng = Rng::for_record(seed, "bench-query", n);
            let category = rng.pick(CATEGORIES);
            let (noun_en, noun_zh) = *rng.pick(category.products);
            let (adjective_en, adjective_zh) = *rng.pick(ADJECTIVES);
            let kind = match n % 4 {
                0 => Kind::Word,
                1 => Kind::Phrase,
                2 => Kind::Chinese,
                _ => Kind::Typo,
            };
            let last_word = noun_en
                .split(' ')
                .next_back()
                .unwrap_or(noun_en)
                .to_lowercase();
            let text = match kind {
                Kind::Word => {
                    if rng.chance(25) {
                        rng.pick(MATERIALS)
                            .0
                            .split(' ')
                            .next()
                            .unwrap_or("steel")
                            .to_lowercase()
                    } else {
                        last_word
                    }
                }
                Kind::Phrase => {
                    format!("{} {}", adjective_en.to_lowercase(), noun_en.to_lowercase())
                }
                Kind::Chinese => {
                    if rng.chance(50) {
                        noun_zh.to_owned()
                    } else {
                        format!("{adjective_zh}{noun_zh}")
                    }
                }
                Kind::Typo => typo(&longest_word(noun_en), &mut rng),
            };
            let filtered = (n / 4) % 2 == 1;
            let mut query = SearchQuery {
                text,
                page: 1,
                ..SearchQuery::default()
            };
            if filtered {
                match rng.range(0, 4) {
                    0 => query.category = Some(category.slug.to_owned()),
                    1 => query.country = CountryCode::parse(rng.pick::<&str>(EXHIBITOR_COUNTRIES)),
                    2 => query.new_only = true,
                    3 => query.price_max = Some(rng.range(5, 50) * 100),
                    _ => query.moq_max = Some(500),
                }
            }
            BenchQuery {
                kind,
                filtered,
                query,
            }
        })
        .collect()
}

fn longest_word(phrase: &str) -> String {
    phrase
        .split(' ')
        .max_by_key(|w| w.len())
        .unwrap_or(phrase)
        .to_lowercase()
}

/// The word with one letter changed, dropped or doubled (not the first: people get that right).
fn typo(word: &str, rng: &mut Rng) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    if letters.len() < 5 {
        return word.to_owned();
    }
    let at = rng.range(1, letters.len() as i64 - 1) as usize;
    match rng.range(0, 2) {
        0 => letters[at] = if letters[at] == 'e' { 'a' } else { 'e' },
        1 => {
            letters.remove(at);
        }
        _ => letters.insert(at, letters[at]),
    }
    letters.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_is_fixed_and_mixed() {
        let set = query_set(1_000, 2026);
        let again = query_set(1_000, 2026);
        assert!(set.iter().zip(&again).all(|(a, b)| a.query == b.query));
        for kind in [Kind::Word, Kind::Phrase, Kind::Chinese, Kind::Typo] {
            assert_eq!(set.iter().filter(|q| q.kind == kind).count(), 250);
        }
        assert_eq!(set.iter().filter(|q| q.filtered).count(), 500);
        assert!(
            set.iter()
                .filter(|q| q.filtered)
                .all(|q| q.query.has_filters())
        );
        assert!(
            set.iter()
                .filter(|q| !q.filtered)
                .all(|q| !q.query.has_filters() && !q.query.text.is_empty())
        );
    }
}
