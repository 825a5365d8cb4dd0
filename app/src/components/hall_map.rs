//! The hall's floor plan as SVG, drawn on the server: every booth a labelled link to its
//! exhibitor, and the same booths as a table. Once hydrated, `FloorPlan` (an island around the
//! server's drawing, which it never draws again) adds pan (drag, arrow keys), zoom (buttons,
//! the plus and minus keys) and "find a booth" highlighting as you type. Without JavaScript
//! the search is a plain GET form whose matches the server marks.
use crate::domain::{BoothOnMap, HallMap, terms_match};
use crate::i18n::*;
use crate::links::exhibitor_path;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

mod view_box;
use view_box::ViewBox;

/// Where the match count's number goes in `MapText::match_count`.
const COUNT: &str = "{count}";

#[component]
pub fn HallMapView(map: HallMap, initial_query: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let vacant = t_string!(i18n, vacant).to_string();
    let rows = map
        .booths
        .iter()
        .map(|booth| booth_row(booth, locale, &vacant))
        .collect_view();
    let booth_total = map.booths.len();
    let shapes = map
        .booths
        .iter()
        .map(|booth| booth_shape(booth, locale, &initial_query))
        .collect_view();
    let initial_matches = map
        .booths
        .iter()
        .filter(|booth| booth.matches(&initial_query))
        .count();
    let full = ViewBox::full(map.width as f64, map.depth as f64);
    let text = MapText {
        find_booth: t_string!(i18n, find_booth).to_string(),
        find_booth_hint: t_string!(i18n, find_booth_hint).to_string(),
        find: t_string!(i18n, find).to_string(),
        match_count: t_string!(i18n, match_count, count = COUNT).to_string(),
        toolbar: t_string!(i18n, map_heading).to_string(),
        zoom_in: t_string!(i18n, zoom_in).to_string(),
        zoom_out: t_string!(i18n, zoom_out).to_string(),
        zoom_reset: t_string!(i18n, zoom_reset).to_string(),
        help: t_string!(i18n, map_help).to_string(),
    };
    view! {
        <FloorPlan width=map.width depth=map.depth initial_query initial_matches text>
            <svg class="hall-map" role="group" tabindex="0"
                xmlns="http://www.w3.org/2000/svg"
                viewBox=full.to_attr()
                aria-label=t_string!(i18n, map_label).to_string()
                aria-describedby="map-help"
                data-zoom=full.zoom_attr(&full)>
                <rect class="hall-floor" x="0" y="0" width=map.width height=map.depth />
                {shapes}
            </svg>
        </FloorPlan>
        <section class="booth-list" aria-labelledby="booth-list-heading">
            <h2 id="booth-list-heading">{t!(i18n, booth_list_heading)}" ("{booth_total}")"</h2>
            <table>
                <thead><tr><th scope="col">{t!(i18n, booth_column)}</th><th scope="col">{t!(i18n, exhibitor_column)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

/// The floor plan's text, translated on the server.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MapText {
    find_booth: String,
    find_booth_hint: String,
    find: String,
    /// "Matching booths: {count}".
    match_count: String,
    toolbar: String,
    zoom_in: String,
    zoom_out: String,
    zoom_reset: String,
    help: String,
}

/// The interactive floor plan: an island around the server's drawing (`children`), so the
/// hall page needs only the islands bundle and its booths are neither sent twice nor drawn
/// twice. It moves the drawing's view box and marks the booths whose `data-find` terms match.
#[island]
fn FloorPlan(
    /// The hall's outline, in decimetres.
    width: i64,
    depth: i64,
    initial_query: String,
    /// How many booths the server marked for `initial_query`.
    initial_matches: usize,
    text: MapText,
    children: Children,
) -> impl IntoView {
    let full = ViewBox::full(width as f64, depth as f64);
    let view_box = RwSignal::new(full);
    let query = RwSignal::new(initial_query);
    let match_count = RwSignal::new(initial_matches);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));

    let frame = NodeRef::<leptos::html::Div>::new();
    let drawing = move || {
        frame
            .get()
            .and_then(|f| f.query_selector("svg").ok().flatten())
    };
    Effect::new(move |_| {
        let shown = view_box.get();
        if let Some(svg) = drawing() {
            let _ = svg.set_attribute("viewBox", &shown.to_attr());
            let _ = svg.set_attribute("data-zoom", &shown.zoom_attr(&full));
        }
    });
    // The server marked the first query's matches; later ones are marked here.
    Effect::new(move |first: Option<()>| {
        let asked = query.get();
        if first.is_some()
            && let Some(svg) = drawing()
        {
            match_count.set(mark_matches(&svg, &asked));
        }
    });
    let drag = StoredValue::new(None::<(f64, f64, ViewBox, bool)>);

    let zoom = move |factor: f64| view_box.update(|vb| *vb = vb.zoom(factor, &full));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            "ArrowLeft" => {
                view_box.update(|vb| *vb = vb.pan_fraction(-0.1, 0.0, &full));
                true
            }
            "ArrowRight" => {
                view_box.update(|vb| *vb = vb.pan_fraction(0.1, 0.0, &full));
                true
            }
            "ArrowUp" => {
                view_box.update(|vb| *vb = vb.pan_fraction(0.0, -0.1, &full));
                true
            }
            "ArrowDown" => {
                view_box.update(|vb| *vb = vb.pan_fraction(0.0, 0.1, &full));
                true
            }
            "+" | "=" => {
                zoom(0.5);
                true
            }
            "-" | "_" => {
                zoom(2.0);
                true
            }
            "0" => {
                view_box.set(full);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    let on_pointer_down = move |ev: leptos::ev::PointerEvent| {
        drag.set_value(Some((
            ev.client_x() as f64,
            ev.client_y() as f64,
            view_box.get_untracked(),
            false,
        )));
    };
    let on_pointer_move = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, y0, start, _)) = drag.get_value() else {
            return;
        };
        let (dx, dy) = (ev.client_x() as f64 - x0, ev.client_y() as f64 - y0);
        if dx.abs() + dy.abs() < 4.0 {
            return;
        }
        let width_px = drawing()
            .map(|svg| svg.get_bounding_client_rect().width())
            .unwrap_or(1.0)
            .max(1.0);
        let scale = start.w / width_px;
        view_box.set(start.pan_by(-dx * scale, -dy * scale, &full));
        drag.set_value(Some((x0, y0, start, true)));
    };
    let on_pointer_up = move |_| {
        drag.update_value(|d| {
            if !d.is_some_and(|(.., moved)| moved) {
                *d = None
            }
        })
    };
    // A drag that ends on a booth must not follow its link.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if drag.get_value().is_some_and(|(.., moved)| moved) {
            ev.prevent_default();
        }
        drag.set_value(None);
    };
    let count_text = text.match_count;

    view! {
        <form class="find-booth" method="get" role="search"
            on:submit=move |ev| if hydrated.get_untracked() { ev.prevent_default() }>
            <label for="find-booth">{text.find_booth}</label>
            <input id="find-booth" type="search" name="booth" autocomplete="off"
                placeholder=text.find_booth_hint
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev)) />
            <button type="submit">{text.find}</button>
            <p class="match-count" role="status" aria-live="polite">
                {move || (!query.with(|q| q.trim().is_empty()))
                    .then(|| count_text.replace(COUNT, &match_count.get().to_string()))}
            </p>
        </form>
        <div class="map-tools" role="toolbar" aria-label=text.toolbar>
            <button type="button" disabled=move || !hydrated.get() on:click=move |_| zoom(0.5)
                aria-label=text.zoom_in>"+"</button>
            <button type="button" disabled=move || !hydrated.get() on:click=move |_| zoom(2.0)
                aria-label=text.zoom_out>"−"</button>
            <button type="button" disabled=move || !hydrated.get() on:click=move |_| view_box.set(full)>
                {text.zoom_reset}
            </button>
        </div>
        <p class="map-help" id="map-help">{text.help}</p>
        <div class="hall-map-frame" node_ref=frame
            on:keydown=on_key
            on:pointerdown=on_pointer_down
            on:pointermove=on_pointer_move
            on:pointerup=on_pointer_up
            on:click=on_click>
            {children()}
        </div>
    }
}

/// Marks the drawing's booths that match `query` and counts them.
fn mark_matches(drawing: &web_sys::Element, query: &str) -> usize {
    use wasm_bindgen::JsCast;
    let Ok(booths) = drawing.query_selector_all("[data-find]") else {
        return 0;
    };
    let mut count = 0;
    for index in 0..booths.length() {
        let Some(booth) = booths
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let hit = booth
            .get_attribute("data-find")
            .is_some_and(|terms| terms_match(&terms, query));
        let _ = booth.class_list().toggle_with_force("match", hit);
        count += usize::from(hit);
    }
    count
}

/// One booth on the map: a link with its number and a short name, or a grey vacant square;
/// marked when it matches the query the page was asked with.
fn booth_shape(booth: &BoothOnMap, locale: Locale, query: &str) -> AnyView {
    let r = booth.rect;
    let is_match = booth.matches(query);
    let terms = booth.search_terms();
    match &booth.exhibitor {
        Some(exhibitor) => {
            let name = exhibitor.name.get(locale);
            let label = format!("{} {name}", booth.code);
            view! {
                <a href=exhibitor_path(&exhibitor.slug) class="booth" class:match=is_match
                    data-find=terms id=format!("booth-{}", booth.code) aria-label=label.clone()>
                    <title>{label.clone()}</title>
                    <rect x=r.x y=r.y width=r.w height=r.h />
                    <text x=r.x + 2 y=r.y + 7 class="booth-code">{booth.code.clone()}</text>
                    <text x=r.x + 2 y=r.y + 17 class="booth-name">{short_name(name, locale)}</text>
                </a>
            }
            .into_any()
        }
        None => view! {
            <g class="booth vacant" class:match=is_match data-find=terms>
                <rect x=r.x y=r.y width=r.w height=r.h />
                <text x=r.x + 2 y=r.y + 7 class="booth-code">{booth.code.clone()}</text>
            </g>
        }
        .into_any(),
    }
}
/// The same booth as a table row, for screen readers and small screens.
fn booth_row(booth: &BoothOnMap, locale: Locale, vacant: &str) -> impl IntoView + use<> {
    let exhibitor = booth
        .exhibitor
        .as_ref()
        .map(|e| (e.slug.clone(), e.name.get(locale).to_owned()));
    let vacant = vacant.to_owned();
    view! {
        <tr>
            <td>{booth.code.clone()}</td>
            <td>{match exhibitor {
                Some((slug, name)) => view! { <a href=exhibitor_path(&slug)>{name}</a> }.into_any(),
                None => view! { <span>{vacant}</span> }.into_any(),
            }}</td>
        </tr>
    }
}

/// A name short enough to sit in a 3 m booth at full-hall zoom.
fn short_name(name: &str, locale: Locale) -> String {
    let max = if locale == Locale::zh { 6 } else { 11 };
    let mut chars = name.chars();
    let short: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}
