//! PDFs sent in conversations (`media::pdf::check`): whole and passive, by content. An
//! accepted file starts as a PDF and names none of the active features.
#![no_main]

use libfuzzer_sys::fuzz_target;
use server::media::pdf::{check, sniff};

fuzz_target!(|data: &[u8]| {
    if check(data).is_ok() {
        assert!(sniff(data));
        for active in [&b"/JavaScript"[..], b"/JS", b"/Launch", b"/EmbeddedFile"] {
            assert!(!data.windows(active.len()).any(|w| w == active));
        }
    }
});
