//! 3D model uploads (`media::models3d::check`): a binary `.glb` or a `.gltf` JSON file. An
//! accepted `.glb` starts with its magic; an accepted `.gltf` is UTF-8 text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use server::media::models3d::check;

fuzz_target!(|data: &[u8]| {
    match check(data) {
        Ok("glb") => assert!(data.starts_with(b"glTF")),
        Ok(extension) => {
            assert_eq!(extension, "gltf");
            assert!(std::str::from_utf8(data).is_ok());
        }
        Err(_) => {}
    }
});
