//! Product imports as XLSX (`exhibitors::spreadsheet::read` → `workbook::read`). The first
//! byte picks how the rest is read: even, as the uploaded file itself (the archive checks,
//! then calamine); odd, as the parts of a workbook (its sheet, shared strings and workbook
//! XML, split by 0xFF bytes) that this harness packs into a valid archive first, so that
//! mutations reach calamine's XML reading instead of failing the archive's checksums. A
//! table read is within the row and column limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use server::exhibitors::spreadsheet::read;
use server::exhibitors::table::{COLUMNS_MAX, ROWS_MAX};
use std::io::{Cursor, Write};

const CONTENT_TYPES: &str = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
const WORKBOOK: &[u8] = br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Products" sheetId="1" r:id="rId1"/></sheets></workbook>"#;

/// A workbook archive of the given sheet, shared strings and workbook parts.
fn pack(parts: &[u8]) -> Vec<u8> {
    let mut parts = parts.split(|&b| b == 0xFF);
    let sheet = parts.next().unwrap_or_default();
    let shared = parts.next().unwrap_or_default();
    let workbook = parts.next().unwrap_or(WORKBOOK);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/sharedStrings.xml", shared),
        ("xl/worksheets/sheet1.xml", sheet),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let file = if mode % 2 == 0 {
        rest.to_vec()
    } else {
        pack(rest)
    };
    if let Ok(rows) = read(&file) {
        assert!(rows.len() <= ROWS_MAX);
        assert!(rows.iter().all(|row| row.len() <= COLUMNS_MAX));
    }
});
