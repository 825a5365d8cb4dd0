//! Image uploads (`media::imaging::process`): the type by content, the decoding limits and the
//! re-encoding, for each kind of upload (the first byte picks it). An accepted image fits its
//! kind's largest side and comes back as the kind's format, with each thumbnail.
#![no_main]

use libfuzzer_sys::fuzz_target;
use server::media::imaging::{ImageKind, process, sniff};

const KINDS: [ImageKind; 4] = [
    ImageKind::Logo,
    ImageKind::ProductPhoto,
    ImageKind::Banner,
    ImageKind::Attachment,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let kind = KINDS[usize::from(pick) % KINDS.len()];
    let Ok(image) = process(bytes, kind) else {
        return;
    };
    let side = kind.largest_side();
    assert!(image.width <= side && image.height <= side);
    assert!(sniff(&image.bytes).is_some());
    let sides: Vec<u32> = image.thumbnails.iter().map(|(side, _)| *side).collect();
    assert_eq!(sides, kind.thumbnail_sides());
    assert!(image.thumbnails.iter().all(|(_, t)| sniff(t).is_some()));
});
