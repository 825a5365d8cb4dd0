//! The command line: `serve` (the default), `generate`, `reindex`, `bench-search`,
//! `bench-chat`, `bench-flood`, `chaos`.

use crate::config::Config;
use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "cloud-fair",
    version,
    about = "Cloud Fair: an open, self-hosted online trade fair"
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the fair (the default).
    Serve {
        /// Generate the demo fair first if the database is empty.
        #[arg(long, env = "CLOUD_FAIR_DEMO")]
        demo: bool,
        /// For benchmarks: also answer /bench/copy with this saved page, from memory.
        #[arg(long, value_name = "FILE")]
        bench_copy: Option<std::path::PathBuf>,
    },
    /// Generate a fair of the given scale (tiny, demo, canton); resumes an interrupted run.
    Generate {
        #[arg(long, default_value = "demo")]
        scale: String,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Rebuild the search index from the database, with a progress bar (stop the server first).
    Reindex,
    /// Benchmark: a fixed set of searches through the index and through SQLite FTS5.
    BenchSearch {
        /// How many searches the set has.
        #[arg(long, default_value_t = 1_000)]
        queries: usize,
        /// Also write the set as /search?… URLs to this file, one a line.
        #[arg(long, value_name = "FILE")]
        urls: Option<std::path::PathBuf>,
        /// Skip the SQLite FTS5 yardstick (its first build takes minutes).
        #[arg(long)]
        without_fts5: bool,
    },
    /// Benchmark: messages through a running server's sockets, and its memory per idle socket.
    BenchChat {
        /// The running server (on this fair's database).
        #[arg(long, default_value = "127.0.0.1:3400")]
        server: String,
        /// Its process id, to read its memory.
        #[arg(long)]
        server_pid: Option<u32>,
        /// Conversations, each with its two sockets.
        #[arg(long, default_value_t = 200)]
        pairs: usize,
        /// Messages a second over all conversations, for the latency run.
        #[arg(long, default_value_t = 2_000)]
        rate: u32,
        /// Length of each run.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Idle sockets opened for the memory figure.
        #[arg(long, default_value_t = 10_000)]
        idle: usize,
    },
    /// Benchmark: the demo fair's server (a child process, limits as configured) flooded in
    /// turn by clients trickling their headers, by requests at every endpoint that hashes a
    /// password and by mixed uploads, while probes time `/healthz` and product pages (non-zero
    /// exit if a probe's p99 reaches 1 s or a probe fails).
    BenchFlood {
        /// How long each flood lasts, in seconds (the trickle at least two header deadlines).
        #[arg(long, default_value_t = 20)]
        seconds: u64,
        /// Clients trickling their headers, each from its own loopback address.
        #[arg(long, default_value_t = 1_000)]
        trickling: usize,
        /// Requests in flight at once in the password and upload floods.
        #[arg(long, default_value_t = 64)]
        clients: usize,
        /// Loopback addresses the password floods come from.
        #[arg(long, default_value_t = 1_000)]
        addresses: usize,
        /// Probe requests a second to each of `/healthz` and the product pages.
        #[arg(long, default_value_t = 20)]
        probe_rate: u32,
        /// The floods to run, after the quiet stretch: trickle, passwords, uploads.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "trickle,passwords,uploads"
        )]
        floods: Vec<crate::commands::flood::Flood>,
    },
    /// Durability under SIGKILL: a mixed write load through a child `serve` that is killed
    /// and restarted at random moments; then every acknowledged write, the database's
    /// integrity, the unique rules and the search index are checked (non-zero exit if not).
    Chaos {
        /// SIGKILLs while the load runs.
        #[arg(long, default_value_t = 20)]
        kills: u32,
        /// Seeds the moments of the kills.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Buyers and team members writing at once.
        #[arg(long, default_value_t = 6)]
        pairs: usize,
        /// The longest pause between two kills, in seconds (the shortest is 1.5).
        #[arg(long, default_value_t = 7)]
        max_gap: u64,
    },
}
