//! Tables from uploaded files: an XLSX workbook's first sheet or a CSV file (UTF-8, with or
//! without a byte-order mark, comma or semicolon separated), as rows of cell texts. The type
//! is decided by the content: an XLSX file is a ZIP archive (`workbook`). Either is read
//! within the table's limits, whatever the file declares: at most `ROWS_MAX` rows and
//! `COLUMNS_MAX` columns are kept, so a file's memory is bounded by these, not by its content.

use super::table::{COLUMNS_MAX, ROWS_MAX, TableError};
use super::workbook;

/// The rows of the file's table. CPU-bound: call it through `gates::SPREADSHEETS`.
pub fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return workbook::read(bytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| TableError::NotATable)?;
    if text.contains('\0') {
        return Err(TableError::NotATable);
    }
    read_csv(text.trim_start_matches('\u{feff}'))
}

fn read_csv(text: &str) -> Result<Vec<Vec<String>>, TableError> {
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut rows = Vec::new();
    let records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .into_records();
    for record in records {
        let record = record.map_err(|_| TableError::Unreadable)?;
        if rows.len() == ROWS_MAX {
            return Err(TableError::TooManyRows);
        }
        if record.iter().skip(COLUMNS_MAX).any(|cell| !cell.is_empty()) {
            return Err(TableError::TooManyColumns);
        }
        rows.push(record.iter().take(COLUMNS_MAX).map(str::to_owned).collect());
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_a_mark_quotes_and_semicolons() {
        let rows =
            read("\u{feff}sku;title_en\n\"A;1\";\"Lamp, \"\"big\"\"\"\n".as_bytes()).unwrap();
        assert_eq!(rows, [["sku", "title_en"], ["A;1", "Lamp, \"big\""]]);
        assert_eq!(read(b"a,b\n1,2").unwrap()[1], ["1", "2"]);
        assert_eq!(read(&[0xff, 0xfe, 0x00]), Err(TableError::NotATable));
        assert_eq!(read(b"PK\x03\x04broken"), Err(TableError::Unreadable));
    }

    #[test]
    fn the_published_template_imports_as_it_is_in_every_language() {
        let template = include_bytes!("../../../public/product-import-template.csv");
        let (valid, errors) = app::domain::product_import::read_table(read(template).unwrap())
            .expect("the template's columns");
        assert_eq!(errors, []);
        let translations = &valid[0].1.translations;
        assert_eq!(translations.iter().count(), 4, "{translations:?}");
    }

    #[test]
    fn a_csv_is_kept_within_the_table_limits() {
        let wide = format!("a{}\n", ",".repeat(COLUMNS_MAX + 1000));
        let rows = read(wide.as_bytes()).unwrap();
        assert_eq!(rows[0].len(), COLUMNS_MAX);
        let too_wide = format!("a{}b\n", ",".repeat(COLUMNS_MAX));
        assert_eq!(read(too_wide.as_bytes()), Err(TableError::TooManyColumns));
        let long = "a,b\n".repeat(ROWS_MAX + 1);
        assert_eq!(read(long.as_bytes()), Err(TableError::TooManyRows));
        assert_eq!(
            read("a,b\n".repeat(ROWS_MAX).as_bytes()).unwrap().len(),
            ROWS_MAX
        );
    }
}
