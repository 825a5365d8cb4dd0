//! The session layer: finds the signed-in person of a request once, before pages and server
//! functions run, and leaves them in the request (`SignedIn`). Requests without a session
//! cookie pass untouched, so visitors cost no database query. It also leaves the client's
//! address (`ClientAddress`) for the server functions that record it.

use app::components::account_menu::SignedIn;
use app::ports::{Accounts, ClientAddress};
use app::session::token_in;
use axum::extract::{ConnectInfo, Request, State};
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
    if let Some(token) = token_in(request.headers(), accounts.secure_cookies()) {
        // A failed lookup was logged; the handlers then look the person up themselves.
        if let Ok(user) = accounts.get_current_user(&token).await {
            request.extensions_mut().insert(SignedIn(user));
        }
    }
    next.run(request).await
}
