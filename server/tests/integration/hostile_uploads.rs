//! Hostile files for every upload kind (logo, banner, product photos, video, 3D model as
//! .glb and .gltf, product import as CSV and XLSX, message attachments as image and PDF):
//! bombs that declare far more than they hold, truncated files, files of another type in
//! disguise (name and Content-Type claim one type, the bytes are another) and files one byte
//! over the limit. Each answers 4xx with its reason (413 for size), adds no row to any table
//! and leaves no file in the media folder, staging files included.

use crate::attachments::png;
use crate::messages::{Sides, sides};
use crate::products::{PRODUCT, saved_id};
use crate::support::hostile::{assert_nothing_left, kept, post_padded_file, still_serving};
use crate::support::{self, TestApp};
use crate::uploads::{image_bytes, sample_video};
use image::ImageFormat;
use server::commands::flood::files::{PDF, PDF_BOMB, gif_bomb, xlsx_zip_bomb};
use server::demo::accounts::EXHIBITOR;
use std::io::Write;

/// One hostile file: what it is, the name and type it claims, its first bytes and its size
/// (zeros after the first bytes), and the answer expected.
struct Case {
    what: &'static str,
    file_name: &'static str,
    content_type: &'static str,
    head: Vec<u8>,
    total: usize,
    status: u16,
    code: &'static str,
}

fn case(
    what: &'static str,
    claim: (&'static str, &'static str),
    bytes: Vec<u8>,
    code: &'static str,
) -> Case {
    Case {
        what,
        file_name: claim.0,
        content_type: claim.1,
        total: bytes.len(),
        head: bytes,
        status: 400,
        code,
    }
}

/// A file one byte over `limit` that starts as a real file of its kind.
fn oversize(claim: (&'static str, &'static str), head: Vec<u8>, limit: usize) -> Case {
    Case {
        what: "one byte over the limit",
        file_name: claim.0,
        content_type: claim.1,
        head,
        total: limit + 1,
        status: 413,
        code: "file_too_large",
    }
}

const HTML: &[u8] = b"<html><script>alert(document.cookie)</script></html>";

/// The CRC-32 of PNG chunks (ISO 3309).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A valid tiny PNG whose header says `width` × `height` (with a correct checksum).
pub fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = png(1, 1);
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// A lossless WebP whose header declares 16,384 × 16,384 pixels.
fn webp_bomb() -> Vec<u8> {
    let mut webp = b"RIFF\x12\x00\x00\x00WEBPVP8L\x05\x00\x00\x00".to_vec();
    webp.extend_from_slice(&[0x2f, 0xff, 0xff, 0xff, 0x0f, 0x00]);
    webp
}

/// The image cases every image upload shares.
fn image_cases(claim: (&'static str, &'static str), limit: usize) -> Vec<Case> {
    let real = image_bytes(ImageFormat::Png);
    vec![
        case(
            "a PNG declaring 7,999 × 7,999 pixels",
            claim,
            png_declaring(7_999, 7_999),
            "image_too_big",
        ),
        case(
            "a PNG declaring 100,000 pixels a side",
            claim,
            png_declaring(100_000, 100_000),
            "image_too_big",
        ),
        case(
            "a GIF declaring 65,535 pixels a side",
            claim,
            gif_bomb(),
            "image_too_big",
        ),
        // The WebP decoder reads past the header before it answers, and finds no image there.
        case(
            "a WebP declaring 16,384 pixels a side",
            claim,
            webp_bomb(),
            "image_corrupt",
        ),
        case(
            "a truncated PNG",
            claim,
            real[..real.len() / 2].to_vec(),
            "image_corrupt",
        ),
        case("HTML in disguise", claim, HTML.to_vec(), "not_an_image"),
        case(
            "a PDF in disguise",
            claim,
            b"%PDF-1.4\n%%EOF\n".to_vec(),
            "not_an_image",
        ),
        oversize(claim, real, limit),
    ]
}

/// An MP4 whose second box declares 2^62 bytes.
fn mp4_bomb() -> Vec<u8> {
    let mut mp4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isommp41".to_vec();
    mp4.extend_from_slice(b"\x00\x00\x00\x01moov\x40\x00\x00\x00\x00\x00\x00\x00");
    mp4.extend_from_slice(b"\x00\x00\x00\x01mdat\x40\x00\x00\x00\x00\x00\x00\x00");
    mp4.extend_from_slice(&[0u8; 256]);
    mp4
}

/// A WebM whose segment and cluster each declare about 2^52 bytes.
fn webm_bomb() -> Vec<u8> {
    let mut webm = b"\x1a\x45\xdf\xa3\x87\x42\x82\x84webm".to_vec();
    webm.extend_from_slice(b"\x18\x53\x80\x67\x01\x0f\xff\xff\xff\xff\xff\xfe");
    webm.extend_from_slice(b"\x1f\x43\xb6\x75\x01\x0f\xff\xff\xff\xff\xff\xfe");
    webm.extend_from_slice(&[0u8; 256]);
    webm
}

/// A .glb whose buffer declares 4 GB while the file holds 36 bytes of it.
fn glb_bomb() -> Vec<u8> {
    let glb = server::media::models3d::triangle_glb();
    let json_length = u32::from_le_bytes(glb[12..16].try_into().unwrap()) as usize;
    let json = String::from_utf8(glb[20..20 + json_length].to_vec()).unwrap();
    let bomb = json.replace("\"byteLength\":36", "\"byteLength\":4000000000");
    assert_ne!(bomb, json, "the buffer's length was found");
    let mut bomb = bomb.into_bytes();
    while !bomb.len().is_multiple_of(4) {
        bomb.push(b' ');
    }
    let binary = &glb[20 + json_length..];
    let mut out = b"glTF\x02\x00\x00\x00".to_vec();
    out.extend_from_slice(&((12 + 8 + bomb.len() + binary.len()) as u32).to_le_bytes());
    out.extend_from_slice(&(bomb.len() as u32).to_le_bytes());
    out.extend_from_slice(b"JSON");
    out.extend_from_slice(&bomb);
    out.extend_from_slice(binary);
    out
}

/// A .gltf whose one buffer, four bytes in a data URI, declares a terabyte.
const GLTF_BOMB: &[u8] = br#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":1000000000000,"uri":"data:application/octet-stream;base64,AAAAAA=="}]}"#;

/// A .gltf nested 10,000 arrays deep.
fn gltf_nested() -> Vec<u8> {
    format!(
        "{{\"asset\":{{\"version\":\"2.0\"}},\"x\":{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    )
    .into_bytes()
}

fn a_zip() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("invoice.exe", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"MZ not really a program").unwrap();
    zip.finish().unwrap().into_inner()
}

/// Sends each case to `path` (with `fields` beside the file field `file`) as the demo
/// exhibitor's owner, and checks the answer and that nothing was kept.
async fn refuse_all(
    app: &TestApp,
    cookie: &str,
    path: &str,
    fields: &[(&str, &str)],
    cases: Vec<Case>,
) -> usize {
    let count = cases.len();
    for case in cases {
        let before = kept(app).await;
        let what = format!("{path}: {} ({})", case.what, case.file_name);
        let answer = post_padded_file(
            app,
            path,
            &[("Cookie", cookie)],
            fields,
            ("file", case.file_name, case.content_type),
            &case.head,
            case.total,
        )
        .await;
        assert_eq!(answer.status, case.status, "{what}: {}", answer.text());
        assert!(
            answer.text().contains(case.code),
            "{what}: expected {}, got {}",
            case.code,
            answer.text()
        );
        assert_nothing_left(app, &before, &what).await;
    }
    still_serving(app).await;
    count
}

on_both_engines! { mod hostile_uploads; support::spawn_app;

    async fn booth_images_and_product_photos_refuse_bombs_cuts_disguises_and_size(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let id = saved_id(&app.post("/api/save_product", &[("Cookie", &owner)], PRODUCT).await);
        let limit = server::media::imaging::MAX_UPLOAD_BYTES;
        let exhibitor = [("exhibitor", "1")];
        refuse_all(&app, &owner, "/exhibitor/logo", &exhibitor, image_cases(("logo.png", "image/png"), limit)).await;
        refuse_all(&app, &owner, "/exhibitor/banner", &exhibitor, image_cases(("banner.jpg", "image/jpeg"), limit)).await;
        refuse_all(&app, &owner, &format!("/exhibitor/products/{id}/photos"), &[], image_cases(("photo.webp", "image/webp"), limit)).await;
    }

    async fn videos_refuse_bombs_cuts_disguises_and_size(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let mp4 = sample_video("mp4");
        let claim = ("booth.mp4", "video/mp4");
        let cases = vec![
            case("an MP4 whose box declares 2^62 bytes", claim, mp4_bomb(), "video_corrupt"),
            case("a WebM whose segment declares 2^52 bytes", ("booth.webm", "video/webm"), webm_bomb(), "video_corrupt"),
            case("a truncated MP4", claim, mp4[..mp4.len() / 2].to_vec(), "video_corrupt"),
            case("a PNG in disguise", claim, png(8, 8), "not_a_video"),
            case("HTML in disguise", claim, HTML.to_vec(), "not_a_video"),
            oversize(claim, mp4_bomb(), server::media::video::MAX_VIDEO_BYTES),
        ];
        refuse_all(&app, &owner, "/exhibitor/video", &[("exhibitor", "1")], cases).await;
    }

    async fn models_refuse_bombs_cuts_disguises_and_size(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let id = saved_id(&app.post("/api/save_product", &[("Cookie", &owner)], PRODUCT).await);
        let glb = server::media::models3d::triangle_glb();
        let (binary, text) = (("lamp.glb", "model/gltf-binary"), ("lamp.gltf", "model/gltf+json"));
        let cases = vec![
            case("a .glb whose buffer declares 4 GB", binary, glb_bomb(), "model_corrupt"),
            case("a .gltf whose buffer declares a terabyte", text, GLTF_BOMB.to_vec(), "model_corrupt"),
            case("a .gltf nested 10,000 deep", text, gltf_nested(), "not_a_model"),
            case("a truncated .glb", binary, glb[..glb.len() / 2].to_vec(), "model_corrupt"),
            case("a truncated .gltf", text, br#"{"asset":{"version":"2.0"},"buffers":[{"byteLe"#.to_vec(), "not_a_model"),
            case("a ZIP in disguise", binary, a_zip(), "not_a_model"),
            case("HTML in disguise", text, HTML.to_vec(), "not_a_model"),
            oversize(binary, glb, server::media::models3d::MAX_MODEL_BYTES),
        ];
        refuse_all(&app, &owner, &format!("/exhibitor/products/{id}/model"), &[], cases).await;
    }

    async fn imports_refuse_bombs_cuts_disguises_and_size(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let (xlsx, csv) = (("lamps.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("lamps.csv", "text/csv"));
        let mut book = rust_xlsxwriter::Workbook::new();
        book.add_worksheet().write_string(0, 0, "title_en").unwrap();
        let real = book.save_to_buffer().unwrap();
        let header = b"title_en,price_min,currency,moq,unit_en,lead_time_days\n".to_vec();
        let cases = vec![
            case("an XLSX whose sheet unpacks to 96 MB", xlsx, xlsx_zip_bomb(), "import_unpacks_too_large"),
            case("a truncated XLSX", xlsx, real[..real.len() / 2].to_vec(), "import_unreadable"),
            case("a PNG in disguise", xlsx, png(8, 8), "import_not_a_table"),
            case("a PDF in disguise", csv, PDF.to_vec(), "column_missing"),
            case("a CSV cut inside its header", csv, header[..16].to_vec(), "column_missing"),
            oversize(csv, header, app::domain::product_import::IMPORT_BYTES_MAX),
        ];
        refuse_all(&app, &owner, "/exhibitor/products/import", &[("exhibitor", "1")], cases).await;
    }

    async fn attachments_refuse_bombs_cuts_disguises_and_size(app) {
        let Sides { buyer, conversation, .. } = sides(&app).await;
        let (image, pdf) = (("photo.png", "image/png"), ("order.pdf", "application/pdf"));
        let cases = vec![
            case("a PNG declaring 7,999 × 7,999 pixels", image, png_declaring(7_999, 7_999), "image_too_big"),
            case("a GIF declaring 65,535 pixels a side", image, gif_bomb(), "image_too_big"),
            case("a PDF declaring a 99 GB stream and 4 billion objects", pdf, PDF_BOMB.to_vec(), "not_a_pdf"),
            case("a truncated PNG", image, png(64, 64)[..40].to_vec(), "image_corrupt"),
            case("a truncated PDF", pdf, PDF[..40].to_vec(), "not_a_pdf"),
            case("a ZIP in disguise", pdf, a_zip(), "not_a_pdf"),
            case("HTML in disguise", image, HTML.to_vec(), "not_a_pdf"),
            oversize(pdf, PDF.to_vec(), app::domain::conversation::ATTACHMENT_BYTES_MAX),
        ];
        let path = format!("/messages/{conversation}/attachments");
        refuse_all(&app, &buyer, &path, &[("client_id", "hostile-1"), ("body", "See attached")], cases).await;
    }
}
