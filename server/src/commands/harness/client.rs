//! The commands' HTTP/1.1 client: one request per connection to the server under test on the
//! loopback, from `127.0.0.1` or any other loopback address (Linux routes all of 127.0.0.0/8
//! to the loopback, so each address is another client to the server's per-client limits), a
//! deadline on each, and an answer that counts only when it arrived whole (a status line cut
//! short by a kill is no acknowledgement).

use anyhow::{Context, bail};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// The longest one request may take; a killed server's requests fail sooner.
const DEADLINE: Duration = Duration::from_secs(20);
/// The most of an answer that is read.
const MAX_ANSWER: u64 = 4 << 20;
const BOUNDARY: &str = "cloud-fair-chaos-7c1e";

/// A complete answer.
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A file of a multipart form: its name, its `Content-Type` and its bytes.
pub struct File<'a> {
    pub name: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

/// The `n`th loopback address after 127.0.0.1 (127.1.0.1, 127.1.0.2, …, 250 to a /24): a
/// client of its own to the server, for `n` below 64,000.
pub fn loopback(n: usize) -> IpAddr {
    let n = n % 64_000;
    IpAddr::V4(Ipv4Addr::new(
        127,
        1 + (n / 62_500) as u8,
        (n / 250 % 250) as u8,
        (n % 250 + 1) as u8,
    ))
}

/// Requests to one server, as a signed-in person (the `Cookie` given) or a visitor.
#[derive(Clone, Copy, Debug)]
pub struct Client {
    pub addr: SocketAddr,
    /// The address requests come from; the system's choice (127.0.0.1) if none.
    pub from: Option<IpAddr>,
}

impl Client {
    pub fn new(addr: SocketAddr) -> Client {
        Client { addr, from: None }
    }

    /// The same server, from `address`.
    pub fn from(self, address: IpAddr) -> Client {
        Client {
            from: Some(address),
            ..self
        }
    }

    /// A connection to the server from this client's address.
    pub async fn connect(&self) -> std::io::Result<TcpStream> {
        let Some(from) = self.from else {
            return TcpStream::connect(self.addr).await;
        };
        let socket = match from {
            IpAddr::V4(_) => TcpSocket::new_v4()?,
            IpAddr::V6(_) => TcpSocket::new_v6()?,
        };
        socket.bind(SocketAddr::new(from, 0))?;
        socket.connect(self.addr).await
    }

    /// POSTs a URL-encoded form as a visitor.
    pub async fn visitor_form(&self, path: &str, form: &str) -> anyhow::Result<Answer> {
        let kind = "application/x-www-form-urlencoded";
        self.send("POST", path, None, Some(kind), form.as_bytes())
            .await
    }

    /// POSTs a URL-encoded form, as a server function call does.
    pub async fn form(&self, path: &str, cookie: &str, form: &str) -> anyhow::Result<Answer> {
        let kind = "application/x-www-form-urlencoded";
        self.send("POST", path, Some(cookie), Some(kind), form.as_bytes())
            .await
    }

    /// POSTs a multipart form of text `fields` and one `file` field.
    pub async fn multipart(
        &self,
        path: &str,
        cookie: &str,
        fields: &[(&str, &str)],
        file: File<'_>,
    ) -> anyhow::Result<Answer> {
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                file.name, file.content_type
            )
            .as_bytes(),
        );
        body.extend_from_slice(file.bytes);
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        let kind = format!("multipart/form-data; boundary={BOUNDARY}");
        self.send("POST", path, Some(cookie), Some(&kind), &body)
            .await
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<Answer> {
        self.send("GET", path, None, None, b"").await
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        content_type: Option<&str>,
        body: &[u8],
    ) -> anyhow::Result<Answer> {
        let exchange = async {
            let mut stream = self.connect().await?;
            let mut head = format!(
                "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
                self.addr,
                body.len()
            );
            for (name, value) in [("Cookie", cookie), ("Content-Type", content_type)] {
                if let Some(value) = value {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
            }
            head.push_str("\r\n");
            stream.write_all(head.as_bytes()).await?;
            // A server may answer before it has read the whole body (413 for a file over its
            // limit) and close: its answer is read all the same, as a browser would.
            let sent = stream.write_all(body).await;
            let mut raw = Vec::new();
            let read = (&mut stream).take(MAX_ANSWER).read_to_end(&mut raw).await;
            match (parse(&raw), sent) {
                (Ok(answer), _) => Ok(answer),
                (Err(_), Err(error)) => Err(error.into()),
                (Err(error), Ok(())) => Err(read.err().map_or(error, Into::into)),
            }
        };
        tokio::time::timeout(DEADLINE, exchange)
            .await
            .with_context(|| format!("{method} {path}: no answer in {DEADLINE:?}"))?
    }
}

/// The status and body of a complete answer; an error for one cut short.
fn parse(raw: &[u8]) -> anyhow::Result<Answer> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .context("the answer's head was cut short")?;
    let head = std::str::from_utf8(&raw[..end]).context("a head that is not text")?;
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .context("no status line")?;
    let mut chunked = false;
    let mut length = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.eq_ignore_ascii_case("chunked");
        } else if name.eq_ignore_ascii_case("content-length") {
            length = value.parse::<usize>().ok();
        }
    }
    let rest = &raw[end + 4..];
    let body = if chunked {
        dechunk(rest)?
    } else if let Some(length) = length {
        if rest.len() < length {
            bail!("the answer's body was cut short");
        }
        rest[..length].to_vec()
    } else {
        rest.to_vec()
    };
    Ok(Answer { status, body })
}

/// A chunked body, which must end with its last (empty) chunk.
fn dechunk(mut rest: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut body = Vec::new();
    for _ in 0..100_000 {
        let line = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .context("a chunk cut short")?;
        let size = std::str::from_utf8(&rest[..line])?;
        let size = usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16)?;
        rest = &rest[line + 2..];
        if size == 0 {
            return Ok(body);
        }
        if rest.len() < size + 2 {
            bail!("a chunk cut short");
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
    bail!("too many chunks")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_answers_count() {
        let whole = parse(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n42").unwrap();
        assert_eq!((whole.status, whole.body.as_slice()), (200, &b"42"[..]));
        let chunked = parse(
            b"HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(
            (chunked.status, chunked.body.as_slice()),
            (409, &b"abc"[..])
        );
        assert!(parse(b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n42").is_err());
        assert!(
            parse(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n").is_err()
        );
        assert!(parse(b"HTTP/1.1 200 OK\r\ncontent-le").is_err());
    }
}
