//! `cloud-fair reindex`: rebuilds the search index from the database, with a progress bar.
//! A server normally needs none of this (it builds a missing index and follows every change);
//! it is for an index someone wants rebuilt from scratch, with the server stopped.

use crate::config::Config;
use crate::search::SearchIndex;
use crate::search::sync::Indexer;
use crate::storage::Db;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::time::Instant;

pub async fn run(config: Config) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url()?, 2).await?;
    let dir = config.search_dir();
    let index = SearchIndex::open(&dir)?;
    let mut indexer = Indexer::new(db, index).map_err(|error| {
        anyhow::anyhow!(
            "cannot write the search index in {} ({error}): is a server using it? Stop it first.",
            dir.display()
        )
    })?;
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{elapsed_precise} [{bar:40}] {pos}/{len} products, eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let products = indexer
        .rebuild(|done, total| {
            bar.set_length(total);
            bar.set_position(done);
        })
        .await
        .context("cannot rebuild the search index")?;
    bar.finish();
    println!(
        "Indexed {products} products in {:.1} s into {} ({} bytes).",
        started.elapsed().as_secs_f64(),
        dir.display(),
        folder_size(&dir)
    );
    Ok(())
}

/// The bytes of the files in `dir` (the index keeps no subfolders).
pub fn folder_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
