//! Uploaded images: the type is decided by the file's first bytes, never by its name or the
//! browser's claim; the image is decoded within limits, then re-encoded, which drops every
//! piece of metadata (EXIF locations included), with the thumbnails the pages use.

use app::error::ErrorCode;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Largest upload accepted, in bytes.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Largest width or height decoded.
pub const MAX_SIDE: u32 = 8000;
/// Most pixels decoded: 24 megapixels (6,000 × 4,000, a camera's full frame), 96 MiB as RGBA.
pub const MAX_PIXELS: u64 = 24_000_000;
/// What an upload is for, which decides how it is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    /// An exhibitor's logo: PNG (it may be transparent), at most 512 pixels a side, with
    /// 96 and 192 pixel thumbnails.
    Logo,
    /// A product photo: JPEG on white, at most 1,200 pixels a side, with the card (160) and
    /// product page (480) sizes.
    ProductPhoto,
    /// A booth's banner: JPEG on white, at most 1,600 pixels a side, with an 800 pixel one
    /// for narrow screens.
    Banner,
    /// An image sent in a conversation: JPEG on white, at most 2,000 pixels a side, with a
    /// 320 pixel preview.
    Attachment,
}

impl ImageKind {
    /// The most pixels a side of the stored image has.
    pub fn largest_side(self) -> u32 {
        match self {
            ImageKind::Logo => 512,
            ImageKind::ProductPhoto => app::domain::product::PHOTO_SIDE,
            ImageKind::Banner => 1600,
            ImageKind::Attachment => 2000,
        }
    }

    pub fn thumbnail_sides(self) -> &'static [u32] {
        match self {
            ImageKind::Logo => &[96, 192],
            ImageKind::ProductPhoto => &[160, 480],
            ImageKind::Banner => &[800],
            ImageKind::Attachment => &[320],
        }
    }

    /// The stored files' extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Logo => "png",
            ImageKind::ProductPhoto | ImageKind::Banner | ImageKind::Attachment => "jpg",
        }
    }
}

/// Why an upload is refused; each has a message code the interface translates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageError {
    /// Over `MAX_UPLOAD_BYTES`.
    TooLarge,
    /// Not PNG, JPEG, WebP or GIF by its content.
    NotAnImage,
    /// Starts like an image but does not decode.
    Corrupt,
    /// Wider or taller than `MAX_SIDE`, or more than `MAX_PIXELS` in all.
    TooManyPixels,
}

impl ImageError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ImageError::TooLarge => ErrorCode::FileTooLarge,
            ImageError::NotAnImage => ErrorCode::NotAnImage,
            ImageError::Corrupt => ErrorCode::ImageCorrupt,
            ImageError::TooManyPixels => ErrorCode::ImageTooBig,
        }
    }
}

/// An image re-encoded (PNG or JPEG, by its kind), and its thumbnails by size.
pub struct Processed {
    pub kind: ImageKind,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub thumbnails: Vec<(u32, Vec<u8>)>,
}

/// The format of an image by its magic bytes: PNG, JPEG, GIF or WebP.
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    match bytes {
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some(ImageFormat::Png),
        [0xFF, 0xD8, 0xFF, ..] => Some(ImageFormat::Jpeg),
        [b'G', b'I', b'F', b'8', b'7' | b'9', b'a', ..] => Some(ImageFormat::Gif),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// Checks, decodes and re-encodes an upload. CPU-heavy: call it on the blocking pool.
pub fn process(bytes: &[u8], kind: ImageKind) -> Result<Processed, ImageError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(ImageError::TooLarge);
    }
    let format = sniff(bytes).ok_or(ImageError::NotAnImage)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let refused = |error| match error {
        image::ImageError::Limits(_) => ImageError::TooManyPixels,
        _ => ImageError::Corrupt,
    };
    // The header's size is checked before a pixel is decoded.
    let decoder = reader.into_decoder().map_err(refused)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError::TooManyPixels);
    }
    let image = DynamicImage::from_decoder(decoder).map_err(refused)?;
    let image = fit(image, kind.largest_side());
    let image = match kind {
        ImageKind::Logo => image,
        ImageKind::ProductPhoto | ImageKind::Banner | ImageKind::Attachment => on_white(&image),
    };
    let thumbnails = kind
        .thumbnail_sides()
        .iter()
        .map(|&side| Ok((side, encode(&fit(image.clone(), side), kind)?)))
        .collect::<Result<_, ImageError>>()?;
    Ok(Processed {
        kind,
        bytes: encode(&image, kind)?,
        width: image.width(),
        height: image.height(),
        thumbnails,
    })
}

/// The image scaled down to at most `side` pixels a side; never scaled up.
fn fit(image: DynamicImage, side: u32) -> DynamicImage {
    if image.width().max(image.height()) > side {
        image.thumbnail(side, side)
    } else {
        image
    }
}

/// The image without transparency, on a white background (JPEG has no alpha).
fn on_white(image: &DynamicImage) -> DynamicImage {
    let rgba = image.to_rgba8();
    let rgb = image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([blend(r), blend(g), blend(b)])
    });
    DynamicImage::ImageRgb8(rgb)
}

fn encode(image: &DynamicImage, kind: ImageKind) -> Result<Vec<u8>, ImageError> {
    let mut out = Cursor::new(Vec::new());
    match kind {
        ImageKind::Logo => image.write_to(&mut out, ImageFormat::Png),
        ImageKind::ProductPhoto | ImageKind::Banner | ImageKind::Attachment => image
            .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
                &mut out, 85,
            )),
    }
    .map_err(|_| ImageError::Corrupt)?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(format: ImageFormat, width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        }));
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn every_accepted_type_is_re_encoded_with_thumbnails() {
        for format in [
            ImageFormat::Png,
            ImageFormat::Jpeg,
            ImageFormat::Gif,
            ImageFormat::WebP,
        ] {
            let bytes = encoded(format, 800, 400);
            assert_eq!(sniff(&bytes), Some(format));
            let logo =
                process(&bytes, ImageKind::Logo).unwrap_or_else(|e| panic!("{format:?}: {e:?}"));
            assert_eq!((logo.width, logo.height), (512, 256), "{format:?}");
            assert_eq!(sniff(&logo.bytes), Some(ImageFormat::Png));
            let sides: Vec<u32> = logo.thumbnails.iter().map(|(side, _)| *side).collect();
            assert_eq!(sides, [96, 192]);
            let photo = process(&bytes, ImageKind::ProductPhoto).unwrap();
            assert_eq!((photo.width, photo.height), (800, 400), "{format:?}");
            assert_eq!(sniff(&photo.bytes), Some(ImageFormat::Jpeg));
            assert!(
                photo
                    .thumbnails
                    .iter()
                    .all(|(_, t)| sniff(t) == Some(ImageFormat::Jpeg))
            );
        }
    }

    #[test]
    fn disguised_corrupt_and_oversized_files_are_refused() {
        let html = b"<html><script>alert(1)</script></html>";
        assert_eq!(
            process(html, ImageKind::Logo).err(),
            Some(ImageError::NotAnImage)
        );
        let mut truncated = encoded(ImageFormat::Png, 64, 64);
        truncated.truncate(60);
        assert_eq!(
            process(&truncated, ImageKind::ProductPhoto).err(),
            Some(ImageError::Corrupt)
        );
        let huge = vec![0u8; MAX_UPLOAD_BYTES + 1];
        assert_eq!(
            process(&huge, ImageKind::Logo).err(),
            Some(ImageError::TooLarge)
        );
        let wide = encoded(ImageFormat::Png, MAX_SIDE + 1, 1);
        assert_eq!(
            process(&wide, ImageKind::ProductPhoto).err(),
            Some(ImageError::TooManyPixels)
        );
        // 7,000 × 7,000 fits each side but not the pixel count; its header alone says so.
        let mut square = Cursor::new(Vec::new());
        DynamicImage::ImageLuma8(image::GrayImage::new(7000, 7000))
            .write_to(&mut square, ImageFormat::Png)
            .unwrap();
        let square = square.into_inner();
        assert!(square.len() < MAX_UPLOAD_BYTES);
        assert_eq!(
            process(&square, ImageKind::ProductPhoto).err(),
            Some(ImageError::TooManyPixels)
        );
    }
}
