//! `cloud-fair bench-chat`: a benchmark (it prints figures and never fails on them) against a
//! running server. For `pairs` conversations it opens the buyer's socket and the team's
//! (which follows the conversation), then measures: messages a second at saturation (each
//! buyer sends the next as soon as the last is acknowledged, that is stored); then, at a fixed
//! rate, the latency from sending to the acknowledgement and to the team's socket receiving
//! it; then the server's memory before and after `idle` more sockets are opened and left idle.

pub mod people;

use crate::storage::Db;
use anyhow::Context;
use app::domain::{ChatFrame, ConversationId, MessageId, SocketFrame};
use futures_util::{SinkExt, StreamExt};
use people::Pair;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio::sync::Mutex;
use tokio_tungstenite::tungstenite::Message as Ws;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub(crate) type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

pub struct Options {
    /// The server's address, `127.0.0.1:3400`.
    pub addr: String,
    pub pairs: usize,
    /// Messages a second, over all pairs, for the latency run.
    pub rate: u32,
    pub seconds: u64,
    pub idle: usize,
    /// The server's process, whose memory is read from /proc.
    pub server_pid: Option<u32>,
}

pub async fn run(config: crate::config::Config, options: Options) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url()?, 4).await?;
    let pairs = people::pairs(&db, options.pairs).await?;
    println!(
        "{} conversations, each with its buyer's socket and its team's",
        pairs.len()
    );
    let seconds = Duration::from_secs(options.seconds);

    let saturated = load(&db, &options.addr, &pairs, None, seconds).await?;
    println!(
        "saturation: {} messages stored and acknowledged in {:.1} s: {:.0} a second (each buyer sends the next on its ack); ack p50 {:.2} ms, p99 {:.2} ms",
        saturated.acks.len(),
        saturated.took.as_secs_f64(),
        saturated.acks.len() as f64 / saturated.took.as_secs_f64(),
        percentile(&saturated.acks, 0.50),
        percentile(&saturated.acks, 0.99),
    );
    let paced = load(&db, &options.addr, &pairs, Some(options.rate), seconds).await?;
    println!(
        "at {} a second: {} messages in {:.1} s ({:.0} a second); send → ack p50 {:.2} ms, p99 {:.2} ms; send → the team's socket p50 {:.2} ms, p99 {:.2} ms ({} received)",
        options.rate,
        paced.acks.len(),
        paced.took.as_secs_f64(),
        paced.acks.len() as f64 / paced.took.as_secs_f64(),
        percentile(&paced.acks, 0.50),
        percentile(&paced.acks, 0.99),
        percentile(&paced.received, 0.50),
        percentile(&paced.received, 0.99),
        paced.received.len(),
    );
    if let Some(pid) = options.server_pid {
        idle_memory(&db, &options.addr, &pairs, options.idle, pid).await?;
    }
    Ok(())
}

/// What one load run measured: milliseconds from sending to the ack and to the other side.
struct Measured {
    acks: Vec<f64>,
    received: Vec<f64>,
    took: Duration,
}

/// A signed-in person's socket to `/ws` on `addr`.
pub(crate) async fn open(addr: &str, cookie: &str) -> anyhow::Result<Socket> {
    let mut request = format!("ws://{addr}/ws").into_client_request()?;
    request.headers_mut().insert("Cookie", cookie.parse()?);
    let (socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .context("cannot open a socket")?;
    Ok(socket)
}

/// A frame as the socket's text message.
pub(crate) fn text(frame: &ChatFrame) -> Ws {
    Ws::text(serde_json::to_string(frame).expect("a frame"))
}

/// The send time written into a message's body, in microseconds since `start`.
fn sent_at(body: &str, start: Instant) -> Option<f64> {
    let micros: u64 = body
        .strip_prefix("bench ")?
        .split(' ')
        .next()?
        .parse()
        .ok()?;
    let sent = start + Duration::from_micros(micros);
    Some(Instant::now().saturating_duration_since(sent).as_secs_f64() * 1e3)
}

/// Every pair sends for `length`: at `rate` a second in all, or (None) each as fast as its
/// acknowledgements come back.
async fn load(
    db: &Db,
    addr: &str,
    pairs: &[Pair],
    rate: Option<u32>,
    length: Duration,
) -> anyhow::Result<Measured> {
    let mut sides = Vec::with_capacity(pairs.len());
    for pair in pairs {
        // The team follows from the latest message: earlier runs' messages are not replayed.
        let mut team = open(addr, &pair.team).await?;
        let follow = ChatFrame::Follow {
            conversation: pair.conversation,
            after: latest_message(db, pair.conversation).await?,
        };
        team.send(text(&follow)).await?;
        sides.push((open(addr, &pair.buyer).await?, team, pair.conversation));
    }
    let start = Instant::now();
    let deadline = tokio::time::Instant::now() + length + Duration::from_secs(2);
    let period = rate.map(|rate| Duration::from_secs_f64(pairs.len() as f64 / rate as f64));
    let (acks, received) = (
        Arc::new(Mutex::new(Vec::new())),
        Arc::new(Mutex::new(Vec::new())),
    );
    let mut tasks = Vec::new();
    for (n, (buyer, mut team, conversation)) in sides.into_iter().enumerate() {
        let received = received.clone();
        tasks.push(tokio::spawn(async move {
            let mut own = Vec::new();
            while let Ok(Some(Ok(frame))) = tokio::time::timeout_at(deadline, team.next()).await {
                if let Ws::Text(body) = frame
                    && let Ok(SocketFrame::Message { message }) = serde_json::from_str(&body)
                {
                    own.extend(sent_at(&message.body, start));
                }
            }
            received.lock().await.extend(own);
        }));
        let sender = Sender {
            conversation,
            period,
            start,
            length,
            id: n,
            // Spread over the period, so that the rate is even rather than every buyer's
            // message at once each period.
            offset: period.map_or(Duration::ZERO, |period| {
                period * n as u32 / pairs.len() as u32
            }),
            acks: acks.clone(),
        };
        tasks.push(tokio::spawn(sender.run(buyer)));
    }
    for task in tasks {
        let _ = task.await;
    }
    let acks = std::mem::take(&mut *acks.lock().await);
    let received = std::mem::take(&mut *received.lock().await);
    Ok(Measured {
        acks,
        received,
        took: length,
    })
}

/// One buyer's sending.
struct Sender {
    conversation: ConversationId,
    /// Between two messages; `None`: the next on the last one's ack.
    period: Option<Duration>,
    start: Instant,
    length: Duration,
    id: usize,
    /// When this buyer's first message goes, after `start`.
    offset: Duration,
    acks: Arc<Mutex<Vec<f64>>>,
}

impl Sender {
    async fn run(self, buyer: Socket) {
        let (mut sink, mut stream) = buyer.split();
        let (acked, mut on_ack) = tokio::sync::mpsc::unbounded_channel::<()>();
        let start = self.start;
        let reader = tokio::spawn(async move {
            let mut own = Vec::new();
            while let Some(Ok(frame)) = stream.next().await {
                if let Ws::Text(body) = frame {
                    match serde_json::from_str(&body) {
                        Ok(SocketFrame::Ack { message }) => {
                            own.extend(sent_at(&message.body, start))
                        }
                        Ok(SocketFrame::Refused { error, .. }) => {
                            eprintln!("refused: {error}");
                        }
                        _ => continue,
                    }
                    let _ = acked.send(());
                }
            }
            own
        });
        let first = tokio::time::Instant::from_std(start + self.offset);
        let mut ticker = self.period.map(|period| {
            let mut ticker = tokio::time::interval_at(first, period);
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
            ticker
        });
        let mut n = 0_u64;
        while start.elapsed() < self.length {
            if let Some(ticker) = &mut ticker {
                ticker.tick().await;
            }
            n += 1;
            let frame = ChatFrame::Send {
                conversation: self.conversation,
                client_id: format!(
                    "bench-{}-{}-{}-{n}",
                    std::process::id(),
                    self.id,
                    start.elapsed().as_nanos()
                ),
                body: format!("bench {}", start.elapsed().as_micros()),
            };
            if sink.send(text(&frame)).await.is_err() {
                break;
            }
            if ticker.is_none() && on_ack.recv().await.is_none() {
                break;
            }
        }
        // Let the last acknowledgements arrive, then close.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let _ = sink.close().await;
        if let Ok(Ok(own)) = tokio::time::timeout(Duration::from_secs(5), reader).await {
            self.acks.lock().await.extend(own);
        }
    }
}

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    crate::commands::stats::nearest_rank(&sorted, p).unwrap_or(f64::NAN)
}

/// The server's resident memory in kilobytes, from /proc.
pub(crate) fn resident_kb(pid: u32) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .context("no VmRSS line")
}

async fn idle_memory(
    db: &Db,
    addr: &str,
    pairs: &[Pair],
    count: usize,
    pid: u32,
) -> anyhow::Result<()> {
    let mut latest = Vec::with_capacity(pairs.len());
    for pair in pairs {
        latest.push(latest_message(db, pair.conversation).await?);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let before = resident_kb(pid)?;
    let mut sockets = Vec::with_capacity(count);
    for n in 0..count {
        let at = n % pairs.len();
        let mut socket = open(addr, &pairs[at].buyer).await?;
        let follow = ChatFrame::Follow {
            conversation: pairs[at].conversation,
            after: latest[at],
        };
        socket.send(text(&follow)).await?;
        sockets.push(socket);
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    let after = resident_kb(pid)?;
    println!(
        "idle sockets: server resident {before} KB before, {after} KB with {count} more open, each following a conversation: {:.1} KB a socket",
        after.saturating_sub(before) as f64 / count as f64
    );
    drop(sockets);
    Ok(())
}

/// The last message of a conversation, to follow from.
async fn latest_message(
    db: &Db,
    conversation: ConversationId,
) -> anyhow::Result<Option<MessageId>> {
    let latest: Option<i64> =
        sqlx::query_scalar("SELECT MAX(id) FROM messages WHERE conversation_id = $1")
            .bind(conversation.0)
            .fetch_one(&db.pool)
            .await?;
    Ok(latest.map(MessageId))
}
