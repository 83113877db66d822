//! Numbers, counts, dates and times as each language writes them, written once for the window
//! and the report.

use super::Lang;
use crate::model::Figure;

/// `one` or `many` for a count `n`, by the language's rule: French puts 0 and 1 in the
/// singular, English only 1. For an ending, `plural(Lang::Fr, n, "", "s")`.
#[must_use]
pub fn plural<'a>(lang: Lang, n: usize, one: &'a str, many: &'a str) -> &'a str {
    let singular = match lang {
        Lang::Fr => n < 2,
        Lang::En => n == 1,
    };
    if singular { one } else { many }
}

/// How much of `total` `done` is, in whole percent rounded down: "33 %" (French, with a
/// no-break space) or "33%". Nothing to do is all done: "100 %".
#[must_use]
pub fn percent(lang: Lang, done: usize, total: usize) -> String {
    let percent = (done * 100).checked_div(total).unwrap_or(100);
    format!("{percent}{}", lang.pick("\u{a0}%", "%"))
}

/// A number as the language writes it, without a trailing ",0": French "15 000" and "8,2"
/// (narrow no-break space between thousands, decimal comma), English "15,000" and "8.2".
#[must_use]
pub fn number(lang: Lang, v: f64) -> String {
    let s = format!("{v}");
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (sign, digits) = int.split_at(usize::from(int.starts_with('-')));
    let (thousands, decimal) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let mut out = sign.to_owned();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

/// One line for a figure: "enveloppe annuelle : 8,2 Md€", "loi : 26 avril 2021".
#[must_use]
pub fn figure(lang: Lang, f: &Figure) -> String {
    let colon = lang.pick(" :", ":");
    match f {
        Figure::Amount { label, value, unit } | Figure::Quantity { label, value, unit } => {
            format!("{label}{colon} {} {unit}", number(lang, *value))
        }
        Figure::Date { label, date: d } => format!("{label}{colon} {}", date(lang, d)),
    }
}

/// An ISO date as a reader writes it: `2020-07-13` → "13 juillet 2020" / "13 July 2020",
/// `2020-07` → "juillet 2020", `2020` → "2020". Anything else (or the date part of an RFC 3339
/// time) is kept or cut to its date.
#[must_use]
pub fn date(lang: Lang, iso: &str) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let iso = iso.get(..10).unwrap_or(iso);
    let mut parts = iso.split('-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    let month_name = |m: &str| {
        let i = m.parse::<usize>().ok().filter(|i| (1..=12).contains(i))?;
        Some(match lang {
            Lang::Fr => FR[i - 1],
            Lang::En => EN[i - 1],
        })
    };
    match (
        year,
        month.and_then(month_name),
        day.and_then(|d| d.parse::<u8>().ok()),
    ) {
        (Some(y), Some(m), Some(d)) if lang == Lang::Fr && d == 1 => format!("1er {m} {y}"),
        (Some(y), Some(m), Some(d)) => format!("{d} {m} {y}"),
        (Some(y), Some(m), None) => format!("{m} {y}"),
        _ => iso.to_owned(),
    }
}

/// An RFC 3339 UTC stamp as dates are written, with the time: "24 novembre 2026, 09:05 UTC".
/// The zone is said rather than UTC passed off as local time; anything else is kept as written.
#[must_use]
pub fn utc(lang: Lang, stamp: &str) -> String {
    match (stamp.get(..10), stamp.get(11..16)) {
        (Some(day), Some(time)) => format!("{}, {time} UTC", date(lang, day)),
        _ => stamp.to_owned(),
    }
}

/// An RFC 3339 UTC stamp in the user's time zone, for the window: "24 novembre 2026, 10:05 CET".
/// The zone comes from `TZ` or `/etc/localtime` (read once, with `tz-rs`); where none can be
/// read, or the stamp is not `…Z` UTC, the time is shown as [`utc`] shows it. Reports keep UTC.
#[must_use]
pub fn local(lang: Lang, stamp: &str) -> String {
    static ZONE: std::sync::OnceLock<Option<tz::TimeZone>> = std::sync::OnceLock::new();
    let zone = ZONE.get_or_init(|| tz::TimeZone::local().ok());
    match (zone, unix_seconds(stamp)) {
        (Some(zone), Some(t)) => in_zone(lang, zone, t).unwrap_or_else(|| utc(lang, stamp)),
        _ => utc(lang, stamp),
    }
}

/// The time `t` (Unix seconds) in `zone`, as [`local`] writes it.
fn in_zone(lang: Lang, zone: &tz::TimeZone, t: i64) -> Option<String> {
    let kind = zone.find_local_time_type(t).ok()?;
    let offset = i64::from(kind.ut_offset());
    let local = t + offset;
    let (days, secs) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    let name = kind.time_zone_designation();
    // A designation such as "+01" (zones without a common abbreviation) reads as "UTC+01".
    let zone_name = if name.is_empty() || name.starts_with(['+', '-']) {
        let (sign, abs) = if offset < 0 {
            ('-', -offset)
        } else {
            ('+', offset)
        };
        format!("UTC{sign}{:02}:{:02}", abs / 3600, abs % 3600 / 60)
    } else {
        name.to_owned()
    };
    Some(format!(
        "{}, {:02}:{:02} {zone_name}",
        date(lang, &format!("{y:04}-{m:02}-{d:02}")),
        secs / 3600,
        secs % 3600 / 60
    ))
}

/// Seconds since 1970 of an RFC 3339 stamp in UTC (`2026-11-24T09:05:00Z`, fractions allowed).
fn unix_seconds(stamp: &str) -> Option<i64> {
    if !stamp.ends_with('Z') || !crate::model::is_rfc3339(stamp) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| stamp.get(r)?.parse::<i64>().ok();
    let days = days_from_civil(num(0..4)?, num(5..7)?, num(8..10)?);
    Some(days * 86_400 + num(11..13)? * 3600 + num(14..16)? * 60 + num(17..19)?)
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (H. Hinnant's method).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from 1970-01-01, the inverse of [`days_from_civil`].
#[must_use]
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// A session's or a cell's time for the window: as [`local`], with the same marks as [`stamp`].
#[must_use]
pub fn local_stamp(lang: Lang, stamp: &str) -> String {
    if stamp.is_empty() || crate::model::is_rfc3339(stamp) {
        return local(lang, stamp);
    }
    let (fr, en) = UNREADABLE_TIME;
    format!("{} {stamp}", lang.pick(fr, en))
}

/// A session's or a cell's time for a reader: as [`utc`] when it is RFC 3339, nothing when it is
/// unknown (empty), and otherwise as written after the mark "(date illisible)" / "(unreadable
/// date)", so that a time a hand edit damaged is never taken for a real one (the loader keeps it
/// and warns about it: `persist::Warning::UnreadableTime`).
#[must_use]
pub fn stamp(lang: Lang, stamp: &str) -> String {
    if stamp.is_empty() || crate::model::is_rfc3339(stamp) {
        return utc(lang, stamp);
    }
    let (fr, en) = UNREADABLE_TIME;
    format!("{} {stamp}", lang.pick(fr, en))
}

/// A session's time as the report's header writes it, by its date ("24 novembre 2026"), or, when
/// it is not RFC 3339, as written after the same mark as [`stamp`].
#[must_use]
pub fn stamp_date(lang: Lang, stamp: &str) -> String {
    if stamp.is_empty() || crate::model::is_rfc3339(stamp) {
        return super::date(lang, stamp);
    }
    let (fr, en) = UNREADABLE_TIME;
    format!("{} {stamp}", lang.pick(fr, en))
}

/// The mark a time that is not RFC 3339 is shown after (French, English), so that a reader never
/// takes it for a real date.
pub const UNREADABLE_TIME: (&str, &str) = ("(date illisible)", "(unreadable date)");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_reads_in_the_users_zone_with_the_zone_named() {
        let paris = tz::TimeZone::from_posix_tz("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        let winter = unix_seconds("2026-11-24T09:05:00Z").unwrap();
        assert_eq!(
            in_zone(Lang::Fr, &paris, winter).unwrap(),
            "24 novembre 2026, 10:05 CET"
        );
        let summer = unix_seconds("2026-07-13T23:30:00Z").unwrap();
        assert_eq!(
            in_zone(Lang::En, &paris, summer).unwrap(),
            "14 July 2026, 01:30 CEST"
        );
        let kolkata = tz::TimeZone::from_posix_tz("<+0530>-5:30").unwrap();
        assert_eq!(
            in_zone(Lang::En, &kolkata, winter).unwrap(),
            "24 November 2026, 14:35 UTC+05:30"
        );
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(local(Lang::Fr, "hier"), "hier", "anything else as written");
    }

    #[test]
    fn a_report_date_that_cannot_be_read_is_marked_as_such() {
        assert_eq!(
            stamp_date(Lang::Fr, "2026-11-24T09:05:00Z"),
            "24 novembre 2026"
        );
        assert_eq!(
            stamp_date(Lang::Fr, "hier soir"),
            "(date illisible) hier soir"
        );
        assert_eq!(
            stamp_date(Lang::En, "hier soir"),
            "(unreadable date) hier soir"
        );
    }

    #[test]
    fn an_unreadable_time_is_shown_as_written_after_a_mark() {
        assert_eq!(
            stamp(Lang::Fr, "2026-11-24T09:05:00Z"),
            "24 novembre 2026, 09:05 UTC"
        );
        assert_eq!(stamp(Lang::Fr, "hier soir"), "(date illisible) hier soir");
        assert_eq!(
            stamp(Lang::En, "2026-13-01T00:00:00Z"),
            "(unreadable date) 2026-13-01T00:00:00Z"
        );
        assert_eq!(stamp(Lang::En, ""), "");
    }

    #[test]
    fn dates_read_the_way_each_language_writes_them() {
        assert_eq!(date(Lang::Fr, "2020-07-13"), "13 juillet 2020");
        assert_eq!(date(Lang::Fr, "2021-04-01"), "1er avril 2021");
        assert_eq!(date(Lang::En, "2020-07-13"), "13 July 2020");
        assert_eq!(date(Lang::Fr, "2020-07"), "juillet 2020");
        assert_eq!(date(Lang::Fr, "2020"), "2020");
        assert_eq!(date(Lang::Fr, "2026-11-24T09:00:00Z"), "24 novembre 2026");
        assert_eq!(date(Lang::Fr, "bientôt"), "bientôt");
    }

    #[test]
    fn a_time_reads_as_dates_are_written_and_says_its_zone() {
        assert_eq!(
            utc(Lang::Fr, "2026-11-24T09:05:00Z"),
            "24 novembre 2026, 09:05 UTC"
        );
        assert!(utc(Lang::En, "2026-11-24T09:05:00Z").ends_with(", 09:05 UTC"));
        assert_eq!(utc(Lang::Fr, "hier"), "hier", "anything else as written");
    }

    #[test]
    fn numbers_read_the_way_each_language_writes_them() {
        assert_eq!(number(Lang::Fr, 8.2), "8,2");
        assert_eq!(number(Lang::Fr, 15000.0), "15\u{202f}000");
        assert_eq!(number(Lang::Fr, 183.0), "183");
        assert_eq!(number(Lang::Fr, -1_234_567.5), "-1\u{202f}234\u{202f}567,5");
        assert_eq!(number(Lang::En, 15000.0), "15,000");
        assert_eq!(number(Lang::En, 8.2), "8.2");
    }

    #[test]
    fn counts_follow_each_languages_plural_rule() {
        assert_eq!(plural(Lang::Fr, 0, "", "s"), "");
        assert_eq!(plural(Lang::Fr, 1, "", "s"), "");
        assert_eq!(plural(Lang::Fr, 2, "", "s"), "s");
        assert_eq!(plural(Lang::En, 0, "", "s"), "s");
        assert_eq!(plural(Lang::En, 1, "", "s"), "");
    }

    #[test]
    fn an_empty_share_is_complete() {
        assert_eq!(percent(Lang::Fr, 0, 0), "100\u{a0}%");
        assert_eq!(percent(Lang::Fr, 1, 3), "33\u{a0}%");
        assert_eq!(percent(Lang::En, 2, 3), "66%");
    }

    #[test]
    fn figures_read_with_their_label() {
        let amount = Figure::Amount {
            label: "enveloppe annuelle".into(),
            value: 8.2,
            unit: "Md€".into(),
        };
        assert_eq!(figure(Lang::Fr, &amount), "enveloppe annuelle : 8,2 Md€");
        assert_eq!(figure(Lang::En, &amount), "enveloppe annuelle: 8.2 Md€");
    }
}
