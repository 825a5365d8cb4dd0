//! The session layer: finds the signed-in person of a request once, before pages and server
//! functions run, and leaves them in the request (`SignedIn`). Requests without a session
//! cookie pass untouched, so visitors cost no database query. It also leaves the client's
//! address (`ClientAddress`) for the server functions that record it, and marks what it
//! answers a signed-in person as `Cache-Control: private`.

use app::components::account_menu::SignedIn;
use app::ports::{Accounts, ClientAddress};
use app::session::token_in;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

pub async fn identify(
    State(accounts): State<Arc<dyn Accounts>>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(ConnectInfo(address)) = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .copied()
    {
        request.extensions_mut().insert(ClientAddress(address.ip()));
    }
    let mut signed_in = false;
    if let Some(token) = token_in(request.headers(), accounts.secure_cookies()) {
        // A failed lookup was logged; the handlers then look the person up themselves.
        if let Ok(user) = accounts.get_current_user(&token).await {
            signed_in = user.is_some();
            request.extensions_mut().insert(SignedIn(user));
        }
    }
    let mut response = next.run(request).await;
    if signed_in {
        // Rendered for this person (the header names them): no shared cache, and not the
        // service worker's offline copies, may keep it.
        response
            .headers_mut()
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("private"));
    }
    response
}
