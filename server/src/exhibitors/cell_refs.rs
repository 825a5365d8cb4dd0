//! A worksheet's cell references, checked before calamine reads them. calamine turns `r="B…1"`
//! and `<dimension ref="…">` into numbers without a bound (a column of twenty letters
//! overflows, as does a dimension that ends before it starts), which panics where overflow
//! checks are on and wraps to a wrong cell where they are off. Excel's references are at most
//! three letters and seven digits (`XFD1048576`), so any other one is refused.

use super::table::TableError;
use std::io::Read;

/// Checks every cell, row and dimension reference in `part`, whatever the part: calamine finds
/// a sheet through the workbook's relationships and reads these elements wherever they stand.
/// Reading stops where the XML breaks (an image, say), as calamine's reader, configured the
/// same way here, stops there too.
pub fn check(part: &mut impl Read) -> Result<(), TableError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let element = match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element) | Event::Empty(element)) => element,
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => continue,
        };
        let (attribute, fits): (&str, fn(&[u8]) -> bool) = match element.local_name().as_ref() {
            "c" => ("r", |value| cell(value).is_some()),
            "row" => ("r", |value| number(value, 7).is_some()),
            "dimension" => ("ref", dimension),
            _ => continue,
        };
        for found in element.attributes() {
            let found = found.map_err(|_| TableError::Unreadable)?;
            if found.key.local_name().as_ref() == attribute && !fits(found.value.as_bytes()) {
                return Err(TableError::Unreadable);
            }
        }
    }
}

/// A cell reference's column and row numbers: one to three letters, then one to seven digits.
fn cell(value: &[u8]) -> Option<(u32, u32)> {
    let letters = value.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if !(1..=3).contains(&letters) {
        return None;
    }
    let column = value[..letters].iter().fold(0u32, |column, letter| {
        column * 26 + u32::from(letter.to_ascii_uppercase() - b'A') + 1
    });
    Some((column, number(&value[letters..], 7)?))
}

/// One to `digits` decimal digits as a number.
fn number(value: &[u8], digits: usize) -> Option<u32> {
    if value.is_empty() || value.len() > digits || !value.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(value).ok()?.parse().ok()
}

/// A dimension: a cell, or two cells of which the second is not before the first.
fn dimension(value: &[u8]) -> bool {
    let mut corners = value.split(|&b| b == b':');
    match (
        corners.next().and_then(cell),
        corners.next().map(cell),
        corners.next(),
    ) {
        (Some(_), None, None) => true,
        (Some((left, top)), Some(Some((right, bottom))), None) => left <= right && top <= bottom,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(inside: &str) -> Result<(), TableError> {
        let xml = format!(
            r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{inside}</worksheet>"#
        );
        check(&mut xml.as_bytes())
    }

    #[test]
    fn excel_references_pass_and_absurd_ones_are_refused() {
        let fine = r#"<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576"><c r="xfd1048576"><v>1</v></c></row></sheetData>"#;
        assert_eq!(sheet(fine), Ok(()));
        for refused in [
            r#"<sheetData><row r="1"><c r="Bzzzzzzzzzzzzzzzz1"><v>1</v></c></row></sheetData>"#,
            r#"<sheetData><row r="99999999999"><c r="A1"/></row></sheetData>"#,
            r#"<sheetData><row r="1"><c r="A"/></row></sheetData>"#,
            r#"<dimension ref="B2:A1"/>"#,
            r#"<dimension ref="A1:B2:C3"/>"#,
        ] {
            assert_eq!(sheet(refused), Err(TableError::Unreadable), "{refused}");
        }
    }

    #[test]
    fn references_are_checked_wherever_they_stand() {
        // Found by the xlsx fuzz target: no worksheet element, and calamine read the cells.
        let rootless = r#"!worksheet<sheetData><row r="1"><c r="Bzzzzzzzzzzzzzzzz1"/></row>"#;
        assert_eq!(check(&mut rootless.as_bytes()), Err(TableError::Unreadable));
        let image = b"\x89PNG\r\n\x1a\n\0\0<\0\xff</\xfe";
        assert_eq!(check(&mut &image[..]), Ok(()));
    }
}
