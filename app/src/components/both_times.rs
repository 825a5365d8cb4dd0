//! A moment in both parties' zones, the reader's own first, as the server wrote them.

use crate::domain::deal::Side;
use crate::domain::meeting::{BothTimes, Zones};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn BothTimesText(times: BothTimes, zones: Zones, reader: Side) -> impl IntoView {
    let i18n = use_i18n();
    let (mine, my_zone, theirs, their_zone) = match reader {
        Side::Buyer => (times.buyer, zones.buyer, times.exhibitor, zones.exhibitor),
        Side::Exhibitor => (times.exhibitor, zones.exhibitor, times.buyer, zones.buyer),
    };
    view! {
        <span class="both-times">
            <span class="my-time">{t!(i18n, meeting_your_time, time = mine, zone = my_zone)}</span>
            " · "
            <span class="their-time">{t!(i18n, meeting_their_time, time = theirs, zone = their_zone)}</span>
        </span>
    }
}
