//! Products as buyers see them: a card in a list, and the full product page.

use super::{
    BoothLocation, CategorySummary, ExhibitorSummary, Localized, PriceRange, ProductId,
    SectionSummary,
};
use serde::{Deserialize, Serialize};

/// One row of a product's specification table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spec {
    pub key: Localized,
    pub value: String,
}

/// A product as shown on cards and in lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductSummary {
    pub id: ProductId,
    pub title: Localized,
    pub price: PriceRange,
    pub moq: i64,
    pub unit: Localized,
    pub is_new: bool,
    pub exhibitor_name: Localized,
    /// The hash of the first uploaded photo; products without one show generated pictures.
    pub cover: Option<String>,
}

impl ProductSummary {
    /// The picture a card shows, 160 pixels square.
    pub fn card_image(&self) -> String {
        card_image(self.id, self.cover.as_deref())
    }

    /// For an uploaded photo, its sizes for screens of more pixels than CSS pixels (a
    /// generated picture is drawn in SVG, sharp on any screen).
    pub fn card_srcset(&self) -> Option<String> {
        self.cover.as_deref().map(|hash| {
            format!(
                "{} 1x, {} 3x",
                uploaded_image(hash, Some(CARD_SIDE)),
                uploaded_image(hash, Some(LARGE_SIDE))
            )
        })
    }
}

/// Everything the product page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub id: ProductId,
    pub title: Localized,
    pub description: Localized,
    pub specs: Vec<Spec>,
    pub price: PriceRange,
    pub moq: i64,
    pub unit: Localized,
    pub lead_time_days: i64,
    pub is_new: bool,
    /// Not published: only its team sees it, as a preview.
    pub draft: bool,
    pub hs_code: String,
    /// Generated pictures, for products without uploaded photos.
    pub image_count: i64,
    /// Hashes of the uploaded photos, in order.
    pub photos: Vec<String>,
    /// The 3D model's stored file name (`HASH.glb` or `HASH.gltf`), if any.
    pub model: Option<String>,
    pub category: CategorySummary,
    pub section: SectionSummary,
    pub exhibitor: ExhibitorSummary,
    pub booths: Vec<BoothLocation>,
}

/// One picture on the product page: the large image and its thumbnail, and for an uploaded
/// photo the sizes a browser chooses from by the screen (`srcset`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    pub large: String,
    pub thumbnail: String,
    pub srcset: Option<String>,
}

impl ProductDetail {
    /// The uploaded photos, or the generated pictures when there are none.
    pub fn pictures(&self) -> Vec<Picture> {
        if self.photos.is_empty() {
            (0..self.image_count)
                .map(|n| Picture {
                    large: image_url(self.id, n),
                    thumbnail: image_url(self.id, n),
                    srcset: None,
                })
                .collect()
        } else {
            self.photos
                .iter()
                .map(|hash| Picture {
                    large: uploaded_image(hash, Some(LARGE_SIDE)),
                    thumbnail: uploaded_image(hash, Some(CARD_SIDE)),
                    srcset: Some(format!(
                        "{} {LARGE_SIDE}w, {} {PHOTO_SIDE}w",
                        uploaded_image(hash, Some(LARGE_SIDE)),
                        uploaded_image(hash, None)
                    )),
                })
                .collect()
        }
    }
}

/// The sizes photos are stored in besides the original: cards and thumbnails, the product
/// page's large picture.
pub const CARD_SIDE: u32 = 160;
pub const LARGE_SIDE: u32 = 480;
/// The most pixels a side of a stored product photo has (the server scales larger ones down).
pub const PHOTO_SIDE: u32 = 1200;

/// A product's first uploaded photo at card size, or its first generated picture.
pub fn card_image(id: ProductId, cover: Option<&str>) -> String {
    match cover {
        Some(hash) => uploaded_image(hash, Some(CARD_SIDE)),
        None => image_url(id, 0),
    }
}

/// The URL of a product's `n`th generated picture (0-based), served by our own server.
pub fn image_url(id: ProductId, n: i64) -> String {
    format!("/media/products/{id}/{n}.svg")
}

/// The URL of an uploaded file other than a photo: a 3D model, a video.
pub fn uploaded_file(file: &str) -> String {
    format!("/media/uploads/{file}")
}

/// The URL of an uploaded product photo: at most 1,200 pixels a side, or the given size.
pub fn uploaded_image(hash: &str, side: Option<u32>) -> String {
    match side {
        Some(side) => format!("/media/uploads/{hash}-{side}.jpg"),
        None => format!("/media/uploads/{hash}.jpg"),
    }
}
