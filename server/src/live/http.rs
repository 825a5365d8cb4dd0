//! WHIP (RFC 9725) and WHEP over HTTP: a publisher or a viewer POSTs its SDP offer and gets
//! `201 Created` with the answer, the resource to DELETE when it leaves (`Location`), and the
//! STUN and TURN servers to use (`Link: <…>; rel="ice-server"`). Candidates are not trickled:
//! an offer carries what its client gathered, and our answer carries our one address, which
//! is all ICE needs here; so PATCH on a resource is answered 405, as RFC 9725 asks of
//! servers without trickle ICE or ICE restarts.
//!
//! - `POST /live/whip`: an encoder with its team's key (`Authorization: Bearer live_…`)
//!   starts its team's live or next stream, or a new one.
//! - `POST /live/streams/{id}/whip`: that stream, by its team's key or a team member signed in.
//! - `POST /live/streams/{id}/whep`: anyone watches a live stream.
//! - `DELETE /live/streams/{id}/sessions/{token}`: leave (a publisher's with its key or
//!   session, ending the stream).

use super::audience::Viewer;
use super::service::{LiveService, Publisher, Started};
use crate::clock::now;
use crate::http::error::HttpError;
use crate::http::extract::SignedIn;
use app::error::{AppError, ErrorCode};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The bearer token of `headers`, if any.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Refuses a body that is not an SDP offer by its type.
fn sdp_only(headers: &HeaderMap) -> Result<(), AppError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if essence.eq_ignore_ascii_case("application/sdp") {
        Ok(())
    } else {
        Err(AppError::invalid(
            "content_type",
            ErrorCode::MediaTypeUnsupported,
        ))
    }
}

/// `201 Created` with the answer, its resource and the ICE servers for `who`.
fn created(live: &LiveService, started: Started, who: &str) -> Response {
    let mut response = (
        StatusCode::CREATED,
        [(header::CONTENT_TYPE, "application/sdp")],
        started.answer,
    )
        .into_response();
    let headers = response.headers_mut();
    let location = format!(
        "/live/streams/{}/sessions/{}",
        started.stream, started.token
    );
    if let Ok(location) = HeaderValue::from_str(&location) {
        headers.insert(header::LOCATION, location);
    }
    for link in ice_links(&live.ice.entries(true, who, now())) {
        if let Ok(value) = HeaderValue::from_str(&link) {
            headers.append(header::LINK, value);
        }
    }
    response
}

/// RFC 9725's `Link` header values for RTCIceServer entries.
fn ice_links(servers: &[serde_json::Value]) -> Vec<String> {
    let mut links = Vec::new();
    for server in servers {
        let urls = match &server["urls"] {
            serde_json::Value::String(url) => vec![url.clone()],
            serde_json::Value::Array(urls) => urls
                .iter()
                .filter_map(|url| url.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        for url in urls {
            let mut link = format!("<{url}>; rel=\"ice-server\"");
            if let (Some(username), Some(credential)) =
                (server["username"].as_str(), server["credential"].as_str())
            {
                link.push_str(&format!(
                    "; username=\"{username}\"; credential=\"{credential}\"; credential-type=\"password\""
                ));
            }
            links.push(link);
        }
    }
    links
}

/// Who asks to publish or to end a session: an encoder by its stream key, else a team
/// member signed in.
fn publisher<'a>(headers: &'a HeaderMap, signed_in: &'a Option<SignedIn>) -> Option<Publisher<'a>> {
    match (bearer(headers), signed_in) {
        (Some(key), _) => Some(Publisher::Key(key)),
        (None, Some(signed_in)) => Some(Publisher::Member(&signed_in.user)),
        (None, None) => None,
    }
}

/// `POST /live/whip`: an encoder or a team member in the browser starts the team's stream
/// (the one live, else the next scheduled, else a new one).
pub async fn publish_next(
    State(live): State<Arc<LiveService>>,
    signed_in: Option<SignedIn>,
    headers: HeaderMap,
    offer: Bytes,
) -> Result<Response, HttpError> {
    let who = publisher(&headers, &signed_in).ok_or(AppError::Unauthenticated)?;
    sdp_only(&headers)?;
    let started = live.publish(who, None, &offer).await?;
    Ok(created(&live, started, "publisher"))
}

/// `POST /live/streams/{id}/whip`: an encoder or a team member in the browser starts it.
pub async fn publish(
    State(live): State<Arc<LiveService>>,
    Path(stream): Path<i64>,
    signed_in: Option<SignedIn>,
    headers: HeaderMap,
    offer: Bytes,
) -> Result<Response, HttpError> {
    let who = publisher(&headers, &signed_in).ok_or(AppError::Unauthenticated)?;
    sdp_only(&headers)?;
    let started = live.publish(who, Some(stream), &offer).await?;
    Ok(created(&live, started, "publisher"))
}

/// The cookie that tells one browser's viewing apart from another's, so that a visitor in
/// three tabs is one viewer. It only counts: it grants nothing.
const VIEWER_COOKIE: &str = "cf_viewer";

/// Who watches: the user signed in, else the browser by its viewer cookie (with the cookie
/// to set, for a browser that has none yet).
fn viewer(
    signed_in: &Option<SignedIn>,
    headers: &HeaderMap,
) -> Result<(Viewer, Option<String>), AppError> {
    if let Some(signed_in) = signed_in {
        return Ok((Viewer::user(signed_in.user.id.0), None));
    }
    let sent = app::session::cookie(headers, VIEWER_COOKIE).filter(|value| {
        (16..=64).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    match sent {
        Some(cookie) => Ok((Viewer::browser(&cookie), None)),
        None => {
            let cookie = crate::accounts::secret::new_secret().map_err(AppError::internal)?;
            Ok((Viewer::browser(&cookie), Some(cookie)))
        }
    }
}

/// `POST /live/streams/{id}/whep`: a viewer joins.
pub async fn watch(
    State(live): State<Arc<LiveService>>,
    Path(stream): Path<i64>,
    signed_in: Option<SignedIn>,
    headers: HeaderMap,
    offer: Bytes,
) -> Result<Response, HttpError> {
    sdp_only(&headers)?;
    let (viewer, new_cookie) = viewer(&signed_in, &headers)?;
    let started = live.watch(stream, &offer, viewer).await?;
    let mut response = created(&live, started, "viewer");
    if let Some(cookie) = new_cookie {
        let cookie = format!(
            "{VIEWER_COOKIE}={cookie}; Path=/live; Max-Age=31536000; HttpOnly; SameSite=Lax"
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
    }
    Ok(response)
}

/// `GET /live/streams/{id}?lang=&after=`: where the stream stands, how many watch it, the
/// product on screen written for a reader of `lang`, and the chat's messages after `after`.
pub async fn stream_now(
    State(live): State<Arc<LiveService>>,
    Path(stream): Path<i64>,
    Query(reader): Query<Reader>,
) -> Result<Response, HttpError> {
    let locale = app::languages::locale(reader.lang.as_deref().unwrap_or("en"));
    let now = live.now(stream, locale, reader.after).await?;
    let mut response = axum::Json(now).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The reader's language, and the last chat message the player has.
#[derive(serde::Deserialize)]
pub struct Reader {
    lang: Option<String>,
    after: Option<i64>,
}

/// `DELETE /live/streams/{id}/sessions/{token}`: a publisher or a viewer leaves.
pub async fn leave(
    State(live): State<Arc<LiveService>>,
    Path((stream, token)): Path<(i64, String)>,
    signed_in: Option<SignedIn>,
    headers: HeaderMap,
) -> Result<StatusCode, HttpError> {
    live.end(stream, &token, publisher(&headers, &signed_in))
        .await?;
    Ok(StatusCode::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ice_servers_become_link_headers() {
        let servers: Vec<serde_json::Value> = serde_json::from_str(
            r#"[{"urls":"stun:stun.example.org:3478"},
            {"urls":["turn:turn.example.org:3478"],"username":"1:publisher","credential":"c2VjcmV0"}]"#,
        )
        .unwrap();
        assert_eq!(
            ice_links(&servers),
            [
                r#"<stun:stun.example.org:3478>; rel="ice-server""#,
                r#"<turn:turn.example.org:3478>; rel="ice-server"; username="1:publisher"; credential="c2VjcmV0"; credential-type="password""#,
            ]
        );
    }

    #[test]
    fn bearer_tokens_and_sdp_bodies_are_recognised() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer(&headers), None);
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer live_x"),
        );
        assert_eq!(bearer(&headers), Some("live_x"));
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/SDP; charset=utf-8"),
        );
        assert_eq!(sdp_only(&headers), Ok(()));
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        assert!(sdp_only(&headers).is_err());
    }
}
