//! Publication-date lines as news sites print them ("05/11/2020", "11 November, 2020",
//! "Nov. 11, 2020 9:30 a.m.", "Published: …", "Updated …", ISO stamps), and the reading
//! of an ambiguous numeric date by the dates the rest of the text supports. Pure.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::find_dates;

use crate::common::calendar::{Ymd, days_from_civil, weekday};

/// What a date line says about the date it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Published,
    Updated,
    /// A bare date under a headline or in a byline.
    Plain,
}

/// A date as printed: certain, or a numeric form that reads both ways ("05/11/2020").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    Exact(Ymd),
    /// Day-first and month-first readings, both valid.
    Ambiguous {
        day_first: Ymd,
        month_first: Ymd,
    },
}

/// A line that is (mostly) a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateLine {
    pub date: Printed,
    pub role: Role,
    /// The line names a weekday (0 = Monday), which settles an ambiguous reading.
    pub weekday: Option<u32>,
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?")
        .expect("iso date pattern")
});

static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b").expect("year-first date pattern")
});

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b").expect("numeric date pattern")
});

/// Everything a date line may hold besides its date.
static FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b\.?)?
        | \b\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b
        | \b(?:first\s+|last\s+)?(?:published|updated|modified|posted|edited|date|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|est|edt|bst|cet|cest|ist|msk|ast|et|pt)\b\.?
        | \b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?
        | [+-]\d{2}:?\d{2}\b
        | [|•·,:;()\[\]–—/-]
        ",
    )
    .expect("date filler pattern")
});

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b").expect("weekday pattern")
});

/// Reads a line that is a date line: a date and nothing else but times, weekdays, labels
/// ("Published", "Updated"), separators and at most a few capitalised words (a byline's
/// name). `None` for story sentences and for lines without a full date.
pub fn parse_date_line(line: &str) -> Option<DateLine> {
    let t = line.trim();
    let words = t.split_whitespace().count();
    if t.is_empty() || words > 20 {
        return None;
    }
    let (date, matched) = find_printed(t)?;
    let mut rest = t.replacen(&matched, " ", 1);
    rest = FILLER.replace_all(&rest, " ").into_owned();
    let left: Vec<&str> = rest.split_whitespace().collect();
    let names_only = left.len() <= 4
        && left.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.ends_with('.')
                && !matches!(*w, "The" | "A" | "In" | "It" | "He" | "She" | "They")
        });
    if !names_only {
        return None;
    }
    // "Updated" names the line's date only when it comes before it ("Nov 11, 2020 …
    // Updated 2 years ago" is the publication date).
    let at = t.find(&matched).unwrap_or(0);
    let lower = t[..at].to_lowercase();
    let role = if lower.contains("updated") || lower.contains("modified") {
        Role::Updated
    } else if lower.contains("published") || lower.contains("posted") {
        Role::Published
    } else {
        Role::Plain
    };
    let weekday = WEEKDAY.captures(t).and_then(|c| {
        let w = c[1].to_lowercase();
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .position(|d| *d == w)
            .map(|i| i as u32)
    });
    Some(DateLine {
        date,
        role,
        weekday,
    })
}

/// The first full date in `t` and the text it matched.
fn find_printed(t: &str) -> Option<(Printed, String)> {
    if let Some(c) = ISO.captures(t) {
        let d = Ymd::parse(&format!("{}-{}-{}", &c[1], &c[2], &c[3]))?;
        return Some((Printed::Exact(d), c[0].to_string()));
    }
    if let Some(c) = YEAR_FIRST.captures(t) {
        let d = Ymd::parse(&format!("{}-{:0>2}-{:0>2}", &c[1], &c[2], &c[3]))?;
        return Some((Printed::Exact(d), c[0].to_string()));
    }
    if let Some(c) = NUMERIC.captures(t) {
        let a: u32 = c[1].parse().ok()?;
        let b: u32 = c[2].parse().ok()?;
        let year: i32 = c[3].parse().ok()?;
        let day_first = Ymd::parse(&format!("{year}-{b:02}-{a:02}"));
        let month_first = Ymd::parse(&format!("{year}-{a:02}-{b:02}"));
        let printed = match (day_first, month_first) {
            (Some(d), Some(m)) if d == m => Printed::Exact(d),
            (Some(d), Some(m)) => Printed::Ambiguous {
                day_first: d,
                month_first: m,
            },
            (Some(d), None) | (None, Some(d)) => Printed::Exact(d),
            (None, None) => return None,
        };
        return Some((printed, c[0].to_string()));
    }
    let m = find_dates(t, None).into_iter().next()?;
    (m.start == m.end).then_some((Printed::Exact(m.start), m.text))
}

/// Settles a printed date: an ambiguous one by the weekday the line names, else by
/// the reading nearest to (and not before) the dates the text reports, else day-first.
pub fn resolve(line: &DateLine, text_dates: &[Ymd]) -> Ymd {
    match line.date {
        Printed::Exact(d) => d,
        Printed::Ambiguous {
            day_first,
            month_first,
        } => {
            if let Some(w) = line.weekday {
                match (weekday(day_first) == w, weekday(month_first) == w) {
                    (true, false) => return day_first,
                    (false, true) => return month_first,
                    _ => {}
                }
            }
            // A report is published on or after what it reports: the reading closest
            // after the text's own dates wins.
            let cost = |c: Ymd| {
                text_dates
                    .iter()
                    .map(|d| {
                        let gap = days_from_civil(c) - days_from_civil(*d);
                        if gap >= 0 { gap } else { 3 * -gap }
                    })
                    .min()
            };
            match (cost(day_first), cost(month_first)) {
                (Some(a), Some(b)) if b < a => month_first,
                _ => day_first,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::calendar::ymd;

    /// One row per printed form: the line, the date, the role.
    #[test]
    fn date_line_forms() {
        let rows: &[(&str, Ymd, Role)] = &[
            ("11 November, 2020", ymd(2020, 11, 11), Role::Plain),
            ("Nov. 11, 2020 9:30 a.m.", ymd(2020, 11, 11), Role::Plain),
            ("November 18, 2010", ymd(2010, 11, 18), Role::Plain),
            (
                "Published: 12 March 2021",
                ymd(2021, 3, 12),
                Role::Published,
            ),
            (
                "Updated 14:05 GMT, Tue 3 May 2022",
                ymd(2022, 5, 3),
                Role::Updated,
            ),
            ("date 2022-01-28", ymd(2022, 1, 28), Role::Plain),
            ("2024-10-23T06:42+0000", ymd(2024, 10, 23), Role::Plain),
            ("25/11/2020", ymd(2020, 11, 25), Role::Plain),
            (
                "November 11, 2020 9:30 AM GMT Updated 2 years ago",
                ymd(2020, 11, 11),
                Role::Plain,
            ),
            (
                "Date 18.11.2010 | Author Ann Writer",
                ymd(2010, 11, 18),
                Role::Plain,
            ),
            (
                "By Ann Writer | Published November 11, 2020",
                ymd(2020, 11, 11),
                Role::Published,
            ),
            ("2020/11/05 09:30", ymd(2020, 11, 5), Role::Plain),
            (
                "First published on Wed 11 Nov 2020 09.30 GMT",
                ymd(2020, 11, 11),
                Role::Published,
            ),
            (
                "Ann Reporter 2 minutes ago Sat 24th July 2021 | 12:30 PM",
                ymd(2021, 7, 24),
                Role::Plain,
            ),
            (
                "Posted on Wednesday, March 3, 2021",
                ymd(2021, 3, 3),
                Role::Published,
            ),
        ];
        for (line, date, role) in rows {
            let d = parse_date_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((resolve(&d, &[]), d.role), (*date, *role), "{line}");
        }
    }

    #[test]
    fn sentences_and_partial_dates_are_not_date_lines() {
        for line in [
            "Talks began on November 11, 2020.",
            "The summit opens on 11 November 2020 in the capital city",
            "MOSCOW, January 29",
            "Since 2016",
            "Russia",
        ] {
            assert_eq!(parse_date_line(line), None, "{line}");
        }
    }

    #[test]
    fn numeric_dates_are_read_by_the_text() {
        let line = parse_date_line("05/11/2020").unwrap();
        assert!(matches!(line.date, Printed::Ambiguous { .. }));
        // The text reports 4 November: 5 November (day-first) follows it.
        assert_eq!(resolve(&line, &[ymd(2020, 11, 4)]), ymd(2020, 11, 5));
        // The text reports 10 May: May 11 (month-first) follows it.
        assert_eq!(resolve(&line, &[ymd(2020, 5, 10)]), ymd(2020, 5, 11));
        // Nothing to go by: day-first.
        assert_eq!(resolve(&line, &[]), ymd(2020, 11, 5));
        // A weekday settles it: 11 May 2020 was a Monday.
        let monday = parse_date_line("Monday 05/11/2020").unwrap();
        assert_eq!(resolve(&monday, &[ymd(2020, 11, 4)]), ymd(2020, 5, 11));
    }
}
