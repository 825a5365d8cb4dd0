//! The catalogue seen through an in-process cache. Exhibitors, products and hall maps are read
//! far more often than they change, so each page would otherwise pay the same database round
//! trips again and again. Entries live at most `ttl` (which bounds how stale another server of a
//! cluster can be) and a bounded number of them is kept. Concurrent misses on one key each load
//! (one query each). Writers in this process forget the entries they change (`forget_*`).

use app::domain::{
    CategoryDetail, CategorySummary, Cursor, DirectoryFilter, ExhibitorId, ExhibitorProfile,
    ExhibitorSummary, FairSession, HallMap, Page, ProductDetail, ProductId, ProductSummary,
    SectionDetail, SectionSummary,
};
use app::error::AppError;
use app::ports::Catalogue;
use std::hash::Hash;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How many entries of each kind the cache keeps, and for how long.
#[derive(Clone, Copy, Debug)]
pub struct CacheLimits {
    pub ttl: Duration,
    pub products: u64,
    pub exhibitors: u64,
}

impl CacheLimits {
    /// Limits for a cache that keeps entries `ttl` long; a zero `ttl` turns caching off.
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            products: 20_000,
            exhibitors: 5_000,
        }
    }
}

/// A `Catalogue` that answers repeated reads from memory and the rest from `inner`.
pub struct CachedCatalogue {
    inner: Arc<dyn Catalogue>,
    session: Memo<(), FairSession>,
    categories: Memo<(), Vec<CategorySummary>>,
    sections: Memo<(), Vec<SectionSummary>>,
    category: Memo<String, CategoryDetail>,
    section: Memo<String, SectionDetail>,
    hall_map: Memo<String, HallMap>,
    exhibitor: Memo<String, ExhibitorProfile>,
    exhibitor_products: Memo<(ExhibitorId, Cursor, usize), Page<ProductSummary>>,
    new_products: Memo<usize, Vec<ProductSummary>>,
    product: Memo<ProductId, ProductDetail>,
}

impl CachedCatalogue {
    pub fn new(inner: Arc<dyn Catalogue>, limits: CacheLimits) -> Self {
        let ttl = limits.ttl;
        Self {
            inner,
            session: Memo::new(1, ttl),
            categories: Memo::new(1, ttl),
            sections: Memo::new(1, ttl),
            category: Memo::new(100, ttl),
            section: Memo::new(500, ttl),
            hall_map: Memo::new(1_000, ttl),
            exhibitor: Memo::new(limits.exhibitors, ttl),
            exhibitor_products: Memo::new(limits.exhibitors, ttl),
            new_products: Memo::new(10, ttl),
            product: Memo::new(limits.products, ttl),
        }
    }

    /// Forgets a product, for a writer that changed it.
    pub async fn forget_product(&self, id: ProductId) {
        self.product.forget(&id).await;
    }

    /// Forgets every product page, for a writer that changed many products at once.
    pub fn forget_products(&self) {
        self.product.forget_where(|_| true);
    }

    /// Forgets an exhibitor's profile and product pages, and every hall map (its name is on
    /// one), for a writer that changed the exhibitor or its products.
    pub fn forget_exhibitor(&self, slug: &str, id: ExhibitorId) {
        let slug = slug.to_owned();
        self.exhibitor.forget_where(move |key| *key == slug);
        self.exhibitor_products
            .forget_where(move |(exhibitor, _, _)| *exhibitor == id);
        self.hall_map.forget_where(|_| true);
        self.new_products.forget_where(|_| true);
    }

    /// Forgets the fair's counters, for a writer that added an exhibitor.
    pub fn forget_counters(&self) {
        self.session.forget_where(|_| true);
    }
}

#[async_trait::async_trait]
impl Catalogue for CachedCatalogue {
    async fn get_current_session(&self) -> Result<FairSession, AppError> {
        (self.session)
            .get((), self.inner.get_current_session())
            .await
    }

    async fn list_categories(&self) -> Result<Vec<CategorySummary>, AppError> {
        (self.categories)
            .get((), self.inner.list_categories())
            .await
    }

    async fn list_sections(&self) -> Result<Vec<SectionSummary>, AppError> {
        (self.sections).get((), self.inner.list_sections()).await
    }

    async fn get_category(&self, slug: &str) -> Result<CategoryDetail, AppError> {
        (self.category)
            .get(slug.to_owned(), self.inner.get_category(slug))
            .await
    }

    async fn get_section(&self, slug: &str) -> Result<SectionDetail, AppError> {
        (self.section)
            .get(slug.to_owned(), self.inner.get_section(slug))
            .await
    }

    async fn get_hall_map(&self, slug: &str) -> Result<HallMap, AppError> {
        (self.hall_map)
            .get(slug.to_owned(), self.inner.get_hall_map(slug))
            .await
    }

    async fn get_exhibitor(&self, slug: &str) -> Result<ExhibitorProfile, AppError> {
        (self.exhibitor)
            .get(slug.to_owned(), self.inner.get_exhibitor(slug))
            .await
    }

    /// Not cached: filter combinations are many and each is rarely asked twice.
    async fn list_exhibitors(
        &self,
        filter: &DirectoryFilter,
        limit: usize,
    ) -> Result<Page<ExhibitorSummary>, AppError> {
        self.inner.list_exhibitors(filter, limit).await
    }

    async fn list_exhibitor_products(
        &self,
        exhibitor: ExhibitorId,
        after: Cursor,
        limit: usize,
    ) -> Result<Page<ProductSummary>, AppError> {
        (self.exhibitor_products)
            .get(
                (exhibitor, after, limit),
                self.inner.list_exhibitor_products(exhibitor, after, limit),
            )
            .await
    }

    async fn list_new_products(&self, limit: usize) -> Result<Vec<ProductSummary>, AppError> {
        (self.new_products)
            .get(limit, self.inner.list_new_products(limit))
            .await
    }

    async fn get_product(&self, id: ProductId) -> Result<ProductDetail, AppError> {
        (self.product).get(id, self.inner.get_product(id)).await
    }
}

/// One kind of cached answer; `None` when caching is off. moka's synchronous cache: its
/// operations are short and never await. `forgotten` counts the writers' forgets, so that an
/// answer loaded while a writer changed the data is not kept (it may be the old one).
struct Memo<K, V>(Option<moka::sync::Cache<K, V>>, AtomicU64);

impl<K, V> Memo<K, V>
where
    K: Hash + Eq + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    fn new(capacity: u64, ttl: Duration) -> Self {
        let cache = (!ttl.is_zero()).then(|| {
            moka::sync::Cache::builder()
                .max_capacity(capacity)
                .time_to_live(ttl)
                .support_invalidation_closures()
                .build()
        });
        Self(cache, AtomicU64::new(0))
    }

    /// The cached answer for `key`, or `load`'s, which is kept when it succeeded. Errors are
    /// never kept, so a missing row that appears later is found.
    async fn get(
        &self,
        key: K,
        load: impl Future<Output = Result<V, AppError>> + Send,
    ) -> Result<V, AppError> {
        let Some(cache) = &self.0 else {
            return load.await;
        };
        if let Some(value) = cache.get(&key) {
            return Ok(value);
        }
        let before = self.1.load(Ordering::SeqCst);
        let value = load.await?;
        if self.1.load(Ordering::SeqCst) == before {
            cache.insert(key, value.clone());
        }
        Ok(value)
    }

    async fn forget(&self, key: &K) {
        self.1.fetch_add(1, Ordering::SeqCst);
        if let Some(cache) = &self.0 {
            cache.invalidate(key);
        }
    }

    fn forget_where(&self, matches: impl Fn(&K) -> bool + Send + Sync + 'static) {
        self.1.fetch_add(1, Ordering::SeqCst);
        if let Some(cache) = &self.0 {
            // Only fails when invalidation closures were not enabled at build time.
            let _ = cache.invalidate_entries_if(move |key, _| matches(key));
        }
    }
}
