//! Whether a sentence is about the event or another edition of it: the years the event
//! falls in, and the words that point at an earlier or another meeting (pure).

use std::sync::LazyLock;

use regex::Regex;

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").expect("year pattern"));

/// A year that dates a meeting: near a meeting noun ("the 2019 summit", "in Lima in
/// 2019 for the summit") or opening the sentence ("In 2019, …").
static MEETING_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:in|at|during|since|by)\s+(?P<a>(?:19|20)\d\d)\b|\b(?P<b>(?:19|20)\d\d)\b(?:\W+\w+){0,7}?\W+(?:summit|meeting|conference|round|session|edition|gathering|games|olympics|talks|congress|forum|ministerial|ceremony|cup)s?\b|\b(?:summit|meeting|conference|round|session|edition|gathering|games|olympics|talks|congress|forum|ministerial|ceremony|cup)s?\b(?:\W+\w+){0,7}?\W+(?P<c>(?:19|20)\d\d)\b",
    )
    .expect("meeting-year pattern")
});

static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:last\s+year['’]s|last|previous|preceding|earlier|former|past)\s+(?:\w+\s+)?(?:summit|meeting|conference|round|session|edition|gathering|games|talks|congress|forum|ministerial)s?\b",
    )
    .expect("earlier-meeting pattern")
});

/// The years the event falls in (none when its dates are not known).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Years(Vec<i32>);

impl Years {
    /// From the event's `YYYY-MM-DD` start and end.
    pub fn of(start: Option<&str>, end: Option<&str>) -> Years {
        let year = |d: Option<&str>| {
            d.and_then(|d| d.get(..4))
                .and_then(|y| y.parse::<i32>().ok())
        };
        let mut ys: Vec<i32> = match (year(start), year(end)) {
            (Some(a), Some(b)) if a <= b && b - a < 10 => (a..=b).collect(),
            (a, b) => a.into_iter().chain(b).collect(),
        };
        ys.dedup();
        Years(ys)
    }

    /// A sentence about another edition: the years that date a meeting in it are none
    /// of the event's ("In 2019 they signed …", "the 2019 summit"), or it speaks of an
    /// earlier meeting ("last year's summit", "the previous round"). A year that dates
    /// something else ("a plan first outlined in 2022") does not count.
    pub fn other_edition(&self, sentence: &str) -> bool {
        if EARLIER.is_match(sentence) {
            return true;
        }
        if self.0.is_empty() {
            return false;
        }
        let dated: Vec<i32> = MEETING_YEAR
            .captures_iter(sentence)
            .filter_map(|c| c.name("a").or(c.name("b")).or(c.name("c")))
            .filter_map(|m| m.as_str().parse::<i32>().ok())
            .collect();
        let all: Vec<i32> = YEAR
            .find_iter(sentence)
            .filter_map(|m| m.as_str().parse::<i32>().ok())
            .collect();
        !dated.is_empty() && !all.iter().any(|y| self.0.contains(y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_of_other_editions_by_pattern() {
        let y = Years::of(Some("2024-10-22"), Some("2024-10-24"));
        for (name, sentence, other) in [
            ("no year", "The leaders adopted a declaration.", false),
            (
                "the event's year",
                "On 23 October 2024 they signed an accord.",
                false,
            ),
            ("another year only", "In 2019 they signed an accord.", true),
            (
                "another year's meeting",
                "The accord signed at the 2019 summit still holds.",
                true,
            ),
            (
                "a year that dates something else",
                "Some 40 countries back the plan first outlined in 2022.",
                false,
            ),
            ("both years", "Unlike in 2019, in 2024 they signed.", false),
            ("last year's", "Last year's summit adopted a charter.", true),
            (
                "the previous round",
                "The previous round of talks ended in a joint statement.",
                true,
            ),
            (
                "the last summit",
                "Only 12 leaders attended the last summit of the group.",
                true,
            ),
            (
                "the last day",
                "On the last day of the summit they signed an accord.",
                false,
            ),
            (
                "a meeting far from its year",
                "The Summit of the Andes in Lima in 2019 drew 30 leaders.",
                true,
            ),
        ] {
            assert_eq!(y.other_edition(sentence), other, "{name}: {sentence}");
        }
        assert!(!Years::default().other_edition("In 2019 they signed an accord."));
    }
}
