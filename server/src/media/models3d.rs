//! Uploaded 3D models: glTF 2.0, as a binary `.glb` or as a `.gltf` JSON file. The type is
//! decided by the content; the JSON is parsed and must say version 2.0; every buffer and image
//! must be inside the file (a `.glb`'s own binary chunk, or `data:` URIs), since a model that
//! points at other files would break once stored on its own.

use app::error::ErrorCode;
use serde_json::Value;

/// Largest model accepted, in bytes.
pub const MAX_MODEL_BYTES: usize = 50 * 1024 * 1024;

/// Why a model is refused; each has a message code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelError {
    TooLarge,
    NotAModel,
    Corrupt,
    /// Refers to files outside itself.
    External,
}

impl ModelError {
    pub fn code(self) -> ErrorCode {
        match self {
            ModelError::TooLarge => ErrorCode::FileTooLarge,
            ModelError::NotAModel => ErrorCode::NotAModel,
            ModelError::Corrupt => ErrorCode::ModelCorrupt,
            ModelError::External => ErrorCode::ModelExternal,
        }
    }
}

/// The stored file's extension for an accepted model: `glb` or `gltf`.
pub fn check(bytes: &[u8]) -> Result<&'static str, ModelError> {
    if bytes.len() > MAX_MODEL_BYTES {
        return Err(ModelError::TooLarge);
    }
    if bytes.starts_with(b"glTF") {
        check_json(&glb_json(bytes)?, true, bytes.len())?;
        return Ok("glb");
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ModelError::NotAModel)?;
    let json: Value = serde_json::from_str(text).map_err(|_| ModelError::NotAModel)?;
    if json.get("asset").is_none() {
        return Err(ModelError::NotAModel);
    }
    check_json(&json, false, bytes.len())?;
    Ok("gltf")
}

/// The JSON chunk of a binary glTF, after checking its header: version 2, the stated length.
fn glb_json(bytes: &[u8]) -> Result<Value, ModelError> {
    let word = |at: usize| -> Result<u32, ModelError> {
        let slice = bytes.get(at..at + 4).ok_or(ModelError::Corrupt)?;
        Ok(u32::from_le_bytes(
            slice.try_into().map_err(|_| ModelError::Corrupt)?,
        ))
    };
    if word(4)? != 2 || word(8)? as usize != bytes.len() {
        return Err(ModelError::Corrupt);
    }
    let (length, kind) = (word(12)? as usize, word(16)?);
    if kind != u32::from_le_bytes(*b"JSON") {
        return Err(ModelError::Corrupt);
    }
    let chunk = bytes.get(20..20 + length).ok_or(ModelError::Corrupt)?;
    serde_json::from_slice(chunk).map_err(|_| ModelError::Corrupt)
}

/// Checks the version and that every buffer and image is inside the file of `file_bytes`:
/// so no buffer can be longer than the file, and buffers that declare more in all (which a
/// viewer would allocate for) make the model corrupt.
fn check_json(json: &Value, binary: bool, file_bytes: usize) -> Result<(), ModelError> {
    let version = json
        .pointer("/asset/version")
        .and_then(Value::as_str)
        .ok_or(ModelError::Corrupt)?;
    if version != "2.0" {
        return Err(ModelError::Corrupt);
    }
    let declared = json
        .get("buffers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|buffer| buffer.get("byteLength"))
        .try_fold(0u64, |sum, length| sum.checked_add(length.as_u64()?));
    if declared.is_none_or(|sum| sum > file_bytes as u64) {
        return Err(ModelError::Corrupt);
    }
    for list in ["buffers", "images"] {
        let entries = json
            .get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        for entry in entries {
            match entry.get("uri").and_then(Value::as_str) {
                Some(uri) if uri.starts_with("data:") => {}
                Some(_) => return Err(ModelError::External),
                // Without a URI: a .glb's binary chunk, or an image in a buffer view.
                None if binary || list == "images" => {}
                None => return Err(ModelError::Corrupt),
            }
        }
    }
    Ok(())
}

/// A one-triangle binary glTF, for tests and the demo.
pub fn triangle_glb() -> Vec<u8> {
    let positions: [f32; 9] = [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0];
    let binary: Vec<u8> = positions.iter().flat_map(|f| f.to_le_bytes()).collect();
    let json = serde_json::json!({
        "asset": { "version": "2.0" },
        "scene": 0,
        "scenes": [{ "nodes": [0] }],
        "nodes": [{ "mesh": 0 }],
        "meshes": [{ "primitives": [{ "attributes": { "POSITION": 0 } }] }],
        "buffers": [{ "byteLength": binary.len() }],
        "bufferViews": [{ "buffer": 0, "byteLength": binary.len() }],
        "accessors": [{
            "bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3",
            "min": [0.0, 0.0, 0.0], "max": [1.0, 1.0, 0.0]
        }]
    });
    let mut text = json.to_string().into_bytes();
    while !text.len().is_multiple_of(4) {
        text.push(b' ');
    }
    let total = 12 + 8 + text.len() + 8 + binary.len();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(b"glTF");
    out.extend_from_slice(&2u32.to_le_bytes());
    out.extend_from_slice(&(total as u32).to_le_bytes());
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(b"JSON");
    out.extend_from_slice(&text);
    out.extend_from_slice(&(binary.len() as u32).to_le_bytes());
    out.extend_from_slice(b"BIN\0");
    out.extend_from_slice(&binary);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_text_models_are_told_from_the_rest() {
        let glb = triangle_glb();
        assert_eq!(check(&glb), Ok("glb"));
        let gltf = br#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":4,"uri":"data:application/octet-stream;base64,AAAAAA=="}]}"#;
        assert_eq!(check(gltf), Ok("gltf"));
        let external =
            br#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":4,"uri":"lamp.bin"}]}"#;
        assert_eq!(check(external), Err(ModelError::External));
        assert_eq!(
            check(br#"{"asset":{"version":"1.0"}}"#),
            Err(ModelError::Corrupt)
        );
        assert_eq!(
            check(b"<html>not a model</html>"),
            Err(ModelError::NotAModel)
        );
        assert_eq!(check(&glb[..glb.len() - 4]), Err(ModelError::Corrupt));
        let mut wrong_version = glb.clone();
        wrong_version[4] = 1;
        assert_eq!(check(&wrong_version), Err(ModelError::Corrupt));
    }

    #[test]
    fn buffers_longer_than_the_file_are_refused() {
        let terabyte = br#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":1000000000000,"uri":"data:application/octet-stream;base64,AAAAAA=="}]}"#;
        assert_eq!(check(terabyte), Err(ModelError::Corrupt));
        let overflowing = br#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":18446744073709551615},{"byteLength":2}]}"#;
        assert_eq!(check(overflowing), Err(ModelError::Corrupt));
    }
}
