//! What an exhibitor edits on their booth's profile, and the rules the browser and the server
//! both apply. The description is rich text, in any of the fair's six languages: the server
//! sanitises its HTML before storing it.

use super::Localized;
use super::account::normalise_email;
use super::validation::{Lines, Problems, checked_text, hidden_character};
use crate::error::ErrorCode;
use crate::error::FieldError;
use crate::i18n::Locale;
use leptos_i18n::Locale as _;
use serde::{Deserialize, Serialize};

/// Longest description, in characters of HTML.
pub const DESCRIPTION_MAX: usize = 20_000;
/// Most entries in a list (main markets, certifications), and the longest entry.
pub const LIST_MAX: usize = 20;
pub const LIST_ENTRY_MAX: usize = 60;
/// The earliest founding year accepted.
pub const FOUNDED_MIN: i64 = 1800;

/// The profile form as typed: every field a string, lists separated by commas. The
/// descriptions beyond English and Chinese came later, so a form without them reads as empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    pub description_en: String,
    pub description_zh: String,
    #[serde(default)]
    pub description_ar: String,
    #[serde(default)]
    pub description_fr: String,
    #[serde(default)]
    pub description_es: String,
    #[serde(default)]
    pub description_ru: String,
    pub year_founded: String,
    pub staff_size: String,
    pub main_markets: String,
    pub certifications: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
}

/// A profile that passed every rule (the descriptions still to be sanitised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidProfile {
    /// The description's HTML in each language, empty where none was written.
    pub description: Localized,
    pub year_founded: i64,
    pub staff_size: i64,
    pub main_markets: Vec<String>,
    pub certifications: Vec<String>,
    pub contact_email: String,
    pub contact_phone: String,
    pub website: String,
}

impl ProfileForm {
    /// The description's HTML as typed in each language.
    pub fn descriptions(&self) -> Localized {
        Localized::each(|locale| self.description(locale).clone())
    }

    /// Puts each language's description into its field.
    pub fn set_descriptions(&mut self, description: &Localized) {
        for locale in Locale::get_all() {
            *self.description_mut(*locale) = description.written(*locale).to_owned();
        }
    }

    /// The field of the description in `locale`: `description_fr`.
    pub fn description_field(locale: Locale) -> String {
        format!("description_{}", locale.as_str())
    }

    fn description(&self, locale: Locale) -> &String {
        match locale {
            Locale::en => &self.description_en,
            Locale::zh => &self.description_zh,
            Locale::ar => &self.description_ar,
            Locale::fr => &self.description_fr,
            Locale::es => &self.description_es,
            Locale::ru => &self.description_ru,
        }
    }

    fn description_mut(&mut self, locale: Locale) -> &mut String {
        match locale {
            Locale::en => &mut self.description_en,
            Locale::zh => &mut self.description_zh,
            Locale::ar => &mut self.description_ar,
            Locale::fr => &mut self.description_fr,
            Locale::es => &mut self.description_es,
            Locale::ru => &mut self.description_ru,
        }
    }

    /// Checks every field against the rules, reporting all problems at once; `this_year`
    /// bounds the founding year.
    pub fn validate(&self, this_year: i64) -> Result<ValidProfile, Vec<FieldError>> {
        let mut problems = Problems::default();
        for locale in Locale::get_all() {
            let text = self.description(*locale);
            if let Err(code) = checked_text(text, Lines::Many, DESCRIPTION_MAX, false) {
                problems.add(&Self::description_field(*locale), code);
            }
        }
        let year_founded = parse_year_founded(&self.year_founded, this_year).unwrap_or_else(|| {
            problems.add("year_founded", ErrorCode::YearInvalid);
            0
        });
        let staff_size = parse_staff_size(&self.staff_size).unwrap_or_else(|| {
            problems.add("staff_size", ErrorCode::NumberInvalid);
            0
        });
        let main_markets = split_list(&self.main_markets);
        let certifications = split_list(&self.certifications);
        for (field, list) in [
            ("main_markets", &main_markets),
            ("certifications", &certifications),
        ] {
            if list.len() > LIST_MAX || list.iter().any(|e| e.chars().count() > LIST_ENTRY_MAX) {
                problems.add(field, ErrorCode::TooLong);
            } else if list
                .iter()
                .any(|e| hidden_character(e, Lines::One).is_some())
            {
                problems.add(field, ErrorCode::HiddenCharacter);
            }
        }
        let contact_email = match self.contact_email.trim() {
            "" => String::new(),
            typed => normalise_email(typed).unwrap_or_else(|| {
                problems.add("contact_email", ErrorCode::EmailInvalid);
                String::new()
            }),
        };
        let contact_phone = self.contact_phone.trim().to_owned();
        let phone_ok = contact_phone.len() <= 40
            && contact_phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c));
        if !phone_ok {
            problems.add("contact_phone", ErrorCode::PhoneInvalid);
        }
        let website = self.website.trim().to_owned();
        if let Some(code) = website_problem(&website) {
            problems.add("website", code);
        }
        if problems.is_empty() {
            Ok(ValidProfile {
                description: self.descriptions(),
                year_founded,
                staff_size,
                main_markets,
                certifications,
                contact_email,
                contact_phone,
                website,
            })
        } else {
            Err(problems.into_errors())
        }
    }
}

/// A founding year between `FOUNDED_MIN` and `this_year`.
pub fn parse_year_founded(text: &str, this_year: i64) -> Option<i64> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|year| (FOUNDED_MIN..=this_year).contains(year))
}

/// A head count between 1 and ten million.
pub fn parse_staff_size(text: &str) -> Option<i64> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|size| (1..=10_000_000).contains(size))
}

/// What is wrong with a trimmed website address, if anything: empty is fine, otherwise an
/// http(s) address with a dotted host, no spaces, at most 200 bytes.
pub fn website_problem(website: &str) -> Option<ErrorCode> {
    let ok = website.is_empty()
        || (website.len() <= 200
            && (website.starts_with("https://") || website.starts_with("http://"))
            && !website.contains(char::is_whitespace)
            && website
                .split("://")
                .nth(1)
                .is_some_and(|rest| rest.contains('.')));
    (!ok).then_some(ErrorCode::UrlInvalid)
}

/// The entries of a comma-separated list, trimmed, without empty ones.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', '，', '\n'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> ProfileForm {
        ProfileForm {
            description_en: "<p>We make <strong>LED panels</strong>.</p>".into(),
            description_zh: String::new(),
            year_founded: "1998".into(),
            staff_size: "250".into(),
            main_markets: "Europe, North America，Japan".into(),
            certifications: "CE, RoHS".into(),
            contact_email: "Sales@Example.com".into(),
            contact_phone: "+86 (20) 1234-5678".into(),
            website: "https://example.com".into(),
            ..ProfileForm::default()
        }
    }

    #[test]
    fn a_good_profile_is_normalised() {
        let valid = good().validate(2026).unwrap();
        assert_eq!(valid.main_markets, ["Europe", "North America", "Japan"]);
        assert_eq!(valid.contact_email, "sales@example.com");
        assert_eq!((valid.year_founded, valid.staff_size), (1998, 250));
    }

    #[test]
    fn descriptions_in_every_language_are_checked_and_kept() {
        let form = ProfileForm {
            description_ar: "<p>مصابيح</p>".into(),
            description_ru: "x".repeat(DESCRIPTION_MAX + 1),
            ..good()
        };
        let errors = form.validate(2026).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "description_ru");
        let valid = ProfileForm {
            description_ru: "<p>Лампы</p>".into(),
            ..form
        }
        .validate(2026)
        .unwrap();
        assert_eq!(valid.description.written(Locale::ar), "<p>مصابيح</p>");
        assert_eq!(valid.description.written(Locale::fr), "");
        let mut back = ProfileForm::default();
        back.set_descriptions(&valid.description);
        assert_eq!(back.descriptions(), valid.description);
    }

    #[test]
    fn a_form_from_before_the_other_languages_still_reads() {
        let older = r#"{"description_en":"<p>LED</p>","description_zh":"","year_founded":"1998",
            "staff_size":"2","main_markets":"","certifications":"","contact_email":"",
            "contact_phone":"","website":""}"#;
        let form: ProfileForm = serde_json::from_str(older).unwrap();
        assert_eq!(form.description_en, "<p>LED</p>");
        assert_eq!(form.description_fr, "");
    }

    #[test]
    fn every_bad_field_is_reported() {
        let form = ProfileForm {
            year_founded: "2030".into(),
            staff_size: "many".into(),
            contact_email: "nope".into(),
            contact_phone: "call me".into(),
            website: "javascript:alert(1)".into(),
            certifications: "x".repeat(61),
            ..good()
        };
        let fields: Vec<String> = form
            .validate(2026)
            .unwrap_err()
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.message))
            .collect();
        assert_eq!(
            fields,
            [
                "year_founded:year_invalid",
                "staff_size:number_invalid",
                "certifications:too_long",
                "contact_email:email_invalid",
                "contact_phone:phone_invalid",
                "website:url_invalid"
            ]
        );
    }
}
