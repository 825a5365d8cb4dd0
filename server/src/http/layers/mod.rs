//! What every request and response passes through, outside the handlers: security headers
//! and same-origin writes, rate limits, uploads in flight per client and the memory they hold together, the page cache, static assets' caching, and the
//! statuses of failed server functions.

pub mod api_status;
pub mod assets;
pub mod page_cache;
pub mod rate_limit;
pub mod security;
pub mod upload_memory;
pub mod upload_slots;
