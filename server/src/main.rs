//! The `cloud-fair` binary: parse the command line, then serve or generate.

use clap::Parser;
use server::cli::{Cli, Command};
use server::commands::{chaos, chat_bench, flood, generate, reindex, search_bench};
use server::http::serve;
use server::telemetry;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    telemetry::init(cli.config.log_format);
    let result = match cli.command.unwrap_or(Command::Serve {
        demo: false,
        bench_copy: None,
    }) {
        Command::Serve { demo, bench_copy } => serve::run(cli.config, demo, bench_copy).await,
        Command::Generate { scale, seed } => generate::run(cli.config, &scale, seed).await,
        Command::Reindex => reindex::run(cli.config).await,
        Command::BenchSearch {
            queries,
            urls,
            without_fts5,
        } => search_bench::run(cli.config, queries, urls, !without_fts5).await,
        Command::BenchChat {
            server,
            server_pid,
            pairs,
            rate,
            seconds,
            idle,
        } => {
            let options = chat_bench::Options {
                addr: server,
                pairs,
                rate,
                seconds,
                idle,
                server_pid,
            };
            chat_bench::run(cli.config, options).await
        }
        Command::BenchFlood {
            seconds,
            trickling,
            clients,
            addresses,
            probe_rate,
            floods,
        } => {
            let options = flood::Options {
                seconds,
                trickling,
                clients,
                addresses,
                probe_rate,
                floods,
            };
            flood::run(cli.config, options).await
        }
        Command::Chaos {
            kills,
            seed,
            pairs,
            max_gap,
        } => {
            let options = chaos::Options {
                kills,
                seed,
                pairs,
                max_gap: std::time::Duration::from_secs(max_gap),
            };
            chaos::run(cli.config, options).await
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("cloud-fair: {error:#}");
            ExitCode::FAILURE
        }
    }
}
