//! Facet counts in the same pass as the results: for every matching document, its category,
//! section, country and certifications are counted from the fast fields, with how many are
//! new and how many come from verified exhibitors.

use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The counts, keyed by the fast fields' values.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FacetTally {
    pub categories: HashMap<u64, u64>,
    pub sections: HashMap<u64, u64>,
    pub countries: HashMap<u64, u64>,
    pub certifications: HashMap<String, u64>,
    pub new: u64,
    pub verified: u64,
}

impl FacetTally {
    fn add(&mut self, other: FacetTally) {
        let merge = |into: &mut HashMap<u64, u64>, from: HashMap<u64, u64>| {
            for (key, n) in from {
                *into.entry(key).or_default() += n;
            }
        };
        merge(&mut self.categories, other.categories);
        merge(&mut self.sections, other.sections);
        merge(&mut self.countries, other.countries);
        for (key, n) in other.certifications {
            *self.certifications.entry(key).or_default() += n;
        }
        self.new += other.new;
        self.verified += other.verified;
    }
}

/// Counts the facets of every matching document.
pub struct FacetCollector;

/// Counts of one fast field's values in one segment: by value in an array when the values are
/// small numbers (ids, country codes, term numbers), the common case, else in a map.
enum Counter {
    Dense(Vec<u64>),
    Sparse(HashMap<u64, u64>),
}

/// The largest value counted in an array (a few hundred kilobytes at most).
const DENSE_MAX: u64 = 65_535;

impl Counter {
    fn up_to(max: u64) -> Self {
        if max <= DENSE_MAX {
            Counter::Dense(vec![0; max as usize + 1])
        } else {
            Counter::Sparse(HashMap::new())
        }
    }

    fn add(&mut self, value: u64) {
        match self {
            Counter::Dense(counts) => match counts.get_mut(value as usize) {
                Some(n) => *n += 1,
                None => {
                    let mut sparse: HashMap<u64, u64> = counts
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| **n > 0)
                        .map(|(v, n)| (v as u64, *n))
                        .collect();
                    *sparse.entry(value).or_default() += 1;
                    *self = Counter::Sparse(sparse);
                }
            },
            Counter::Sparse(counts) => *counts.entry(value).or_default() += 1,
        }
    }

    fn into_counts(self) -> Vec<(u64, u64)> {
        match self {
            Counter::Dense(counts) => counts
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(v, n)| (v as u64, n))
                .collect(),
            Counter::Sparse(counts) => counts.into_iter().collect(),
        }
    }
}

/// A fast field and the counts of its values.
struct Counted {
    column: Column<u64>,
    counter: Counter,
}

impl Counted {
    fn of(column: Column<u64>) -> Self {
        let counter = Counter::up_to(column.max_value());
        Counted { column, counter }
    }

    fn count(&mut self, doc: DocId) {
        if let Some(value) = self.column.first(doc) {
            self.counter.add(value);
        }
    }

    fn into_map(self) -> HashMap<u64, u64> {
        self.counter.into_counts().into_iter().collect()
    }
}

pub struct SegmentFacets {
    category: Counted,
    section: Counted,
    country: Counted,
    new: Column<u64>,
    verified: Column<u64>,
    new_count: u64,
    verified_count: u64,
    /// Certifications by their term number in this segment, named at harvest.
    certification: Option<(StrColumn, Counter)>,
}

impl Collector for FacetCollector {
    type Fruit = FacetTally;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacets> {
        let fast = segment.fast_fields();
        let certification = fast.str("certification")?.map(|column| {
            let terms = column.num_terms() as u64;
            (column, Counter::up_to(terms.saturating_sub(1)))
        });
        Ok(SegmentFacets {
            category: Counted::of(fast.u64("category")?),
            section: Counted::of(fast.u64("section")?),
            country: Counted::of(fast.u64("country")?),
            new: fast.u64("new")?,
            verified: fast.u64("verified")?,
            new_count: 0,
            verified_count: 0,
            certification,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<FacetTally>) -> tantivy::Result<FacetTally> {
        let mut total = FacetTally::default();
        for fruit in fruits {
            total.add(fruit);
        }
        Ok(total)
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = FacetTally;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.category.count(doc);
        self.section.count(doc);
        self.country.count(doc);
        self.new_count += self.new.first(doc).unwrap_or(0);
        self.verified_count += self.verified.first(doc).unwrap_or(0);
        if let Some((column, counter)) = &mut self.certification {
            for ord in column.term_ords(doc) {
                counter.add(ord);
            }
        }
    }

    fn harvest(self) -> FacetTally {
        let mut certifications = HashMap::new();
        if let Some((column, counter)) = self.certification {
            let mut name = String::new();
            for (ord, n) in counter.into_counts() {
                if column.ord_to_str(ord, &mut name).unwrap_or(false) {
                    *certifications.entry(name.clone()).or_default() += n;
                }
            }
        }
        FacetTally {
            categories: self.category.into_map(),
            sections: self.section.into_map(),
            countries: self.country.into_map(),
            certifications,
            new: self.new_count,
            verified: self.verified_count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_count_the_same_dense_or_sparse() {
        let mut dense = Counter::up_to(10);
        let mut sparse = Counter::up_to(DENSE_MAX + 1);
        for value in [3, 3, 7, 10, 0, 3] {
            dense.add(value);
            sparse.add(value);
        }
        let mut a = dense.into_counts();
        let mut b = sparse.into_counts();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, [(0, 1), (3, 3), (7, 1), (10, 1)]);
        assert_eq!(a, b);
        // A value past the array's end moves the counts to a map, losing none.
        let mut grown = Counter::up_to(2);
        grown.add(1);
        grown.add(90_000);
        let mut c = grown.into_counts();
        c.sort_unstable();
        assert_eq!(c, [(1, 1), (90_000, 1)]);
    }
}
