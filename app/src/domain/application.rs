//! Exhibitor applications: a company asks to exhibit; the organizer approves (which creates the
//! exhibitor and invites the contact as its owner) or declines with a reason. Then the organizer
//! assigns the exhibitor its booths. The form's rules are shared by browser and server.

use super::account::{NAME_MAX, normalise_email};
use super::booth_edit::{parse_staff_size, parse_year_founded, website_problem};
use super::text::or_english;
use super::validation::Problems;
use super::{ApplicationId, CountryCode, ExhibitorId, Localized};
use crate::error::ErrorCode;
use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// The longest note an applicant or a declining organizer may write.
pub const MESSAGE_MAX: usize = 2_000;

/// How many free booths the assignment page offers to pick from.
pub const FREE_BOOTHS_SHOWN: usize = 24;

/// An application as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub company_en: String,
    #[serde(default)]
    pub company_zh: String,
    pub country: String,
    /// The slug of the exhibition section the company wants to show in.
    pub section: String,
    pub year_founded: String,
    pub staff_size: String,
    pub contact_name: String,
    pub email: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub message: String,
}

/// An application that passed every rule, its fields normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidApplication {
    pub company: Localized,
    pub country: CountryCode,
    pub section: String,
    pub year_founded: i64,
    pub staff_size: i64,
    pub contact_name: String,
    pub email: String,
    pub website: String,
    pub message: String,
}

impl ApplicationForm {
    /// Checks every field and reports all problems at once; `this_year` bounds the founding year.
    pub fn validate(&self, this_year: i64) -> Result<ValidApplication, Vec<FieldError>> {
        let mut problems = Problems::default();
        let company_en = problems.line("company_en", &self.company_en, NAME_MAX, true);
        let company_zh = problems.line("company_zh", &self.company_zh, NAME_MAX, false);
        let contact_name = problems.line("contact_name", &self.contact_name, NAME_MAX, true);
        let country = CountryCode::parse(&self.country);
        if country.is_none() {
            problems.add("country", ErrorCode::CountryUnknown);
        }
        let section = self.section.trim().to_owned();
        if section.is_empty() {
            problems.add("section", ErrorCode::ChooseOne);
        }
        let year_founded = parse_year_founded(&self.year_founded, this_year).unwrap_or_else(|| {
            problems.add("year_founded", ErrorCode::YearInvalid);
            0
        });
        let staff_size = parse_staff_size(&self.staff_size).unwrap_or_else(|| {
            problems.add("staff_size", ErrorCode::NumberInvalid);
            0
        });
        let email = normalise_email(&self.email);
        if email.is_none() {
            problems.add("email", ErrorCode::EmailInvalid);
        }
        let website = self.website.trim().to_owned();
        if let Some(code) = website_problem(&website) {
            problems.add("website", code);
        }
        let message = problems.text("message", &self.message, MESSAGE_MAX, false);
        match (country, email) {
            (Some(country), Some(email)) if problems.is_empty() => Ok(ValidApplication {
                company: Localized::new(company_en.clone(), or_english(company_zh, &company_en)),
                country,
                section,
                year_founded,
                staff_size,
                contact_name,
                email,
                website,
                message,
            }),
            _ => Err(problems.into_errors()),
        }
    }
}

/// A pending application as the organizer reviews it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub id: ApplicationId,
    pub company: Localized,
    pub country: CountryCode,
    pub section: Localized,
    pub year_founded: i64,
    pub staff_size: i64,
    pub contact_name: String,
    pub email: String,
    pub website: String,
    pub message: String,
    pub submitted_at: i64,
}

/// An exhibitor's booths, and free booths of its section to choose from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoothAssignments {
    pub exhibitor: ExhibitorId,
    pub slug: String,
    pub name: Localized,
    pub section: Localized,
    /// Codes of its booths, in order.
    pub booths: Vec<String>,
    /// Codes of booths nobody has yet, in its section's halls first.
    pub free: Vec<String>,
}

/// The directory address for a company's English name: lower-case ASCII letters and digits
/// joined by single hyphens, at most 60 characters; "exhibitor" when nothing is left.
pub fn slug_for(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "exhibitor".to_owned()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ApplicationForm {
        ApplicationForm {
            company_en: "Ningbo Bright Lamps Co., Ltd.".into(),
            company_zh: String::new(),
            country: "cn".into(),
            section: "lighting".into(),
            year_founded: "2004".into(),
            staff_size: "350".into(),
            contact_name: "Li Wei".into(),
            email: " Li.Wei@Example.COM ".into(),
            website: "https://bright.example.com".into(),
            message: "LED panels".into(),
        }
    }

    #[test]
    fn a_good_application_is_normalised() {
        let valid = form().validate(2026).unwrap();
        assert_eq!(valid.email, "li.wei@example.com");
        assert_eq!(valid.country.as_str(), "CN");
        assert_eq!(valid.company.zh, "Ningbo Bright Lamps Co., Ltd.");
        assert_eq!(valid.staff_size, 350);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let bad = ApplicationForm {
            company_en: " ".into(),
            country: "XX".into(),
            section: String::new(),
            year_founded: "2999".into(),
            staff_size: "-3".into(),
            contact_name: "x".repeat(NAME_MAX + 1),
            email: "nobody".into(),
            website: "ftp://x".into(),
            message: "m".repeat(MESSAGE_MAX + 1),
            ..form()
        };
        let fields: Vec<String> = bad
            .validate(2026)
            .unwrap_err()
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.message))
            .collect();
        assert_eq!(
            fields,
            [
                "company_en:required",
                "contact_name:too_long",
                "country:country_unknown",
                "section:choose_one",
                "year_founded:year_invalid",
                "staff_size:number_invalid",
                "email:email_invalid",
                "website:url_invalid",
                "message:too_long",
            ]
        );
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(
            slug_for("Ningbo Bright Lamps Co., Ltd."),
            "ningbo-bright-lamps-co-ltd"
        );
        assert_eq!(slug_for("宁波"), "exhibitor");
        assert!(slug_for(&"a".repeat(100)).len() <= 60);
    }
}
