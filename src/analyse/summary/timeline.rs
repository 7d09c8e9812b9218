//! The timeline: the dated events the briefings mention — days, months and years as
//! written, weekdays and "last month" resolved against the article's date and marked
//! inferred — sorted, merged across outlets, each linked to its sentence (pure).

use serde::Serialize;

use super::text::{Doc, FxMap, FxSet, SourceRef, Vector, cosine, doc_year};
use crate::common::calendar::{Ymd, display_date};
use crate::ingest::dates::{Period, Precision, find_periods};

/// One dated event. In JSON it leaves out its sort key; the build cache's binary form
/// keeps every field.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct TimelineItem {
    /// `YYYY-MM-DD`: first day of the period.
    pub start: String,
    /// `YYYY-MM-DD`: last day of the period.
    pub end: String,
    pub precision: Precision,
    /// "11–12 November 2020", "mid-November 2020", "2017".
    pub when: String,
    /// The words of the text that date it: "on Monday", "(January 2018)".
    pub as_written: String,
    /// The date is not written as such: resolved from a weekday or "last month"
    /// against the article's date, or its year taken from the rest of the article.
    pub inferred: bool,
    /// The text speaks of it as still to come.
    pub planned: bool,
    /// What happened, in the text's words (the clause around the date, shortened).
    pub what: String,
    pub source: SourceRef,
    pub also: Vec<SourceRef>,
    /// `YYYY-MM-DD` the item sorts by: its start, or the 15th for "mid-", the 25th for
    /// "late" or "end of" a month.
    pub sort_date: String,
    sort_key: (Ymd, u8),
}

impl Serialize for TimelineItem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let whole = !s.is_human_readable();
        let mut st = s.serialize_struct("TimelineItem", if whole { 12 } else { 11 })?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("precision", &self.precision)?;
        st.serialize_field("when", &self.when)?;
        st.serialize_field("as_written", &self.as_written)?;
        st.serialize_field("inferred", &self.inferred)?;
        st.serialize_field("planned", &self.planned)?;
        st.serialize_field("what", &self.what)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("also", &self.also)?;
        st.serialize_field("sort_date", &self.sort_date)?;
        if whole {
            st.serialize_field("sort_key", &self.sort_key)?;
        }
        st.end()
    }
}

/// The most items a timeline keeps.
pub const MAX_ITEMS: usize = 60;

/// "11–12 November 2020", "30 November – 4 December 2020", "mid-November 2020".
pub fn when(p: &Period) -> String {
    let month = crate::common::calendar::month_name;
    match p.precision {
        Precision::Day if p.start == p.end => display_date(&p.start),
        Precision::Day if p.start.year == p.end.year && p.start.month == p.end.month => {
            format!(
                "{}–{} {} {}",
                p.start.day,
                p.end.day,
                month(p.end.month),
                p.end.year
            )
        }
        Precision::Day if p.start.year == p.end.year => format!(
            "{} {} – {} {} {}",
            p.start.day,
            month(p.start.month),
            p.end.day,
            month(p.end.month),
            p.end.year
        ),
        Precision::Day => format!("{} – {}", display_date(&p.start), display_date(&p.end)),
        Precision::Month => {
            let m = format!("{} {}", month(p.start.month), p.start.year);
            match p.part {
                Some("end") => format!("end of {m}"),
                Some(part) => format!("{part}-{m}")
                    .replace("early-", "early ")
                    .replace("late-", "late "),
                None => m,
            }
        }
        Precision::Year => p.start.year.to_string(),
    }
}

const FUTURE_CUES: &[&str] = &[
    "will ",
    "supposed to",
    "scheduled",
    "planned",
    "plans to",
    "to be held",
    "next ",
    "upcoming",
    "expected to be",
    "due to be",
    "would be held",
];

/// The clause around byte offset `start`, widened by neighbouring clauses up to
/// about `max_words`, with "…" where it is cut.
pub fn clause_around(s: &str, start: usize, max_words: usize) -> String {
    // Clause boundaries: ", " and "; " outside parentheses.
    let mut bounds = vec![0usize];
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | ';' if depth == 0 && s[i + 1..].starts_with(' ') => bounds.push(i + 2),
            _ => {}
        }
    }
    bounds.push(s.len() + 2);
    let k = bounds.iter().rposition(|&b| b <= start).unwrap_or(0);
    let (mut a, mut b) = (k, k + 1);
    let words = |a: usize, b: usize| {
        let to = (bounds[b] - 2).min(s.len());
        s[bounds[a]..to.max(bounds[a])].split_whitespace().count()
    };
    // Grow left first (the subject), then right.
    loop {
        let grown_left = a > 0 && words(a - 1, b) <= max_words;
        if grown_left {
            a -= 1;
            continue;
        }
        if b + 1 < bounds.len() && words(a, b + 1) <= max_words {
            b += 1;
            continue;
        }
        break;
    }
    let to = (bounds[b] - 2).min(s.len());
    let mut text = s[bounds[a]..to.max(bounds[a])].trim().to_string();
    let ws: Vec<&str> = text.split_whitespace().collect();
    let room = max_words.saturating_sub(ws.len());
    if ws.len() <= max_words && b + 1 < bounds.len() && room >= 4 {
        // Part of the next clause, so the event keeps its verb: "on Monday, Russian
        // President Vladimir Putin praised the conference…".
        let next = &s[bounds[b].min(s.len())..];
        let taken: Vec<&str> = next.split_whitespace().take(room).collect();
        let prefix = if a > 0 { "…" } else { "" };
        return format!(
            "{prefix}{}, {}…",
            text.trim_end_matches([',', ';']),
            taken.join(" ").trim_end_matches([',', ';', '.'])
        );
    }
    if ws.len() > max_words {
        // One long clause: a window of words around the date.
        let before_words = s[bounds[a]..start.max(bounds[a])]
            .split_whitespace()
            .count();
        let from = before_words.saturating_sub(max_words / 2);
        let to = (from + max_words).min(ws.len());
        let mut t = ws[from..to].join(" ");
        if from > 0 {
            t = format!("…{t}");
        }
        if to < ws.len() {
            t.push('…');
        }
        return t;
    }
    if a > 0 {
        text = format!("…{text}");
    }
    if to < s.len() {
        text = format!("{}…", text.trim_end_matches([',', ';']));
    }
    text
}

/// The dated events of one briefing, each with its sentence, in reading order: the
/// part of [`timeline`] worth keeping per page.
pub fn read(doc: &Doc) -> Vec<(TimelineItem, usize)> {
    let mut items: Vec<(TimelineItem, usize)> = Vec::new();
    let year = doc_year(doc).or(doc.date.map(|x| x.year));
    for (i, s) in doc.sentences.iter().enumerate() {
        for p in find_periods(&s.text, year, doc.date) {
            let what = clause_around(&s.text, p.offset, 28);
            // Only the words around the date say whether it is still to come.
            let lower = what.to_lowercase();
            let planned = FUTURE_CUES.iter().any(|c| lower.contains(c));
            let part_day = match p.part {
                Some("early") => 1,
                Some("mid") => 15,
                Some(_) => 25,
                None => p.start.day,
            };
            let rank = match p.precision {
                Precision::Year => 0,
                Precision::Month => 1,
                Precision::Day => 2,
            };
            let item = TimelineItem {
                start: p.start.to_string(),
                end: p.end.to_string(),
                precision: p.precision,
                when: when(&p),
                as_written: p.text.clone(),
                inferred: p.inferred,
                planned: planned && doc.date.is_none_or(|a| p.end >= a),
                what,
                source: SourceRef::new(doc, s),
                also: Vec::new(),
                sort_date: Ymd {
                    day: part_day,
                    ..p.start
                }
                .to_string(),
                sort_key: (
                    Ymd {
                        day: part_day,
                        ..p.start
                    },
                    rank,
                ),
            };
            items.push((item, i));
        }
    }
    items
}

/// Every dated event of the briefings, oldest first.
pub fn timeline(docs: &[Doc], vectors: &[Vec<Vector>]) -> Vec<TimelineItem> {
    let parts: Vec<Vec<(TimelineItem, usize)>> = docs.iter().map(read).collect();
    merge(
        &parts.iter().map(Vec::as_slice).collect::<Vec<_>>(),
        vectors,
    )
}

/// The timeline from each briefing's [`read`] (`parts[d]` of briefing `d`).
pub fn merge(parts: &[&[(TimelineItem, usize)]], vectors: &[Vec<Vector>]) -> Vec<TimelineItem> {
    // The same period told of in similar words is one event. Items are grouped by
    // period first, so only items of one period are compared.
    let mut merged: Vec<(TimelineItem, usize, usize)> = Vec::new();
    // The pages each merged item cites in `also`.
    let mut cited: Vec<FxSet<&str>> = Vec::new();
    let mut by_period: FxMap<(&str, &str, Precision), Vec<usize>> = Default::default();
    for (d, part) in parts.iter().enumerate() {
        for (item, i) in part.iter() {
            let i = *i;
            let multi_day = item.precision == Precision::Day && item.start != item.end;
            let key = (item.start.as_str(), item.end.as_str(), item.precision);
            let group = by_period.entry(key).or_default();
            let same = group.iter().copied().find(|&k| {
                let (_, md, mi) = merged[k];
                multi_day || (md == d && mi == i) || cosine(&vectors[md][mi], &vectors[d][i]) >= 0.2
            });
            match same {
                Some(k) => {
                    let (m, md, _) = &mut merged[k];
                    m.inferred &= item.inferred;
                    m.planned &= item.planned;
                    if *md != d
                        && m.source.page != item.source.page
                        && cited[k].insert(item.source.page.as_str())
                    {
                        m.also.push(item.source.clone());
                    }
                }
                None => {
                    group.push(merged.len());
                    merged.push((item.clone(), d, i));
                    cited.push(FxSet::default());
                }
            }
        }
    }
    let mut out: Vec<TimelineItem> = merged.into_iter().map(|(m, _, _)| m).collect();
    // A long timeline keeps the events most outlets tell.
    if out.len() > MAX_ITEMS {
        let mut by_support: Vec<usize> = (0..out.len()).collect();
        by_support.sort_by(|&a, &b| out[b].also.len().cmp(&out[a].also.len()).then(a.cmp(&b)));
        let keep: std::collections::HashSet<usize> =
            by_support.into_iter().take(MAX_ITEMS).collect();
        out = out
            .into_iter()
            .enumerate()
            .filter(|(k, _)| keep.contains(k))
            .map(|(_, t)| t)
            .collect();
    }
    out.sort_by(|a, b| {
        a.sort_key
            .cmp(&b.sort_key)
            .then(a.source.link.cmp(&b.source.link))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::calendar::ymd;

    #[test]
    fn when_reads_as_a_person_writes_it() {
        let p = find_periods(
            "on 11 and 12 November 2020 and 30 November to 4 December 2020",
            None,
            None,
        );
        assert_eq!(when(&p[0]), "11–12 November 2020");
        assert_eq!(when(&p[1]), "30 November – 4 December 2020");
        let p = find_periods(
            "at the end of January 2021, in mid-November 2020, in 2017",
            None,
            None,
        );
        let got: Vec<String> = p.iter().map(when).collect();
        assert_eq!(got, ["end of January 2021", "mid-November 2020", "2017"]);
        let p = find_periods("on Monday", None, Some(ymd(2020, 11, 11)));
        assert_eq!(when(&p[0]), "9 November 2020");
    }

    #[test]
    fn clauses_are_shortened_around_the_date() {
        let s = "After Moscow failed to hold a conference for Syrian refugees in 2018 as a result of the field changes that took place on the ground at the time, Moscow is now repeating its attempt.";
        let i = s.find("2018").unwrap();
        let c = clause_around(s, i, 20);
        assert!(
            c.contains("failed to hold a conference for Syrian refugees in 2018"),
            "{c}"
        );
        assert!(c.split_whitespace().count() <= 21, "{c}");
        let s = "The conflict that began with anti-government protests in March 2011 as part of the region's Arab Spring, quickly morphed into a war.";
        let i = s.find("March").unwrap();
        assert_eq!(clause_around(s, i, 28), s);
    }
}
