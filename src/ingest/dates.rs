//! Dates in news text: explicit day-month-year mentions and the article date they support.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::common::calendar::{
    Ymd, add_days, days_in_month, month_number, valid, weekday, weekday_number,
};

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

/// The date the text supports for an article that states none, or `None`: no date is
/// better than a wrong one.
///
/// Only the latest year the text writes (outside sentences about the future) can be the
/// article's year, so a year from background ("since 2016", "joined on January 1, 2011")
/// never wins over the story's own. Candidates are the days the text reports as begun
/// (the start of each range) in that year: a day written with the year, or a day written
/// without one whose weekday the text also names ("on Tuesday … October 22"). The latest
/// candidate is the date, marked inferred.
pub fn infer_date(blocks: &[&str]) -> Option<InferredDate> {
    let mut sentences: Vec<&str> = Vec::new();
    for block in blocks {
        sentences.extend(
            sentencex::segment("en", block)
                .into_iter()
                .filter(|s| !in_future_context(s)),
        );
    }
    let year = sentences
        .iter()
        .flat_map(|s| YEAR.find_iter(s))
        .filter_map(|m| m.as_str().parse::<i32>().ok())
        .max()?;
    let named_weekdays: Vec<u32> = sentences
        .iter()
        .flat_map(|s| WEEKDAY_NAME.find_iter(s))
        .filter_map(|m| weekday_number(m.as_str()))
        .collect();
    let mut best: Option<Ymd> = None;
    for sentence in &sentences {
        for m in find_dates(sentence, Some(year)) {
            let supported = if m.year_inferred {
                named_weekdays.contains(&weekday(m.start))
            } else {
                m.start.year == year
            };
            if supported {
                best = Some(best.map_or(m.start, |b| b.max(m.start)));
            }
        }
    }
    best.map(|date| InferredDate {
        date,
        inferred: true,
    })
}

static WEEKDAY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
        .expect("weekday name pattern")
});

/// How precise a [`Period`] is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A stretch of time a text names: a day or day range, a month ("January 2018",
/// "mid-November 2020", "last month") or a year ("in 2011", "(2017)").
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Period {
    pub start: Ymd,
    /// Last day of the period (inclusive).
    pub end: Ymd,
    pub precision: Precision,
    /// "early", "mid", "late" or "end" when the text narrows a month that way.
    pub part: Option<&'static str>,
    /// True when the text does not state the date itself: a weekday or "last month"
    /// resolved against the article's date, or a year taken from the rest of the text.
    pub inferred: bool,
    /// The matched text, e.g. "on Monday" or "January 2018".
    pub text: String,
    /// Byte offset in the searched string.
    pub offset: usize,
}

/// A [`Period`] as the build cache stores it: `part` as an owned string.
#[derive(serde::Deserialize)]
struct StoredPeriod {
    start: Ymd,
    end: Ymd,
    precision: Precision,
    part: Option<String>,
    inferred: bool,
    text: String,
    offset: usize,
}

impl<'de> serde::Deserialize<'de> for Period {
    /// `part` becomes one of the static words [`find_periods`] gives again.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let p = StoredPeriod::deserialize(d)?;
        let part = match p.part {
            None => None,
            Some(w) => Some(
                ["early", "mid", "late", "end"]
                    .into_iter()
                    .find(|&known| known == w)
                    .ok_or_else(|| D::Error::custom(format!("unknown part of a month `{w}`")))?,
            ),
        };
        Ok(Period {
            start: p.start,
            end: p.end,
            precision: p.precision,
            part,
            inferred: p.inferred,
            text: p.text,
            offset: p.offset,
        })
    }
}

impl Period {
    fn day_range(m: &DateMention) -> Period {
        Period {
            start: m.start,
            end: m.end,
            precision: Precision::Day,
            part: None,
            inferred: m.year_inferred,
            text: m.text.clone(),
            offset: m.offset,
        }
    }

    fn month(year: i32, month: u32) -> (Ymd, Ymd) {
        (
            Ymd {
                year,
                month,
                day: 1,
            },
            Ymd {
                year,
                month,
                day: days_in_month(year, month),
            },
        )
    }
}

static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:\b(?P<part>early|mid|late|the end of|end of|the beginning of|beginning of|the start of|the middle of)[\s-]+)?\b(?P<m>{MONTHS})\s+(?P<y>(?:19|20)\d\d)\b"
    ))
    .expect("month-year pattern")
});

static BARE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<y>(?:19|20)\d\d)\b").expect("bare year pattern"));

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?P<rel>on|last|this|next|since|by|until)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?P<unit_rel>last|this|next)\s+(?P<unit>month|year)\b|\b(?P<word>yesterday|today)\b")
        .expect("relative date pattern")
});

/// Every period `text` names: day-precise dates and ranges (as [`find_dates`]), months
/// with a year, bare years, and — when `anchor` (the article's date) is known — weekdays
/// ("on Monday": the latest such day on or before the anchor, "next Monday" the first
/// after it), "last month", "this year", "yesterday", all marked inferred. Sorted by offset.
pub fn find_periods(text: &str, default_year: Option<i32>, anchor: Option<Ymd>) -> Vec<Period> {
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    if !has_digit && (anchor.is_none() || !RELATIVE.is_match(text)) {
        return Vec::new();
    }
    let mut out: Vec<Period> = find_dates(text, default_year)
        .iter()
        .map(Period::day_range)
        .collect();
    let overlaps = |out: &[Period], s: usize, e: usize| {
        out.iter()
            .any(|p| s < p.offset + p.text.len() && p.offset < e)
    };
    for c in MONTH_YEAR.captures_iter(text) {
        let whole = c.get(0).expect("group 0");
        let m = c.name("m").expect("month group");
        if overlaps(&out, m.start(), whole.end()) {
            continue;
        }
        let (Some(month), Ok(year)) = (month_number(m.as_str()), c["y"].parse::<i32>()) else {
            continue;
        };
        let part = c
            .name("part")
            .map(|p| match p.as_str().to_lowercase().as_str() {
                "early" | "the beginning of" | "beginning of" | "the start of" => "early",
                "mid" | "the middle of" => "mid",
                "late" => "late",
                _ => "end",
            });
        let (start, end) = Period::month(year, month);
        out.push(Period {
            start,
            end,
            precision: Precision::Month,
            part,
            inferred: false,
            text: whole.as_str().to_string(),
            offset: whole.start(),
        });
    }
    for c in BARE_YEAR.captures_iter(text) {
        let y = c.get(0).expect("group 0");
        if overlaps(&out, y.start(), y.end()) {
            continue;
        }
        let before = &text[..y.start()];
        let after = &text[y.end()..];
        // "Resolution 2254", "1,2020", "2020s", "2020-21", "2020%" are not years here.
        let word_before = before
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase();
        let glued_before = before.ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
        let glued_after = after.starts_with(|c: char| c.is_alphanumeric() || c == '%') || {
            let mut next = after.chars();
            matches!(next.next(), Some('-' | '–'))
                && next.next().is_some_and(|c| c.is_ascii_digit())
        };
        if glued_before
            || glued_after
            || ["resolution", "no", "number", "article", "law", "decree"]
                .contains(&word_before.as_str())
        {
            continue;
        }
        let Ok(year) = y.as_str().parse::<i32>() else {
            continue;
        };
        out.push(Period {
            start: Ymd {
                year,
                month: 1,
                day: 1,
            },
            end: Ymd {
                year,
                month: 12,
                day: 31,
            },
            precision: Precision::Year,
            part: None,
            inferred: false,
            text: y.as_str().to_string(),
            offset: y.start(),
        });
    }
    if let Some(anchor) = anchor {
        for c in RELATIVE.captures_iter(text) {
            let whole = c.get(0).expect("group 0");
            if overlaps(&out, whole.start(), whole.end()) {
                continue;
            }
            let resolved = if let Some(wd) = c.name("wd") {
                let Some(target) = weekday_number(wd.as_str()) else {
                    continue;
                };
                let a = weekday(anchor);
                let rel = c.name("rel").map(|r| r.as_str().to_lowercase());
                let d = if rel.as_deref() == Some("next") {
                    let ahead = (i64::from(target) - i64::from(a)).rem_euclid(7);
                    add_days(anchor, if ahead == 0 { 7 } else { ahead })
                } else {
                    let back = (i64::from(a) - i64::from(target)).rem_euclid(7);
                    let back = if rel.as_deref() == Some("last") && back == 0 {
                        7
                    } else {
                        back
                    };
                    add_days(anchor, -back)
                };
                Some((d, d, Precision::Day))
            } else if let Some(unit) = c.name("unit") {
                let shift: i32 = match c["unit_rel"].to_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                if unit.as_str().eq_ignore_ascii_case("month") {
                    let idx = anchor.year * 12 + anchor.month as i32 - 1 + shift;
                    let (year, month) = (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32);
                    let (s, e) = Period::month(year, month);
                    Some((s, e, Precision::Month))
                } else {
                    let year = anchor.year + shift;
                    Some((
                        Ymd {
                            year,
                            month: 1,
                            day: 1,
                        },
                        Ymd {
                            year,
                            month: 12,
                            day: 31,
                        },
                        Precision::Year,
                    ))
                }
            } else {
                let d = match c["word"].to_lowercase().as_str() {
                    "yesterday" => add_days(anchor, -1),
                    _ => anchor,
                };
                Some((d, d, Precision::Day))
            };
            if let Some((start, end, precision)) = resolved {
                out.push(Period {
                    start,
                    end,
                    precision,
                    part: None,
                    inferred: true,
                    text: whole.as_str().to_string(),
                    offset: whole.start(),
                });
            }
        }
    }
    out.sort_by_key(|p| p.offset);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::calendar::ymd;

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
    fn background_years_never_give_the_date() {
        // The story's year is 2024; a day in 2011 is background.
        let blocks = [
            "The bloc was founded in 2006 and grew on January 1, 2011 to five members.",
            "Leaders meet in the city on October 22-24, 2024.",
        ];
        assert_eq!(infer_date(&blocks).unwrap().date, ymd(2024, 10, 22));
        // Only a background day with a year: no date.
        let blocks = [
            "The leaders met in the city.",
            "Since 2016 the bloc has grown; it was founded on March 3, 2011.",
        ];
        assert_eq!(infer_date(&blocks), None);
    }

    #[test]
    fn a_day_without_its_year_needs_its_weekday() {
        // 22 October 2024 was a Tuesday.
        let blocks = [
            "The president spoke on Tuesday with his counterpart about the summit.",
            "The summit is being held on October 22-24 in the city, the 2024 host.",
        ];
        assert_eq!(infer_date(&blocks).unwrap().date, ymd(2024, 10, 22));
        let blocks = [
            "The president spoke on Friday with his counterpart about the summit.",
            "The summit is being held on October 22-24 in the city, the 2024 host.",
        ];
        assert_eq!(infer_date(&blocks), None);
    }

    #[test]
    fn text_without_dates_has_no_date() {
        assert_eq!(infer_date(&["Nothing dated here."]), None);
    }

    #[test]
    fn periods_months_years_and_relative_days_from_the_seeds() {
        let anchor = Some(ymd(2020, 11, 11));
        let p = find_periods(
            "During a video call with the regime leader Bashar al Assad on Monday, Putin praised the conference.",
            Some(2020),
            anchor,
        );
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].start, p[0].precision, p[0].inferred),
            (ymd(2020, 11, 9), Precision::Day, true)
        );
        let p = find_periods(
            "said Mills during an online meeting of the UN Security Council last month.",
            None,
            anchor,
        );
        assert_eq!(
            (p[0].start, p[0].end, p[0].precision),
            (ymd(2020, 10, 1), ymd(2020, 10, 31), Precision::Month)
        );
        let p = find_periods(
            "the Constitutional Committee that it had launched through the Sochi Conference (January 2018) and the Astana Track (2017)",
            None,
            None,
        );
        assert_eq!(p.len(), 2);
        assert_eq!(
            (p[0].start, p[0].precision),
            (ymd(2018, 1, 1), Precision::Month)
        );
        assert_eq!(
            (p[1].start, p[1].end, p[1].precision),
            (ymd(2017, 1, 1), ymd(2017, 12, 31), Precision::Year)
        );
        let p = find_periods(
            "the fifth round, which is supposed to be held at the end of January 2021, in what",
            None,
            None,
        );
        assert_eq!((p[0].start.month, p[0].part), (1, Some("end")));
        let p = find_periods(
            "Sputnik had reported Moscow's support in mid-November 2020 through",
            None,
            None,
        );
        assert_eq!((p[0].start, p[0].part), (ymd(2020, 11, 1), Some("mid")));
    }

    #[test]
    fn periods_in_other_phrasing() {
        let anchor = Some(ymd(2021, 3, 5)); // a Friday
        let p = find_periods(
            "Talks resumed on Friday; the envoy will return next Tuesday, as agreed last year.",
            None,
            anchor,
        );
        let got: Vec<(Ymd, Precision)> = p.iter().map(|p| (p.start, p.precision)).collect();
        assert_eq!(
            got,
            [
                (ymd(2021, 3, 5), Precision::Day),
                (ymd(2021, 3, 9), Precision::Day),
                (ymd(2020, 1, 1), Precision::Year)
            ]
        );
        let p = find_periods(
            "UNSC Resolution 2254 and 2020s trends; since 1999, in early March 2011 protests began",
            None,
            None,
        );
        let got: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(got, ["1999", "early March 2011"]);
        assert!(
            find_periods("on Monday", None, None).is_empty(),
            "no anchor, no weekday"
        );
    }
}
