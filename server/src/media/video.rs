//! Uploaded videos: MP4 or WebM as decided by the file's first bytes, then opened with
//! ffmpeg (Debian's package), held to that container's demuxer, local files, one thread and
//! limits of memory, CPU, time and output (`poster_args`, `ffmpeg`), which must decode a
//! frame: that frame, a second in (or the first one of a shorter video), becomes the poster
//! buyers see before pressing play. The video itself is kept as sent, so that browsers stream
//! it with range requests.

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

/// The largest poster frame ffmpeg may write, in pixels a side (larger videos are scaled down
/// as the frame is taken, so any size of video gets a poster within the image limits).
const POSTER_SIDE: u32 = 1920;
/// Bytes of poster frame read from ffmpeg at most (a 1920 × 1920 PNG is far below it).
const POSTER_BYTES_MAX: u64 = 32 * 1024 * 1024;
/// Address space ffmpeg may map, and seconds of CPU it may use, per run.
const FFMPEG_MEMORY: &str = "--as=1073741824";
const FFMPEG_CPU: &str = "--cpu=30";
/// Wall-clock time per run.
const FFMPEG_WALL: Duration = Duration::from_secs(60);

/// A frame of the video in `file`, whose first bytes said `container` (`mp4` or `webm`), as
/// PNG bytes: a second in, or else the first.
pub async fn poster_frame(file: &Path, container: &'static str) -> Result<Vec<u8>, VideoError> {
    for offset in ["1", "0"] {
        let frame = ffmpeg(&poster_args(file, container, offset)).await?;
        if !frame.is_empty() {
            return Ok(frame);
        }
    }
    Err(VideoError::Corrupt)
}

/// ffmpeg's arguments for one poster frame. What the file may make ffmpeg do is held to the
/// least: the demuxer of the container we detected (never ffmpeg's own guess, which would open
/// playlists, image sequences or other formats in disguise), only the `file` protocol (so no
/// reference inside the file reaches the network or another file by another protocol), one
/// thread, and a frame scaled to at most [`POSTER_SIDE`] a side.
pub fn poster_args(file: &Path, container: &'static str, offset: &str) -> Vec<String> {
    let demuxer = match container {
        "webm" => "matroska",
        _ => "mov",
    };
    let scale = format!(
        "scale=w='min({POSTER_SIDE},iw)':h='min({POSTER_SIDE},ih)':force_original_aspect_ratio=decrease"
    );
    [
        "-nostdin",
        "-v",
        "error",
        "-threads",
        "1",
        "-filter_threads",
        "1",
        "-protocol_whitelist",
        "file",
        "-f",
        demuxer,
        "-ss",
        offset,
        "-i",
        &format!("file:{}", file.display()),
        "-frames:v",
        "1",
        "-vf",
        &scale,
        "-threads",
        "1",
        "-f",
        "image2pipe",
        "-c:v",
        "png",
        "-",
    ]
    .iter()
    .map(|arg| (*arg).to_owned())
    .collect()
}

/// ffmpeg's standard output, up to [`POSTER_BYTES_MAX`]; an empty one when it failed on the
/// file or wrote more. It runs under `prlimit` (util-linux) with [`FFMPEG_MEMORY`] of address
/// space and [`FFMPEG_CPU`], and is killed after [`FFMPEG_WALL`].
async fn ffmpeg(args: &[String]) -> Result<Vec<u8>, VideoError> {
    use tokio::io::AsyncReadExt;
    let mut child = tokio::process::Command::new("prlimit")
        .args([FFMPEG_MEMORY, FFMPEG_CPU, "--", "ffmpeg"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|_| VideoError::Unavailable)?;
    let mut stdout = child.stdout.take().ok_or(VideoError::Unavailable)?;
    let run = async {
        let mut frame = Vec::new();
        (&mut stdout)
            .take(POSTER_BYTES_MAX + 1)
            .read_to_end(&mut frame)
            .await
            .map_err(|_| VideoError::Unavailable)?;
        if frame.len() as u64 > POSTER_BYTES_MAX {
            let _ = child.kill().await;
            return Ok(Vec::new());
        }
        let status = child.wait().await.map_err(|_| VideoError::Unavailable)?;
        Ok(if status.success() { frame } else { Vec::new() })
    };
    tokio::time::timeout(FFMPEG_WALL, run)
        .await
        .map_err(|_| VideoError::Unavailable)?
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

    #[test]
    fn ffmpeg_is_held_to_the_detected_container_and_local_files() {
        let args = poster_args(Path::new("/media/x.webm"), "webm", "1").join(" ");
        for held in [
            "-f matroska -ss 1 -i file:/media/x.webm",
            "-protocol_whitelist file",
            "-threads 1",
            "-nostdin",
        ] {
            assert!(args.contains(held), "{held} in {args}");
        }
        assert!(
            poster_args(Path::new("/m/y.mp4"), "mp4", "0")
                .join(" ")
                .contains("-f mov -ss 0 -i file:/m/y.mp4")
        );
        assert!(
            args.contains("min(1920,iw)") && args.contains("min(1920,ih)"),
            "{args}"
        );
    }
}
