//! A WebRTC connection made from an SDP offer: a publisher's (WHIP) or a viewer's (WHEP),
//! answered by str0m with only what every encoder and browser we serve speaks and what the
//! stream's recording can keep: H.264 in packetization mode 1 (constrained baseline 3.1 in
//! the answer; encoders that send Main under it, as OBS does, are decoded all the same) and
//! Opus. A video line offering neither is answered with port 0 by str0m, which is how a
//! browser without an H.264 encoder shows: that is refused, with the reason.

use app::error::{AppError, ErrorCode};
use std::net::SocketAddr;
use std::time::Instant;
use str0m::change::SdpOffer;
use str0m::media::{MediaKind, Mid};
use str0m::{Candidate, Rtc};

/// The longest offer taken, in bytes (OBS sends about 2 KB, a browser about 6 KB).
pub const OFFER_BYTES_MAX: usize = 16 * 1024;

/// The H.264 payload types our answer names when an offer leaves the choice to us.
const H264_PT: u8 = 108;
const H264_RTX_PT: u8 = 109;
/// Constrained baseline, level 3.1.
const H264_PROFILE_LEVEL: u32 = 0x42e01f;

/// A connection ready to run, and the media lines it carries.
pub struct Connection {
    pub rtc: Rtc,
    pub mids: Vec<(Mid, MediaKind)>,
}

/// A connection and the answer to send its peer.
pub struct Negotiated {
    pub connection: Connection,
    pub answer: String,
}

/// Answers `offer` for a peer that reaches us at `local`.
pub fn negotiate(local: SocketAddr, offer: &[u8]) -> Result<Negotiated, AppError> {
    if offer.len() > OFFER_BYTES_MAX {
        return Err(AppError::invalid("offer", ErrorCode::RequestTooLarge));
    }
    let malformed = || AppError::invalid("offer", ErrorCode::SdpMalformed);
    let text = std::str::from_utf8(offer).map_err(|_| malformed())?;
    let parsed = SdpOffer::from_sdp_string(text).map_err(|_| malformed())?;
    let mut builder = Rtc::builder().clear_codecs().enable_opus(true, false);
    builder.codec_config().add_h264(
        H264_PT.into(),
        Some(H264_RTX_PT.into()),
        true,
        H264_PROFILE_LEVEL,
    );
    let mut rtc = builder.build(Instant::now());
    let candidate = Candidate::host(local, "udp").map_err(AppError::internal)?;
    rtc.add_local_candidate(candidate);
    let answer = rtc
        .sdp_api()
        .accept_offer(parsed)
        .map_err(|_| malformed())?;
    // The media lines str0m kept (a rejected one is there, disabled). `MediaAdded` only comes
    // once the connection is up, so they are read here, by the offer's mids.
    let mids: Vec<(Mid, MediaKind)> = text
        .lines()
        .filter_map(|line| line.trim_end().strip_prefix("a=mid:"))
        .map(Mid::from)
        .filter_map(|mid| {
            let media = rtc.media(mid).filter(|media| !media.disabled())?;
            Some((mid, media.kind()))
        })
        .collect();
    if !mids.iter().any(|(_, kind)| *kind == MediaKind::Video) {
        return Err(AppError::invalid("offer", ErrorCode::CodecUnsupported));
    }
    Ok(Negotiated {
        connection: Connection { rtc, mids },
        answer: answer.to_sdp_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An offer shaped as OBS 30 sends it (libdatachannel: session-level ICE and DTLS, no
    /// candidates, Opus 111 and H.264 96).
    pub(crate) const OBS_OFFER: &str = include_str!("obs_offer.sdp");

    fn local() -> SocketAddr {
        "127.0.0.1:40000".parse().unwrap()
    }

    #[test]
    fn an_obs_offer_gets_h264_and_opus_back() {
        let negotiated = negotiate(local(), OBS_OFFER.as_bytes()).unwrap();
        let answer = &negotiated.answer;
        assert!(answer.starts_with("v=0"), "{answer}");
        assert!(answer.contains("a=rtpmap:96 H264/90000"), "{answer}");
        assert!(answer.contains("packetization-mode=1"), "{answer}");
        assert!(answer.contains("a=rtpmap:111 opus/48000/2"), "{answer}");
        assert!(answer.contains("127.0.0.1 40000 typ host"), "{answer}");
        assert_eq!(negotiated.connection.mids.len(), 2);
    }

    #[test]
    fn vp8_alone_or_no_sdp_is_refused_with_the_reason() {
        let vp8 = OBS_OFFER.replace("H264/90000", "VP8/90000").replace(
            "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1\r\n",
            "",
        );
        let refused = |offer: &[u8]| match negotiate(local(), offer) {
            Err(AppError::Validation(errors)) => errors[0].message.clone(),
            other => panic!("{:?}", other.map(|n| n.answer)),
        };
        assert_eq!(refused(vp8.as_bytes()), ErrorCode::CodecUnsupported);
        assert_eq!(refused(b"hello"), ErrorCode::SdpMalformed);
        assert_eq!(refused(&[0xff, 0xfe]), ErrorCode::SdpMalformed);
        assert_eq!(
            refused(&vec![b'a'; OFFER_BYTES_MAX + 1]),
            ErrorCode::RequestTooLarge
        );
    }
}
