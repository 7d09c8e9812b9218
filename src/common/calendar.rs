//! Calendar dates: the `Ymd` type, month and weekday names, day arithmetic and how a date
//! is shown.

use serde::Serialize;

/// A calendar date, ISO-ordered so that comparison is chronological.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// "11 November 2020": how pages and the summary show a date.
pub fn display_date(d: &Ymd) -> String {
    format!("{} {} {}", d.day, month_name(d.month), d.year)
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The date `year`-`month`-`day`, unchecked (for tables and tests).
pub const fn ymd(year: i32, month: u32, day: u32) -> Ymd {
    Ymd { year, month, day }
}

impl Ymd {
    pub fn parse(s: &str) -> Option<Ymd> {
        let mut it = s.trim().splitn(3, '-');
        let year = it.next()?.parse().ok()?;
        let month = it.next()?.parse().ok()?;
        let day = it.next()?.parse().ok()?;
        valid(year, month, day).then_some(Ymd { year, month, day })
    }
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
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

/// The name of month `m` (1–12, clamped).
pub fn month_name(m: u32) -> &'static str {
    MONTH_NAMES[(m as usize).saturating_sub(1).min(11)]
}

pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    let key = n.get(..3)?;
    Some(match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

pub fn valid(year: i32, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// Days since 1970-01-01 (proleptic Gregorian), for weekday arithmetic.
pub fn days_from_civil(d: Ymd) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub fn civil_from_days(days: i64) -> Ymd {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Ymd { year, month, day }
}

/// Day of the week, 0 = Monday … 6 = Sunday.
pub fn weekday(d: Ymd) -> u32 {
    // 1970-01-01 was a Thursday (3).
    ((days_from_civil(d) + 3).rem_euclid(7)) as u32
}

/// The days of the week, lower case, Monday first.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub fn weekday_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    WEEKDAYS.iter().position(|w| *w == n).map(|i| i as u32)
}

pub fn add_days(d: Ymd, n: i64) -> Ymd {
    civil_from_days(days_from_civil(d) + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ymd_round_trips() {
        assert_eq!(Ymd::parse("2020-11-11"), Some(ymd(2020, 11, 11)));
        assert_eq!(ymd(2020, 1, 2).to_string(), "2020-01-02");
        assert_eq!(Ymd::parse("2020-02-30"), None);
    }

    #[test]
    fn weekdays_round_trip() {
        let d = ymd(2020, 11, 11);
        assert_eq!(weekday(d), 2, "11 November 2020 was a Wednesday");
        assert_eq!(civil_from_days(days_from_civil(d)), d);
        assert_eq!(
            civil_from_days(days_from_civil(ymd(2024, 2, 29)) + 1),
            ymd(2024, 3, 1)
        );
    }

    #[test]
    fn dates_show_day_month_name_and_year() {
        assert_eq!(display_date(&ymd(2020, 11, 11)), "11 November 2020");
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_name(13), "December");
    }
}
