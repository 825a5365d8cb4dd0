//! Bulk product import: a table (from a CSV or XLSX file) whose first row names the columns
//! with the product form's field names, one product per following row. Rows are checked
//! with the editor's rules; a wrong row is reported and skipped, and a problem with the file
//! itself (no header, a missing column, too many rows) refuses the whole file.

use super::ImportId;
use super::product_edit::{PRODUCT_FIELDS, ProductForm, ValidProduct};
use super::translations::{MORE_LANGUAGES, Part};
use crate::error::ErrorCode;
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The most product rows one file may hold.
pub const IMPORT_ROWS_MAX: usize = 10_000;
/// The largest file accepted, in bytes.
pub const IMPORT_BYTES_MAX: usize = 20 * 1024 * 1024;
/// Columns a file must have.
pub const REQUIRED_COLUMNS: [&str; 6] = [
    "title_en",
    "price_min",
    "currency",
    "moq",
    "unit_en",
    "lead_time_days",
];

/// One problem in one row: the row's number as a spreadsheet shows it (the header is row 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub row: usize,
    pub field: String,
    pub code: ErrorCode,
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub id: ImportId,
    pub at: i64,
    pub file_name: String,
    pub created: i64,
    pub updated: i64,
    /// Rows skipped because they broke a rule.
    pub skipped: i64,
    pub errors: Vec<RowError>,
}

/// The rows that became products (with their row numbers), and the problems of the others.
pub type ReadTable = (Vec<(usize, ValidProduct)>, Vec<RowError>);

/// The form field each column of a header row names, if any.
fn columns(header: &[String]) -> Vec<Option<&'static str>> {
    header
        .iter()
        .map(|name| {
            let name = name
                .trim()
                .trim_start_matches('\u{feff}')
                .to_ascii_lowercase();
            PRODUCT_FIELDS.iter().copied().find(|field| *field == name)
        })
        .collect()
}

/// The titles and descriptions beyond English and Chinese that a table with this header row
/// has no column for: an update from it keeps what the product has there, so a spreadsheet
/// made before those columns existed, or with only some of them, loses nothing.
pub fn texts_left_out(header: &[String]) -> Vec<(Locale, Part)> {
    let columns = columns(header);
    MORE_LANGUAGES
        .into_iter()
        .flat_map(|locale| [(locale, Part::Title), (locale, Part::Description)])
        .filter(|(locale, part)| {
            let field = part.field(*locale);
            !columns.iter().flatten().any(|column| *column == field)
        })
        .collect()
}

/// The rows of a table that passed the rules, each with its row number, and the problems of
/// the others. `Err` is why a file cannot be imported at all (a missing column names it).
pub fn read_table(rows: Vec<Vec<String>>) -> Result<ReadTable, ErrorCode> {
    let mut rows = rows.into_iter();
    let header = rows.next().ok_or(ErrorCode::ImportEmpty)?;
    let columns = columns(&header);
    if let Some(missing) = REQUIRED_COLUMNS
        .iter()
        .find(|required| !columns.contains(&Some(**required)))
    {
        return Err(ErrorCode::ColumnMissing((*missing).to_owned()));
    }
    let mut valid = Vec::new();
    let mut errors = Vec::new();
    let mut skus: HashMap<String, usize> = HashMap::new();
    let mut count = 0;
    for (index, cells) in rows.enumerate() {
        if cells.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        count += 1;
        if count > IMPORT_ROWS_MAX {
            return Err(ErrorCode::ImportTooManyRows);
        }
        let row = index + 2;
        let mut form = ProductForm::default();
        for (column, cell) in columns.iter().zip(cells) {
            if let Some(field) = column.and_then(|name| form.field_mut(name)) {
                *field = cell;
            }
        }
        match form.validate() {
            Ok(product) => {
                let repeated = product
                    .sku
                    .as_ref()
                    .and_then(|sku| skus.insert(sku.clone(), row));
                match repeated {
                    Some(_) => errors.push(RowError {
                        row,
                        field: "sku".into(),
                        code: ErrorCode::SkuRepeated,
                    }),
                    None => valid.push((row, product)),
                }
            }
            Err(problems) => errors.extend(problems.into_iter().map(|problem| RowError {
                row,
                field: problem.field,
                code: problem.message,
            })),
        }
    }
    Ok((valid, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(|cell| cell.to_string()).collect())
            .collect()
    }

    const HEADER: &[&str] = &[
        "\u{feff}SKU",
        "title_en",
        "price_min",
        "currency",
        "moq",
        "unit_en",
        "lead_time_days",
        "colour",
    ];

    #[test]
    fn good_rows_pass_and_bad_ones_are_reported_by_row() {
        let rows = table(&[
            HEADER,
            &["A-1", "Lamp", "2.5", "USD", "100", "pieces", "20", "red"],
            &["", "", "", "", "", "", "", ""],
            &["A-2", "", "x", "USD", "100", "pieces", "20", ""],
            &["A-1", "Lamp again", "3", "EUR", "10", "sets", "5", ""],
            &["", "No SKU", "1", "CNY", "1", "pieces", "0", ""],
        ]);
        let (valid, errors) = read_table(rows).unwrap();
        let rows: Vec<usize> = valid.iter().map(|(row, _)| *row).collect();
        assert_eq!(rows, [2, 6]);
        assert_eq!(valid[0].1.price_min_cents, 250);
        let reported: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{}:{}", e.row, e.field, e.code))
            .collect();
        assert_eq!(
            reported,
            [
                "4:title_en:required",
                "4:price_min:price_invalid",
                "5:sku:sku_repeated"
            ]
        );
    }

    #[test]
    fn texts_in_more_languages_come_from_their_columns_and_the_others_are_kept() {
        let mut header = HEADER.to_vec();
        header.extend(["Title_FR", "description_ar"]);
        let rows = table(&[
            &header,
            &[
                "A-1",
                "Lamp",
                "2.5",
                "USD",
                "100",
                "pieces",
                "20",
                "",
                "Lampe",
                "مصباح مكتب",
            ],
        ]);
        assert_eq!(
            texts_left_out(&rows[0]),
            [
                (Locale::ar, Part::Title),
                (Locale::fr, Part::Description),
                (Locale::es, Part::Title),
                (Locale::es, Part::Description),
                (Locale::ru, Part::Title),
                (Locale::ru, Part::Description),
            ],
            "the French title and the Arabic description have a column"
        );
        let (valid, _) = read_table(rows).unwrap();
        let texts = &valid[0].1.translations;
        assert_eq!(texts.get(Locale::fr).title, "Lampe");
        assert_eq!(texts.get(Locale::ar).description, "مصباح مكتب");
        assert_eq!(texts_left_out(&table(&[HEADER])[0]).len(), 8);
    }

    #[test]
    fn a_file_without_its_columns_or_with_too_many_rows_is_refused() {
        let missing = table(&[&["title_en", "price_min"], &["Lamp", "1"]]);
        assert_eq!(
            read_table(missing).unwrap_err(),
            ErrorCode::ColumnMissing("currency".to_owned())
        );
        assert_eq!(read_table(Vec::new()).unwrap_err(), ErrorCode::ImportEmpty);
        let row: &[&str] = &["Lamp", "1", "USD", "1", "pieces", "1"];
        let mut rows = vec![REQUIRED_COLUMNS.to_vec()];
        rows.extend(std::iter::repeat_n(row.to_vec(), IMPORT_ROWS_MAX + 1));
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|r| r.into_iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(read_table(rows).unwrap_err(), ErrorCode::ImportTooManyRows);
    }
}
