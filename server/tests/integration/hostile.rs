//! Hostile input, the start of the suite: workbooks whose declarations would make a parser
//! allocate terabytes, bodies over the server's limit, and names and texts with control or
//! direction characters that would make them read as something else. Each answers 4xx with
//! its reason, stores nothing, and the server goes on answering.

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

    async fn names_and_texts_with_hidden_characters_are_refused(app) {
        // U+202E (right-to-left override), a line break, a NUL and U+2066 (an isolate).
        for name in ["Ana%E2%80%AELima", "Ana%0ALima", "Ana%00", "Ana%E2%81%A6Lima"] {
            let form = format!(
                "form[email]=hidden%40example.com&form[password]=correct+horse+battery\
                 &form[name]={name}&form[company]=Lima&form[country]=BR&form[business_type]=importer"
            );
            let answer = app.post("/api/register", &[], &form).await;
            assert_eq!(answer.status, 400, "{name}: {}", answer.text());
            assert!(answer.text().contains("hidden_character"), "{name}: {}", answer.text());
        }
        let no_account = app.post("/api/log_in", &[], "email=hidden%40example.com&password=correct+horse+battery").await;
        assert_eq!(no_account.status, 401, "no account was made");
        // Right-to-left writing itself is welcome, marks included.
        let arabic = "form[email]=arabic%40example.com&form[password]=correct+horse+battery\
            &form[name]=%D9%86%D9%88%D8%B1%E2%80%8F&form[company]=Lima&form[country]=EG&form[business_type]=importer";
        let answer = app.post("/api/register", &[], arabic).await;
        assert_eq!(answer.status, 200, "{}", answer.text());

        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let before = products_of(&app, 1).await;
        let product = |title: &str| format!(
            "exhibitor=1&form[title_en]={title}&form[title_zh]=&form[description_en]=Bright\
             &form[specs]=Material%3A+steel&form[price_min]=7.00&form[price_max]=7.00\
             &form[currency]=USD&form[moq]=100&form[unit_en]=pieces&form[lead_time_days]=20\
             &form[hs_code]=9405.40"
        );
        for title in ["LED%E2%80%AElamp", "LED%0Alamp", "LED%1Blamp"] {
            let answer = app.post("/api/save_product", &[("Cookie", &owner)], &product(title)).await;
            assert_eq!(answer.status, 400, "{title}: {}", answer.text());
            assert!(answer.text().contains("hidden_character"), "{title}: {}", answer.text());
        }
        assert_eq!(products_of(&app, 1).await, before, "no product saved");
        still_serving(&app).await;
    }
}
