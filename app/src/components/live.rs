//! Exhibitors On Live in the browser: the stream page's player (an island) and the team's
//! publisher, both speaking WHIP or WHEP to our media server (`live/whip.rs`).

pub mod player;
pub mod publisher;
#[cfg(feature = "hydrate")]
mod whip;
