//! Finished pages kept in memory for visitors without a session. A page's HTML depends only on
//! its URL, the visitor's language and the catalogue, so the second visitor of a popular product
//! gets the first one's page, with a fresh CSP nonce in place of the old one. Entries live at
//! most the cache's time to live and are all dropped when this server changes the catalogue
//! (`clear`). Requests with any cookie but the language preference are never served from here,
//! so nothing personal is ever cached or shared.

use crate::http::lang;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The largest page kept; bigger ones are served but not cached.
const MAX_PAGE_BYTES: usize = 1 << 20;
/// The memory all cached pages may take together.
const MAX_TOTAL_BYTES: u64 = 64 << 20;

/// The cache; cloning shares it. Off when built with a zero time to live.
#[derive(Clone)]
pub struct PageCache(
    Option<moka::sync::Cache<PageKey, Arc<Template>>>,
    Arc<AtomicU64>,
);

/// What a page's HTML depends on besides the catalogue.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub struct PageKey {
    path_and_query: String,
    language_cookie: Option<String>,
    accept_language: Option<String>,
}

/// A response with its nonce cut out: parts to join with a fresh nonce.
struct Template {
    status: StatusCode,
    headers: Vec<(header::HeaderName, Vec<String>)>,
    body: Vec<Bytes>,
    bytes: usize,
}

impl PageCache {
    pub fn new(ttl: Duration) -> Self {
        let pages = (!ttl.is_zero()).then(|| {
            moka::sync::Cache::builder()
                .max_capacity(MAX_TOTAL_BYTES)
                .weigher(|_, page: &Arc<Template>| u32::try_from(page.bytes).unwrap_or(u32::MAX))
                .time_to_live(ttl)
                .build()
        });
        Self(pages, Arc::new(AtomicU64::new(0)))
    }

    /// Drops every page, for a writer that changed what pages show. A page being rendered
    /// meanwhile is not kept: it may show the old data.
    pub fn clear(&self) {
        self.1.fetch_add(1, Ordering::SeqCst);
        if let Some(pages) = &self.0 {
            pages.invalidate_all();
        }
    }
}

/// Middleware: answers from the cache when it can, and keeps pages it may reuse.
pub async fn serve(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let (Some(pages), Some(key)) = (&cache.0, PageKey::of(&request)) else {
        return next.run(request).await;
    };
    if let Some(page) = pages.get(&key) {
        return page.render(&leptos::nonce::Nonce::new());
    }
    let clears = cache.1.load(Ordering::SeqCst);
    let response = next.run(request).await;
    let Some(nonce) = reusable_nonce(&response) else {
        return response;
    };
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(error) => {
            tracing::error!(%error, "a page failed while it was rendered");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if body.len() <= MAX_PAGE_BYTES && cache.1.load(Ordering::SeqCst) == clears {
        let page = Arc::new(Template::cut(parts.status, &parts.headers, &body, &nonce));
        pages.insert(key, page);
    }
    Response::from_parts(parts, Body::from(body))
}

impl PageKey {
    /// The key of a request that may be served from the cache: a GET without cookies other
    /// than the language preference.
    fn of(request: &Request) -> Option<Self> {
        if request.method() != Method::GET {
            return None;
        }
        let mut language_cookie = None;
        for value in request.headers().get_all(header::COOKIE) {
            for pair in value.to_str().ok()?.split(';') {
                match pair.trim().split_once('=') {
                    Some((lang::COOKIE, code)) => language_cookie = Some(code.to_owned()),
                    _ if pair.trim().is_empty() => {}
                    _ => return None,
                }
            }
        }
        Some(Self {
            path_and_query: request.uri().path_and_query()?.as_str().to_owned(),
            language_cookie,
            accept_language: request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned),
        })
    }
}

/// The nonce of a successful HTML page that sets no cookie and does not forbid storing it,
/// read from its CSP header.
fn reusable_nonce(response: &Response) -> Option<String> {
    let headers = response.headers();
    let is_html = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    let personal = headers
        .get(header::CACHE_CONTROL)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.contains("no-store") || value.contains("private"));
    if response.status() != StatusCode::OK
        || !is_html
        || personal
        || headers.contains_key(header::SET_COOKIE)
    {
        return None;
    }
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let length = policy[start..].find('\'')?;
    Some(policy[start..start + length].to_owned()).filter(|nonce| nonce.len() >= 16)
}

impl Template {
    fn cut(status: StatusCode, headers: &HeaderMap, body: &Bytes, nonce: &str) -> Self {
        let headers: Vec<_> = headers
            .iter()
            .filter(|(name, _)| *name != header::DATE)
            .map(|(name, value)| {
                let text = String::from_utf8_lossy(value.as_bytes());
                (name.clone(), text.split(nonce).map(str::to_owned).collect())
            })
            .collect();
        let mut parts = Vec::new();
        let mut rest = body.clone();
        while let Some(at) = find_bytes(&rest, nonce.as_bytes()) {
            parts.push(rest.slice(..at));
            rest = rest.slice(at + nonce.len()..);
        }
        parts.push(rest);
        Self {
            status,
            headers,
            bytes: body.len(),
            body: parts,
        }
    }

    fn render(&self, nonce: &str) -> Response {
        let mut body = Vec::with_capacity(self.bytes + nonce.len() * self.body.len());
        for (i, part) in self.body.iter().enumerate() {
            if i > 0 {
                body.extend_from_slice(nonce.as_bytes());
            }
            body.extend_from_slice(part);
        }
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = self.status;
        for (name, parts) in &self.headers {
            if let Ok(value) = HeaderValue::from_str(&parts.join(nonce)) {
                response.headers_mut().append(name.clone(), value);
            }
        }
        response
    }
}

/// Where `needle` first occurs in `haystack`.
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(cookie: Option<&str>) -> Request {
        let mut builder = Request::get("/products/7?page=2").header("accept-language", "zh-CN");
        if let Some(cookie) = cookie {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn only_requests_without_personal_cookies_are_cached() {
        let key = PageKey::of(&request(Some("i18n_pref_locale=zh"))).unwrap();
        assert_eq!(key.path_and_query, "/products/7?page=2");
        assert_eq!(key.language_cookie.as_deref(), Some("zh"));
        assert_eq!(key.accept_language.as_deref(), Some("zh-CN"));
        assert!(PageKey::of(&request(None)).is_some());
        assert!(PageKey::of(&request(Some("session=abc; i18n_pref_locale=zh"))).is_none());
        let post = Request::post("/products/7").body(Body::empty()).unwrap();
        assert!(PageKey::of(&post).is_none());
    }

    #[test]
    fn a_template_replaces_every_nonce_in_body_and_headers() {
        let old = "AAAAAAAAAAAAAAAAAAAAAA";
        let mut headers = HeaderMap::new();
        let policy = format!("script-src 'nonce-{old}'");
        headers.insert(header::CONTENT_SECURITY_POLICY, policy.parse().unwrap());
        let body = Bytes::from(format!("<script nonce=\"{old}\"></script><p>{old}</p>"));
        let page = Template::cut(StatusCode::OK, &headers, &body, old);
        let response = page.render("BBBBBBBBBBBBBBBBBBBBBB");
        assert_eq!(
            response.headers()[header::CONTENT_SECURITY_POLICY],
            "script-src 'nonce-BBBBBBBBBBBBBBBBBBBBBB'"
        );
        let rendered = page.body.concat();
        assert!(!String::from_utf8_lossy(&rendered).contains(old));
        assert_eq!(page.body.len(), 3);
    }

    #[test]
    fn only_successful_html_without_cookies_or_no_store_is_reused() {
        let page = |status: StatusCode, kind: &str, cookie: bool| {
            let mut response = Response::new(Body::empty());
            *response.status_mut() = status;
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, kind.parse().unwrap());
            let policy = "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA'";
            headers.insert(header::CONTENT_SECURITY_POLICY, policy.parse().unwrap());
            if cookie {
                headers.insert(header::SET_COOKIE, "a=b".parse().unwrap());
            }
            response
        };
        let html = "text/html; charset=utf-8";
        assert!(reusable_nonce(&page(StatusCode::OK, html, false)).is_some());
        assert!(reusable_nonce(&page(StatusCode::NOT_FOUND, html, false)).is_none());
        assert!(reusable_nonce(&page(StatusCode::OK, "application/json", false)).is_none());
        assert!(reusable_nonce(&page(StatusCode::OK, html, true)).is_none());
        let mut one_off = page(StatusCode::OK, html, false);
        let no_store = "no-store".parse().unwrap();
        one_off
            .headers_mut()
            .insert(header::CACHE_CONTROL, no_store);
        assert!(reusable_nonce(&one_off).is_none());
    }
}
