//! A list of links, each with a short note (the home page's categories, a category's
//! sections, a section's halls).

use leptos::prelude::*;

/// One entry: where it goes, what it says, and a muted note beside it.
pub struct LinkItem {
    pub href: String,
    pub label: String,
    pub note: String,
}

#[component]
pub fn LinkList(
    items: Vec<LinkItem>,
    #[prop(default = "link-list")] class: &'static str,
) -> impl IntoView {
    view! {
        <ul class=class>
            {items.into_iter().map(|item| view! {
                <li>
                    <a href=item.href>{item.label}</a>
                    <span class="muted">{item.note}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
