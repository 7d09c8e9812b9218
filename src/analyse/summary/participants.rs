//! Event figures: how many took part — "32 countries confirmed participation", "more
//! than 50 heads of state", "some 1,600 delegates were invited" — read from the
//! phrasings of `data/summary_cues.yaml`, merged across outlets, and the sources that
//! give counts that cannot both be true flagged (pure).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::cues::{Cues, count_value};
use super::rank::compress;
use super::scope::Years;
use super::text::{Doc, SourceRef};
use crate::markdown::BlockKind;

/// The most event figures the summary keeps.
pub const MAX_PARTICIPANTS: usize = 8;

/// A count of the event's participants, as one or more sources give it.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Participation {
    /// The count with its hedge, as written: "more than 20", "32", "some 1,600".
    pub number: String,
    /// Its value; `None` for "dozens of".
    pub value: Option<f64>,
    /// What is counted, as written: "heads of state", "countries".
    pub what: String,
    /// `states`, `leaders`, `ministers`, `delegations`, `delegates`, `organisations`,
    /// `athletes` or `meetings` (bilateral meetings beside the sessions).
    pub class: String,
    /// `attended`, `expected` or `invited`.
    pub stance: String,
    /// The sentence cut short.
    pub context: String,
    pub source: SourceRef,
    /// Other outlets giving the same count.
    pub also: Vec<SourceRef>,
}

impl Participation {
    /// "more than 20 heads of state".
    pub fn label(&self) -> String {
        format!("{} {}", self.number, self.what)
    }

    /// The values the count allows, from its hedge: "more than 30" is above 30, "about
    /// 100" within 15% of it.
    fn range(&self) -> Option<(f64, f64)> {
        let v = self.value?;
        Some(match hedge(&self.number) {
            "above" => (v, v * 1.5 + 5.0),
            "below" => (v * 0.8, v),
            "near" => (v * 0.85, v * 1.15),
            _ => (v, v),
        })
    }
}

/// Counts of the same participants, in the same stance, that cannot all be right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParticipationDifference {
    pub class: String,
    pub stance: String,
    /// Indices into the summary's `participants`.
    pub figures: Vec<usize>,
}

/// The participant counts of one briefing, with the sentence each comes from.
/// "In 2019 Pacific states met": a four-digit year after a preposition is a date, not a
/// count ("2000 delegates attended" stays a count).
fn is_year_after_preposition(before: &str, number: &str) -> bool {
    let year = number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && matches!(number.as_bytes()[0], b'1' | b'2');
    let prev = before
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    year && matches!(
        prev.as_str(),
        "in" | "since" | "by" | "until" | "till" | "before" | "after" | "from" | "during" | "of"
    )
}

pub fn read(doc: &Doc, cues: &Cues) -> Vec<(usize, Participation)> {
    let mut out = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        if matches!(s.kind, BlockKind::Heading | BlockKind::Html) || !cues.may_count(&s.text) {
            continue;
        }
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for row in &cues.participants {
            for c in row.re.captures_iter(&s.text) {
                let whole = c.get(0).expect("group 0");
                if taken
                    .iter()
                    .any(|&(a, b)| whole.start() < b && a < whole.end())
                {
                    continue;
                }
                // "the 32-nation bloc", "2,000 years": a number inside a word or date.
                if s.text[..whole.start()].ends_with(|ch: char| ch.is_alphanumeric() || ch == '-') {
                    continue;
                }
                let (Some(n), Some(who)) = (c.name("n"), c.name("who")) else {
                    continue;
                };
                if is_year_after_preposition(&s.text[..n.start()], n.as_str()) {
                    continue;
                }
                let Some(class) = cues.class_of(who.as_str()) else {
                    continue;
                };
                let near = window(&s.text, whole.start(), whole.end());
                if cues.not_participation.is_match(near) {
                    continue;
                }
                let Some(stance) = cues.stance(near) else {
                    continue;
                };
                let number = match c.name("q") {
                    Some(q) => format!("{} {}", q.as_str(), n.as_str()).to_lowercase(),
                    None => n.as_str().to_lowercase(),
                };
                taken.push((whole.start(), whole.end()));
                out.push((
                    i,
                    Participation {
                        value: count_value(n.as_str()),
                        number,
                        what: format!(
                            "{}{}",
                            who.as_str(),
                            c.name("and").map_or("", |a| a.as_str())
                        )
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase(),
                        class: class.to_string(),
                        stance: stance.as_str().to_string(),
                        context: compress(&s.text, 30),
                        source: SourceRef::new(doc, s),
                        also: Vec::new(),
                    },
                ));
            }
        }
    }
    out
}

static CONTRAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s+(?:but|while|whereas|although|though|yet)\b").expect("contrast pattern")
});

/// Words before a count that can say what it counts in ("invited some 900 delegates",
/// "attended by leaders and envoys from some 30 countries").
const WINDOW_BEFORE: usize = 7;
/// Words after it ("countries - including X, Y and Z - have declined").
const WINDOW_AFTER: usize = 10;

/// The words around a byte range, within its clause (';' and ':' end one): where the
/// cue that makes a count a count of participants must be.
fn window(s: &str, start: usize, end: usize) -> &str {
    let breaks = [';', ':'];
    let from = s[..start]
        .rfind(|c| breaks.contains(&c))
        .map_or(0, |i| i + 1);
    let mut to = s[end..]
        .find(|c| breaks.contains(&c))
        .map_or(s.len(), |i| end + i);
    // ", but 30 countries will attend" is another clause's.
    if let Some(m) = CONTRAST.find(&s[end..to]) {
        to = end + m.start();
    }
    // Byte offset of a word of `s`.
    let at = |w: &str| w.as_ptr() as usize - s.as_ptr() as usize;
    let before = s[from..start]
        .split_whitespace()
        .rev()
        .take(WINDOW_BEFORE)
        .last()
        .map_or(start, at);
    let after = s[end..to]
        .split_whitespace()
        .take(WINDOW_AFTER)
        .last()
        .map_or(end, |w| at(w) + w.len());
    &s[before..after]
}

/// A count's hedge in one word for each meaning: "over", "more than", "just over" are
/// `above`; "about", "around", "some" are `near` …; none is `exact`.
fn hedge(number: &str) -> &'static str {
    let q = number
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == ',' || c == '-')
        .trim();
    // "more than a hundred": the hedge without the article.
    let q = q.strip_suffix(" a").unwrap_or(q);
    match q {
        "" | "only" | "all" => "exact",
        "more than" | "over" | "just over" | "at least" => "above",
        "about" | "around" | "approximately" | "roughly" | "some" => "near",
        "nearly" | "almost" | "close to" | "just under" | "under" | "less than" | "fewer than"
        | "up to" => "below",
        _ => "other",
    }
}

/// The counts of all briefings about the event (`years`: a sentence naming only other
/// years is about another edition), merged across outlets, and the differences.
pub fn merge(
    parts: &[&[(usize, Participation)]],
    years: &Years,
) -> (Vec<Participation>, Vec<ParticipationDifference>) {
    let mut all: Vec<Participation> = Vec::new();
    for part in parts {
        for (_, p) in part.iter() {
            if years.other_edition(&p.source.sentence) {
                continue;
            }
            // "over 90 countries" and "more than 90 states" are one count.
            let same = all.iter_mut().find(|g| {
                g.class == p.class
                    && g.stance == p.stance
                    && g.value == p.value
                    && hedge(&g.number) == hedge(&p.number)
                    && g.what.contains(" and ") == p.what.contains(" and ")
            });
            match same {
                Some(g) => {
                    if g.source.page != p.source.page
                        && !g.also.iter().any(|a| a.page == p.source.page)
                    {
                        g.also.push(p.source.clone());
                    }
                }
                None => all.push(p.clone()),
            }
        }
    }
    // What took place first, then what was expected, then invitations; most outlets
    // first within each; then reading order.
    let stance_rank = |s: &str| match s {
        "attended" => 0,
        "expected" => 1,
        "invited" => 2,
        _ => 3,
    };
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&a, &b| {
        stance_rank(&all[a].stance)
            .cmp(&stance_rank(&all[b].stance))
            .then(all[b].also.len().cmp(&all[a].also.len()))
            .then(a.cmp(&b))
    });
    order.truncate(MAX_PARTICIPANTS);
    let all: Vec<Participation> = order.into_iter().map(|k| all[k].clone()).collect();
    let mut differences: Vec<ParticipationDifference> = Vec::new();
    for a in 0..all.len() {
        for b in (a + 1)..all.len() {
            let (pa, pb) = (&all[a], &all[b]);
            if pa.class != pb.class || pa.stance != pb.stance || pa.source.page == pb.source.page {
                continue;
            }
            let (Some((lo_a, hi_a)), Some((lo_b, hi_b))) = (pa.range(), pb.range()) else {
                continue;
            };
            if hi_a < lo_b || hi_b < lo_a {
                match differences
                    .iter_mut()
                    .find(|d| d.class == pa.class && d.stance == pa.stance)
                {
                    Some(d) => {
                        for k in [a, b] {
                            if !d.figures.contains(&k) {
                                d.figures.push(k);
                            }
                        }
                    }
                    None => differences.push(ParticipationDifference {
                        class: pa.class.clone(),
                        stance: pa.stance.clone(),
                        figures: vec![a, b],
                    }),
                }
            }
        }
    }
    (all, differences)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::summary::text::test_doc;

    fn counts(sentence: &str) -> Vec<(String, String, String)> {
        let d = test_doc("/briefings/a/", "Outlet", &[sentence]);
        read(&d, Cues::embedded())
            .into_iter()
            .map(|(_, p)| (p.label(), p.class, p.stance))
            .collect()
    }

    /// A row per phrasing: the sentence and the counts it gives (label, class, stance).
    #[test]
    fn participant_counts_by_phrasing() {
        /// Name, sentence, and the counts (label, class, stance) it gives.
        type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str, &'a str)]);
        let rows: &[Row] = &[
            (
                "confirmed participation",
                "Organisers said 41 countries have confirmed participation.",
                &[("41 countries", "states", "expected")],
            ),
            (
                "hedged count of leaders, past",
                "More than 30 heads of state attended the opening session.",
                &[("more than 30 heads of state", "leaders", "attended")],
            ),
            (
                "invited delegates",
                "The hosts invited some 900 delegates to the forum.",
                &[("some 900 delegates", "delegates", "invited")],
            ),
            (
                "two counts joined by and",
                "Delegations of 64 countries and 11 international organisations took part.",
                &[
                    ("64 countries", "states", "attended"),
                    (
                        "11 international organisations",
                        "organisations",
                        "attended",
                    ),
                ],
            ),
            (
                "number in words",
                "Twenty-two foreign ministers gathered in the capital.",
                &[("twenty-two foreign ministers", "ministers", "attended")],
            ),
            (
                "elided noun: N will send heads of state",
                "Of those, about 15 will send heads of state.",
                &[("about 15 heads of state", "leaders", "expected")],
            ),
            (
                "absent: declined invitations, cue after an aside",
                "Seven countries - among them two neighbours - have declined invitations.",
                &[("seven countries", "states", "absent")],
            ),
            (
                "a count in a quote about something else",
                "The ministry said more than 100 countries and groups back its position, but 30 countries will be in attendance.",
                &[("30 countries", "states", "expected")],
            ),
            (
                "one count of countries and organisations",
                "More than 70 countries and organisations gathered by the lake.",
                &[(
                    "more than 70 countries and organisations",
                    "states",
                    "attended",
                )],
            ),
            (
                "at a summit",
                "Envoys from 35 nations spent two days at a regional summit.",
                &[("35 nations", "states", "attended")],
            ),
            (
                "not invited",
                "The hosts said four countries were not invited to the summit.",
                &[("four countries", "states", "not_invited")],
            ),
            (
                "signatories are not participants",
                "Leaders adopted a joint text agreed upon by more than 80 countries.",
                &[],
            ),
            (
                "no participation cue: no count",
                "Only five countries voted against the motion last spring.",
                &[],
            ),
            (
                "meetings beside the sessions: N bilateral meetings",
                "The host president will hold about 15 bilateral meetings in two days.",
                &[("about 15 bilateral meetings", "meetings", "expected")],
            ),
            (
                "meetings beside the sessions, held",
                "The chancellor met leaders in 12 bilateral talks at the summit.",
                &[("12 bilateral talks", "meetings", "attended")],
            ),
            (
                "capitalised modifiers between count and noun",
                "Leaders of twelve Pacific island states met in Suva on Monday.",
                &[("twelve states", "states", "attended")],
            ),
            (
                "attended by leaders from N countries, the cue seven words back",
                "Crowds lined the road for the funeral, attended by leaders and envoys from some 30 countries.",
                &[("some 30 countries", "states", "attended")],
            ),
            (
                "people from N nations, no verb of taking part",
                "Dignitaries from more than 40 nations filled the stadium.",
                &[("more than 40 nations", "states", "attended")],
            ),
            (
                "the games drew N athletes",
                "The opening drew around 3,500 athletes to the stadium.",
                &[("around 3,500 athletes", "athletes", "attended")],
            ),
            (
                "a year is no count, whatever follows",
                "In 2019 Pacific states met in Apia.",
                &[],
            ),
            (
                "membership is not participation",
                "The bloc's 27 member states share a single market.",
                &[],
            ),
        ];
        for (name, sentence, want) in rows {
            let got = counts(sentence);
            let want: Vec<(String, String, String)> = want
                .iter()
                .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
                .collect();
            assert_eq!(got, want, "{name}: {sentence}");
        }
    }

    #[test]
    fn outlets_giving_the_same_count_merge_and_incompatible_counts_differ() {
        let a = test_doc(
            "/briefings/a/",
            "A",
            &["Leaders of 92 countries attended the summit."],
        );
        let b = test_doc(
            "/briefings/b/",
            "B",
            &["Leaders of 92 countries attended the summit."],
        );
        let c = test_doc(
            "/briefings/c/",
            "C",
            &["Around 120 countries took part in the summit, the hosts said."],
        );
        let d = test_doc("/briefings/d/", "D", &["More than 90 countries attended."]);
        let cues = Cues::embedded();
        let parts: Vec<Vec<(usize, Participation)>> =
            [&a, &b, &c, &d].iter().map(|x| read(x, cues)).collect();
        let refs: Vec<&[(usize, Participation)]> = parts.iter().map(|p| p.as_slice()).collect();
        let (all, differ) = merge(&refs, &Years::default());
        let labels: Vec<String> = all.iter().map(|p| p.label()).collect();
        assert_eq!(
            labels,
            [
                "92 countries",
                "around 120 countries",
                "more than 90 countries"
            ]
        );
        assert_eq!(all[0].also.len(), 1, "B repeats A's count");
        // "Around 120" cannot be 92; "more than 90" agrees with both.
        assert_eq!(differ.len(), 1);
        let mut figs = differ[0].figures.clone();
        figs.sort_unstable();
        assert_eq!(figs, [0, 1]);
    }

    #[test]
    fn the_same_count_in_other_words_is_one() {
        let a = test_doc(
            "/briefings/a/",
            "A",
            &["Over 90 countries took part in the talks."],
        );
        let b = test_doc(
            "/briefings/b/",
            "B",
            &["More than 90 states attended the summit."],
        );
        let c = test_doc(
            "/briefings/c/",
            "C",
            &["About 90 nations attended the summit."],
        );
        let parts: Vec<Vec<(usize, Participation)>> = [&a, &b, &c]
            .iter()
            .map(|x| read(x, Cues::embedded()))
            .collect();
        let refs: Vec<&[(usize, Participation)]> = parts.iter().map(|p| p.as_slice()).collect();
        let (all, _) = merge(&refs, &Years::default());
        let labels: Vec<String> = all.iter().map(|p| p.label()).collect();
        assert_eq!(labels, ["over 90 countries", "about 90 nations"]);
        assert_eq!(all[0].also.len(), 1);
    }

    #[test]
    fn hedges_read_as_one_word_each() {
        for (number, h) in [
            ("32", "exact"),
            ("over 90", "above"),
            ("more than a hundred", "above"),
            ("around 1,600", "near"),
            ("nearly forty-two", "below"),
        ] {
            assert_eq!(hedge(number), h, "{number}");
        }
    }

    #[test]
    fn counts_of_another_edition_are_left_out() {
        let a = test_doc(
            "/briefings/a/",
            "A",
            &["In 2019, 48 countries attended the summit in Lima."],
        );
        let parts = [read(&a, Cues::embedded())];
        let refs: Vec<&[(usize, Participation)]> = parts.iter().map(|p| p.as_slice()).collect();
        let (all, _) = merge(&refs, &Years::of(Some("2023-05-19"), Some("2023-05-19")));
        assert!(all.is_empty(), "{all:?}");
    }
}
