//! Product search: a tantivy index on disk under the data folder, kept in step with the
//! database by the indexer (`sync.rs`), answering the `Search` port. An index that is
//! missing, unreadable or of an older schema is replaced by an empty one, which the indexer
//! then builds from the database.

pub mod analyzer;
pub mod facets;
pub mod query;
pub mod schema;
pub mod sync;
pub mod typo;

use crate::gates;
use anyhow::Context;
use app::domain::search::{
    EXHIBITORS_SHOWN, FacetCount, RESULTS_PER_PAGE, SearchFacets, SearchHint, SearchSort,
};
use app::domain::{Localized, ProductSummary, SearchQuery, SearchResults};
use app::error::AppError;
use app::ports::{Catalogue, Search};
use facets::{FacetCollector, FacetTally};
use query::{ResolvedFilters, Words};
use schema::{Fields, SCHEMA_VERSION, country_of_number};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, IndexReader, Order, ReloadPolicy, Searcher, TantivyDocument};

/// What each commit records: the schema it was built with and how far into the change feed
/// the index has got (see `sync::FeedCursor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    pub feed: i64,
}

/// The index and what reads it; cheap to clone.
#[derive(Clone)]
pub struct SearchIndex {
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
    /// Set once a full build has been committed: until then searches answer `Unavailable`.
    ready: Arc<AtomicBool>,
}

impl SearchIndex {
    /// Opens the index in `dir`, or starts an empty one there when it is missing, unreadable
    /// or of another schema version.
    pub fn open(dir: &Path) -> anyhow::Result<SearchIndex> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the search index folder {}", dir.display()))?;
        let (schema, fields) = schema::schema();
        let existing = Index::open_in_dir(dir).ok().filter(|index| {
            index.schema() == schema && progress(index).is_some_and(|p| p.version == SCHEMA_VERSION)
        });
        let index = match existing {
            Some(index) => index,
            None => {
                if dir.join("meta.json").exists() {
                    tracing::warn!(
                        "the search index in {} is unusable or outdated: rebuilding it",
                        dir.display()
                    );
                }
                empty_folder(dir)?;
                Index::create_in_dir(dir, schema).with_context(|| {
                    format!("cannot create the search index in {}", dir.display())
                })?
            }
        };
        index
            .tokenizers()
            .register(analyzer::DOCUMENT_ANALYZER, analyzer::document_analyzer());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context("cannot read the search index")?;
        let ready = Arc::new(AtomicBool::new(progress(&index).is_some()));
        Ok(SearchIndex {
            index,
            reader,
            fields,
            ready,
        })
    }

    /// How far the last commit got, if a full build was ever committed.
    pub fn progress(&self) -> Option<Progress> {
        progress(&self.index)
    }

    fn mark_ready(&self) {
        self.ready.store(true, Ordering::Release);
    }

    fn searcher(&self) -> Result<Searcher, AppError> {
        if !self.ready.load(Ordering::Acquire) {
            return Err(AppError::Unavailable("search index".into()));
        }
        Ok(self.reader.searcher())
    }
}

fn progress(index: &Index) -> Option<Progress> {
    let payload = index.load_metas().ok()?.payload?;
    serde_json::from_str(&payload).ok()
}

/// Removes what a folder holds, keeping the folder.
fn empty_folder(dir: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let removed = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.with_context(|| format!("cannot remove {}", path.display()))?;
    }
    Ok(())
}

/// The `Search` port: the index, with the catalogue for the names of categories and sections.
pub struct ProductSearch {
    pub index: SearchIndex,
    pub catalogue: Arc<dyn Catalogue>,
}

/// Slugs and names of categories and sections by id, from the (cached) catalogue.
struct Places {
    categories: HashMap<u64, (String, Localized)>,
    sections: HashMap<u64, (String, Localized)>,
}

impl ProductSearch {
    async fn places(&self) -> Result<Places, AppError> {
        let categories = self.catalogue.list_categories().await?;
        let sections = self.catalogue.list_sections().await?;
        Ok(Places {
            categories: categories
                .into_iter()
                .map(|c| (c.id.0 as u64, (c.slug, c.name)))
                .collect(),
            sections: sections
                .into_iter()
                .map(|s| (s.id.0 as u64, (s.slug, s.name)))
                .collect(),
        })
    }
}

impl Places {
    /// The ids the query's slugs name; `None` when one names nothing.
    fn resolve(&self, search: &SearchQuery) -> Option<ResolvedFilters> {
        let find = |table: &HashMap<u64, (String, Localized)>, slug: &Option<String>| match slug {
            Some(slug) => table
                .iter()
                .find(|(_, (s, _))| s == slug)
                .map(|(id, _)| Some(*id)),
            None => Some(None),
        };
        Some(ResolvedFilters {
            category: find(&self.categories, &search.category)?,
            section: find(&self.sections, &search.section)?,
        })
    }

    fn facets(&self, tally: FacetTally) -> SearchFacets {
        let named = |counts: HashMap<u64, u64>, table: &HashMap<u64, (String, Localized)>| {
            sorted(counts.into_iter().filter_map(|(id, count)| {
                let (slug, name) = table.get(&id)?;
                Some(FacetCount {
                    value: slug.clone(),
                    label: name.clone(),
                    count,
                })
            }))
        };
        SearchFacets {
            categories: named(tally.categories, &self.categories),
            sections: named(tally.sections, &self.sections),
            countries: sorted(tally.countries.into_iter().filter_map(|(number, count)| {
                let code = country_of_number(number)?;
                let label = Localized::each(|locale| code.name(locale).to_owned());
                Some(FacetCount {
                    value: code.as_str().to_owned(),
                    label,
                    count,
                })
            })),
            certifications: sorted(tally.certifications.into_iter().map(|(name, count)| {
                FacetCount {
                    label: Localized::new(name.clone(), name.clone()),
                    value: name,
                    count,
                }
            })),
            new_products: tally.new,
            verified_exhibitors: tally.verified,
        }
    }
}

/// Largest count first, then by value, so the order is stable.
fn sorted(counts: impl Iterator<Item = FacetCount>) -> Vec<FacetCount> {
    let mut out: Vec<_> = counts.collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

#[async_trait::async_trait]
impl Search for ProductSearch {
    #[tracing::instrument(skip_all)]
    async fn search_products(&self, search: &SearchQuery) -> Result<SearchResults, AppError> {
        if search.is_empty() {
            return Ok(SearchResults::empty(SearchHint::EmptyQuery));
        }
        let (words, cut) = match query::words(&search.text) {
            Words::Nothing => return Ok(SearchResults::empty(SearchHint::NothingSearchable)),
            Words::All => (Vec::new(), false),
            Words::Some { words, cut } => (words, cut),
        };
        let places = self.places().await?;
        let Some(resolved) = places.resolve(search) else {
            return Ok(SearchResults::empty(SearchHint::UnknownFilter));
        };
        let searcher = self.index.searcher()?;
        let fields = self.index.fields;
        let query = query::build(&fields, &words, search, resolved, false);
        let sort = if words.is_empty() && search.sort == SearchSort::Relevance {
            SearchSort::Newest
        } else {
            search.sort
        };
        let offset = (search.page.max(1) as usize - 1) * RESULTS_PER_PAGE;
        let exhibitors =
            (!words.is_empty() && search.page <= 1 && !query::has_product_filters(search))
                .then(|| query::build_exhibitors(&fields, &words, search, resolved));
        let (total, hits, exhibitors, tally) = gates::SEARCHING
            .run(move || -> tantivy::Result<_> {
                let top = TopDocs::with_limit(RESULTS_PER_PAGE).and_offset(offset);
                let (total, addresses, tally) = match sort {
                    SearchSort::Relevance => {
                        let (n, top, tally) = searcher
                            .search(&query, &(Count, top.order_by_score(), FacetCollector))?;
                        (n, top.into_iter().map(|(_, at)| at).collect(), tally)
                    }
                    SearchSort::Newest => ordered(&searcher, &query, top, "id", Order::Desc)?,
                    SearchSort::PriceLow => {
                        ordered(&searcher, &query, top, "price_min", Order::Asc)?
                    }
                    SearchSort::PriceHigh => {
                        ordered(&searcher, &query, top, "price_min", Order::Desc)?
                    }
                };
                let exhibitors = match exhibitors {
                    Some(query) => {
                        let top = searcher.search(
                            &query,
                            &TopDocs::with_limit(EXHIBITORS_SHOWN).order_by_score(),
                        )?;
                        cards(
                            &searcher,
                            &fields,
                            top.into_iter().map(|(_, at)| at).collect(),
                        )?
                    }
                    None => Vec::new(),
                };
                Ok((
                    total,
                    cards(&searcher, &fields, addresses)?,
                    exhibitors,
                    tally,
                ))
            })
            .await?
            .map_err(AppError::internal)?;
        Ok(SearchResults {
            total: total as u64,
            hint: if total == 0 {
                Some(SearchHint::NoMatch)
            } else {
                cut.then_some(SearchHint::WordsDropped)
            },
            hits,
            exhibitors,
            facets: places.facets(tally),
        })
    }

    #[tracing::instrument(skip_all, fields(locale, limit))]
    async fn suggest(
        &self,
        prefix: &str,
        locale: &str,
        limit: usize,
    ) -> Result<Vec<String>, AppError> {
        let text: String = prefix
            .trim()
            .chars()
            .take(app::domain::search::QUERY_CHARS_MAX)
            .collect();
        let Words::Some { words, .. } = query::words(&text) else {
            return Ok(Vec::new());
        };
        let searcher = self.index.searcher()?;
        let fields = self.index.fields;
        let query = query::build(
            &fields,
            &words,
            &SearchQuery::default(),
            ResolvedFilters::default(),
            true,
        );
        let locale = app::languages::locale(locale);
        gates::SEARCHING
            .run(move || -> tantivy::Result<Vec<String>> {
                let top =
                    searcher.search(&query, &TopDocs::with_limit(limit * 3).order_by_score())?;
                let mut titles: Vec<String> = Vec::new();
                for card in cards::<ProductSummary>(
                    &searcher,
                    &fields,
                    top.into_iter().map(|(_, at)| at).collect(),
                )? {
                    let title = card.title.get(locale).to_owned();
                    if !titles.contains(&title) && titles.len() < limit {
                        titles.push(title);
                    }
                }
                Ok(titles)
            })
            .await?
            .map_err(AppError::internal)
    }
}

fn ordered(
    searcher: &Searcher,
    query: &dyn Query,
    top: TopDocs,
    field: &str,
    order: Order,
) -> tantivy::Result<(usize, Vec<DocAddress>, FacetTally)> {
    let (n, top, tally) = searcher.search(
        query,
        &(
            Count,
            top.order_by_fast_field::<u64>(field, order),
            FacetCollector,
        ),
    )?;
    Ok((n, top.into_iter().map(|(_, at)| at).collect(), tally))
}

/// The stored cards of these documents, in order.
fn cards<Card: serde::de::DeserializeOwned>(
    searcher: &Searcher,
    fields: &Fields,
    addresses: Vec<DocAddress>,
) -> tantivy::Result<Vec<Card>> {
    addresses
        .into_iter()
        .map(|at| {
            let doc: TantivyDocument = searcher.doc(at)?;
            let json = doc
                .get_first(fields.card)
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            serde_json::from_str(json)
                .map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))
        })
        .collect()
}
