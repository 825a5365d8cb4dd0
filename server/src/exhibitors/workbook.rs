//! An XLSX workbook's first sheet, read without trusting what the file declares. A workbook is
//! a ZIP archive of XML parts, and its numbers decide what a parser allocates: a sheet's cell
//! addresses (`XFD1048576`), the shared strings' `uniqueCount`, each part's unpacked size. A
//! two-kilobyte file can declare terabytes. So, before calamine opens the file, every part is
//! unpacked once into nothing, counting its bytes against our own limit, and the shared
//! strings' declared count is checked against what their part can hold, and a worksheet's
//! cell references must be Excel's (`cell_refs`); then the sheet is
//! read cell by cell (never as a range sized by its addresses), keeping only the rows and
//! columns within the table's limits.

use super::cell_refs;
use super::table::{COLUMNS_MAX, ROWS_MAX, TableError};
use calamine::{Data, Reader, Xlsx};
use std::io::{Cursor, Read};

/// The most the parts of a workbook may unpack to, together.
pub const UNPACKED_BYTES_MAX: u64 = 80 * 1024 * 1024;
/// The most parts a workbook may have (a real one has a dozen or two).
const PARTS_MAX: usize = 1000;
/// The most distinct strings a workbook may declare: every cell of the largest table.
const STRINGS_MAX: u64 = (ROWS_MAX * COLUMNS_MAX) as u64;
/// The shortest a shared string's XML can be (`<si/>`).
const SHORTEST_STRING_BYTES: u64 = 5;

/// The first sheet's rows of cell texts.
pub fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    check_archive(bytes)?;
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| TableError::Unreadable)?;
    let first = workbook
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(TableError::Unreadable)?;
    let mut cells = workbook
        .worksheet_cells_reader(&first)
        .map_err(|_| TableError::Unreadable)?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|_| TableError::Unreadable)? {
        let text = text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            // Formatting alone makes no row: styled but empty cells often reach row 1,048,576.
            continue;
        }
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        if row >= ROWS_MAX {
            return Err(TableError::TooManyRows);
        }
        if column >= COLUMNS_MAX {
            return Err(TableError::TooManyColumns);
        }
        if rows.len() <= row {
            rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut rows[row];
        if cells.len() <= column {
            cells.resize_with(column + 1, String::new);
        }
        cells[column] = text;
    }
    Ok(rows)
}

/// A cell as the import reads it.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        // Whole numbers typed in a cell come back as floats: 500.0 is "500".
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// Unpacks every part into nothing, refusing the archive once the total passes
/// `UNPACKED_BYTES_MAX` (whatever the parts declare), and checks the shared strings' count;
/// then reads the cell references in every part (the total now known to be bounded).
fn check_archive(bytes: &[u8]) -> Result<(), TableError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| TableError::Unreadable)?;
    if archive.len() > PARTS_MAX {
        return Err(TableError::Unreadable);
    }
    let mut unpacked = 0u64;
    for index in 0..archive.len() {
        let mut part = archive
            .by_index(index)
            .map_err(|_| TableError::Unreadable)?;
        let shared_strings = part
            .name()
            .map_err(|_| TableError::Unreadable)?
            .ends_with("sharedStrings.xml");
        let room = UNPACKED_BYTES_MAX - unpacked;
        let mut counted = Counted {
            inner: (&mut part).take(room + 1),
            bytes: 0,
        };
        let declared = if shared_strings {
            declared_strings(&mut counted)?
        } else {
            0
        };
        std::io::copy(&mut counted, &mut std::io::sink()).map_err(|_| TableError::Unreadable)?;
        if counted.bytes > room {
            return Err(TableError::UnpacksTooLarge);
        }
        unpacked += counted.bytes;
        if declared > STRINGS_MAX || declared > counted.bytes / SHORTEST_STRING_BYTES {
            return Err(TableError::Unreadable);
        }
    }
    // Whatever its name: the workbook's relationships, not the name, make a part its sheet.
    for index in 0..archive.len() {
        let part = archive
            .by_index(index)
            .map_err(|_| TableError::Unreadable)?;
        cell_refs::check(&mut part.take(UNPACKED_BYTES_MAX))?;
    }
    Ok(())
}

/// A reader that counts what passes through it.
struct Counted<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.bytes += read as u64;
        Ok(read)
    }
}

/// The number of strings the shared strings' `<sst>` element declares in `uniqueCount`, which
/// calamine reserves room for (0 without it). A value that is not a plain number is refused
/// rather than guessed at.
fn declared_strings(part: &mut impl Read) -> Result<u64, TableError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element)) | Ok(Event::Empty(element))
                if element.local_name().as_ref() == "sst" =>
            {
                let Some(count) = element
                    .try_get_attribute("uniqueCount")
                    .map_err(|_| TableError::Unreadable)?
                else {
                    return Ok(0);
                };
                return count
                    .value
                    .parse::<u64>()
                    .map_err(|_| TableError::Unreadable);
            }
            Ok(Event::Eof) => return Ok(0),
            Err(_) => return Err(TableError::Unreadable),
            Ok(_) if reader.buffer_position() > 64 * 1024 => return Err(TableError::Unreadable),
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A workbook of one sheet with `cells` (as `<c>` elements) and `shared` strings,
    /// the sheet optionally padded with `padding` bytes of spaces.
    fn workbook(cells: &str, shared: &str, padding: usize) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(padding > 0);
        let mut part = |name: &str, text: &str| {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        };
        part(
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
        );
        part(
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        );
        part(
            "xl/workbook.xml",
            r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Products" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        );
        part(
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        );
        part("xl/sharedStrings.xml", shared);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        zip.write_all(br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).unwrap();
        let spaces = vec![b' '; 1024 * 1024];
        for _ in 0..padding / spaces.len() {
            zip.write_all(&spaces).unwrap();
        }
        zip.write_all(format!("{cells}</sheetData></worksheet>").as_bytes())
            .unwrap();
        zip.finish().unwrap().into_inner()
    }

    const SHARED: &str = r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>sku</t></si><si><t>A-1</t></si></sst>"#;

    #[test]
    fn a_plain_workbook_reads_cell_by_cell() {
        let cells = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>500</v></c></row><row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" s="1"/></row>"#;
        let rows = read(&workbook(cells, SHARED, 0)).unwrap();
        assert_eq!(rows, vec![vec!["sku", "", "500"], vec![], vec!["", "A-1"]]);
    }

    #[test]
    fn a_far_address_is_refused_before_anything_is_allocated() {
        // Read as a range, this one cell would be a grid of 17 billion.
        let far = r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
        let bytes = workbook(far, SHARED, 0);
        assert!(bytes.len() < 4096);
        assert_eq!(read(&bytes), Err(TableError::TooManyRows));
        let wide = r#"<row r="1"><c r="XFD1"><v>1</v></c></row>"#;
        assert_eq!(
            read(&workbook(wide, SHARED, 0)),
            Err(TableError::TooManyColumns)
        );
        // Styled cells without a value make no rows, however far they reach.
        let styled = r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>"#;
        assert_eq!(read(&workbook(styled, SHARED, 0)).unwrap().len(), 1);
    }

    #[test]
    fn a_reference_calamine_cannot_count_is_refused() {
        // Found by the xlsx fuzz target: calamine's column arithmetic overflowed.
        let long =
            r#"<row r="1"><c r="A1"><v>1</v></c><c r="Bzzzzzzzzzzzzzzzz1"><v>2</v></c></row>"#;
        assert_eq!(
            read(&workbook(long, SHARED, 0)),
            Err(TableError::Unreadable)
        );
    }

    #[test]
    fn a_declared_count_of_strings_beyond_the_part_is_refused() {
        for count in ["1000000000000", "99999999999999999999999", "-1", "lots"] {
            let shared = SHARED.replace(r#"uniqueCount="2""#, &format!(r#"uniqueCount="{count}""#));
            let bytes = workbook(r#"<row r="1"><c r="A1"><v>1</v></c></row>"#, &shared, 0);
            assert!(bytes.len() < 4096);
            assert_eq!(read(&bytes), Err(TableError::Unreadable), "{count}");
        }
    }

    #[test]
    fn a_workbook_that_unpacks_beyond_the_limit_is_refused() {
        let padding = UNPACKED_BYTES_MAX as usize + 1024 * 1024;
        let bytes = workbook(
            r#"<row r="1"><c r="A1"><v>1</v></c></row>"#,
            SHARED,
            padding,
        );
        assert!(bytes.len() < 1024 * 1024, "{} bytes packed", bytes.len());
        assert_eq!(read(&bytes), Err(TableError::UnpacksTooLarge));
    }
}
