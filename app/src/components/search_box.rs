//! The words' box of the search page, an island: it suggests product titles that start with
//! what was typed, and a moment after the last key shows the results for the words without a
//! page load (replacing the history entry, so typing does not fill the back button). A changed
//! sort or currency sends the form at once.
//!
//! On the whole site's bundle (a search page the router rendered) the router shows the new
//! results; on the islands bundle, where the rest of the page is the server's HTML, the box
//! fetches the new page and puts its results (`#search-outcome`) in place of the old.

use leptos::prelude::*;

/// The quiet time after the last key before the results follow.
#[cfg(feature = "hydrate")]
const QUIET: std::time::Duration = std::time::Duration::from_millis(300);

/// The element of the search page whose content is the results (or the problem with the
/// search): what the islands bundle replaces.
pub const OUTCOME_ID: &str = "search-outcome";

/// Present where the whole site's bundle runs (`routes::App` provides it): the router is
/// there to follow.
#[derive(Clone, Copy)]
pub struct RouterPresent;

/// The box's text, translated on the server.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SearchBoxText {
    pub label: String,
    pub placeholder: String,
    pub button: String,
}

#[island]
pub fn SearchBox(
    /// The words as typed, even when another parameter made the search fail.
    words: String,
    text: SearchBoxText,
) -> impl IntoView {
    let typed = RwSignal::new(words.clone());
    let suggestions = LocalResource::new(move || {
        let text = typed.get();
        async move {
            if text.trim().chars().count() < 2 {
                return Vec::new();
            }
            suggestions_for(text).await
        }
    });
    let input = NodeRef::<leptos::html::Input>::new();
    let follow = follow_typing(typed);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(form) = input.get().and_then(|input| input.form()) {
            submit_on_select(&form);
        }
    });
    view! {
        <div class="search-words">
            <label for="search-q">{text.label}</label>
            <input id="search-q" type="search" name="q" value=words maxlength="200"
                list="search-suggestions" autocomplete="off" node_ref=input
                placeholder=text.placeholder on:input=follow />
            <datalist id="search-suggestions">
                {move || suggestions.get().unwrap_or_default().into_iter()
                    .map(|title| view! { <option value=title></option> }).collect_view()}
            </datalist>
            <button type="submit">{text.button}</button>
        </div>
    }
}

/// Product titles that start with `prefix` (`api::search::suggest_products`), asked with a
/// plain `fetch`: the server function's client would add its whole machinery (and the error
/// type's) to the islands bundle, for one list of strings. Nothing on a failure: the box works
/// without suggestions.
async fn suggestions_for(prefix: String) -> Vec<String> {
    #[cfg(feature = "hydrate")]
    {
        use leptos::server_fn::ServerFn;
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;
        let ask = async {
            let form = web_sys::UrlSearchParams::new().ok()?;
            form.set("prefix", &prefix);
            let init = web_sys::RequestInit::new();
            init.set_method("POST");
            init.set_body(&form);
            let url = crate::api::search::SuggestProducts::url();
            let response = JsFuture::from(window().fetch_with_str_and_init(url, &init))
                .await
                .ok()?
                .dyn_into::<web_sys::Response>()
                .ok()?;
            if !response.ok() {
                return None;
            }
            let titles = JsFuture::from(response.json().ok()?).await.ok()?;
            Some(
                js_sys::Array::from(&titles)
                    .iter()
                    .filter_map(|t| t.as_string())
                    .collect(),
            )
        };
        ask.await.unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = prefix;
        Vec::new()
    }
}

/// Sends `form` as its submit button would whenever one of its selects changes.
#[cfg(feature = "hydrate")]
fn submit_on_select(form: &web_sys::HtmlFormElement) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let sent = form.clone();
    let on_change = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let is_select = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|field| field.tag_name() == "SELECT");
        if is_select {
            let _ = sent.request_submit();
        }
    });
    let _ = form.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The form lives as long as the page.
    on_change.forget();
}

/// The handler of the box: remembers what was typed (for suggestions) and, a moment after the
/// last key, shows the results for it.
fn follow_typing(typed: RwSignal<String>) -> impl Fn(leptos::ev::Event) + 'static {
    #[cfg(feature = "hydrate")]
    let timer = StoredValue::new(None::<TimeoutHandle>);
    #[cfg(feature = "hydrate")]
    let show = results_shower();
    move |ev| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        #[cfg(feature = "hydrate")]
        {
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            let show = show.clone();
            let handle = set_timeout_with_handle(
                move || {
                    let text: String = text
                        .trim()
                        .chars()
                        .take(crate::domain::search::QUERY_CHARS_MAX)
                        .collect();
                    if let Some(link) = link_for_words(&text) {
                        show(link);
                    }
                },
                QUIET,
            )
            .ok();
            timer.set_value(handle);
        }
    }
}

/// The address of this search with `words` instead of its own, from its first page; None if
/// the words are those shown.
#[cfg(feature = "hydrate")]
fn link_for_words(words: &str) -> Option<String> {
    let query = window().location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok()?;
    if params.get("q").unwrap_or_default().trim() == words {
        return None;
    }
    params.set("q", words);
    params.delete("page");
    Some(format!("/search?{}", String::from(params.to_string())))
}

/// How new results are shown: by the router where the whole site's bundle runs, else by
/// fetching the page (`swap`). The islands bundle has no router to carry.
#[cfg(feature = "hydrate")]
fn results_shower() -> std::rc::Rc<dyn Fn(String)> {
    #[cfg(not(feature = "hydrate-islands"))]
    if use_context::<RouterPresent>().is_some() {
        let navigate = leptos_router::hooks::use_navigate();
        return std::rc::Rc::new(move |link: String| {
            let options = leptos_router::NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&link, options);
        });
    }
    std::rc::Rc::new(|link| leptos::task::spawn_local(swap::show_results(link)))
}

#[cfg(feature = "hydrate")]
mod swap {
    use super::OUTCOME_ID;
    use std::cell::Cell;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    thread_local! {
        /// The latest results asked for: an answer to an older request is dropped.
        static LATEST: Cell<u64> = const { Cell::new(0) };
    }

    /// Fetches the search page at `link` and shows its results and title in place of this
    /// page's, under its address.
    pub async fn show_results(link: String) {
        let ticket = LATEST.with(|latest| {
            latest.set(latest.get() + 1);
            latest.get()
        });
        let Some(page) = fetch_page(&link).await else {
            // The network failed: the plain way still works.
            let _ = leptos::prelude::window().location().assign(&link);
            return;
        };
        if LATEST.with(Cell::get) != ticket {
            return;
        }
        let document = leptos::prelude::document();
        let (Some(old), Some(new)) = (
            document.get_element_by_id(OUTCOME_ID),
            page.get_element_by_id(OUTCOME_ID),
        ) else {
            return;
        };
        old.set_inner_html(&new.inner_html());
        document.set_title(&page.title());
        if let Ok(history) = leptos::prelude::window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&link));
        }
    }

    async fn fetch_page(link: &str) -> Option<web_sys::Document> {
        let response = JsFuture::from(leptos::prelude::window().fetch_with_str(link))
            .await
            .ok()?
            .dyn_into::<web_sys::Response>()
            .ok()?;
        let text = JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()?;
        web_sys::DomParser::new()
            .ok()?
            .parse_from_string(&text, web_sys::SupportedType::TextHtml)
            .ok()
    }
}
