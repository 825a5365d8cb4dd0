//! A product's pictures: the large one and a row of thumbnails. Without JavaScript each
//! thumbnail links to its large picture; once hydrated, choosing one shows it in place.

use crate::domain::product::Picture;
use leptos::prelude::*;

/// An island: the catalogue pages load only the islands bundle, so everything it shows comes
/// in its properties, translated on the server.
#[island]
pub fn Gallery(
    pictures: Vec<Picture>,
    /// The large picture's text alternative (the product's title).
    main_alt: String,
    /// Each thumbnail's text alternative, in order.
    thumb_alts: Vec<String>,
    /// The section's accessible name.
    label: String,
) -> impl IntoView {
    let selected = RwSignal::new(0_usize);
    let large: Vec<String> = pictures.iter().map(|p| p.large.clone()).collect();
    let srcsets: Vec<Option<String>> = pictures.iter().map(|p| p.srcset.clone()).collect();
    let thumbs = pictures
        .into_iter()
        .zip(thumb_alts)
        .enumerate()
        .map(|(n, (picture, alt))| {
            view! {
                <li>
                    <a href=picture.large class:selected=move || selected.get() == n
                        on:click=move |ev| { ev.prevent_default(); selected.set(n) }>
                        <img src=picture.thumbnail alt=alt width="72" height="72" loading="lazy" />
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="gallery" aria-label=label>
            <img class="main-image" src=move || large.get(selected.get()).cloned().unwrap_or_default()
                srcset=move || srcsets.get(selected.get()).cloned().flatten()
                sizes="(max-width: 520px) 100vw, 480px"
                alt=main_alt width="480" height="480" fetchpriority="high" />
            <ul class="thumbs">{thumbs}</ul>
        </section>
    }
}
