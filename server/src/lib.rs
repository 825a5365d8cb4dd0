//! Everything only a server does: configuration, startup and layers, storage, demo data,
//! generated media, SEO files. The pages themselves live in the `app` crate.

pub mod accounts;
pub mod api_status;
pub mod assets;
pub mod bench;
pub mod booths;
pub mod cache;
pub mod chat_bench;
pub mod cli;
pub mod config;
pub mod conversations;
pub mod deals;
pub mod demo;
pub mod generate;
pub mod imaging;
pub mod import;
pub mod lang;
pub mod mail;
pub mod media;
pub mod meetings;
pub mod models3d;
pub mod onboarding;
pub mod page_cache;
pub mod products;
pub mod rate_limit;
pub mod reindex;
pub mod search;
pub mod search_bench;
pub mod security;
pub mod seo;
pub mod spreadsheet;
pub mod startup;
pub mod storage;
pub mod telemetry;
pub mod uploads;
pub mod video;
