//! Exhibitors On Live in the browser: the stream page's player (`on_screen`: the pinned product
//! under it) and the team's publisher (`desk`: its desk while live), both speaking WHIP or WHEP
//! to our media server (`live/whip.rs`); the chat beside a stream (`chat`); a stream's counts
//! for its team (`counts`).

pub mod chat;
pub mod counts;
mod desk;
mod on_screen;
pub mod player;
pub mod publisher;
#[cfg(feature = "hydrate")]
mod whip;
