//! A table as the import reads it from a file: its limits, and why a file is not one. Shared
//! by the CSV reader (`spreadsheet`) and the XLSX reader (`workbook`).

use app::domain::product_import::IMPORT_ROWS_MAX;
use app::error::ErrorCode;

/// The most rows a table may have, its header and blank rows between products included.
pub const ROWS_MAX: usize = 2 * IMPORT_ROWS_MAX + 1;
/// The most columns a table may have (the product form has fewer than 40 fields).
pub const COLUMNS_MAX: usize = 64;

/// Why a file is not a table; each is a message code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableError {
    /// Neither an XLSX workbook nor UTF-8 text.
    NotATable,
    /// Looks like one but cannot be read.
    Unreadable,
    /// More than `ROWS_MAX` rows.
    TooManyRows,
    /// A value beyond the `COLUMNS_MAX`th column.
    TooManyColumns,
    /// A workbook that unpacks to more than `workbook::UNPACKED_BYTES_MAX`.
    UnpacksTooLarge,
}

impl TableError {
    pub fn code(self) -> ErrorCode {
        match self {
            TableError::NotATable => ErrorCode::ImportNotATable,
            TableError::Unreadable => ErrorCode::ImportUnreadable,
            TableError::TooManyRows => ErrorCode::ImportTooManyRows,
            TableError::TooManyColumns => ErrorCode::ImportTooManyColumns,
            TableError::UnpacksTooLarge => ErrorCode::ImportUnpacksTooLarge,
        }
    }
}
