//! Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1 over
//! 30-second steps, six digits, a 160-bit secret shown in base32 and as a QR code of its
//! `otpauth://` URI. A code is accepted for the step before and after the server's own, for
//! a phone's clock a little off; the caller makes sure each step is used once.

use data_encoding::BASE32_NOPAD;
use hmac::{Hmac, Mac};
use sha1::Sha1;

/// Seconds of one step.
pub const STEP_SECONDS: i64 = 30;
/// Digits of a code.
pub const DIGITS: u32 = 6;
/// Steps either side of the server's own that still count.
pub const SKEW_STEPS: i64 = 1;

/// A new random secret, in base32 as apps and `otpauth://` URIs take it.
pub fn new_secret() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes)?;
    Ok(BASE32_NOPAD.encode(&bytes))
}

/// The step a Unix time falls in.
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The code of `secret` (base32) for `step`; None for a secret that is not base32.
pub fn code_at(secret: &str, step: i64) -> Option<String> {
    let key = BASE32_NOPAD.decode(secret.as_bytes()).ok()?;
    let mut mac = Hmac::<Sha1>::new_from_slice(&key).ok()?;
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let word = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    Some(format!(
        "{:0width$}",
        word % 10u32.pow(DIGITS),
        width = DIGITS as usize
    ))
}

/// The step within the skew of `now_step` whose code is `code`, the earliest first; None when
/// no step's code matches. Compared in constant time per step.
pub fn matching_step(secret: &str, code: &str, now_step: i64) -> Option<i64> {
    (now_step - SKEW_STEPS..=now_step + SKEW_STEPS).find(|&step| {
        code_at(secret, step).is_some_and(|expected| same(expected.as_bytes(), code.as_bytes()))
    })
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The `otpauth://` URI an authenticator app scans: the fair's name as issuer, the person's
/// address as the account.
pub fn otpauth_uri(secret: &str, issuer: &str, account: &str) -> String {
    let issuer = app::domain::text::percent_encode(issuer);
    let account = app::domain::text::percent_encode(account);
    format!(
        "otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}"
    )
}

/// The URI as a QR code, an SVG drawn with attributes only (no inline style), so that the
/// page's Content-Security-Policy lets it in.
pub fn qr_svg(uri: &str) -> Result<String, qrcode::types::QrError> {
    let code = qrcode::QrCode::new(uri.as_bytes())?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

/// The secret in groups of four letters, as a person types it into an app.
pub fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890"; its eight-digit codes
    /// end in these six.
    #[test]
    fn the_rfc_test_vectors_hold() {
        let secret = BASE32_NOPAD.encode(b"12345678901234567890");
        for (time, code) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(code_at(&secret, step_at(time)).unwrap(), code, "{time}");
        }
    }

    #[test]
    fn a_code_counts_one_step_either_side_and_no_further() {
        let secret = new_secret().unwrap();
        let now = step_at(1_800_000_000);
        let code = code_at(&secret, now - 1).unwrap();
        assert_eq!(matching_step(&secret, &code, now), Some(now - 1));
        assert_eq!(matching_step(&secret, &code, now + 2), None);
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step("not base32!", "123456", now), None);
    }

    #[test]
    fn the_uri_and_its_picture_are_what_apps_read() {
        let uri = otpauth_uri("JBSWY3DPEHPK3PXP", "Cloud Fair", "ana@example.com");
        assert!(
            uri.starts_with("otpauth://totp/Cloud%20Fair:ana%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Cloud%20Fair"),
            "{uri}"
        );
        let svg = qr_svg(&uri).unwrap();
        assert!(svg.contains("<svg") && !svg.contains("style="), "{svg}");
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD EFGH IJ");
    }
}
