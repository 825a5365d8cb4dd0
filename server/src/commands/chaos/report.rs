//! The chaos run's report, as Markdown tables: the kills and restarts, each kind of write
//! (sent, acknowledged, refused, unanswered, lost), each check's verdict, and the durations.

use super::checks::Findings;
use super::ledger::{KINDS, Ledger};
use std::time::Duration;

/// What the run measured besides the ledger and the checks.
pub struct Run {
    pub engine: &'static str,
    pub seed: u64,
    pub mark: String,
    pub kills: u32,
    pub start_times: Vec<Duration>,
    pub setup: Duration,
    pub load: Duration,
    pub catch_up: Duration,
    pub checks: Duration,
    pub total: Duration,
}

/// Prints the report; answers how many checks failed.
pub async fn print(run: &Run, ledger: &Ledger, findings: &Findings) -> usize {
    let mut starts = run.start_times.clone();
    starts.sort();
    let ms = |d: Option<&Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1e3);
    println!();
    println!(
        "## Chaos on {} (seed {}, run {})",
        run.engine, run.seed, run.mark
    );
    println!();
    println!(
        "{} SIGKILLs under load, then one after it and one before the checks; {} starts, \
         each until /healthz answered: median {:.0} ms, longest {:.0} ms.",
        run.kills,
        starts.len(),
        ms(starts.get(starts.len() / 2)),
        ms(starts.last()),
    );
    println!(
        "Setup {:.1} s, load {:.1} s, the index caught up in {:.1} s, checks {:.1} s; {:.1} s in all.",
        run.setup.as_secs_f64(),
        run.load.as_secs_f64(),
        run.catch_up.as_secs_f64(),
        run.checks.as_secs_f64(),
        run.total.as_secs_f64()
    );
    println!();
    println!("| write | sent | acknowledged | refused (4xx) | no answer | lost |");
    println!("|---|---|---|---|---|---|");
    for kind in KINDS {
        let tally = ledger.tally(kind).await;
        let lost = findings
            .lost
            .get(kind)
            .map_or("not checked".to_owned(), |n| n.to_string());
        println!(
            "| {kind} | {} | {} | {} | {} | {lost} |",
            tally.sent, tally.acked, tally.refused, tally.failed
        );
    }
    println!();
    println!("| check | result | detail |");
    println!("|---|---|---|");
    for check in &findings.checks {
        let result = if check.passed { "ok" } else { "FAILED" };
        println!("| {} | {result} | {} |", check.name, check.detail);
    }
    let failed = findings.checks.iter().filter(|c| !c.passed).count();
    println!();
    println!(
        "{} checks, {failed} failed; {} acknowledged writes lost.",
        findings.checks.len(),
        findings.lost.values().sum::<u64>()
    );
    failed
}
