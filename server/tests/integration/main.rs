//! The integration tests, in one binary so that the server and its dependencies are linked
//! once: storage, HTTP, accounts, teams, authorization, mail and uploads, each on SQLite and
//! a throwaway PostgreSQL cluster.

#[macro_use]
mod support;

mod accounts;
mod allowances;
mod applications;
mod attachments;
mod authorization;
mod busy_database;
mod chaos;
mod conversation_care;
mod deals;
mod hostile;
mod hostile_bodies;
mod hostile_frames;
mod hostile_memory;
mod hostile_queries;
mod hostile_uploads;
mod http;
mod imports;
mod live;
mod live_chat;
mod live_counts;
mod live_replays;
mod live_schedule;
mod mail;
mod meetings;
mod messages;
mod module_graph;
mod outbox;
mod products;
mod proxies;
mod schema;
mod search;
mod socket_limits;
mod storage;
mod teams;
mod transport;
mod turn;
mod two_factor;
mod uploads;
mod verification;
