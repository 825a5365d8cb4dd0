//! Uploaded videos: MP4 or WebM as decided by the file's first bytes, then opened with
//! ffmpeg (Debian's package), which must decode a frame: that frame, a second in (or the
//! first one of a shorter video), becomes the poster buyers see before pressing play. The
//! video itself is kept as sent, so that browsers stream it with range requests.

use app::error::ErrorCode;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

/// Largest video accepted, in bytes.
pub const MAX_VIDEO_BYTES: usize = 200 * 1024 * 1024;

/// Why a video is refused; each has a message code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VideoError {
    TooLarge,
    NotAVideo,
    /// Starts like a video but no frame decodes.
    Corrupt,
    /// ffmpeg is not installed or did not answer in time.
    Unavailable,
}

impl VideoError {
    pub fn code(self) -> ErrorCode {
        match self {
            VideoError::TooLarge => ErrorCode::FileTooLarge,
            VideoError::NotAVideo => ErrorCode::NotAVideo,
            VideoError::Corrupt => ErrorCode::VideoCorrupt,
            VideoError::Unavailable => ErrorCode::VideoUnavailable,
        }
    }
}

/// The container by its magic bytes: `mp4` (an ISO base media file, not QuickTime) or `webm`.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.get(4..8) == Some(b"ftyp") && bytes.get(8..12) != Some(b"qt  ") {
        return Some("mp4");
    }
    let head = &bytes[..bytes.len().min(64)];
    if head.starts_with(&[0x1a, 0x45, 0xdf, 0xa3]) && head.windows(4).any(|w| w == b"webm") {
        return Some("webm");
    }
    None
}

/// A frame of the video in `file` as PNG bytes, a second in or else the first.
pub async fn poster_frame(file: &Path) -> Result<Vec<u8>, VideoError> {
    for offset in ["1", "0"] {
        let frame = ffmpeg(&[
            "-v",
            "error",
            "-ss",
            offset,
            "-i",
            &file.to_string_lossy(),
            "-frames:v",
            "1",
            "-f",
            "image2pipe",
            "-c:v",
            "png",
            "-",
        ])
        .await?;
        if !frame.is_empty() {
            return Ok(frame);
        }
    }
    Err(VideoError::Corrupt)
}

/// ffmpeg's standard output; an empty one when it failed on the file.
async fn ffmpeg(args: &[&str]) -> Result<Vec<u8>, VideoError> {
    let child = tokio::process::Command::new("ffmpeg")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|_| VideoError::Unavailable)?;
    let output = tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
        .await
        .map_err(|_| VideoError::Unavailable)?
        .map_err(|_| VideoError::Unavailable)?;
    Ok(if output.status.success() {
        output.stdout
    } else {
        Vec::new()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers_are_told_by_their_first_bytes() {
        assert_eq!(sniff(b"\0\0\0\x20ftypisom\0\0\x02\0"), Some("mp4"));
        assert_eq!(sniff(b"\0\0\0\x14ftypqt  \0\0\0\0"), None);
        let webm = [
            &[0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84][..],
            b"webm",
        ]
        .concat();
        assert_eq!(sniff(&webm), Some("webm"));
        assert_eq!(sniff(b"<html>"), None);
    }
}
