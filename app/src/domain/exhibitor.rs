//! Exhibiting companies: the directory card and the full profile with its booths.

use super::{BoothId, CountryCode, ExhibitorId, Localized};
use serde::{Deserialize, Serialize};

/// An exhibitor as shown in the directory and on product pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExhibitorSummary {
    pub id: ExhibitorId,
    pub slug: String,
    pub name: Localized,
    pub country: CountryCode,
    pub verified: bool,
    pub year_founded: i64,
}

/// Where an exhibitor stands: one booth in one hall.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoothLocation {
    pub booth_id: BoothId,
    pub code: String,
    pub hall_slug: String,
    pub hall_name: Localized,
}

impl BoothLocation {
    /// The hall map with this booth highlighted.
    pub fn map_href(&self) -> String {
        format!("/halls/{}?booth={}", self.hall_slug, self.code)
    }
}

/// The exhibitor's booth page: company profile and booths.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExhibitorProfile {
    pub summary: ExhibitorSummary,
    pub description: Localized,
    /// The description as sanitised rich text, once the exhibitor has edited it.
    pub description_html: Option<Localized>,
    pub contact: Contact,
    /// The URL of the uploaded logo at 96 pixels, if any.
    pub logo: Option<String>,
    /// The uploaded banner's hash, if any (`uploaded_banner`).
    pub banner: Option<String>,
    /// The booth's video, if any.
    pub video: Option<Video>,
    pub staff_size: i64,
    pub main_markets: Vec<String>,
    pub certifications: Vec<String>,
    pub booths: Vec<BoothLocation>,
    pub product_count: i64,
}

/// The images a booth has besides its products': the logo and the banner.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BoothImage {
    Logo,
    Banner,
}

impl BoothImage {
    /// The form field and audit name.
    pub fn name(self) -> &'static str {
        match self {
            BoothImage::Logo => "logo",
            BoothImage::Banner => "banner",
        }
    }
}

/// The URL of an uploaded banner: 1,600 pixels wide at most, or 800.
pub fn uploaded_banner(hash: &str, narrow: bool) -> String {
    if narrow {
        format!("/media/uploads/{hash}-800.jpg")
    } else {
        format!("/media/uploads/{hash}.jpg")
    }
}

/// A booth's video: its file's URL and the poster frame's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Video {
    pub src: String,
    pub poster: Option<String>,
}

/// How buyers reach an exhibitor outside the fair; empty strings where not given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub email: String,
    pub phone: String,
    pub website: String,
}

/// The URL of an uploaded logo at 96 pixels, from its hash.
pub fn uploaded_logo(hash: &str) -> String {
    format!("/media/uploads/{hash}-96.png")
}

/// The URL of an exhibitor's generated logo.
pub fn logo_url(id: ExhibitorId) -> String {
    format!("/media/logos/{id}.svg")
}
