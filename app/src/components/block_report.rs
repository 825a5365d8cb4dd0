//! Under a conversation: whether it is blocked and by whom, the button to block or unblock
//! it, and the form to report it to the organizer. Plain forms: they work without
//! JavaScript, and the page they return to shows the result.

use crate::api::conversations::{BlockConversation, ReportConversation};
use crate::components::form_field::{FormAlert, TextAreaField, error_for, error_text, form_errors};
use crate::components::post_form::PostForm;
use crate::domain::conversation::ConversationView;
use crate::domain::moderation::{REPORT_NOTE_CHARS_MAX, ReportReason};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BlockAndReport(conversation: ConversationView) -> impl IntoView {
    let i18n = use_i18n();
    let id = conversation.summary.id.0;
    let blocked_notice = match (
        conversation.blocked_by_reader,
        conversation.blocked_by_other,
    ) {
        (true, _) => Some(t_string!(i18n, block_by_you).to_string()),
        (false, true) => Some(t_string!(i18n, block_by_them).to_string()),
        (false, false) => None,
    };
    let (label, blocking) = if conversation.blocked_by_reader {
        (t_string!(i18n, block_undo).to_string(), "false")
    } else {
        (t_string!(i18n, block_do).to_string(), "true")
    };
    let report = if conversation.reported {
        view! { <p class="form-notice" role="status">{t!(i18n, report_sent)}</p> }.into_any()
    } else {
        view! { <ReportForm conversation=id /> }.into_any()
    };
    view! {
        <section class="block-report" aria-labelledby="block-report-title">
            <h2 id="block-report-title">{t!(i18n, block_report_title)}</h2>
            {blocked_notice.map(|text| view! { <p class="form-notice" role="status">{text}</p> })}
            <PostForm<BlockConversation>>
                <input type="hidden" name="conversation" value=id />
                <input type="hidden" name="blocked" value=blocking />
                <button type="submit" class="secondary">{label}</button>
            </PostForm<BlockConversation>>
            {report}
        </section>
    }
}

/// The report form: a reason, a note (needed for "other"), and whether to block too.
#[component]
fn ReportForm(conversation: i64) -> impl IntoView {
    let i18n = use_i18n();
    let errors = form_errors(|| None::<Result<(), AppError>>);
    let query = use_query_map();
    let (chosen, note) = query.with_untracked(|q| {
        (
            q.get("reason").unwrap_or_default(),
            q.get("note").unwrap_or_default(),
        )
    });
    let reason_error =
        move || error_for(&errors.get(), "reason").map(|code| error_text(i18n, &code));
    let reasons = ReportReason::ALL
        .into_iter()
        .map(|reason| {
            let value = reason.as_str();
            let id = format!("report-reason-{value}");
            view! {
                <div class="choice">
                    <input type="radio" name="reason" id=id.clone() value=value
                        checked=chosen == value required=true />
                    <label for=id>{reason_name(i18n, reason)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="report" open=!chosen.is_empty()>
            <summary>{t!(i18n, report_title)}</summary>
            <PostForm<ReportConversation>>
                <FormAlert errors />
                <input type="hidden" name="conversation" value=conversation />
                <fieldset aria-describedby=move || reason_error().is_some().then_some("report-reason-error")>
                    <legend>{t!(i18n, report_reason)}</legend>
                    {reasons}
                    {move || reason_error().map(|text| view! { <p class="field-error" id="report-reason-error">{text}</p> })}
                </fieldset>
                <TextAreaField name="note" id="note" label=t_string!(i18n, report_note).to_string()
                    value=note rows=3 errors />
                <p class="muted">{t!(i18n, report_note_hint, max = move || REPORT_NOTE_CHARS_MAX)}</p>
                <div class="choice">
                    <input type="checkbox" name="block" id="report-block" value="on" />
                    <label for="report-block">{t!(i18n, report_block_too)}</label>
                </div>
                <button type="submit">{t!(i18n, report_send)}</button>
            </PostForm<ReportConversation>>
        </details>
    }
}

/// A reason's name in the reader's language.
pub fn reason_name(i18n: leptos_i18n::I18nContext<Locale>, reason: ReportReason) -> String {
    match reason {
        ReportReason::Spam => t_string!(i18n, report_reason_spam),
        ReportReason::Fraud => t_string!(i18n, report_reason_fraud),
        ReportReason::Abuse => t_string!(i18n, report_reason_abuse),
        ReportReason::Counterfeit => t_string!(i18n, report_reason_counterfeit),
        ReportReason::Other => t_string!(i18n, report_reason_other),
    }
    .to_string()
}
