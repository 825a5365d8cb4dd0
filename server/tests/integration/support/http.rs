//! A small HTTP/1.1 client for tests: enough to GET a page or POST a form and read the status,
//! headers and (chunked or not) body, without pulling a client library into the build.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// GETs `path` from `addr` with extra request headers; fails the test after 30 seconds.
pub async fn get(addr: std::net::SocketAddr, path: &str, headers: &[(&str, &str)]) -> Response {
    send(addr, "GET", path, headers, b"").await
}

/// POSTs a URL-encoded `form` to `path`, as a browser's form or a server function call does.
pub async fn post(
    addr: std::net::SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    form: &str,
) -> Response {
    let mut all = vec![("Content-Type", "application/x-www-form-urlencoded")];
    all.extend_from_slice(headers);
    send(addr, "POST", path, &all, form.as_bytes()).await
}

/// The same from the loopback address `source` (such as 127.0.0.7), as another client would.
pub async fn post_from(
    source: std::net::IpAddr,
    addr: std::net::SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    form: &str,
) -> Response {
    let mut all = vec![("Content-Type", "application/x-www-form-urlencoded")];
    all.extend_from_slice(headers);
    send_from(Some(source), addr, "POST", path, &all, form.as_bytes()).await
}

/// One part of a multipart form: field name, file name (for a file), content type, content.
pub struct Part<'a> {
    pub name: &'a str,
    pub file_name: Option<&'a str>,
    pub content_type: &'a str,
    pub content: &'a [u8],
}

/// POSTs a `multipart/form-data` body, as a browser's file upload form does.
pub async fn post_multipart(
    addr: std::net::SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    parts: &[Part<'_>],
) -> Response {
    const BOUNDARY: &str = "cloud-fair-test-boundary-7d9f";
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        let file = part
            .file_name
            .map(|f| format!("; filename=\"{f}\""))
            .unwrap_or_default();
        body.extend_from_slice(
            format!(
                "Content-Disposition: form-data; name=\"{}\"{file}\r\nContent-Type: {}\r\n\r\n",
                part.name, part.content_type
            )
            .as_bytes(),
        );
        body.extend_from_slice(part.content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={BOUNDARY}");
    let mut all = vec![("Content-Type", content_type.as_str())];
    all.extend_from_slice(headers);
    send(addr, "POST", path, &all, &body).await
}

/// One request of any method with these headers and this exact body (bytes that need not
/// be text), over a new connection.
pub async fn send(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    send_from(None, addr, method, path, headers, body).await
}

/// One request over a new connection, from the loopback address `source` if given.
async fn send_from(
    source: Option<std::net::IpAddr>,
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    tokio::time::timeout(
        std::time::Duration::from_secs(30),
        fetch(source, addr, method, path, headers, body),
    )
    .await
    .unwrap_or_else(|_| panic!("{method} {path} got no complete answer within 30 s"))
}

async fn fetch(
    source: Option<std::net::IpAddr>,
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = match source {
        None => TcpStream::connect(addr).await.expect("connect"),
        Some(source) => {
            let socket = tokio::net::TcpSocket::new_v4().expect("socket");
            socket
                .bind((source, 0).into())
                .expect("bind the source address");
            socket.connect(addr).await.expect("connect")
        }
    };
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream.write_all(request.as_bytes()).await.expect("send");
    // A server may answer (413) and close before reading all of a large body.
    let _ = stream.write_all(body).await;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.expect("read");
    parse(&raw)
}

pub fn parse(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let rest = &raw[split + 4..];
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    Response {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..line_end]).trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        body.extend_from_slice(&data[start..start + size]);
        data = &data[start + size + 2..];
    }
    body
}
