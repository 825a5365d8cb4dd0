//! Time zones: each party's chosen IANA zone, else the usual one of their country, else UTC;
//! moments written in a zone; an availability window turned into instants.

use crate::storage::meetings::StoredZone;
use app::domain::meeting::{BothTimes, ValidAvailability};
use app::error::AppError;
use app::error::ErrorCode;
use app::i18n::Locale;
use icu_calendar::Iso;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::{E, YMDET};
use icu_datetime::input::{Date, DateTime, Time};
use icu_datetime::options::TimePrecision;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};
use leptos_i18n::Locale as _;

/// The usual zone of countries with one main zone (others get UTC until they choose).
const COUNTRY_ZONES: &[(&str, &str)] = &[
    ("CN", "Asia/Shanghai"),
    ("HK", "Asia/Hong_Kong"),
    ("TW", "Asia/Taipei"),
    ("JP", "Asia/Tokyo"),
    ("KR", "Asia/Seoul"),
    ("IN", "Asia/Kolkata"),
    ("VN", "Asia/Ho_Chi_Minh"),
    ("TH", "Asia/Bangkok"),
    ("SG", "Asia/Singapore"),
    ("MY", "Asia/Kuala_Lumpur"),
    ("AE", "Asia/Dubai"),
    ("SA", "Asia/Riyadh"),
    ("TR", "Europe/Istanbul"),
    ("DE", "Europe/Berlin"),
    ("FR", "Europe/Paris"),
    ("IT", "Europe/Rome"),
    ("ES", "Europe/Madrid"),
    ("NL", "Europe/Amsterdam"),
    ("PL", "Europe/Warsaw"),
    ("GB", "Europe/London"),
    ("NG", "Africa/Lagos"),
    ("EG", "Africa/Cairo"),
    ("ZA", "Africa/Johannesburg"),
    ("KE", "Africa/Nairobi"),
];

/// The zone a party's times are shown in, and its name.
pub fn zone(stored: &StoredZone) -> (TimeZone, String) {
    let usual = || {
        COUNTRY_ZONES
            .iter()
            .find(|(country, _)| *country == stored.country)
            .map(|(_, zone)| *zone)
    };
    [
        Some(stored.zone.as_str()).filter(|z| !z.is_empty()),
        usual(),
    ]
    .into_iter()
    .flatten()
    .find_map(|name| TimeZone::get(name).ok().map(|tz| (tz, name.to_owned())))
    .unwrap_or_else(|| (TimeZone::UTC, "UTC".to_owned()))
}

/// A zone a person chose, if it is one.
pub fn valid_zone(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if !name.is_empty() && TimeZone::get(name).is_ok() {
        Ok(name.to_owned())
    } else {
        Err(AppError::invalid("zone", ErrorCode::ZoneUnknown))
    }
}

/// Every zone there is to choose, sorted.
pub fn names() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|name| name.to_string())
        .filter(|name| name.contains('/') || name == "UTC")
        .collect();
    names.sort();
    names
}

/// "Tue 2026-12-08 09:00" at `at` (unix seconds) in `tz`: the day and time as ISO 8601 writes
/// them, which every reader of a fair across time zones reads the same, after the weekday in
/// `locale` (CLDR through ICU4X: "mar.", "周二", "вт", "الثلاثاء").
pub fn local(at: i64, tz: &TimeZone, locale: Locale) -> String {
    let Ok(zoned) = Timestamp::from_second(at).map(|t| t.to_zoned(tz.clone())) else {
        return String::new();
    };
    let weekday = || -> Option<String> {
        let (date, _) = icu_moment(&zoned)?;
        let formatter =
            DateTimeFormatter::try_new((&gregorian(locale)?).into(), E::medium()).ok()?;
        Some(formatter.format(&date).to_string())
    };
    let day_and_time = zoned.strftime("%Y-%m-%d %H:%M");
    match weekday() {
        Some(weekday) => format!("{weekday} {day_and_time}"),
        None => zoned.strftime("%a %Y-%m-%d %H:%M").to_string(),
    }
}

/// `at` (unix seconds) in `tz`, written out the way `locale` writes a day and a time, by CLDR
/// (ICU4X), in the Gregorian calendar: "Tue, Dec 8, 2026, 9:00 AM", "mar. 8 déc. 2026, 09:00",
/// "2026年12月8日周二 09:00". For mails, which carry no page to format them.
pub fn written_out(at: i64, tz: &TimeZone, locale: Locale) -> String {
    let Ok(zoned) = Timestamp::from_second(at).map(|t| t.to_zoned(tz.clone())) else {
        return String::new();
    };
    let written = || -> Option<String> {
        let (date, time) = icu_moment(&zoned)?;
        let fields = YMDET::medium().with_time_precision(TimePrecision::Minute);
        let formatter = DateTimeFormatter::try_new((&gregorian(locale)?).into(), fields).ok()?;
        Some(formatter.format(&DateTime { date, time }).to_string())
    };
    written().unwrap_or_else(|| local(at, tz, locale))
}

/// The day and the minute of `zoned` as ICU4X takes them.
fn icu_moment(zoned: &Zoned) -> Option<(Date<Iso>, Time)> {
    let date = Date::try_new_iso(
        i32::from(zoned.year()),
        u8::try_from(zoned.month()).ok()?,
        u8::try_from(zoned.day()).ok()?,
    )
    .ok()?;
    let time = Time::try_new(
        u8::try_from(zoned.hour()).ok()?,
        u8::try_from(zoned.minute()).ok()?,
        0,
        0,
    )
    .ok()?;
    Some((date, time))
}

/// `locale` in the Gregorian calendar, whatever the language's usual one: both parties read
/// the same day.
fn gregorian(locale: Locale) -> Option<icu_locale::Locale> {
    icu_locale::Locale::try_from_str(&format!("{}-u-ca-gregory", locale.as_str())).ok()
}

/// `at` for both parties, for a reader of `locale`.
pub fn both(at: i64, exhibitor: &TimeZone, buyer: &TimeZone, locale: Locale) -> BothTimes {
    BothTimes {
        at,
        exhibitor: local(at, exhibitor, locale),
        buyer: local(at, buyer, locale),
    }
}

/// The instant (unix seconds) of `minute` after midnight of a day in `tz`. A day that does
/// not exist is refused (`date`); a local time a clock change skips moves on, as clocks do.
pub fn local_instant(
    (year, month, day): (i16, i8, i8),
    minute: u32,
    tz: &TimeZone,
) -> Result<i64, AppError> {
    let invalid = || AppError::invalid("date", ErrorCode::DateInvalid);
    let midnight = jiff::civil::Date::new(year, month, day)
        .map_err(|_| invalid())?
        .to_zoned(tz.clone())
        .map_err(|_| invalid())?;
    midnight
        .datetime()
        .checked_add(jiff::SignedDuration::from_mins(i64::from(minute)))
        .map_err(|_| invalid())?
        .to_zoned(tz.clone())
        .map(|zoned| zoned.timestamp().as_second())
        .map_err(|_| invalid())
}

/// The slots (start, end in unix seconds) of a window of local times in `tz`.
pub fn window_slots(
    window: &ValidAvailability,
    tz: &TimeZone,
) -> Result<Vec<(i64, i64)>, AppError> {
    let day = (window.year, window.month, window.day);
    let mut slots = Vec::new();
    let mut start = window.from;
    while start + window.minutes <= window.to {
        slots.push((
            local_instant(day, start, tz)?,
            local_instant(day, start + window.minutes, tz)?,
        ));
        start += window.minutes;
    }
    Ok(slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(zone: &str, country: &str) -> StoredZone {
        StoredZone {
            zone: zone.into(),
            country: country.into(),
        }
    }

    #[test]
    fn a_moment_is_written_out_each_languages_way() {
        let paris = TimeZone::get("Europe/Paris").unwrap();
        // 2026-12-08 08:00 UTC, 09:00 in Paris.
        let at = 1_796_716_800;
        let cases = [
            (Locale::en, "Tue, Dec 8, 2026, 9:00\u{202f}AM"),
            (Locale::zh, "2026年12月8日周二 09:00"),
            (Locale::ar, "الثلاثاء، 08\u{200f}/12\u{200f}/2026، 9:00 ص"),
            (Locale::fr, "mar. 8 déc. 2026, 09:00"),
            (Locale::es, "mar, 8 dic 2026, 09:00"),
            (Locale::ru, "вт, 8 дек. 2026\u{202f}г., 09:00"),
        ];
        for (locale, expected) in cases {
            assert_eq!(written_out(at, &paris, locale), expected, "{locale:?}");
        }
    }

    #[test]
    fn a_chosen_zone_wins_then_the_country_then_utc() {
        assert_eq!(zone(&stored("Europe/Berlin", "CN")).1, "Europe/Berlin");
        assert_eq!(zone(&stored("", "CN")).1, "Asia/Shanghai");
        assert_eq!(zone(&stored("Nowhere/Town", "ZZ")).1, "UTC");
        assert!(valid_zone("America/New_York").is_ok());
        assert!(valid_zone("Mars/Olympus").is_err());
        assert!(names().iter().any(|n| n == "Asia/Shanghai"));
    }

    #[test]
    fn a_window_in_shanghai_is_the_same_moments_in_berlin() {
        let shanghai = TimeZone::get("Asia/Shanghai").unwrap();
        let berlin = TimeZone::get("Europe/Berlin").unwrap();
        let window = ValidAvailability {
            year: 2026,
            month: 12,
            day: 8,
            from: 9 * 60,
            to: 10 * 60,
            minutes: 30,
        };
        let slots = window_slots(&window, &shanghai).unwrap();
        assert_eq!(slots.len(), 2);
        assert_eq!(slots[0].1 - slots[0].0, 1800);
        let first = both(slots[0].0, &shanghai, &berlin, Locale::en);
        assert_eq!(first.exhibitor, "Tue 2026-12-08 09:00");
        assert_eq!(first.buyer, "Tue 2026-12-08 02:00");
        // The weekday in the reader's language, the day and time as ISO writes them.
        let weekdays = [
            (Locale::zh, "周二"),
            (Locale::ar, "الثلاثاء"),
            (Locale::fr, "mar."),
            (Locale::es, "mar"),
            (Locale::ru, "вт"),
        ];
        for (locale, weekday) in weekdays {
            let times = both(slots[0].0, &shanghai, &berlin, locale);
            assert_eq!(
                times.exhibitor,
                format!("{weekday} 2026-12-08 09:00"),
                "{locale:?}"
            );
        }
        let leap = ValidAvailability {
            month: 2,
            day: 30,
            ..window
        };
        assert!(window_slots(&leap, &shanghai).is_err());
    }
}
