//! Logo uploads through the real app on both engines: real PNG, JPEG, GIF and WebP files are
//! accepted, re-encoded and served; disguised, corrupt and oversized files and uploads by
//! people without the right are refused with a reason and leave no file behind.

use crate::support;

use image::{DynamicImage, ImageFormat, RgbImage};
use server::demo::accounts::{BUYER, EXHIBITOR, OTHER_EXHIBITOR};
use std::io::Cursor;
use support::TestApp;
use support::http::{Part, Response, post_multipart};

pub fn image_bytes(format: ImageFormat) -> Vec<u8> {
    let image = DynamicImage::ImageRgb8(RgbImage::from_fn(300, 200, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 160])
    }));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

async fn upload(
    app: &TestApp,
    headers: &[(&str, &str)],
    exhibitor: i64,
    name: &str,
    bytes: &[u8],
) -> Response {
    upload_to(app, "/exhibitor/logo", headers, exhibitor, name, bytes).await
}

/// Sends a booth upload form (`exhibitor` and `file`) to `path`.
pub async fn upload_to(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
    exhibitor: i64,
    name: &str,
    bytes: &[u8],
) -> Response {
    let exhibitor = exhibitor.to_string();
    let parts = [
        Part {
            name: "exhibitor",
            file_name: None,
            content_type: "text/plain",
            content: exhibitor.as_bytes(),
        },
        Part {
            name: "file",
            file_name: Some(name),
            content_type: "image/png",
            content: bytes,
        },
    ];
    post_multipart(app.addr, path, headers, &parts).await
}

/// How many files the media folder holds.
fn stored_files(app: &TestApp) -> usize {
    std::fs::read_dir(app.media_dir()).map_or(0, |dir| dir.count())
}

on_both_engines! { mod uploads; support::spawn_app;

    async fn every_image_type_is_accepted_re_encoded_and_served(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        for (format, name) in [(ImageFormat::Png, "logo.png"), (ImageFormat::Jpeg, "logo.jpg"), (ImageFormat::Gif, "logo.gif"), (ImageFormat::WebP, "logo.webp")] {
            let response = upload(&app, &[("Cookie", &owner)], 1, name, &image_bytes(format)).await;
            assert_eq!(response.status, 200, "{format:?}: {}", response.text());
            let url: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
            let url = url["urls"][0].as_str().unwrap().to_owned();
            let served = app.get(&url).await;
            assert_eq!(served.status, 200);
            assert_eq!(served.header("content-type"), Some("image/png"));
            assert_eq!(served.header("cache-control"), Some("public, max-age=31536000, immutable"));
            let thumbnail = image::load_from_memory(&served.body).unwrap();
            assert_eq!((thumbnail.width(), thumbnail.height()), (96, 64), "{format:?}");
            let slug: String = sqlx::query_scalar("SELECT slug FROM exhibitors WHERE id = 1").fetch_one(&app.db.db.pool).await.unwrap();
            assert!(app.get(&format!("/exhibitors/{slug}")).await.text().contains(&url), "the booth shows the new logo at once");
        }
        assert_eq!(app.db.db.audit_log(app::domain::ExhibitorId(1), 10).await.unwrap().len(), 4);
        assert_eq!(app.get("/media/uploads/..%2F..%2Fetc%2Fpasswd").await.status, 404);
        assert_eq!(app.get(&format!("/media/uploads/{}.png", "0".repeat(64))).await.status, 404);
    }

    async fn bad_files_and_wrong_people_are_refused_and_leave_nothing(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        let png = image_bytes(ImageFormat::Png);
        let before = stored_files(&app);

        let disguised = upload(&app, &[("Cookie", &owner)], 1, "logo.png", b"<html><script>alert(1)</script></html>").await;
        assert_eq!(disguised.status, 400);
        assert!(disguised.text().contains("not_an_image"));
        let corrupt = upload(&app, &[("Cookie", &owner)], 1, "logo.png", &png[..png.len() / 2]).await;
        assert_eq!(corrupt.status, 400);
        assert!(corrupt.text().contains("image_corrupt"));
        let mut huge = png.clone();
        huge.resize(5 * 1024 * 1024 + 1, 0);
        let oversized = upload(&app, &[("Cookie", &owner)], 1, "logo.png", &huge).await;
        assert_eq!(oversized.status, 413, "{}", oversized.text());
        assert_eq!(upload(&app, &[], 1, "logo.png", &png).await.status, 401);
        assert_eq!(upload(&app, &[("Cookie", &buyer)], 1, "logo.png", &png).await.status, 403);
        assert_eq!(upload(&app, &[("Cookie", &other)], 1, "logo.png", &png).await.status, 403, "another exhibitor's booth");
        assert_eq!(stored_files(&app), before, "no file written");
        assert!(app.db.db.audit_log(app::domain::ExhibitorId(1), 10).await.unwrap().is_empty(), "nothing changed");

        // A browser's form without JavaScript is sent back to the editor, with the reason.
        let plain = [("Cookie", owner.as_str()), ("Accept", "text/html")];
        let refused = upload(&app, &plain, 1, "logo.png", b"GIF89a broken").await;
        assert_eq!(refused.status, 303);
        assert_eq!(refused.header("location"), Some("/exhibitor/booth?errors=logo%3Aimage_corrupt"));
        let accepted = upload(&app, &plain, 1, "logo.png", &png).await;
        assert_eq!(accepted.status, 303);
        assert_eq!(accepted.header("location"), Some("/exhibitor/booth?saved=1"));
    }

    async fn booth_videos_are_checked_given_a_poster_and_streamed(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        let (mp4, webm) = (sample_video("mp4"), sample_video("webm"));
        assert_eq!(send_video(&app, "", &mp4).await.status, 401);
        assert_eq!(send_video(&app, &buyer, &mp4).await.status, 403);
        assert_eq!(send_video(&app, &other, &mp4).await.status, 403);
        let before = stored_files(&app);
        let html = send_video(&app, &owner, b"<html><script>alert(1)</script></html>").await;
        assert!(html.status == 400 && html.text().contains("not_a_video"), "{}", html.text());
        let broken = send_video(&app, &owner, &mp4[..200]).await;
        assert!(broken.status == 400 && broken.text().contains("video_corrupt"), "{}", broken.text());
        assert_eq!(stored_files(&app), before, "a refused video leaves nothing");

        for (video, kind) in [(&webm, "video/webm"), (&mp4, "video/mp4")] {
            let stored = send_video(&app, &owner, video).await;
            assert_eq!(stored.status, 200, "{}", stored.text());
            let urls: serde_json::Value = serde_json::from_slice(&stored.body).unwrap();
            let url = urls["urls"][0].as_str().unwrap().to_owned();
            let served = app.get(&url).await;
            assert_eq!((served.status, served.header("content-type")), (200, Some(kind)));
            let booth = app.get(&format!("/exhibitors/{}", app.exhibitor_slug(1).await)).await.text();
            assert!(booth.contains(&url), "the booth shows its video");
            let poster = booth.split("poster=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a poster").to_owned();
            let frame = app.get(&poster).await;
            assert_eq!((frame.status, frame.header("content-type")), (200, Some("image/jpeg")));
            assert_eq!(image::load_from_memory(&frame.body).unwrap().width(), 320, "a frame of the 320-pixel video");
        }

        // A video of 27 megapixels a frame (more than a photo may have) gets a poster all the
        // same: ffmpeg scales the frame down as it takes it.
        let huge = video_of("mp4", "duration=1:size=6000x4500:rate=2");
        let stored = send_video(&app, &owner, &huge).await;
        assert_eq!(stored.status, 200, "{}", stored.text());
        let booth = app.get(&format!("/exhibitors/{}", app.exhibitor_slug(1).await)).await.text();
        let poster = booth.split("poster=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a poster").to_owned();
        let frame = image::load_from_memory(&app.get(&poster).await.body).unwrap();
        assert!(frame.width() <= 1920 && frame.height() <= 1920, "{}x{}", frame.width(), frame.height());
    }

    async fn a_banner_is_stored_wide_and_shown(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        let wide = {
            let image = DynamicImage::ImageRgb8(RgbImage::from_fn(2000, 500, |x, _| image::Rgb([(x % 256) as u8, 40, 90])));
            let mut out = Cursor::new(Vec::new());
            image.write_to(&mut out, ImageFormat::Png).unwrap();
            out.into_inner()
        };
        let cookie = [("Cookie", owner.as_str())];
        assert_eq!(upload_to(&app, "/exhibitor/banner", &[("Cookie", &other)], 1, "b.png", &wide).await.status, 403);
        let stored = upload_to(&app, "/exhibitor/banner", &cookie, 1, "b.png", &wide).await;
        assert_eq!(stored.status, 200, "{}", stored.text());
        let urls: serde_json::Value = serde_json::from_slice(&stored.body).unwrap();
        let url = urls["urls"][0].as_str().unwrap().to_owned();
        let narrow = url.replace(".jpg", "-800.jpg");
        for (address, width, height) in [(&url, 1600, 400), (&narrow, 800, 200)] {
            let served = app.get(address).await;
            assert_eq!(served.header("content-type"), Some("image/jpeg"));
            let picture = image::load_from_memory(&served.body).unwrap();
            assert_eq!((picture.width(), picture.height()), (width, height));
        }
        let booth = app.get(&format!("/exhibitors/{}", app.exhibitor_slug(1).await)).await.text();
        assert!(booth.contains(&url) && booth.contains(&narrow), "the booth shows the banner, narrow screens the small one");
        let log = app.db.db.audit_log(app::domain::ExhibitorId(1), 5).await.unwrap();
        assert_eq!(log[0].changes[0].0, "banner");
    }
}

/// Sends a booth video for exhibitor 1 as `cookie` (empty for a visitor).
pub async fn send_video(app: &TestApp, cookie: &str, content: &[u8]) -> Response {
    let headers: Vec<(&str, &str)> = if cookie.is_empty() {
        vec![]
    } else {
        vec![("Cookie", cookie)]
    };
    let parts = [
        Part {
            name: "exhibitor",
            file_name: None,
            content_type: "text/plain",
            content: b"1",
        },
        Part {
            name: "file",
            file_name: Some("booth.mp4"),
            content_type: "video/mp4",
            content,
        },
    ];
    post_multipart(app.addr, "/exhibitor/video", &headers, &parts).await
}

/// A two-second test picture as MP4 (H.264) or WebM (VP8), made by ffmpeg.
pub fn sample_video(kind: &str) -> Vec<u8> {
    video_of(kind, "duration=2:size=320x240:rate=10")
}

/// A test picture of `kind` as ffmpeg's `testsrc` makes it with `options`.
fn video_of(kind: &str, options: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    server::commands::flood::files::test_video(dir.path(), kind, options)
        .expect("ffmpeg (installed by .ci/setup.sh)")
}
