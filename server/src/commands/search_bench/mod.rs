//! `cloud-fair bench-search`: a benchmark (it prints figures and never fails on them). On a
//! fair in SQLite whose search index is built (`reindex`), it runs a fixed set of searches
//! one after the other through the `Search` port (top 20 with every facet counted) and the
//! same searches through SQLite FTS5 over the same products, and prints the latency
//! percentiles and single-thread throughput of each, without and with filters. It can also
//! write the set as `/search?…` URLs, for an HTTP load generator.

pub mod fts5;
pub mod queries;

use crate::catalogue::cache::{CacheLimits, CachedCatalogue};
use crate::commands::reindex::folder_size;
use crate::config::Config;
use crate::search::{ProductSearch, SearchIndex};
use crate::storage::{Backend, Db};
use anyhow::{Context, bail};
use app::ports::Search;
use queries::{BenchQuery, Kind, query_set};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One search's answer, as measured.
struct Timed {
    kind: Kind,
    filtered: bool,
    took: Duration,
    total: u64,
}

pub async fn run(
    config: Config,
    count: usize,
    urls: Option<PathBuf>,
    with_fts5: bool,
) -> anyhow::Result<()> {
    let url = config.database_url()?;
    let db = Db::connect(&url, 4).await?;
    if db.backend != Backend::Sqlite {
        bail!("bench-search compares with SQLite FTS5: point it at a fair in SQLite");
    }
    let index = SearchIndex::open(&config.search_dir())?;
    if index.progress().is_none() {
        bail!(
            "the search index in {} is not built: run `reindex` first",
            config.search_dir().display()
        );
    }
    let set = query_set(count, 2026);
    if let Some(path) = urls {
        let mut file = std::fs::File::create(&path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        for query in &set {
            writeln!(file, "/search?{}", query.query.query_string(1))?;
        }
    }
    let catalogue = Arc::new(CachedCatalogue::new(
        Arc::new(db.clone()),
        CacheLimits::new(Duration::from_secs(3_600)),
    ));
    let search = ProductSearch { index, catalogue };
    println!(
        "search index: {} documents, {} bytes in {}",
        search.index.reader.searcher().num_docs(),
        folder_size(&config.search_dir()),
        config.search_dir().display()
    );

    // One pass to warm the caches (the index's pages), then the measured one.
    for query in &set {
        search.search_products(&query.query).await?;
    }
    let mut tantivy = Vec::with_capacity(set.len());
    for query in &set {
        let started = Instant::now();
        let results = search.search_products(&query.query).await?;
        tantivy.push(timed(query, started.elapsed(), results.total));
    }

    println!();
    println!(
        "== {} searches, one at a time, top 20 with facet counts",
        set.len()
    );
    println!("| engine | searches | p50 ms | p99 ms | searches/s | found nothing |");
    println!("|---|---|---|---|---|---|");
    rows("tantivy (ours, second pass)", &tantivy);
    for kind in [Kind::Word, Kind::Phrase, Kind::Chinese, Kind::Typo] {
        row(
            &format!("tantivy, {}", kind.name()),
            tantivy.iter().filter(|t| t.kind == kind),
        );
    }
    slowest(&set, &tantivy);
    if !with_fts5 {
        return Ok(());
    }

    // FTS5 takes seconds for a common word, so it gets one pass (its file was just written,
    // or read by an earlier run, so the pages it needs are mostly in memory).
    let fair = config.data_dir.join("cloud-fair.db");
    let fts_file = config.data_dir.join("bench-fts5.db");
    let (fts, built) = fts5::Fts5::open(&fts_file, &fair, &db).await?;
    if let Some(took) = built {
        println!("FTS5 table built in {:.1} s", took.as_secs_f64());
    }
    println!(
        "FTS5 file: {} bytes in {}",
        std::fs::metadata(&fts_file).map(|m| m.len()).unwrap_or(0),
        fts_file.display()
    );
    let mut sqlite = Vec::with_capacity(set.len());
    for query in &set {
        let started = Instant::now();
        let (total, _, _) = fts.search(&query.query).await?;
        sqlite.push(timed(query, started.elapsed(), total));
    }
    rows("SQLite FTS5 (one pass)", &sqlite);
    for kind in [Kind::Word, Kind::Phrase, Kind::Chinese, Kind::Typo] {
        row(
            &format!("FTS5, {}", kind.name()),
            sqlite.iter().filter(|t| t.kind == kind),
        );
    }
    Ok(())
}

/// The five slowest searches, to show what makes the tail.
fn slowest(set: &[BenchQuery], runs: &[Timed]) {
    let mut order: Vec<usize> = (0..runs.len()).collect();
    order.sort_by_key(|&at| std::cmp::Reverse(runs[at].took));
    println!("slowest:");
    for at in order.into_iter().take(5) {
        println!(
            "  {:.2} ms, {} found: /search?{}",
            runs[at].took.as_secs_f64() * 1e3,
            runs[at].total,
            set[at].query.query_string(1)
        );
    }
}

/// The rows of one engine: without filters, with a filter, all.
fn rows(engine: &str, runs: &[Timed]) {
    for (label, filtered) in [
        ("without filters", Some(false)),
        ("with a filter", Some(true)),
        ("all", None),
    ] {
        row(
            &format!("{engine}, {label}"),
            runs.iter()
                .filter(|t| filtered.is_none_or(|f| t.filtered == f)),
        );
    }
}

fn timed(query: &BenchQuery, took: Duration, total: u64) -> Timed {
    Timed {
        kind: query.kind,
        filtered: query.filtered,
        took,
        total,
    }
}

fn row<'a>(label: &str, runs: impl Iterator<Item = &'a Timed>) {
    let runs: Vec<&Timed> = runs.collect();
    let mut took: Vec<Duration> = runs.iter().map(|t| t.took).collect();
    took.sort_unstable();
    let at = |p: f64| crate::commands::stats::nearest_rank(&took, p).unwrap_or_default();
    let total: Duration = took.iter().sum();
    let empty = runs.iter().filter(|t| t.total == 0).count();
    println!(
        "| {label} | {} | {:.2} | {:.2} | {:.1} | {empty} |",
        runs.len(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        runs.len() as f64 / total.as_secs_f64().max(1e-9),
    );
}
