//! Exhibitors On Live: a team streams from the browser or a studio encoder (WHIP) and
//! buyers watch (WHEP), through the media server inside ours (`media`, str0m over one UDP
//! socket). `service` decides who may publish and watch and keeps the sessions; `keys` makes
//! the teams' stream keys; `pages` answers the pages (the lists, a stream, the studio);
//! `on_screen` says where a stream stands and what is pinned under its video; `http` is the
//! WHIP and WHEP surface; `audience` counts the people watching (once each, however many
//! tabs); `chat` is the chat beside a stream. Streams are stored by `storage::live`.

pub mod audience;
mod chat;
pub mod http;
pub mod keys;
pub mod media;
mod on_screen;
mod pages;
pub mod service;

pub use service::LiveService;
