//! Generates the `i18n` module from `locales/*.json` (English is the default), after checking
//! that every language has exactly English's keys: a missing translation fails the build
//! (leptos_i18n would only warn, and show the key). A counted text is a plural: its keys end
//! in the forms of CLDR's plural rules its language uses (`_one`, `_few`, … and `_other`);
//! the rules themselves are ICU4X's, through leptos_i18n.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::path::PathBuf;

/// The fair's languages: the six of the United Nations. English first: the default.
const LOCALES: [&str; 6] = ["en", "zh", "ar", "fr", "es", "ru"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    let english = keys("en")?;
    for locale in &LOCALES[1..] {
        let keys = keys(locale)?;
        let missing: Vec<_> = english.difference(&keys).collect();
        let unknown: Vec<_> = keys.difference(&english).collect();
        if !missing.is_empty() || !unknown.is_empty() {
            return Err(format!(
                "locales/{locale}.json: missing {missing:?}, not in English {unknown:?}"
            )
            .into());
        }
    }
    let config = LOCALES[1..]
        .iter()
        .try_fold(Config::new(LOCALES[0])?, |config, locale| {
            config.add_locale(locale)
        })?
        .parse_options(ParseOptions::default().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out_dir.join("i18n"))?;
    Ok(())
}

/// The plural forms of CLDR, as key suffixes.
const PLURAL_FORMS: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

/// The keys of `locales/{locale}.json`, a plural's forms counted as its base key. As for
/// leptos_i18n, keys are a plural's forms when two or more share a base and one of them is
/// `_other` (a lone `business_other`, or `error_choose_one` beside a `error_choose_many`,
/// stays a plain key); a language whose rules have one form (Chinese) writes the base key
/// alone. Which forms a language needs is not checked here: a missing one shows `_other`.
fn keys(locale: &str) -> Result<BTreeSet<String>, Box<dyn Error>> {
    let path = format!("locales/{locale}.json");
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let strings: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let mut forms: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut keys = BTreeSet::new();
    for key in strings.keys() {
        match PLURAL_FORMS
            .iter()
            .find_map(|form| Some((key.strip_suffix(form)?, *form)))
        {
            Some((base, form)) => forms.entry(base).or_default().push(form),
            None => {
                keys.insert(key.clone());
            }
        }
    }
    for (base, found) in forms {
        if found.len() > 1 && found.contains(&"_other") {
            keys.insert(base.to_owned());
        } else {
            keys.extend(found.iter().map(|form| format!("{base}{form}")));
        }
    }
    Ok(keys)
}
