//! The benchmark's report: a table of the floods with the probes' latencies and the server's
//! peak memory (Markdown, as the README quotes it), then what each flood was answered.

use super::probe::Latencies;
use super::tally::Tally;
use app::domain::text::grouped;
use std::time::Duration;

/// One flood's line of the report.
pub struct Row {
    pub name: String,
    pub what: String,
    pub seconds: f64,
    pub tally: Tally,
    pub health: Latencies,
    pub product: Latencies,
    /// The server's largest resident memory seen during the flood.
    pub peak_kb: u64,
}

/// Prints how long the trickling connections were held before the server cut them off.
pub fn held(times: &[Duration], deadline: Duration) {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let Some(longest) = sorted.last() else {
        println!("bench-flood: no trickling connection was cut off");
        return;
    };
    println!(
        "bench-flood: {} trickling connections cut off by the server, held a median {:.1} s and at most {:.1} s (header deadline {} s)",
        grouped(sorted.len() as i64),
        sorted[sorted.len() / 2].as_secs_f64(),
        longest.as_secs_f64(),
        deadline.as_secs()
    );
}

/// Prints the report; the number of floods whose probes missed `target`.
pub fn print(rows: &[Row], target: Duration) -> usize {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "an unknown processor".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!(
        "{} build on {cpu}, {cores} cores; probes: /healthz and a product page (a different one each time), each at a steady rate on new connections, timed from when each was due",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    println!();
    println!(
        "| Flood | Requests sent | `/healthz` p50 · p99 · max | Product page p50 · p99 · max | Server's peak memory | p99 under {} s |",
        target.as_secs_f64()
    );
    println!("|---|---:|---|---|---:|---|");
    let mut failed = 0;
    for row in rows {
        let met = row.health.meets(target) && row.product.meets(target);
        if !met {
            failed += 1;
        }
        println!(
            "| {} | {} | {} | {} | {} MiB | {} |",
            row.name,
            grouped(row.tally.sent as i64),
            latencies(&row.health),
            latencies(&row.product),
            row.peak_kb / 1024,
            if met { "yes" } else { "**no**" }
        );
    }
    println!();
    for row in rows {
        println!("{} ({:.0} s): {}", row.name, row.seconds, row.what);
        if row.tally.sent > 0 {
            println!("  answered: {}", row.tally.summary());
        }
        for (probe, latencies) in [("/healthz", &row.health), ("product page", &row.product)] {
            if let Some(failure) = &latencies.first_failure {
                println!(
                    "  {probe}: {} not answered 200, the first: {failure}",
                    latencies.failures
                );
            }
        }
    }
    failed
}

/// "3.1 · 8.0 · 12.4 ms", with the count of probes not answered 200 if any.
fn latencies(latencies: &Latencies) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mut text = format!(
        "{:.1} · {:.1} · {:.1} ms",
        ms(latencies.quantile(0.5)),
        ms(latencies.quantile(0.99)),
        ms(latencies.max())
    );
    if latencies.failures > 0 {
        text.push_str(&format!(" ({} failed)", latencies.failures));
    }
    text
}
