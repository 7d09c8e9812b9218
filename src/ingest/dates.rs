//! Dates in news text: explicit day-month-year mentions and the article date they support.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// A calendar date, ISO-ordered so that comparison is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Ymd {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
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

/// The date an article is given, and whether the text stated it (a dateline) or it was inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InferredDate {
    pub date: Ymd,
    pub inferred: bool,
}

/// A date (or range) found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: Ymd,
    pub end: Ymd,
    /// The matched text, e.g. "11 and 12 November 2020".
    pub text: String,
    /// Byte offset in the searched string.
    pub offset: usize,
    /// True when the year was not written and was taken from the rest of the text.
    pub year_inferred: bool,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<m>{MONTHS})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}}))?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
    ))
    .expect("month-first date pattern")
});

static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<m1>{MONTHS}))?(?:\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}}))?\s+(?P<m>{MONTHS})(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
    ))
    .expect("day-first date pattern")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").expect("year pattern"));

/// Words that put a date in the future of the article, so it cannot be its date.
const FUTURE_CUES: &[&str] = &[
    "will ",
    "supposed to",
    "scheduled",
    "planned",
    "plans to",
    "expected to be held",
    "to be held",
    "next ",
    "upcoming",
];

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

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid(year: i32, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// The year most often written in the text, used for dates written without one.
pub fn dominant_year(text: &str) -> Option<i32> {
    let mut counts = std::collections::BTreeMap::<i32, usize>::new();
    for m in YEAR.find_iter(text) {
        if let Ok(y) = m.as_str().parse() {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, -*y))
        .map(|(y, _)| y)
}

/// Every day-precise date or date range in `text`. Dates without a year take `default_year`
/// (marked `year_inferred`); without one they are skipped.
pub fn find_dates(text: &str, default_year: Option<i32>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for re in [&*DAY_FIRST, &*MONTH_FIRST] {
        for c in re.captures_iter(text) {
            let whole = c.get(0).expect("group 0");
            if taken
                .iter()
                .any(|(s, e)| whole.start() < *e && *s < whole.end())
            {
                continue;
            }
            let Some(month) = c.name("m").and_then(|m| month_number(m.as_str())) else {
                continue;
            };
            let (year, year_inferred) = match c.name("y").and_then(|y| y.as_str().parse().ok()) {
                Some(y) => (y, false),
                None => match default_year {
                    Some(y) => (y, true),
                    None => continue,
                },
            };
            let d1: u32 = c["d1"].parse().unwrap_or(0);
            let d2: Option<u32> = c.name("d2").and_then(|d| d.as_str().parse().ok());
            // "30 November to 4 December": the first day has its own month.
            let m1 = c
                .name("m1")
                .and_then(|m| month_number(m.as_str()))
                .unwrap_or(month);
            let (start, end) = match d2 {
                Some(d2) if c.name("m1").is_some() || re.as_str() == DAY_FIRST.as_str() => {
                    let y1 = if m1 > month { year - 1 } else { year };
                    (
                        Ymd {
                            year: y1,
                            month: m1,
                            day: d1,
                        },
                        Ymd {
                            year,
                            month,
                            day: d2,
                        },
                    )
                }
                Some(d2) => (
                    Ymd {
                        year,
                        month,
                        day: d1,
                    },
                    Ymd {
                        year,
                        month,
                        day: d2,
                    },
                ),
                None => {
                    let d = Ymd {
                        year,
                        month,
                        day: d1,
                    };
                    (d, d)
                }
            };
            if !valid(start.year, start.month, start.day)
                || !valid(end.year, end.month, end.day)
                || end < start
            {
                continue;
            }
            taken.push((whole.start(), whole.end()));
            out.push(DateMention {
                start,
                end,
                text: whole.as_str().to_string(),
                offset: whole.start(),
                year_inferred,
            });
        }
    }
    out.sort_by_key(|m| m.offset);
    out
}

fn in_future_context(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    FUTURE_CUES.iter().any(|cue| s.contains(cue))
}

/// The best date the text supports for the article: the latest day it reports as begun
/// (the start of each range), skipping sentences about the future. Seeds carry no
/// dateline, so the result is always marked inferred.
pub fn infer_date(blocks: &[&str]) -> Option<InferredDate> {
    let all = blocks.join("\n");
    let year = dominant_year(&all);
    let mut best: Option<Ymd> = None;
    for block in blocks {
        for sentence in sentencex::segment("en", block) {
            if in_future_context(sentence) {
                continue;
            }
            for m in find_dates(sentence, year) {
                best = Some(best.map_or(m.start, |b| b.max(m.start)));
            }
        }
    }
    best.map(|date| InferredDate {
        date,
        inferred: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, month: u32, day: u32) -> Ymd {
        Ymd { year, month, day }
    }

    #[test]
    fn month_first_with_year_and_range() {
        let d = find_dates("in Damascus on November 11, 2020.", None);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].start, ymd(2020, 11, 11));
        let r = find_dates("a conference on November 11-12 under", Some(2020));
        assert_eq!(
            (r[0].start, r[0].end),
            (ymd(2020, 11, 11), ymd(2020, 11, 12))
        );
        assert!(r[0].year_inferred);
    }

    #[test]
    fn day_first_ranges() {
        let d = find_dates(
            "its proceedings ended on 11 and 12 November 2020, against",
            None,
        );
        assert_eq!(
            (d[0].start, d[0].end),
            (ymd(2020, 11, 11), ymd(2020, 11, 12))
        );
        let d = find_dates(
            "during its fourth round (30 November to 4 December 2020), deviated",
            None,
        );
        assert_eq!(
            (d[0].start, d[0].end),
            (ymd(2020, 11, 30), ymd(2020, 12, 4))
        );
        let d = find_dates("on 11-12 November, in Damascus", Some(2020));
        assert_eq!(
            (d[0].start, d[0].end),
            (ymd(2020, 11, 11), ymd(2020, 11, 12))
        );
    }

    #[test]
    fn no_year_and_no_default_is_skipped_and_bad_days_rejected() {
        assert!(find_dates("on November 11 the", None).is_empty());
        assert!(find_dates("on 31 November 2020", None).is_empty());
        assert!(find_dates("5.6 million Syrians", Some(2020)).is_empty());
    }

    #[test]
    fn article_date_skips_future_and_takes_latest_start() {
        let blocks = [
            "The regime is holding a conference on November 11-12.",
            "A fifth round is supposed to be held on 25 January 2021.",
            "Lavrentiev addresses the session in Damascus on November 11, 2020.",
        ];
        let d = infer_date(&blocks).unwrap();
        assert_eq!(d.date, ymd(2020, 11, 11));
        assert!(d.inferred);
    }

    #[test]
    fn text_without_dates_has_no_date() {
        assert_eq!(infer_date(&["Nothing dated here."]), None);
    }

    #[test]
    fn ymd_round_trips() {
        assert_eq!(Ymd::parse("2020-11-11"), Some(ymd(2020, 11, 11)));
        assert_eq!(ymd(2020, 1, 2).to_string(), "2020-01-02");
        assert_eq!(Ymd::parse("2020-02-30"), None);
    }
}
