//! What a visitor meets during a flood: requests at a fixed rate, each on a new connection from
//! 127.0.0.1 (an address no flood uses), timed from the moment it was due rather than from
//! when it was sent, so that a stalled server cannot hide its stall by delaying the probe
//! (coordinated omission).

use crate::commands::harness::client::Client;
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::Instant;

/// The times of a probe's answers, and what went wrong.
#[derive(Default)]
pub struct Latencies {
    /// Times of the answers 200, from the moment each request was due, shortest first.
    pub times: Vec<Duration>,
    /// Requests answered other than 200, or not at all, with the first such answer.
    pub failures: u64,
    pub first_failure: Option<String>,
}

impl Latencies {
    /// The `q` quantile (0 < q ≤ 1) of the times; zero without any.
    pub fn quantile(&self, q: f64) -> Duration {
        crate::commands::stats::nearest_rank(&self.times, q).unwrap_or_default()
    }

    pub fn max(&self) -> Duration {
        self.times.last().copied().unwrap_or_default()
    }

    /// Whether the p99 is under `target` and every request was answered 200.
    pub fn meets(&self, target: Duration) -> bool {
        self.failures == 0 && !self.times.is_empty() && self.quantile(0.99) < target
    }
}

/// GETs `path(n)` for the n-th request, `rate` times a second until `until`.
pub async fn run(
    client: Client,
    path: impl Fn(u64) -> String,
    rate: u32,
    until: Instant,
) -> Latencies {
    let period = Duration::from_secs_f64(1.0 / f64::from(rate.max(1)));
    let start = Instant::now();
    let mut requests = JoinSet::new();
    for n in 0.. {
        let due = start + period * n as u32;
        if due >= until {
            break;
        }
        tokio::time::sleep_until(due).await;
        let path = path(n);
        requests.spawn(async move {
            let answer = client.get(&path).await;
            let status = match answer {
                Ok(answer) if answer.status == 200 => Ok(()),
                Ok(answer) => Err(format!("{path}: {}", answer.status)),
                Err(error) => Err(format!("{path}: {error:#}")),
            };
            (due.elapsed(), status)
        });
    }
    let mut latencies = Latencies::default();
    while let Some(done) = requests.join_next().await {
        match done {
            Ok((time, Ok(()))) => latencies.times.push(time),
            Ok((_, Err(failure))) => {
                latencies.failures += 1;
                latencies.first_failure.get_or_insert(failure);
            }
            Err(error) => {
                latencies.failures += 1;
                latencies.first_failure.get_or_insert(error.to_string());
            }
        }
    }
    latencies.times.sort_unstable();
    latencies
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_are_ranks_of_the_sorted_times() {
        let latencies = Latencies {
            times: (1..=100).map(Duration::from_millis).collect(),
            ..Latencies::default()
        };
        assert_eq!(latencies.quantile(0.5), Duration::from_millis(50));
        assert_eq!(latencies.quantile(0.99), Duration::from_millis(99));
        assert_eq!(latencies.max(), Duration::from_millis(100));
        assert!(latencies.meets(Duration::from_millis(100)));
        assert!(!latencies.meets(Duration::from_millis(99)));
        assert_eq!(Latencies::default().quantile(0.99), Duration::ZERO);
        assert!(!Latencies::default().meets(Duration::from_secs(1)));
    }
}
