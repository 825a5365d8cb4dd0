//! Links to the other languages. They go through `/lang/{code}`, which keeps the choice in a
//! cookie and returns to the same page, so switching works with JavaScript off too. They are
//! `rel="external"` so that the hydrated router loads them from the server.

use crate::i18n::*;
use leptos::prelude::*;

/// The cookie `leptos_i18n` reads on the server and writes in the browser.
pub const LANGUAGE_COOKIE: &str = "i18n_pref_locale";
use leptos_router::hooks::use_location;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let here = move || {
        let search = location.search.get();
        let path = location.pathname.get();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    };
    let link = move |code: &'static str, label: &'static str, lang: Locale| {
        view! {
            <li>
                <a
                    href=move || format!("/lang/{code}?next={}", encode_component(&here()))
                    hreflang=code
                    lang=code
                    rel="external"
                    aria-current=move || (i18n.get_locale() == lang).then_some("true")
                >
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <nav class="language-switch" aria-label=move || t_string!(i18n, language).to_string()>
            <ul>
                {link("en", "English", Locale::en)}
                {link("zh", "中文", Locale::zh)}
            </ul>
        </nav>
    }
}

/// Percent-encodes everything but unreserved characters, for a URL inside a query parameter.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_query_strings() {
        assert_eq!(
            super::encode_component("/halls/a?booth=1.1A01&x=é"),
            "/halls/a%3Fbooth%3D1.1A01%26x%3D%C3%A9"
        );
    }
}
