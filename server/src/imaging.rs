//! Uploaded images: the type is decided by the file's first bytes, never by its name or the
//! browser's claim; the image is decoded within limits, then re-encoded, which drops every
//! piece of metadata (EXIF locations included), with the thumbnails the pages use.

use image::{DynamicImage, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Largest upload accepted, in bytes.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Largest width or height decoded.
pub const MAX_SIDE: u32 = 8000;
/// The logo as stored (its longest side at most this), and the sizes pages show it at.
pub const LOGO_SIDE: u32 = 512;
pub const LOGO_THUMBNAILS: [u32; 2] = [96, 192];

/// Why an upload is refused; each has a message code the interface translates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageError {
    /// Over `MAX_UPLOAD_BYTES`.
    TooLarge,
    /// Not PNG, JPEG, WebP or GIF by its content.
    NotAnImage,
    /// Starts like an image but does not decode.
    Corrupt,
    /// Wider or taller than `MAX_SIDE`.
    TooManyPixels,
}

impl ImageError {
    pub fn code(&self) -> &'static str {
        match self {
            ImageError::TooLarge => "file_too_large",
            ImageError::NotAnImage => "not_an_image",
            ImageError::Corrupt => "image_corrupt",
            ImageError::TooManyPixels => "image_too_big",
        }
    }
}

/// An image re-encoded as PNG, and its thumbnails by size.
pub struct Processed {
    pub png: Vec<u8>,
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

/// Checks, decodes and re-encodes a logo. CPU-heavy: call it on the blocking pool.
pub fn process_logo(bytes: &[u8]) -> Result<Processed, ImageError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(ImageError::TooLarge);
    }
    let format = sniff(bytes).ok_or(ImageError::NotAnImage)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|error| match error {
        image::ImageError::Limits(_) => ImageError::TooManyPixels,
        _ => ImageError::Corrupt,
    })?;
    let image = if image.width().max(image.height()) > LOGO_SIDE {
        image.thumbnail(LOGO_SIDE, LOGO_SIDE)
    } else {
        image
    };
    let thumbnails = LOGO_THUMBNAILS
        .iter()
        .map(|&side| Ok((side, png(&image.thumbnail(side, side))?)))
        .collect::<Result<_, ImageError>>()?;
    Ok(Processed {
        png: png(&image)?,
        width: image.width(),
        height: image.height(),
        thumbnails,
    })
}

fn png(image: &DynamicImage) -> Result<Vec<u8>, ImageError> {
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, ImageFormat::Png)
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
            let logo = process_logo(&bytes).unwrap_or_else(|e| panic!("{format:?}: {e:?}"));
            assert_eq!((logo.width, logo.height), (512, 256), "{format:?}");
            assert_eq!(sniff(&logo.png), Some(ImageFormat::Png));
            let sides: Vec<u32> = logo.thumbnails.iter().map(|(side, _)| *side).collect();
            assert_eq!(sides, [96, 192]);
        }
    }

    #[test]
    fn disguised_corrupt_and_oversized_files_are_refused() {
        let html = b"<html><script>alert(1)</script></html>";
        assert_eq!(process_logo(html).err(), Some(ImageError::NotAnImage));
        let mut truncated = encoded(ImageFormat::Png, 64, 64);
        truncated.truncate(60);
        assert_eq!(process_logo(&truncated).err(), Some(ImageError::Corrupt));
        let huge = vec![0u8; MAX_UPLOAD_BYTES + 1];
        assert_eq!(process_logo(&huge).err(), Some(ImageError::TooLarge));
        let wide = encoded(ImageFormat::Png, MAX_SIDE + 1, 1);
        assert_eq!(process_logo(&wide).err(), Some(ImageError::TooManyPixels));
    }
}
