//! The exhibitor's team page: who works on the booth, who is invited, and (for the owner)
//! inviting staff, revoking invitations and removing staff. The server checks every right; the page only hides forms the
//! person could not use.

use super::loaded;
use crate::api::teams::{InviteStaff, RemoveStaff, RevokeInvitation, get_my_team};
use crate::components::account_menu::Session;
use crate::components::form_field::{FormAlert, TextField, form_errors};
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::text::utc_minute;
use crate::domain::{TeamRole, TeamView};
use crate::i18n::*;
use crate::links::exhibitor_path;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn TeamPage() -> impl IntoView {
    forbid_caching();
    let invite = ServerAction::<InviteStaff>::new();
    let remove = ServerAction::<RemoveStaff>::new();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let team = Resource::new_blocking(
        move || {
            (
                invite.version().get(),
                remove.version().get(),
                revoke.version().get(),
            )
        },
        |_| get_my_team(),
    );
    loaded(team, move |team| team_view(team, invite, (remove, revoke)))
}

fn team_view(
    team: TeamView,
    invite: ServerAction<InviteStaff>,
    (remove, revoke): (ServerAction<RemoveStaff>, ServerAction<RevokeInvitation>),
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let sent = query.read_untracked().get("sent").is_some();
    let errors = form_errors(move || invite.value().get());
    let owner = use_context::<Session>()
        .and_then(|Session(user)| user.get_untracked())
        .and_then(|user| user.team)
        .is_some_and(|t| t.role == TeamRole::Owner);
    let company = team.name.get(i18n.get_locale_untracked()).to_owned();
    let title = t_string!(i18n, team_title, company = company.clone()).to_string();
    let exhibitor = team.exhibitor.0.to_string();
    let members = team
        .members
        .iter()
        .map(|member| {
            let role = role_text(i18n, member.role);
            let removable = owner && member.role == TeamRole::Staff;
            let exhibitor = exhibitor.clone();
            let user = member.user.0.to_string();
            let label = t_string!(i18n, team_remove_named, name = member.name.clone()).to_string();
            view! {
                <tr>
                    <td>{member.name.clone()}</td>
                    <td>{member.email.clone()}</td>
                    <td>{role}</td>
                    <td>
                        {removable.then(|| view! {
                            <ActionForm action=remove>
                                <input type="hidden" name="exhibitor" value=exhibitor />
                                <input type="hidden" name="user" value=user />
                                <button type="submit" aria-label=label>{t!(i18n, team_remove)}</button>
                            </ActionForm>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let invitations = team
        .invitations
        .iter()
        .map(|invitation| {
            let role = role_text(i18n, invitation.role);
            let revocable = owner.then(|| revoke_form(revoke, &exhibitor, &invitation.email));
            view! {
                <li>
                    {invitation.email.clone()}" · "{role}" · "{t!(i18n, team_invited_until)}" "
                    <time>{utc_minute(invitation.expires_at)}</time>
                    {revocable}
                </li>
            }
        })
        .collect_view();
    let invite_form = owner.then(|| {
        view! {
            <h2>{t!(i18n, team_invite_title)}</h2>
            <FormAlert errors />
            <ActionForm action=invite attr:class="invite-form">
                <input type="hidden" name="exhibitor" value=exhibitor.clone() />
                <TextField name="email" id="email" kind="email" autocomplete="off" label=t_string!(i18n, field_email).to_string() errors />
                <button type="submit" disabled=move || invite.pending().get()>{t!(i18n, team_invite_submit)}</button>
            </ActionForm>
        }
    });
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical="/exhibitor/team".to_owned() />
        <section class="team">
            <h1>{title}</h1>
            <p><a href=exhibitor_path(&team.slug)>{t!(i18n, team_see_booth)}</a></p>
            {(sent || matches!(invite.value().get_untracked(), Some(Ok(())))).then(|| view! {
                <p class="form-notice" role="status">{t!(i18n, team_invite_sent)}</p>
            })}
            <table class="team-members">
                <caption>{t!(i18n, team_members)}</caption>
                <thead><tr>
                    <th scope="col">{t!(i18n, field_name)}</th>
                    <th scope="col">{t!(i18n, field_email)}</th>
                    <th scope="col">{t!(i18n, team_role)}</th>
                    <th scope="col"><span class="visually-hidden">{t!(i18n, team_actions)}</span></th>
                </tr></thead>
                <tbody>{members}</tbody>
            </table>
            <h2>{t!(i18n, team_invitations)}</h2>
            {team.invitations.is_empty().then(|| view! { <p>{t!(i18n, team_no_invitations)}</p> })}
            <ul>{invitations}</ul>
            {invite_form}
        </section>
    }
}

/// The button that ends `email`'s invitation to the team of `exhibitor`.
pub fn revoke_form(
    revoke: ServerAction<RevokeInvitation>,
    exhibitor: &str,
    email: &str,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let label = t_string!(i18n, team_revoke_named, email = email.to_owned()).to_string();
    let (exhibitor, email) = (exhibitor.to_owned(), email.to_owned());
    view! {
        <ActionForm action=revoke attr:class="inline-form">
            <input type="hidden" name="exhibitor" value=exhibitor />
            <input type="hidden" name="email" value=email />
            <button type="submit" aria-label=label>{t!(i18n, team_revoke)}</button>
        </ActionForm>
    }
}

fn role_text(i18n: leptos_i18n::I18nContext<Locale>, role: TeamRole) -> String {
    match role {
        TeamRole::Owner => t_string!(i18n, team_role_owner).to_string(),
        TeamRole::Staff => t_string!(i18n, team_role_staff).to_string(),
    }
}
