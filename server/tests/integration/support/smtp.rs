//! An SMTP server the tests start themselves: it speaks the protocol over TCP (greeting, EHLO,
//! MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT), keeps what it receives, and
//! refuses recipients whose address starts with `bounce` with a permanent 550.

use base64::Engine as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::Notify;

/// One message as received: the envelope and the raw data.
#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

impl Received {
    /// A header's value (the first line of it).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.data
            .split("\r\n\r\n")
            .next()?
            .lines()
            .filter_map(|line| line.split_once(':'))
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.trim())
    }

    /// The text body, decoded from quoted-printable or base64 when sent so.
    pub fn body(&self) -> String {
        let raw = self
            .data
            .split_once("\r\n\r\n")
            .map_or("", |(_, body)| body);
        match self.header("Content-Transfer-Encoding") {
            Some(encoding) if encoding.eq_ignore_ascii_case("base64") => {
                let joined: String = raw.split_whitespace().collect();
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(joined)
                    .expect("base64 body");
                String::from_utf8(bytes).expect("UTF-8 body")
            }
            Some(encoding) if encoding.eq_ignore_ascii_case("quoted-printable") => {
                decode_quoted_printable(raw)
            }
            _ => raw.replace("\r\n", "\n"),
        }
    }
}

fn decode_quoted_printable(text: &str) -> String {
    let text = text.replace("=\r\n", "");
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'=' && tail.len() >= 2 {
            let hex = std::str::from_utf8(&tail[..2]).expect("ASCII escape");
            bytes.push(u8::from_str_radix(hex, 16).expect("hex escape"));
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    String::from_utf8(bytes)
        .expect("UTF-8 body")
        .replace("\r\n", "\n")
}

/// A running server and what it has received so far.
#[derive(Clone)]
pub struct SmtpServer {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
    arrived: Arc<Notify>,
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP");
        let server = SmtpServer {
            addr: listener.local_addr().expect("addr"),
            received: Arc::default(),
            arrived: Arc::default(),
        };
        let accepting = server.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(accepting.clone().session(stream));
            }
        });
        server
    }

    /// `smtp://` URL of this server, for `SmtpSettings`.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// The first message to `to`, waiting up to ten seconds for it.
    pub async fn wait_for(&self, to: &str) -> Received {
        self.wait_for_nth(to, 0).await
    }

    /// The message to `to` that arrived after `earlier` others to that address, waiting up to
    /// ten seconds for it.
    pub async fn wait_for_nth(&self, to: &str, earlier: usize) -> Received {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            let arrived = self.arrived.notified();
            if let Some(found) = self
                .received()
                .into_iter()
                .filter(|m| m.to.iter().any(|r| r == to))
                .nth(earlier)
            {
                return found;
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                panic!(
                    "no mail number {} to {to} within 10 s; received: {:?}",
                    earlier + 1,
                    self.received()
                );
            }
        }
    }

    async fn session(self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 test-smtp ESMTP ready\r\n").await?;
        let (mut from, mut to) = (String::new(), Vec::new());
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let command = line.trim_end().to_owned();
            let verb = command
                .split([' ', ':'])
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            let answer: &[u8] = match verb.as_str() {
                "EHLO" => b"250-test-smtp\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
                "HELO" | "NOOP" => b"250 OK\r\n",
                "RSET" => {
                    (from, to) = (String::new(), Vec::new());
                    b"250 OK\r\n"
                }
                "MAIL" => {
                    from = address(&command);
                    b"250 OK\r\n"
                }
                "RCPT" => {
                    let recipient = address(&command);
                    if recipient.starts_with("bounce") {
                        b"550 5.1.1 no such mailbox\r\n"
                    } else {
                        to.push(recipient);
                        b"250 OK\r\n"
                    }
                }
                "DATA" => {
                    write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                    let data = read_data(&mut lines).await?;
                    self.received.lock().unwrap().push(Received {
                        from: std::mem::take(&mut from),
                        to: std::mem::take(&mut to),
                        data,
                    });
                    self.arrived.notify_waiters();
                    b"250 OK queued\r\n"
                }
                "QUIT" => {
                    write.write_all(b"221 bye\r\n").await?;
                    return Ok(());
                }
                _ => b"500 unknown command\r\n",
            };
            write.write_all(answer).await?;
        }
    }
}

/// The address between angle brackets of `MAIL FROM:<…>` or `RCPT TO:<…>`.
fn address(command: &str) -> String {
    command
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map(|(address, _)| address.to_owned())
        .unwrap_or_default()
}

/// The message data up to the lone dot, with leading dots unstuffed.
async fn read_data(
    lines: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
) -> std::io::Result<String> {
    let mut data = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 || line == ".\r\n" {
            return Ok(data);
        }
        data.push_str(line.strip_prefix('.').unwrap_or(&line));
    }
}
