//! Accounts: who a person is on the platform, and the rules a registration must meet. The same
//! rules run in the browser (before sending) and on the server (before storing).
//! Field errors carry a message code; the interface shows the `error_<code>` string of its
//! language.

use super::validation::Problems;
use super::{CategoryId, CountryCode, UserId};
use crate::error::ErrorCode;
use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// Shortest password accepted; long passphrases are welcome, up to `PASSWORD_MAX` bytes.
pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 256;
/// Longest name or company name.
pub const NAME_MAX: usize = 120;
/// How long a session lasts without signing in again.
pub const SESSION_SECONDS: i64 = 30 * 24 * 3600;
/// How long a session lasts unused: a browser left signed in and forgotten signs in again.
pub const SESSION_IDLE_SECONDS: i64 = 7 * 24 * 3600;
/// Longest e-mail address (RFC 5321's path limit).
pub const EMAIL_MAX: usize = 254;

/// What a person may do. Visitors have no account, so no role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Buyer,
    Exhibitor,
    Organizer,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Buyer => "buyer",
            Role::Exhibitor => "exhibitor",
            Role::Organizer => "organizer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Role::Buyer, Role::Exhibitor, Role::Organizer]
            .into_iter()
            .find(|role| role.as_str() == s)
    }
}

/// How a buyer's company trades.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BusinessType {
    Importer,
    Wholesaler,
    Retailer,
    Distributor,
    Manufacturer,
    Agent,
    Other,
}

impl BusinessType {
    pub const ALL: [BusinessType; 7] = [
        BusinessType::Importer,
        BusinessType::Wholesaler,
        BusinessType::Retailer,
        BusinessType::Distributor,
        BusinessType::Manufacturer,
        BusinessType::Agent,
        BusinessType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BusinessType::Importer => "importer",
            BusinessType::Wholesaler => "wholesaler",
            BusinessType::Retailer => "retailer",
            BusinessType::Distributor => "distributor",
            BusinessType::Manufacturer => "manufacturer",
            BusinessType::Agent => "agent",
            BusinessType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == s)
    }
}

/// A buyer's registration form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub email: String,
    pub password: String,
    pub name: String,
    pub company: String,
    pub country: String,
    pub business_type: String,
    #[serde(default)]
    pub interests: Vec<CategoryId>,
}

/// A registration that passed every rule, with its fields normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidRegistration {
    pub email: String,
    pub password: String,
    pub name: String,
    pub company: String,
    pub country: CountryCode,
    pub business_type: BusinessType,
    pub interests: Vec<CategoryId>,
}

impl Registration {
    /// Checks every field and reports all problems at once.
    pub fn validate(&self) -> Result<ValidRegistration, Vec<FieldError>> {
        let mut problems = Problems::default();
        let email = normalise_email(&self.email);
        if email.is_none() {
            problems.add("email", ErrorCode::EmailInvalid);
        }
        if let Some(code) = password_problem(&self.password) {
            problems.add("password", code);
        }
        let name = problems.line("name", &self.name, NAME_MAX, true);
        let company = problems.line("company", &self.company, NAME_MAX, true);
        let country = CountryCode::parse(&self.country);
        if country.is_none() {
            problems.add("country", ErrorCode::CountryUnknown);
        }
        let business_type = BusinessType::parse(&self.business_type);
        if business_type.is_none() {
            problems.add("business_type", ErrorCode::ChooseOne);
        }
        if self.interests.len() > 16 {
            problems.add("interests", ErrorCode::TooMany);
        }
        match (email, country, business_type) {
            (Some(email), Some(country), Some(business_type)) if problems.is_empty() => {
                let mut interests = self.interests.clone();
                interests.sort();
                interests.dedup();
                Ok(ValidRegistration {
                    email,
                    password: self.password.clone(),
                    name,
                    company,
                    country,
                    business_type,
                    interests,
                })
            }
            _ => Err(problems.into_errors()),
        }
    }
}

/// The address in the form we store and compare: trimmed and lower-cased; `None` when it
/// cannot be an address (one `@`, something before it, a dotted domain after it, no spaces).
pub fn normalise_email(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && email.len() <= EMAIL_MAX
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    plausible.then_some(email)
}

/// Why a password is refused, as a message code; `None` when it is accepted.
pub fn password_problem(password: &str) -> Option<ErrorCode> {
    if password.chars().count() < PASSWORD_MIN {
        Some(ErrorCode::PasswordShort)
    } else if password.len() > PASSWORD_MAX {
        Some(ErrorCode::TooLong)
    } else {
        None
    }
}

/// The person a request comes from, as pages show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub email_verified: bool,
    /// Whether the person signs in with a second factor (an authenticator app).
    pub two_factor: bool,
    /// The exhibitor this person works for, if any.
    pub team: Option<super::Team>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Registration {
        Registration {
            email: "  Buyer@Example.COM ".into(),
            password: "correct horse battery".into(),
            name: "Ana Lima".into(),
            company: "Lima Importadora".into(),
            country: "br".into(),
            business_type: "importer".into(),
            interests: vec![CategoryId(3), CategoryId(1), CategoryId(3)],
        }
    }

    #[test]
    fn a_good_registration_is_normalised() {
        let valid = form().validate().unwrap();
        assert_eq!(valid.email, "buyer@example.com");
        assert_eq!(valid.country.as_str(), "BR");
        assert_eq!(valid.interests, vec![CategoryId(1), CategoryId(3)]);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let bad = Registration {
            email: "not-an-address".into(),
            password: "short".into(),
            name: " ".into(),
            company: "x".repeat(NAME_MAX + 1),
            country: "ZZ".into(),
            business_type: "pirate".into(),
            interests: vec![],
        };
        let errors = bad.validate().unwrap_err();
        let pairs: Vec<_> = errors
            .iter()
            .map(|e| format!("{}:{}", e.field, e.message))
            .collect();
        assert_eq!(
            pairs,
            [
                "email:email_invalid",
                "password:password_short",
                "name:required",
                "company:too_long",
                "country:country_unknown",
                "business_type:choose_one",
            ]
        );
    }

    #[test]
    fn addresses_are_checked_for_shape() {
        for bad in [
            "",
            "@x.org",
            "a@b",
            "a@.org",
            "a@org.",
            "a b@x.org",
            "a@@x.org",
        ] {
            assert_eq!(normalise_email(bad), None, "{bad}");
        }
        assert_eq!(
            normalise_email("A.B+fair@Mail.CN").as_deref(),
            Some("a.b+fair@mail.cn")
        );
    }
}
