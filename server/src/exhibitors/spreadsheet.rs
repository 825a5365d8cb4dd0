//! Tables from uploaded files: an XLSX workbook's first sheet or a CSV file (UTF-8, with or
//! without a byte-order mark, comma or semicolon separated), as rows of cell texts. The type
//! is decided by the content: an XLSX file is a ZIP archive.

use app::error::ErrorCode;

/// Why a file is not a table; each is a message code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableError {
    /// Neither an XLSX workbook nor UTF-8 text.
    NotATable,
    /// Looks like one but cannot be read.
    Unreadable,
}

impl TableError {
    pub fn code(self) -> ErrorCode {
        match self {
            TableError::NotATable => ErrorCode::ImportNotATable,
            TableError::Unreadable => ErrorCode::ImportUnreadable,
        }
    }
}

/// The rows of the file's table. CPU-bound: call it on the blocking pool.
pub fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes);
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
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|_| TableError::Unreadable)
        })
        .collect()
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    use calamine::{Data, Reader, Xlsx};
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|_| TableError::Unreadable)?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(TableError::Unreadable)?
        .map_err(|_| TableError::Unreadable)?;
    let text = |cell: &Data| match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        // Whole numbers typed in a cell come back as floats: 500.0 is "500".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    };
    Ok(range
        .rows()
        .map(|row| row.iter().map(text).collect())
        .collect())
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
}
