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
    /// Does not start as a PDF, or is cut short.
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
    if !sniff(bytes) || !contains(tail, b"%%EOF") {
        return Err(PdfError::NotAPdf);
    }
    if ACTIVE.iter().any(|name| contains(bytes, name)) {
        return Err(PdfError::ActiveContent);
    }
    Ok(())
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
}
