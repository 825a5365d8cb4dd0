//! The command line's work besides serving: generating a fair, rebuilding the search index,
//! the benchmarks (search, messages, and the saved page the page benchmark compares with),
//! and the chaos run (a write load while the server is killed and restarted).

pub mod bench_copy;
pub mod chaos;
pub mod chat_bench;
pub mod flood;
pub mod generate;
pub mod harness;
pub mod reindex;
pub mod search_bench;
pub mod stats;
