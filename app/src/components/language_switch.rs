//! Links to the other languages. They go through `/lang/{code}`, which keeps the choice in a
//! cookie and returns to the same page, so switching works with JavaScript off too. They are
//! `rel="external"` so that the hydrated router loads them from the server.

use crate::i18n::*;
use crate::links::language_path;
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
                    href=move || language_path(code, &here())
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
                {link("ar", "العربية", Locale::ar)}
                {link("fr", "Français", Locale::fr)}
                {link("es", "Español", Locale::es)}
                {link("ru", "Русский", Locale::ru)}
            </ul>
        </nav>
    }
}
