//! Hostile input, the start of the suite: workbooks whose declarations would make a parser
//! allocate terabytes, and bodies over the server's limit. Each answers 4xx with its reason,
//! imports nothing, and the server goes on answering.

use crate::imports::{import, products_of};
use crate::support;
use server::demo::accounts::EXHIBITOR;
use std::io::{Read, Write};
use support::TestApp;

/// A two-cell workbook whose second cell sits at the last address a sheet has, XFD1048576:
/// read as a range, the sheet is 17 billion cells.
fn far_cell_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "title_en").unwrap();
    sheet.write_string(1_048_575, 16_383, "far").unwrap();
    book.save_to_buffer().unwrap()
}

/// A small workbook whose shared strings declare a trillion entries.
fn string_count_bomb() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "title_en").unwrap();
    let original = book.save_to_buffer().unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(original)).unwrap();
    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut text = String::new();
        part.read_to_string(&mut text).unwrap();
        if name.ends_with("sharedStrings.xml") {
            let start = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = start + text[start..].find('"').unwrap();
            text.replace_range(start..end, "1000000000000");
        }
        bomb.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        bomb.write_all(text.as_bytes()).unwrap();
    }
    bomb.finish().unwrap().into_inner()
}

async fn still_serving(app: &TestApp) {
    assert_eq!(app.get("/healthz").await.status, 200);
}

on_both_engines! { mod hostile; support::spawn_app;

    async fn workbooks_that_declare_too_much_are_refused_before_parsing(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let cookie = [("Cookie", owner.as_str())];
        let before = products_of(&app, 1).await;

        let far = far_cell_workbook();
        assert!(far.len() < 8 * 1024, "{} bytes", far.len());
        let answer = import(&app, &cookie, 1, "far.xlsx", &far).await;
        assert_eq!(answer.status, 400, "{}", answer.text());
        assert!(answer.text().contains("import_too_many_rows"), "{}", answer.text());
        still_serving(&app).await;

        let bomb = string_count_bomb();
        assert!(bomb.len() < 8 * 1024, "{} bytes", bomb.len());
        let answer = import(&app, &cookie, 1, "strings.xlsx", &bomb).await;
        assert_eq!(answer.status, 400, "{}", answer.text());
        assert!(answer.text().contains("import_unreadable"), "{}", answer.text());
        still_serving(&app).await;
        assert_eq!(products_of(&app, 1).await, before, "nothing imported");
    }

    async fn a_body_over_the_limit_is_413_not_503(app) {
        let form = format!("email=a%40example.com&password={}", "x".repeat(3 * 1024 * 1024));
        let answer = app.post("/api/log_in", &[], &form).await;
        assert_eq!(answer.status, 413, "{}", answer.text());
        assert!(answer.text().contains("request_too_large"), "{}", answer.text());
        still_serving(&app).await;
    }
}
