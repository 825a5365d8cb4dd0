//! Slowloris: clients, each from its own loopback address, that open a connection, send a
//! request line and then one byte of a header every second, never finishing the headers.
//! When the server cuts one off, it connects again at once, as an attacker would. The tally
//! counts connections by how they ended and records how long the server let them hold on.

use super::tally::Tally;
use crate::commands::harness::client::{Client, loopback};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::task::JoinSet;
use tokio::time::Instant;

/// The pause between two bytes of a trickling header.
const BYTE_EVERY: Duration = Duration::from_secs(1);
/// The first loopback address these clients use (the floods use the ones below).
const FIRST_ADDRESS: usize = 50_000;

/// How one trickling connection ended.
enum End {
    /// The server closed it (answered first with `status`, if it did), after `held`.
    CutOff {
        status: Option<String>,
        held: Duration,
    },
    /// It was still open when the flood ended.
    StillOpen,
    /// It could not be opened, or failed otherwise.
    Failed(String),
}

/// `clients` trickling clients until `until`; the tally's second part is the times the cut-off
/// connections were held.
pub async fn run(server: Client, clients: usize, until: Instant) -> (Tally, Vec<Duration>) {
    let mut tasks = JoinSet::new();
    for n in 0..clients {
        let client = server.from(loopback(FIRST_ADDRESS + n));
        // Spread the first connections over a second, as arrivals would be.
        let delay = Duration::from_micros((n as u64 * 1_000_000) / clients.max(1) as u64);
        tasks.spawn(async move {
            tokio::time::sleep(delay).await;
            let mut ends = Vec::new();
            while Instant::now() < until {
                let end = trickle(client, until).await;
                let failed = matches!(end, End::Failed(_));
                ends.push(end);
                if failed {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
            ends
        });
    }
    let mut tally = Tally::default();
    let mut held = Vec::new();
    while let Some(ends) = tasks.join_next().await {
        for end in ends.unwrap_or_default() {
            match end {
                End::CutOff { status, held: time } => {
                    held.push(time);
                    tally.count(match status {
                        Some(status) => format!("answered {status} and closed"),
                        None => "closed by the server".into(),
                    });
                }
                End::StillOpen => tally.count("still trickling at the end"),
                End::Failed(why) => tally.count(format!("failed: {why}")),
            }
        }
    }
    (tally, held)
}

/// One connection, trickling until the server closes it or `until`.
async fn trickle(client: Client, until: Instant) -> End {
    let opened = Instant::now();
    let mut stream = match client.connect().await {
        Ok(stream) => stream,
        Err(error) => return End::Failed(error.kind().to_string()),
    };
    let head = format!(
        "GET /healthz HTTP/1.1\r\nHost: {}\r\nX-Trickle: ",
        client.addr
    );
    if let Err(error) = stream.write_all(head.as_bytes()).await {
        return End::Failed(error.kind().to_string());
    }
    let mut answer = [0u8; 64];
    loop {
        let next_byte = Instant::now() + BYTE_EVERY;
        if next_byte >= until {
            tokio::time::sleep_until(until).await;
            return End::StillOpen;
        }
        tokio::select! {
            read = stream.read(&mut answer) => {
                let status = match read {
                    Ok(n) if n >= 12 => Some(String::from_utf8_lossy(&answer[9..12]).into_owned()),
                    _ => None,
                };
                return End::CutOff { status, held: opened.elapsed() };
            }
            () = tokio::time::sleep_until(next_byte) => {
                if stream.write_all(b"a").await.is_err() {
                    return End::CutOff { status: None, held: opened.elapsed() };
                }
            }
        }
    }
}
