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

pub struct SegmentFacets {
    category: Column<u64>,
    section: Column<u64>,
    country: Column<u64>,
    new: Column<u64>,
    verified: Column<u64>,
    certification: Option<StrColumn>,
    /// Counts by the certification's term number in this segment, named at harvest.
    certification_ords: HashMap<u64, u64>,
    tally: FacetTally,
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
        Ok(SegmentFacets {
            category: fast.u64("category")?,
            section: fast.u64("section")?,
            country: fast.u64("country")?,
            new: fast.u64("new")?,
            verified: fast.u64("verified")?,
            certification: fast.str("certification")?,
            certification_ords: HashMap::new(),
            tally: FacetTally::default(),
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
        let count = |column: &Column<u64>, into: &mut HashMap<u64, u64>| {
            if let Some(value) = column.first(doc) {
                *into.entry(value).or_default() += 1;
            }
        };
        count(&self.category, &mut self.tally.categories);
        count(&self.section, &mut self.tally.sections);
        count(&self.country, &mut self.tally.countries);
        self.tally.new += self.new.first(doc).unwrap_or(0);
        self.tally.verified += self.verified.first(doc).unwrap_or(0);
        if let Some(column) = &self.certification {
            for ord in column.term_ords(doc) {
                *self.certification_ords.entry(ord).or_default() += 1;
            }
        }
    }

    fn harvest(mut self) -> FacetTally {
        if let Some(column) = &self.certification {
            let mut name = String::new();
            for (ord, n) in self.certification_ords {
                if column.ord_to_str(ord, &mut name).unwrap_or(false) {
                    *self.tally.certifications.entry(name.clone()).or_default() += n;
                }
            }
        }
        self.tally
    }
}
