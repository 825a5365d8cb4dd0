//! The files of the upload flood, made at start: real ones that cost the server real work (a
//! large photo to decode and re-encode, a product list, a 3D model, a PDF, a video) and bombs
//! that declare far more than they hold. The hostile-upload tests use the bombs too.

use image::{ImageFormat, RgbImage};
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

/// A photo-like JPEG of `width` × `height`: gradients under fine noise, which compresses
/// about as well as a product photo does.
pub fn photo_jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut state = 0x2545_f491_u32;
    let photo = RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 24) as u8;
        image::Rgb([
            ((x * 255 / width) as u8).saturating_add(noise),
            ((y * 255 / height) as u8).saturating_add(noise),
            160u8.saturating_add(noise),
        ])
    });
    let mut out = Cursor::new(Vec::new());
    photo
        .write_to(&mut out, ImageFormat::Jpeg)
        .expect("an image in memory encodes");
    out.into_inner()
}

/// A GIF whose screen and one frame are 65,535 pixels a side: 16 GiB of pixels in 29 bytes.
pub fn gif_bomb() -> Vec<u8> {
    let mut gif = b"GIF89a\xff\xff\xff\xff\x00\x00\x00".to_vec();
    gif.extend_from_slice(b"\x2c\x00\x00\x00\x00\xff\xff\xff\xff\x00\x02\x02\x44\x01\x00\x3b");
    gif
}

/// A workbook whose sheet unpacks to 96 MB from about 100 KB.
pub fn xlsx_zip_bomb() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &[u8]); 2] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<workbook><sheets><sheet name="a" sheetId="1"/></sheets></workbook>"#,
        ),
    ];
    let written: zip::result::ZipResult<Vec<u8>> = (|| {
        for (name, content) in parts {
            zip.start_file(name, options)?;
            zip.write_all(content)?;
        }
        zip.start_file("xl/worksheets/sheet1.xml", options)?;
        zip.write_all(b"<worksheet><sheetData>")?;
        let spaces = vec![b' '; 1024 * 1024];
        for _ in 0..96 {
            zip.write_all(&spaces)?;
        }
        zip.write_all(b"</sheetData></worksheet>")?;
        Ok(zip.finish()?.into_inner())
    })();
    written.expect("a zip in memory writes")
}

/// A small valid PDF.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A PDF whose stream declares 99 GB and whose cross-reference table declares four billion
/// objects, in 300 bytes.
pub const PDF_BOMB: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Length 99999999999 >>\nstream\nBT ET\nendstream\nendobj\nxref\n0 4294967295\n0000000000 65535 f \ntrailer << /Size 4294967295 /Root 1 0 R >>\nstartxref\n60\n%%EOF\n";

/// A product list of `rows` published products under SKUs starting with `prefix` (a team
/// sending it again updates the same products).
pub fn products_csv(prefix: &str, rows: u32) -> Vec<u8> {
    let mut file = String::from(
        "sku,title_en,price_min,price_max,currency,moq,unit_en,lead_time_days,published\n",
    );
    for row in 1..=rows {
        let _ = writeln!(
            file,
            "{prefix}{row},Flood lamp {prefix}{row},2.50,3.50,USD,100,pieces,15,yes"
        );
    }
    file.into_bytes()
}

/// A test picture of `kind` (`mp4`: H.264, `webm`: VP8) as ffmpeg's `testsrc` makes it with
/// `options` (`duration=2:size=320x240:rate=10`), written in `dir`; `None` without ffmpeg.
pub fn test_video(dir: &std::path::Path, kind: &str, options: &str) -> Option<Vec<u8>> {
    let path = dir.join(format!("sample.{kind}"));
    let codec = if kind == "mp4" {
        ["-c:v", "libx264", "-pix_fmt", "yuv420p"]
    } else {
        ["-c:v", "libvpx", "-b:v", "200k"]
    };
    let made = std::process::Command::new("ffmpeg")
        .args([
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            &format!("testsrc={options}"),
        ])
        .args(codec)
        .arg("-y")
        .arg(&path)
        .status()
        .ok()?;
    made.success().then(|| std::fs::read(&path).ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_are_what_they_say() {
        let photo = photo_jpeg(400, 300);
        let decoded = image::load_from_memory(&photo).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (400, 300));
        assert!(xlsx_zip_bomb().len() < 1024 * 1024);
        let csv = String::from_utf8(products_csv("f-", 3)).unwrap();
        assert_eq!(csv.lines().count(), 4);
        assert!(csv.contains("f-3,Flood lamp f-3,"));
    }
}
