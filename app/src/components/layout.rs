//! The frame of every page: skip link, header with navigation and language switch, footer.

use super::account_menu::{AccountMenu, Session};
use super::hydration_mark::HydrationMark;
use super::language_switch::LanguageSwitch;
use crate::i18n::*;
use crate::links::PublicUrl;
use leptos::prelude::*;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    Session::provide();
    PublicUrl::provide();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <a class="brand" href="/">{t!(i18n, site_name)}</a>
            <nav aria-label=move || t_string!(i18n, nav_main).to_string()>
                <ul>
                    <li><a href="/">{t!(i18n, nav_home)}</a></li>
                    <li><a href="/exhibitors">{t!(i18n, nav_exhibitors)}</a></li>
                    <li><a href="/live">{t!(i18n, nav_live)}</a></li>
                </ul>
            </nav>
            <form class="header-search" role="search" method="get" action="/search">
                <label class="visually-hidden" for="header-search">{t!(i18n, search_label)}</label>
                <input id="header-search" type="search" name="q" maxlength="200"
                    placeholder=move || t_string!(i18n, search_placeholder).to_string() />
                <button type="submit">{t!(i18n, search_button)}</button>
            </form>
            <AccountMenu />
            <LanguageSwitch />
        </header>
        // Shown only on a copy the service worker kept, opened offline (`public/sw.js`).
        <p class="offline-note">{t!(i18n, offline_note)}</p>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer"><p>{t!(i18n, footer_text)}</p></footer>
        // In its own element: the whole site's hydration resumes after an island only from
        // the island's parent (tachys 0.2 leaves its cursor inside the island).
        <div class="hydration-mark" hidden><HydrationMark /></div>
    }
}
