//! The command line's work besides serving: generating a fair, rebuilding the search index,
//! and the benchmarks (search, messages, and the saved page the page benchmark compares with).

pub mod bench_copy;
pub mod chat_bench;
pub mod generate;
pub mod reindex;
pub mod search_bench;
