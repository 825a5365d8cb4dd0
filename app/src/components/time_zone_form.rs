//! The zone a person's (or their team's) times are shown in, and the form to change it.

use crate::api::meetings::SetTimeZone;
use crate::components::form_field::options;
use crate::components::post_form::PostForm;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn TimeZoneForm(
    /// The zone in use.
    zone: String,
    /// Every zone to choose from.
    names: Vec<String>,
    /// The page to come back to.
    back: String,
    /// Whether it is the team's zone rather than the reader's own.
    #[prop(optional)]
    team: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = if team {
        t_string!(i18n, meeting_team_zone).to_string()
    } else {
        t_string!(i18n, meeting_my_zone).to_string()
    };
    let choices = options(names.into_iter().map(|name| (name.clone(), name)), &zone);
    view! {
        <PostForm<SetTimeZone> class="zone-form">
            <input type="hidden" name="back" value=back />
            <label for="zone">{label}</label>
            <select id="zone" name="zone">{choices}</select>
            <button type="submit">{t!(i18n, meeting_zone_save)}</button>
        </PostForm<SetTimeZone>>
    }
}
