//! A contract for anyone with its link (`/contracts/{token}`): the exact text, its recorded
//! SHA-256, who signed and when, and a check of a hash taken of a downloaded copy
//! (`?hash=`), such as `sha256sum contract.txt` prints.

use super::loaded;
use crate::api::deals::get_contract;
use crate::components::contract_text::ContractText;
use crate::components::deal_status::side_name;
use crate::components::page_meta::PageMeta;
use crate::components::status::forbid_caching;
use crate::domain::deal::PublicContract;
use crate::domain::text::utc_minute;
use crate::i18n::*;
use crate::links::{contract_file_path, contract_path};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ContractPage() -> impl IntoView {
    forbid_caching();
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("token").unwrap_or_default(),
        get_contract,
    );
    loaded(data, contract_view)
}

fn contract_view(public: PublicContract) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let checked = query
        .read_untracked()
        .get("hash")
        .map(|hash| hash.trim().to_lowercase());
    let contract = public.contract;
    let title = t_string!(i18n, contract_public_title, id = public.order.0).to_string();
    let href = contract_path(&contract.token);
    let check = checked.map(|hash| {
        // The text's hash, and every signature's, must be the one checked.
        if hash == contract.sha256 && contract.intact {
            view! { <p class="contract-intact" id="hash-check" role="status">{t!(i18n, contract_hash_matches)}</p> }.into_any()
        } else {
            view! { <p class="form-alert" id="hash-check" role="alert">{t!(i18n, contract_hash_differs)}</p> }.into_any()
        }
    });
    let signatures = contract
        .signatures
        .iter()
        .map(|s| {
            let text = t_string!(
                i18n,
                contract_signed_by,
                side = side_name(i18n, s.party),
                name = s.signer_name.clone(),
                at = utc_minute(s.signed_at)
            )
            .to_string();
            view! { <li class="signature" data-party=s.party.as_str()>{text}</li> }
        })
        .collect_view();
    let unsigned = contract
        .signatures
        .is_empty()
        .then(|| view! { <p class="muted">{t!(i18n, contract_unsigned)}</p> });
    let file = contract_file_path(&contract.token);
    view! {
        <PageMeta title=title.clone() description=title.clone() canonical=href.clone() />
        <section class="deal">
            <h1>{title}</h1>
            <ContractText contract=contract.clone() />
            <h2>{t!(i18n, contract_signatures)}</h2>
            <ul class="signatures">{signatures}</ul>
            {unsigned}
            <p><a href=file download="">{t!(i18n, contract_download)}</a></p>
            <form method="get" action=href class="deal-form">
                <h2>{t!(i18n, contract_check_title)}</h2>
                <p>{t!(i18n, contract_check_intro)}</p>
                <label for="hash">{t!(i18n, contract_sha256)}</label>
                <input id="hash" name="hash" required=true spellcheck="false" autocomplete="off" />
                <button type="submit">{t!(i18n, contract_check)}</button>
            </form>
            {check}
        </section>
    }
    .into_any()
}
