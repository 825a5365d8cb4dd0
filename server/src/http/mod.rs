//! The HTTP edge: the router and its table of routes, the application state and its wiring,
//! serving and shutting down, the extractors and the error every raw handler answers with,
//! multipart forms, and the layers every response passes. Capabilities hold their own
//! handlers; this folder only puts them together.

pub mod client;
pub mod connections;
pub mod error;
pub mod extract;
pub mod installable;
pub mod lang;
pub mod layers;
pub mod multipart;
pub mod pacing;
pub mod proxies;
pub mod routes;
pub mod seo;
pub mod serve;
pub mod stall;
pub mod state;
