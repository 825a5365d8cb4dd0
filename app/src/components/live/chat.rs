//! The chat beside a stream: its messages (written on the server, so that the page without
//! JavaScript and the replay show them), new ones as the player hears of them, and, while
//! live, a line to write in for a reader signed in. Sent as a plain form post: the player
//! stays ready for the light bundle, which carries no server function client.

use crate::domain::StreamId;
use crate::domain::live_chat::{CHAT_CHARS_MAX, ChatLine, ChatNews};
use crate::i18n::*;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The chat's words, translated on the server (as an island would need them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatTexts {
    pub heading: String,
    pub message: String,
    pub send: String,
    pub sign_in: String,
    pub empty: String,
    pub team: String,
    pub muted: String,
    pub too_fast: String,
    pub too_long: String,
    pub ended: String,
    pub failed: String,
}

impl ChatTexts {
    pub fn new(i18n: leptos_i18n::I18nContext<Locale>) -> Self {
        ChatTexts {
            heading: t_string!(i18n, live_chat).to_string(),
            message: t_string!(i18n, live_chat_message).to_string(),
            send: t_string!(i18n, live_chat_send).to_string(),
            sign_in: t_string!(i18n, live_chat_sign_in).to_string(),
            empty: t_string!(i18n, live_chat_empty).to_string(),
            team: t_string!(i18n, live_chat_team).to_string(),
            muted: t_string!(i18n, live_chat_muted).to_string(),
            too_fast: t_string!(i18n, live_chat_too_fast).to_string(),
            too_long: t_string!(i18n, live_chat_too_long).to_string(),
            ended: t_string!(i18n, player_ended).to_string(),
            failed: t_string!(i18n, live_chat_failed).to_string(),
        }
    }
}

/// `m:ss` into the stream.
pub fn moment(second: i64) -> String {
    format!("{}:{:02}", second / 60, second % 60)
}

/// Adds what is new to `lines`: messages not there yet, without the deleted ones.
/// The page may hold a message it sent before others the server had before it: each new one
/// goes in its place by id, once.
pub fn merge(lines: &mut Vec<ChatLine>, news: ChatNews) {
    lines.retain(|line| !news.removed.contains(&line.id));
    for line in news.lines {
        if news.removed.contains(&line.id) {
            continue;
        }
        if let Err(at) = lines.binary_search_by_key(&line.id, |known| known.id) {
            lines.insert(at, line);
        }
    }
}

/// One message as readers see it.
pub fn chat_line(line: &ChatLine, team: &str) -> impl IntoView + use<> {
    let badge = line
        .from_team
        .then(|| view! { <span class="badge chat-team">{team.to_owned()}</span> });
    view! {
        <span class="chat-moment">{moment(line.second)}</span>" "
        <span class="chat-author">{line.name.clone()}" · "{line.company.clone()}</span>" "
        {badge}" "
        <span class="chat-text" dir="auto">{line.body.clone()}</span>
    }
}

/// The messages, oldest first, as they come.
pub fn chat_log(lines: RwSignal<Vec<ChatLine>>, texts: &ChatTexts) -> impl IntoView + use<> {
    let empty = texts.empty.clone();
    let team = texts.team.clone();
    let items = move || {
        let list = lines.get();
        if list.is_empty() {
            return view! { <p class="muted" id="stream-chat-empty">{empty.clone()}</p> }
                .into_any();
        }
        let items = list
            .iter()
            .map(|line| view! { <li class="chat-line" data-id=line.id>{chat_line(line, &team)}</li> })
            .collect_view();
        view! { <ol class="stream-chat-log" id="stream-chat-log" tabindex="0">{items}</ol> }
            .into_any()
    };
    view! {
        <section class="stream-chat" aria-labelledby="stream-chat-heading">
            <h2 id="stream-chat-heading">{texts.heading.clone()}</h2>
            <div aria-live="polite">{items}</div>
        </section>
    }
}

/// The line to write in while live: for a reader signed in, else a word to sign in.
pub fn chat_form(
    stream: StreamId,
    lines: RwSignal<Vec<ChatLine>>,
    signed_in: bool,
    texts: &ChatTexts,
) -> impl IntoView + use<> {
    if !signed_in {
        return view! { <p><a href="/sign-in">{texts.sign_in.clone()}</a></p> }.into_any();
    }
    let body = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<String>);
    let words = texts.clone();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = body.get_untracked();
        if typed.trim().is_empty() {
            return;
        }
        #[cfg(feature = "hydrate")]
        {
            let words = words.clone();
            leptos::task::spawn_local(async move {
                match send_line(stream, &typed, &words).await {
                    Ok(line) => {
                        body.try_set(String::new());
                        refused.try_set(None);
                        lines.try_update(|lines| {
                            merge(
                                lines,
                                ChatNews {
                                    lines: vec![line],
                                    removed: Vec::new(),
                                },
                            )
                        });
                    }
                    Err(why) => {
                        refused.try_set(Some(why));
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (stream, typed, lines, &words);
    };
    view! {
        <form class="stream-chat-form" id="stream-chat-form" on:submit=send>
            <label for="stream-chat-body">{texts.message.clone()}</label>
            <input id="stream-chat-body" type="text" required=true maxlength=CHAT_CHARS_MAX.to_string()
                autocomplete="off" dir="auto"
                prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev)) />
            <button type="submit">{texts.send.clone()}</button>
        </form>
        {move || refused.get().map(|why| view! { <p class="field-error" role="alert" id="stream-chat-refused">{why}</p> })}
    }
    .into_any()
}

/// Sends a message: the message as kept, or why not in the reader's words.
#[cfg(feature = "hydrate")]
async fn send_line(stream: StreamId, body: &str, texts: &ChatTexts) -> Result<ChatLine, String> {
    use super::whip::{self, Refused};
    use crate::error::ErrorCode;
    let fields = [("stream", stream.to_string()), ("body", body.to_owned())];
    match whip::post_form("/api/send_stream_chat", &fields).await {
        Ok(answer) => serde_json::from_str(&answer).map_err(|_| texts.failed.clone()),
        Err(refused) if refused.is(&ErrorCode::ChatMuted) => Err(texts.muted.clone()),
        Err(refused) if refused.is(&ErrorCode::MessageTooLong) => Err(texts.too_long.clone()),
        Err(refused) if refused.is(&ErrorCode::StreamEnded) => Err(texts.ended.clone()),
        Err(Refused::Server(body)) if body.contains("RateLimited") => Err(texts.too_fast.clone()),
        Err(_) => Err(texts.failed.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: i64) -> ChatLine {
        ChatLine {
            id,
            author: None,
            name: "Li".into(),
            company: "Acme".into(),
            from_team: false,
            body: "Hi".into(),
            second: 61,
        }
    }

    #[test]
    fn news_adds_new_messages_once_and_takes_deleted_ones_away() {
        let mut lines = vec![line(1), line(2)];
        merge(
            &mut lines,
            ChatNews {
                lines: vec![line(2), line(3), line(4)],
                removed: vec![1, 4],
            },
        );
        assert_eq!(lines.iter().map(|l| l.id).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(moment(61), "1:01");
    }

    #[test]
    fn a_message_written_just_before_ones_own_still_arrives_in_its_place() {
        // The page shows its own message 6 at once; the server's next news carries 5 and 6.
        let mut lines = vec![line(4), line(6)];
        merge(
            &mut lines,
            ChatNews {
                lines: vec![line(5), line(6), line(7)],
                removed: Vec::new(),
            },
        );
        assert_eq!(lines.iter().map(|l| l.id).collect::<Vec<_>>(), [4, 5, 6, 7]);
    }
}
