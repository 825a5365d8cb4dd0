//! Files sent in conversations: an image is re-encoded with a preview and reaches the other
//! side's socket as a message; a PDF is kept as sent and downloaded; only the two sides read
//! them; a disguised, active, oversized, blocked or deceptively named file is refused and
//! stores nothing; the same form sent twice stores one message.

use crate::messages::{Sides, follow, next, put, sides, socket, stored};
use crate::support::http::{Part, Response, post_multipart};
use crate::support::{self, TestApp};
use app::domain::conversation::AttachmentKind;
use app::domain::{ConversationId, SocketFrame};
use server::demo::accounts::OTHER_EXHIBITOR;

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image::RgbImage::new(width, height))
        .write_to(&mut out, image::ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

/// Sends `content` as `name` in `conversation`, as a script (JSON answer).
pub async fn attach(
    app: &TestApp,
    cookie: &str,
    conversation: ConversationId,
    client_id: &str,
    (name, content): (&str, &[u8]),
) -> Response {
    let parts = [
        Part {
            name: "client_id",
            file_name: None,
            content_type: "text/plain",
            content: client_id.as_bytes(),
        },
        Part {
            name: "body",
            file_name: None,
            content_type: "text/plain",
            content: "Our catalogue".as_bytes(),
        },
        Part {
            name: "file",
            file_name: Some(name),
            content_type: "application/octet-stream",
            content,
        },
    ];
    let path = format!("/messages/{conversation}/attachments");
    post_multipart(app.addr, &path, &[("Cookie", cookie)], &parts).await
}

/// The URL the answer names.
fn url(response: &Response) -> String {
    let json: serde_json::Value = serde_json::from_slice(&response.body).expect("JSON");
    json["urls"][0].as_str().expect("a URL").to_owned()
}

fn files_stored(app: &TestApp) -> usize {
    std::fs::read_dir(app.media_dir().join("attachments"))
        .map(|dir| dir.count())
        .unwrap_or(0)
}

fn header<'a>(response: &'a Response, name: &str) -> &'a str {
    response
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

on_both_engines! { mod files; support::spawn_app;

    async fn an_image_and_a_pdf_reach_the_other_side_and_no_one_else(app) {
        let Sides { buyer, exhibitor, conversation } = sides(&app).await;
        let mut team = socket(&app, &exhibitor).await;
        put(&mut team, &follow(conversation, None)).await;

        let sent = attach(&app, &buyer, conversation, "file-1", ("../sample photo.png", &png(2400, 1200))).await;
        assert_eq!(sent.status, 200, "{}", sent.text());
        let image = url(&sent);
        let message = match next(&mut team).await {
            SocketFrame::Message { message } => message,
            other => panic!("expected the message, got {other:?}"),
        };
        let attachment = message.attachment.clone().expect("the file");
        assert_eq!((attachment.kind, attachment.name.as_str(), message.body.as_str()), (AttachmentKind::Image, "sample photo.jpg", "Our catalogue"), "named for the type it was checked to be");
        assert_eq!(image, format!("/messages/{conversation}/attachments/{}", message.id));

        let got = app.get_with(&image, &[("Cookie", &exhibitor)]).await;
        assert_eq!((got.status, header(&got, "content-type")), (200, "image/jpeg"));
        let decoded = image::load_from_memory(&got.body).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (2000, 1000), "at most 2,000 pixels a side");
        let preview = app.get_with(&format!("{image}/preview"), &[("Cookie", &buyer)]).await;
        assert_eq!(image::load_from_memory(&preview.body).unwrap().width(), 320);
        let stranger = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        assert_eq!(app.get_with(&image, &[("Cookie", &stranger)]).await.status, 403);
        assert_eq!(app.get(&image).await.status, 401);
        assert_eq!(app.get_with(&format!("/messages/{conversation}/attachments/999999"), &[("Cookie", &buyer)]).await.status, 404);

        let sent = attach(&app, &exhibitor, conversation, "file-2", ("报价单.pdf", PDF)).await;
        assert_eq!(sent.status, 200, "{}", sent.text());
        let pdf = app.get_with(&url(&sent), &[("Cookie", &buyer)]).await;
        assert_eq!((pdf.status, header(&pdf, "content-type")), (200, "application/pdf"));
        assert_eq!(pdf.body, PDF, "kept as sent");
        assert!(header(&pdf, "content-disposition").starts_with("attachment;"), "downloaded, not opened in the site");
        assert!(header(&pdf, "content-disposition").contains("%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf"));

        // Sent twice (a reload, a retry), one message.
        assert_eq!(attach(&app, &exhibitor, conversation, "file-2", ("报价单.pdf", PDF)).await.status, 200);
        assert_eq!(stored(&app).await, 2);
        let page = app.get_with(&format!("/messages/{conversation}"), &[("Cookie", &buyer)]).await.text();
        assert!(page.contains(&format!("{image}/preview")) && page.contains("报价单.pdf (PDF, 1 KB)"), "{page}");
    }

    async fn bad_files_are_refused_and_leave_nothing(app) {
        let Sides { buyer, exhibitor, conversation } = sides(&app).await;
        let refused = |response: Response| {
            let error: app::error::AppError = serde_json::from_slice(&response.body).expect("an error");
            (response.status, app::domain::form::field_errors(&error)[0].message.to_string())
        };
        let disguised = attach(&app, &buyer, conversation, "bad-1", ("invoice.pdf", b"<html>not a pdf</html>")).await;
        assert_eq!(refused(disguised), (400, "not_a_pdf".to_owned()), "neither an image nor a PDF");
        let scripted = [&PDF[..20], b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", &PDF[20..]].concat();
        assert_eq!(refused(attach(&app, &buyer, conversation, "bad-2", ("order.pdf", &scripted)).await), (400, "pdf_active_content".to_owned()));
        let cut = &PDF[..30];
        assert_eq!(refused(attach(&app, &buyer, conversation, "bad-3", ("order.pdf", cut)).await), (400, "not_a_pdf".to_owned()));
        let huge = [PDF, &vec![b' '; 10 * 1024 * 1024]].concat();
        assert_eq!(attach(&app, &buyer, conversation, "bad-4", ("big.pdf", &huge)).await.status, 413);
        // Named to read as "invoiceexe.pdf" while it ends in ".exe".
        assert_eq!(refused(attach(&app, &buyer, conversation, "bad-7", ("invoice\u{202E}fdp.exe", PDF)).await), (400, "hidden_character".to_owned()));
        let stranger = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        assert_eq!(attach(&app, &stranger, conversation, "bad-5", ("order.pdf", PDF)).await.status, 403);
        let blocked = app.post("/api/block_conversation", &[("Cookie", &exhibitor)], &format!("conversation={conversation}&blocked=true")).await;
        assert_eq!(blocked.status, 200);
        assert_eq!(attach(&app, &buyer, conversation, "bad-6", ("order.pdf", PDF)).await.status, 409);
        assert_eq!(stored(&app).await, 0, "no message");
        assert_eq!(files_stored(&app), 0, "no file");
    }
}
