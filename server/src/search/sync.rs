//! The indexer: builds the index (products, then exhibitors) from the database when it has
//! never been built, then follows the change feed (`search_changes`), a few times a second, so
//! that a saved product or exhibitor is found, changed or gone in search within about a second. Each commit records how far
//! into the feed it got; after a crash the indexer resumes from the last commit, and
//! re-indexing a product twice does no harm.

use super::schema::{SCHEMA_VERSION, document, exhibitor_document};
use super::{Progress, SearchIndex};
use crate::storage::Db;
use crate::storage::search_feed::Change;
use app::error::AppError;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};
use tantivy::schema::Field;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// How often the feed is read.
pub const POLL_EVERY: Duration = Duration::from_millis(250);
/// Feed rows read at a time.
const FEED_BATCH: i64 = 5_000;
/// Products read from the database at a time.
const PRODUCT_BATCH: usize = 2_000;
/// How long a missing feed number is waited for. On PostgreSQL numbers are handed out before
/// their transactions commit, so a later one can be seen first; a number whose transaction
/// rolled back never comes.
const HOLE_PATIENCE: Duration = Duration::from_secs(30);

/// Which feed rows the index has taken in. `low` is the number up to which every row is in
/// (or was given up on); rows above it that are in already are remembered, so a row that
/// commits late is still taken in once.
#[derive(Debug)]
pub struct FeedCursor {
    low: i64,
    seen: BTreeSet<i64>,
    holes: BTreeMap<i64, Instant>,
}

impl FeedCursor {
    pub fn new(low: i64) -> Self {
        FeedCursor {
            low,
            seen: BTreeSet::new(),
            holes: BTreeMap::new(),
        }
    }

    /// The number the next read starts after, and that a commit records.
    pub fn low(&self) -> i64 {
        self.low
    }

    /// Takes a batch of rows read after `low()`, returning those not taken before.
    pub fn take(&mut self, batch: Vec<Change>, now: Instant) -> Vec<Change> {
        let fresh: Vec<Change> = batch
            .into_iter()
            .filter(|c| c.seq > self.low && !self.seen.contains(&c.seq))
            .collect();
        for change in &fresh {
            self.seen.insert(change.seq);
            self.holes.remove(&change.seq);
        }
        if let Some(&highest) = self.seen.last() {
            for missing in self.low + 1..highest {
                if !self.seen.contains(&missing) {
                    self.holes.entry(missing).or_insert(now);
                }
            }
        }
        loop {
            let next = self.low + 1;
            if self.seen.remove(&next) {
                self.low = next;
            } else if self
                .holes
                .get(&next)
                .is_some_and(|since| now.duration_since(*since) >= HOLE_PATIENCE)
            {
                self.holes.remove(&next);
                self.low = next;
            } else {
                break;
            }
        }
        fresh
    }
}

/// Writes to the index: the one writer of this process.
pub struct Indexer {
    pub db: Db,
    pub index: SearchIndex,
    /// Empty only while it is being replaced (the index has one lock, so the old writer goes
    /// before the new one opens).
    writer: Option<IndexWriter<TantivyDocument>>,
}

/// Memory for the writer's buffers while building (tantivy's minimum is 15 MB a thread).
const BUILD_MEMORY: usize = 256_000_000;
/// ... and while following the feed.
const FOLLOW_MEMORY: usize = 32_000_000;

fn writer(
    index: &SearchIndex,
    threads: usize,
    memory: usize,
) -> Result<IndexWriter<TantivyDocument>, AppError> {
    index
        .index
        .writer_with_num_threads(threads, memory)
        .map_err(AppError::internal)
}

impl Indexer {
    pub fn new(db: Db, index: SearchIndex) -> Result<Self, AppError> {
        let writer = Some(writer(&index, 1, FOLLOW_MEMORY)?);
        Ok(Indexer { db, index, writer })
    }

    /// The writer, replaced by one with `threads` and `memory` first if asked.
    fn writer(
        &mut self,
        resized: Option<(usize, usize)>,
    ) -> Result<&mut IndexWriter<TantivyDocument>, AppError> {
        if let Some((threads, memory)) = resized {
            drop(self.writer.take());
            self.writer = Some(writer(&self.index, threads, memory)?);
        }
        self.writer
            .as_mut()
            .ok_or_else(|| AppError::internal("the search index writer could not be reopened"))
    }

    /// Builds the whole index from the database (every published product), reporting
    /// `(done, total)` as it goes; the old content stays searchable until the new one is
    /// committed.
    pub async fn rebuild(
        &mut self,
        mut on_progress: impl FnMut(u64, u64),
    ) -> Result<u64, AppError> {
        // Read before the products: a change made meanwhile is applied again afterwards.
        let feed = self.db.last_search_change().await?;
        let total = self.db.count_published_products().await?.max(0) as u64;
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        self.writer(Some((threads, BUILD_MEMORY)))?
            .delete_all_documents()
            .map_err(AppError::internal)?;
        let (mut after, mut done) = (0, 0u64);
        loop {
            let batch = self
                .db
                .indexed_products_after(after, PRODUCT_BATCH as i64)
                .await?;
            let Some(last) = batch.last() else { break };
            after = last.card.id;
            done += batch.len() as u64;
            let fields = self.index.fields;
            let docs = batch
                .into_iter()
                .map(|p| document(&fields, p))
                .collect::<Result<_, _>>()?;
            self.add(docs)?;
            on_progress(done, total);
        }
        let mut after = 0;
        loop {
            let batch = self
                .db
                .indexed_exhibitors_after(after, PRODUCT_BATCH as i64)
                .await?;
            let Some(last) = batch.last() else { break };
            after = last.card.id;
            let fields = self.index.fields;
            let docs = batch
                .into_iter()
                .map(|e| exhibitor_document(&fields, e))
                .collect::<Result<_, _>>()?;
            self.add(docs)?;
        }
        self.commit(feed).await?;
        self.writer(Some((1, FOLLOW_MEMORY)))?;
        self.index.mark_ready();
        Ok(done)
    }

    /// Re-indexes the products and exhibitors these changes name (and every product of those
    /// exhibitors), then commits with the cursor's new position.
    async fn apply(&mut self, changes: &[Change], feed: i64) -> Result<(), AppError> {
        let mut ids: BTreeSet<i64> = changes.iter().filter_map(|c| c.product).collect();
        let exhibitors: Vec<i64> = changes
            .iter()
            .filter_map(|c| c.exhibitor)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let fields = self.index.fields;
        for chunk in exhibitors.chunks(PRODUCT_BATCH) {
            ids.extend(self.db.exhibitors_product_ids(chunk).await?);
            let found = self.db.indexed_exhibitors(chunk).await?;
            let docs = found
                .into_iter()
                .map(|e| exhibitor_document(&fields, e))
                .collect::<Result<_, _>>()?;
            self.replace(fields.exhibitor, chunk, docs)?;
        }
        let ids: Vec<i64> = ids.into_iter().collect();
        for chunk in ids.chunks(PRODUCT_BATCH) {
            let found = self.db.indexed_products(chunk).await?;
            let docs = found
                .into_iter()
                .map(|p| document(&fields, p))
                .collect::<Result<_, _>>()?;
            self.replace(fields.id, chunk, docs)?;
        }
        self.commit(feed).await
    }

    /// Adds documents to the index (seen by searches once committed).
    fn add(&mut self, docs: Vec<TantivyDocument>) -> Result<(), AppError> {
        let writer = self.writer(None)?;
        for doc in docs {
            writer.add_document(doc).map_err(AppError::internal)?;
        }
        Ok(())
    }

    /// Replaces the documents whose `key` is one of `ids` by `docs`; an id without a document
    /// among them is gone from search.
    fn replace(
        &mut self,
        key: Field,
        ids: &[i64],
        docs: Vec<TantivyDocument>,
    ) -> Result<(), AppError> {
        let writer = self.writer(None)?;
        for id in ids {
            writer.delete_term(Term::from_field_u64(key, *id as u64));
        }
        self.add(docs)
    }

    async fn commit(&mut self, feed: i64) -> Result<(), AppError> {
        let payload = serde_json::to_string(&Progress {
            version: SCHEMA_VERSION,
            feed,
        })
        .map_err(AppError::internal)?;
        let writer = self.writer(None)?;
        tokio::task::block_in_place(|| -> tantivy::Result<()> {
            let mut commit = writer.prepare_commit()?;
            commit.set_payload(&payload);
            commit.commit()?;
            Ok(())
        })
        .map_err(AppError::internal)?;
        self.index.reader.reload().map_err(AppError::internal)
    }

    /// Where an index that was built can resume: `None` when it was never built, or when it
    /// claims more of the feed than the database has written (the database was replaced, or
    /// restored from an older backup, under the index), so it must be built again.
    async fn resumable(&self) -> Result<Option<i64>, AppError> {
        let Some(progress) = self.index.progress() else {
            return Ok(None);
        };
        let written = self.db.last_search_change().await?;
        if progress.feed > written {
            tracing::warn!(
                index = progress.feed,
                database = written,
                "the search index is ahead of the database: rebuilding it"
            );
            return Ok(None);
        }
        Ok(Some(progress.feed))
    }

    /// Builds the index if it must be, then follows the feed until the process ends.
    pub async fn run(mut self) {
        let resumable = loop {
            match self.resumable().await {
                Ok(resumable) => break resumable,
                Err(error) => {
                    tracing::error!(%error, "cannot read the search feed; trying again");
                    tokio::time::sleep(Duration::from_secs(5)).await;
                }
            }
        };
        let start = match resumable {
            Some(feed) => feed,
            None => loop {
                let started = Instant::now();
                match self.rebuild(|_, _| {}).await {
                    Ok(products) => {
                        tracing::info!(
                            "search index built: {products} products in {:.1} s",
                            started.elapsed().as_secs_f64()
                        );
                        break self.index.progress().map_or(0, |p| p.feed);
                    }
                    Err(error) => {
                        tracing::error!(%error, "cannot build the search index; trying again");
                        tokio::time::sleep(Duration::from_secs(5)).await;
                    }
                }
            },
        };
        let mut cursor = FeedCursor::new(start);
        loop {
            if let Err(error) = self.follow(&mut cursor).await {
                tracing::error!(%error, "cannot bring the search index up to date; trying again");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            tokio::time::sleep(POLL_EVERY).await;
        }
    }

    /// One read of the feed, applied and committed if it brought anything.
    pub async fn follow(&mut self, cursor: &mut FeedCursor) -> Result<(), AppError> {
        let before = cursor.low();
        let batch = self.db.search_changes_after(before, FEED_BATCH).await?;
        let fresh = cursor.take(batch, Instant::now());
        if !fresh.is_empty() || cursor.low() != before {
            self.apply(&fresh, cursor.low()).await?;
        }
        Ok(())
    }
}

/// Opens the index in `dir` and starts its indexer on the runtime.
pub fn spawn(db: Db, dir: &std::path::Path) -> anyhow::Result<SearchIndex> {
    let index = SearchIndex::open(dir)?;
    let indexer = Indexer::new(db, index.clone())?;
    tokio::spawn(indexer.run());
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(seq: i64) -> Change {
        Change {
            seq,
            product: Some(seq),
            exhibitor: None,
        }
    }

    fn seqs(changes: &[Change]) -> Vec<i64> {
        changes.iter().map(|c| c.seq).collect()
    }

    #[test]
    fn takes_each_row_once_and_moves_on() {
        let now = Instant::now();
        let mut cursor = FeedCursor::new(0);
        assert_eq!(
            seqs(&cursor.take((1..=3).map(change).collect(), now)),
            [1, 2, 3]
        );
        assert_eq!(cursor.low(), 3);
        assert!(cursor.take(vec![change(3)], now).is_empty());
    }

    #[test]
    fn waits_for_a_row_that_commits_late_then_gives_up_on_it() {
        let now = Instant::now();
        let mut cursor = FeedCursor::new(10);
        assert_eq!(
            seqs(&cursor.take(vec![change(11), change(13)], now)),
            [11, 13]
        );
        assert_eq!(cursor.low(), 11, "12 is not committed yet");
        // 13 is read again while 12 is awaited, but taken only once.
        assert!(
            cursor
                .take(vec![change(13)], now + Duration::from_secs(1))
                .is_empty()
        );
        assert_eq!(
            seqs(&cursor.take(vec![change(12), change(13)], now + Duration::from_secs(2))),
            [12]
        );
        assert_eq!(cursor.low(), 13);
        // 14 never comes (its transaction rolled back): after the patience, move past it.
        cursor.take(vec![change(15)], now);
        assert_eq!(cursor.low(), 13);
        cursor.take(vec![change(15)], now + HOLE_PATIENCE);
        assert_eq!(cursor.low(), 15);
    }
}
