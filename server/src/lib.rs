//! Everything only a server does, one folder per capability beside the HTTP edge (`http`),
//! the media store (`media`), the database (`storage`) and the command line's work
//! (`commands`). The pages themselves live in the `app` crate. The README draws the map.

pub mod accounts;
pub mod catalogue;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod conversations;
pub mod deals;
pub mod demo;
pub mod exhibitors;
pub mod gates;
pub mod hashing;
pub mod http;
pub mod live;
pub mod log_throttle;
pub mod mail;
pub mod media;
pub mod meetings;
pub mod rich_text;
pub mod search;
pub mod slots;
pub mod storage;
pub mod telemetry;
