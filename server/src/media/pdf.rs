//! PDF files sent in conversations: a PDF by its content (the `%PDF-` header and an
//! end-of-file marker near the end), and none that carries active content a reader could run
//! (JavaScript, launch actions, embedded files).

use app::error::ErrorCode;

/// Names whose presence marks a PDF that can run something when opened.
const ACTIVE: [&[u8]; 5] = [
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"/EmbeddedFile",
    b"/RichMedia",
];

/// Why a file is not accepted as a PDF; each is a message code the interface translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// Does not start as a PDF, is cut short, or declares more than it holds (a stream
    /// longer than the file, more cross-reference entries than it has room for).
    NotAPdf,
    /// Carries JavaScript, a launch action or embedded files.
    ActiveContent,
}

impl PdfError {
    pub fn code(self) -> ErrorCode {
        match self {
            PdfError::NotAPdf => ErrorCode::NotAPdf,
            PdfError::ActiveContent => ErrorCode::PdfActiveContent,
        }
    }
}

/// Whether `bytes` start as a PDF (for telling it from an image before checking it).
pub fn sniff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Accepts a whole, passive PDF.
pub fn check(bytes: &[u8]) -> Result<(), PdfError> {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !sniff(bytes) || !contains(tail, b"%%EOF") || declares_more_than_it_holds(bytes) {
        return Err(PdfError::NotAPdf);
    }
    if ACTIVE.iter().any(|name| contains(bytes, name)) {
        return Err(PdfError::ActiveContent);
    }
    Ok(())
}

/// Whether a stream's `/Length` is longer than the whole file, or a cross-reference section
/// counts more entries (20 bytes each) than the file has bytes for: a reader trusting either
/// would allocate for what is not there. A length given by reference (`/Length 5 0 R`) names
/// an object, not a size, and is left to the reader.
fn declares_more_than_it_holds(bytes: &[u8]) -> bool {
    let numbers_after = |marker: &'static [u8]| {
        bytes
            .windows(marker.len())
            .enumerate()
            .filter(move |(_, window)| *window == marker)
            .map(move |(at, _)| {
                let mut words = bytes[at + marker.len()..]
                    .split(|b| b.is_ascii_whitespace())
                    .filter(|word| !word.is_empty());
                let mut number = || {
                    let word = words.next()?;
                    let mut digits = word.iter().take_while(|b| b.is_ascii_digit());
                    if word.first().is_none_or(|b| !b.is_ascii_digit()) {
                        return Some(None);
                    }
                    Some(digits.try_fold(0u64, |n, d| {
                        n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
                    }))
                };
                let (first, second) = (number().flatten(), number().flatten());
                let reference = words.next().is_some_and(|word| word.starts_with(b"R"));
                (first, second, reference)
            })
    };
    let len = bytes.len() as u64;
    let stream_too_long = numbers_after(b"/Length")
        .any(|(first, _, by_reference)| !by_reference && first.is_none_or(|n| n > len));
    let too_many_entries =
        numbers_after(b"xref").any(|(_, count, _)| count.is_some_and(|n| n > len / 20));
    stream_too_long || too_many_entries
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &[u8] =
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    #[test]
    fn a_whole_passive_pdf_is_accepted() {
        assert_eq!(check(MINIMAL), Ok(()));
    }

    #[test]
    fn other_files_cut_pdfs_and_active_content_are_refused() {
        assert_eq!(check(b"<html>%PDF-</html>"), Err(PdfError::NotAPdf));
        assert_eq!(check(&MINIMAL[..40]), Err(PdfError::NotAPdf));
        let scripted = [
            &MINIMAL[..20],
            b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>",
            &MINIMAL[20..],
        ]
        .concat();
        assert_eq!(check(&scripted), Err(PdfError::ActiveContent));
    }

    #[test]
    fn declarations_larger_than_the_file_are_refused() {
        let with = |object: &str| [&MINIMAL[..45], object.as_bytes(), &MINIMAL[45..]].concat();
        let stream = "2 0 obj << /Length 5 >>\nstream\nBT ET\nendstream\nendobj\n";
        assert_eq!(check(&with(stream)), Ok(()));
        let by_reference = "2 0 obj << /Length 3 0 R >>\nstream\nBT ET\nendstream\nendobj\n";
        assert_eq!(check(&with(by_reference)), Ok(()));
        let huge = stream.replace("/Length 5", "/Length 99999999999");
        assert_eq!(check(&with(&huge)), Err(PdfError::NotAPdf));
        let overflowing = stream.replace("/Length 5", "/Length 99999999999999999999999");
        assert_eq!(check(&with(&overflowing)), Err(PdfError::NotAPdf));
        assert_eq!(check(&with("xref\n0 2\n")), Ok(()));
        assert_eq!(check(&with("xref\n0 4294967295\n")), Err(PdfError::NotAPdf));
    }
}
