//! Video uploads before ffmpeg (`media::video`): the container told by the first bytes, as the
//! upload handler tells it from the streamed file's head (`multipart::HEAD_BYTES`), and the
//! arguments ffmpeg would get for it. ffmpeg itself is not run here.
#![no_main]

use libfuzzer_sys::fuzz_target;
use server::http::multipart::HEAD_BYTES;
use server::media::video::{poster_args, sniff};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let container = sniff(data);
    assert_eq!(container, sniff(&data[..data.len().min(HEAD_BYTES)]));
    let Some(container) = container else {
        return;
    };
    let args = poster_args(Path::new("/staging/.upload.part"), container, "1");
    let after = |flag: &str| {
        args.windows(2)
            .find(|pair| pair[0] == flag)
            .map(|pair| pair[1].as_str())
    };
    assert!(matches!(after("-f"), Some("mov" | "matroska")));
    assert_eq!(after("-protocol_whitelist"), Some("file"));
    assert_eq!(after("-i"), Some("file:/staging/.upload.part"));
});
