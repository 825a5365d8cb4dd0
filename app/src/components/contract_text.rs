//! A contract's exact text, the SHA-256 recorded for it, and whether the text still matches.

use crate::domain::deal::Contract;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn ContractText(contract: Contract) -> impl IntoView {
    let i18n = use_i18n();
    let intact = if contract.intact {
        view! { <p class="contract-intact" id="contract-intact">{t!(i18n, contract_intact)}</p> }
            .into_any()
    } else {
        view! { <p class="form-alert" role="alert">{t!(i18n, contract_broken)}</p> }.into_any()
    };
    view! {
        <pre class="contract-text" id="contract-text">{contract.body}</pre>
        <p>{t!(i18n, contract_sha256)}" "<code id="contract-sha256">{contract.sha256}</code></p>
        {intact}
    }
}
