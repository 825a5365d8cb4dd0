//! A stream's counts as its team reads them: the most at once, the people who watched,
//! minutes watched, inquiries and meetings from under the video.

use crate::domain::live::StreamCounts;
use crate::i18n::*;
use leptos::prelude::*;

/// The counts kept of a stream, as a list (who watches now is said beside it, while live).
pub fn counts_list(i18n: leptos_i18n::I18nContext<Locale>, counts: StreamCounts) -> impl IntoView {
    view! {
        <ul class="stream-counts" aria-label=t_string!(i18n, studio_counts).to_string()>
            <li class="count-peak">{t_string!(i18n, studio_count_peak, count = counts.peak).to_string()}</li>
            <li class="count-people">{t_string!(i18n, studio_count_people, count = counts.people).to_string()}</li>
            <li class="count-minutes">{t_string!(i18n, studio_count_minutes, count = counts.minutes).to_string()}</li>
            <li class="count-inquiries">{t_string!(i18n, studio_count_inquiries, count = counts.inquiries).to_string()}</li>
            <li class="count-meetings">{t_string!(i18n, studio_count_meetings, count = counts.meetings).to_string()}</li>
        </ul>
    }
}
