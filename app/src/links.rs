//! Every path of this site that the code writes (`routes.rs` declares them, the functions
//! here build them), and where a form may send the browser back to: one strict check serves
//! every redirect, so that no form becomes an open redirect.

use crate::domain::text::percent_encode;
use crate::domain::{
    ConversationId, InquiryId, MeetingId, MessageId, OrderId, ProductId, StreamId,
};
use leptos::prelude::*;

/// The second step of signing in: the code from an authenticator app.
pub const SIGN_IN_CODE_PATH: &str = "/sign-in/code";
/// The page shown offline for a page the service worker did not keep.
pub const OFFLINE_PATH: &str = "/offline";
/// A person's two-factor sign-in settings.
pub const TWO_FACTOR_PATH: &str = "/account/two-factor";

pub fn product_path(id: ProductId) -> String {
    format!("/products/{id}")
}

/// The page that asks about a product.
pub fn new_inquiry_path(product: ProductId) -> String {
    format!("/products/{product}/inquiry")
}

/// An exhibitor's booth.
pub fn exhibitor_path(slug: &str) -> String {
    format!("/exhibitors/{slug}")
}

/// The page that books a meeting with an exhibitor.
pub fn booking_path(exhibitor_slug: &str) -> String {
    format!("/exhibitors/{exhibitor_slug}/meetings")
}

pub fn category_path(slug: &str) -> String {
    format!("/categories/{slug}")
}

pub fn section_path(slug: &str) -> String {
    format!("/sections/{slug}")
}

pub fn hall_path(slug: &str) -> String {
    format!("/halls/{slug}")
}

/// The product editor of one product.
pub fn product_editor_path(id: ProductId) -> String {
    format!("/exhibitor/products/{id}")
}

/// The search page with a query string made by `SearchQuery::query_string`.
pub fn search_path(query: &str) -> String {
    format!("/search?{query}")
}

/// The query parameter that shows a page in one language for that request alone.
pub const LANGUAGE_PARAM: &str = "lang";

/// `path` in the language `code` (`?lang={code}`, after any query of its own): the address
/// pages name as their `hreflang` alternates and the sitemaps list per language.
pub fn in_language(path: &str, code: &str) -> String {
    with_query(path, &format!("{LANGUAGE_PARAM}={code}"))
}

/// The language switch, coming back to `next`.
pub fn language_path(code: &str, next: &str) -> String {
    format!("/lang/{code}?next={}", percent_encode(next))
}

/// The page of a conversation.
pub fn conversation_path(id: ConversationId) -> String {
    format!("/messages/{id}")
}

/// Where a message's file is read (its two parties only).
pub fn attachment_path(conversation: ConversationId, message: MessageId) -> String {
    format!("/messages/{conversation}/attachments/{message}")
}

pub fn inquiry_path(id: InquiryId) -> String {
    format!("/inquiries/{id}")
}

pub fn order_path(id: OrderId) -> String {
    format!("/orders/{id}")
}

/// The public page that shows and verifies a contract.
pub fn contract_path(token: &str) -> String {
    format!("/contracts/{token}")
}

/// The contract's exact text, as a file.
pub fn contract_file_path(token: &str) -> String {
    format!("/contracts/{token}/contract.txt")
}

pub fn meeting_path(id: MeetingId) -> String {
    format!("/meetings/{id}")
}

/// The page of a meeting's video call.
pub fn call_path(id: MeetingId) -> String {
    format!("/meetings/{id}/call")
}

/// A stream's page: live, to come, or its replay.
pub fn stream_path(id: StreamId) -> String {
    format!("/live/{id}")
}

/// The meeting as a calendar file.
pub fn meeting_ics_path(id: MeetingId) -> String {
    format!("/meetings/{id}/meeting.ics")
}

/// The fair's public address (`--public-url`, without a trailing slash), for the links that
/// must be absolute, such as canonical ones. The server provides it to every page; `provide`
/// carries it to the browser with the page.
#[derive(Clone, Debug, Default)]
pub struct PublicUrl(pub String);

impl PublicUrl {
    /// Provides the address to the page, the same on the server and in the browser; once,
    /// around every page.
    pub fn provide() {
        let url = SharedValue::new(|| use_context::<PublicUrl>().unwrap_or_default().0);
        provide_context(PublicUrl(url.into_inner()));
    }

    /// `path` on this site as an absolute address.
    pub fn absolute(path: &str) -> String {
        let base = use_context::<PublicUrl>().unwrap_or_default().0;
        format!("{base}{path}")
    }
}

/// Whether `path` is a path on this site: it starts with one `/`, has no backslash (which
/// browsers read as `/`, making `/\evil` a host), and no control characters.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
}

/// `path` when it is a path on this site, else the home page.
pub fn local_or_home(path: &str) -> &str {
    if is_local_path(path) { path } else { "/" }
}

/// `path` with `query` added to whatever query it has.
pub fn with_query(path: &str, query: &str) -> String {
    let joint = if path.contains('?') { '&' } else { '?' };
    format!("{path}{joint}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_open_redirects() {
        assert!(is_local_path("/halls/hall-1-1?booth=1.1A01"));
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "evil",
            "/a\nb",
            "",
        ] {
            assert!(!is_local_path(bad), "{bad}");
            assert_eq!(local_or_home(bad), "/");
        }
        assert_eq!(local_or_home("/messages/4"), "/messages/4");
    }

    #[test]
    fn the_language_switch_comes_back_to_the_whole_address() {
        assert_eq!(
            language_path("zh", "/halls/a?booth=1.1A01&x=é"),
            "/lang/zh?next=%2Fhalls%2Fa%3Fbooth%3D1.1A01%26x%3D%C3%A9"
        );
    }

    #[test]
    fn queries_are_added_to_what_is_there() {
        assert_eq!(
            with_query("/exhibitor/meetings", "error=x"),
            "/exhibitor/meetings?error=x"
        );
        assert_eq!(
            with_query("/halls/h?booth=1", "error=x"),
            "/halls/h?booth=1&error=x"
        );
    }
}
