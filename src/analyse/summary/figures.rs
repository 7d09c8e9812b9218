//! Figures: the numbers the briefings give, with what they count and their unit, each
//! tied to its sentence; the same count told by several outlets is one figure citing
//! them all, and different numbers for the same thing are kept side by side (pure).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::text::{Doc, FxMap, FxSet, SourceRef, Vector, cosine};
use crate::analyse::gazetteer::{Gazetteer, PartyKind, Target};
use crate::ingest::dates::find_periods;

/// The most figures the summary keeps.
pub const MAX_FIGURES: usize = 30;

/// A number a text gives, with its meaning.
///
/// In JSON (the summary's data file and templates) a figure leaves out where it was
/// read (`doc`, `sentence`); the build cache's binary form keeps every field.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Figure {
    /// The value as a plain number (5.6 million → 5600000); 0 for vague amounts.
    pub value: f64,
    /// The number as written, with its scale: "5.6 million", "70 percent", "tens of thousands".
    pub number: String,
    /// "at least", "nearly", "more than" … as the text hedges it.
    pub qualifier: Option<String>,
    /// `people`, `percent`, `money` or `count`.
    pub unit: String,
    /// What is counted, from the words around the number: "Syrians living across Turkey".
    pub what: String,
    /// The clause that holds the number.
    pub context: String,
    /// True for "tens of thousands", "hundreds" and the like.
    pub vague: bool,
    pub source: SourceRef,
    /// Other outlets giving the same number for the same thing.
    pub also: Vec<SourceRef>,
    pub doc: usize,
    pub sentence: usize,
}

impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let whole = !s.is_human_readable();
        let mut st = s.serialize_struct("Figure", if whole { 11 } else { 9 })?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("number", &self.number)?;
        st.serialize_field("qualifier", &self.qualifier)?;
        st.serialize_field("unit", &self.unit)?;
        st.serialize_field("what", &self.what)?;
        st.serialize_field("context", &self.context)?;
        st.serialize_field("vague", &self.vague)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("also", &self.also)?;
        if whole {
            st.serialize_field("doc", &self.doc)?;
            st.serialize_field("sentence", &self.sentence)?;
        }
        st.end()
    }
}

impl Figure {
    /// "at least 5.6 million".
    pub fn label(&self) -> String {
        match &self.qualifier {
            Some(q) => format!("{q} {}", self.number),
            None => self.number.clone(),
        }
    }
}

/// Different numbers the sources give for the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureDifference {
    /// What the figures count, from the first of them.
    pub what: String,
    pub unit: String,
    /// Indices into the summary's `figures`.
    pub figures: Vec<usize>,
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?:(?P<q>at\ least|nearly|almost|about|around|approximately|roughly|more\ than|over|under|less\ than|fewer\ than|up\ to|close\ to|just\ over|just\ under|some)\s+)?
        (?:
          (?P<vague>tens\ of\ thousands|hundreds\ of\ thousands|thousands|hundreds|billions|tens\ of\ millions)\s+of\b
        |
          (?P<cur>[$€£])?(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
          (?:\s*(?P<scale>million|billion|trillion|thousand|bn)\b)?
          (?:\s*(?P<pct>percent\b|per\ cent\b|%))?
        )",
    )
    .expect("number pattern")
});

static VAGUE_HINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)thousands|hundreds|billions|millions").expect("vague hint"));

const HEDGE_WORDS: &[&str] = &[
    "massive",
    "huge",
    "large",
    "vast",
    "heavy",
    "great",
    "significant",
];

/// Words that end the noun phrase after a number.
const NP_STOP: &[&str] = &[
    "who", "which", "that", "are", "is", "were", "was", "have", "has", "had", "will", "would",
    "in", "on", "at", "by", "from", "to", "since", "across", "mostly", "with", "and", "or", "but",
    "as", "for", "into", "than", "while", "after", "before", "during", "of",
];

/// Words that end a noun phrase read backwards from a number.
const BACK_STOP: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "of", "has", "have", "had", "led",
    "left", "to", "reaching", "reached", "is", "was", "are", "were", "and", "with", "by", "at",
    "in", "on", "some", "about", "over", "under", "this", "that",
];

const PEOPLE_HEADS: &[&str] = &[
    "people",
    "persons",
    "refugees",
    "civilians",
    "deaths",
    "dead",
    "killed",
    "displaced",
    "population",
    "returnees",
    "detainees",
    "migrants",
    "children",
    "residents",
    "fighters",
    "soldiers",
    "victims",
    "casualties",
    "syrians",
    "who",
    "prisoners",
    "individuals",
    "inhabitants",
    "citizens",
    "asylum",
];

fn clean(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '’' && c != '\'')
}

fn scale_of(s: &str) -> f64 {
    match s.to_lowercase().as_str() {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" => 1e12,
        _ => 1.0,
    }
}

/// The clause around byte range `start..end`: from the previous clause break to the next.
fn clause(s: &str, start: usize, end: usize) -> String {
    let breaks = [',', ';', ':', '(', ')', '—', '–'];
    let from = s[..start]
        .rfind(|c| breaks.contains(&c))
        .map(|i| i + s[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let to = s[end..]
        .find(|c| breaks.contains(&c))
        .map(|i| end + i)
        .unwrap_or(s.len());
    s[from..to]
        .trim()
        .trim_end_matches('.')
        .trim_start_matches(['“', '"', '‘'])
        .to_string()
}

/// The words after a number that say what it counts: a short noun phrase, then a
/// participle or relative clause ("living across the country", "who went abroad").
fn what_after(rest: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut ws = rest.split_inclusive(char::is_whitespace).peekable();
    let mut np_done = false;
    let mut clause_words = 0;
    let mut in_relative = false;
    // "5.6 million Syrians, who were forced …": a comma before who/living continues.
    while let Some(raw) = ws.next() {
        let w = raw.trim();
        if w.is_empty() {
            continue;
        }
        let c = clean(w);
        let lower = c.to_lowercase();
        if c.is_empty() {
            break;
        }
        if !np_done {
            let starts_clause = lower == "who" || lower.ends_with("ing") && out.len() < 5;
            if starts_clause && !out.is_empty() || lower == "who" {
                np_done = true;
                in_relative = true;
            } else if NP_STOP.contains(&lower.as_str()) || out.len() >= 4 {
                break;
            }
        }
        if in_relative {
            clause_words += 1;
            if clause_words > 9 {
                break;
            }
        }
        out.push(c.to_string());
        let ends_clause = w.ends_with([',', '.', ';', ':', ')', '”', '"']);
        if ends_clause {
            if !np_done && w.ends_with(',') {
                // "Syrians, who …" / "Syrians, living …": let the clause through.
                if let Some(next) = ws.peek() {
                    let n = clean(next).to_lowercase();
                    if n == "who" || n.ends_with("ing") {
                        continue;
                    }
                }
            }
            break;
        }
    }
    let mut s = out.join(" ");
    if s.starts_with("who ") {
        s = format!("people {s}");
    }
    s
}

/// Words between a noun phrase and the number it is given by: "population of",
/// "deaths, reaching", "toll stood at".
const TRIGGERS: &[&str] = &[
    "of",
    "at",
    "to",
    "reaching",
    "reached",
    "totalling",
    "totaling",
    "numbering",
    "stood",
    "rose",
    "hit",
    "fell",
    "climbed",
];

/// The noun phrase before "of <number>", ", reaching <number>" or "stood at <number>";
/// `None` when the words before the number are not such a construction.
fn what_before(before: &str) -> Option<String> {
    let mut t = before.trim_end();
    let mut stripped = false;
    loop {
        let (head, last) = match t.rfind(char::is_whitespace) {
            Some(i) => (&t[..i], &t[i + 1..]),
            None => ("", t),
        };
        if TRIGGERS.contains(&last.to_lowercase().as_str()) {
            t = head.trim_end();
            stripped = true;
        } else {
            break;
        }
    }
    if !stripped {
        return None;
    }
    let t = t.trim_end_matches(',');
    let mut picked: Vec<&str> = Vec::new();
    for w in t.split_whitespace().rev() {
        let c = clean(w);
        let lower = c.to_lowercase();
        if c.is_empty()
            || BACK_STOP.contains(&lower.as_str())
            || HEDGE_WORDS.contains(&lower.as_str())
            || lower.ends_with("’s")
            || lower.ends_with("'s")
            || (w.ends_with(',') && !picked.is_empty())
            || picked.len() >= 3
        {
            break;
        }
        picked.push(c);
    }
    picked.reverse();
    (!picked.is_empty()).then(|| picked.join(" "))
}

fn unit_of(what: &str, pct: bool, money: bool) -> &'static str {
    if pct {
        return "percent";
    }
    if money {
        return "money";
    }
    let lower = what.to_lowercase();
    let money_words = ["dollars", "euros", "pounds", "usd"];
    if lower.split_whitespace().any(|w| money_words.contains(&w)) {
        return "money";
    }
    let head_words: Vec<&str> = lower.split_whitespace().take(3).collect();
    if head_words.iter().any(|w| {
        PEOPLE_HEADS.contains(w)
            || (w.ends_with("ians")
                || w.ends_with("ans")
                || w.ends_with("ese")
                || w.ends_with("is"))
                && w.len() > 4
    }) {
        "people"
    } else {
        "count"
    }
}

/// A figure as found in one sentence, before it is tied to its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub value: f64,
    pub number: String,
    pub qualifier: Option<String>,
    pub unit: &'static str,
    pub what: String,
    pub context: String,
    pub vague: bool,
}

/// Every figure in one sentence. "the country" in what a figure counts becomes the
/// country the sentence opens with, if it opens with one.
pub fn figures_in(sentence: &str, gazetteer: &Gazetteer) -> Vec<Found> {
    if !sentence.bytes().any(|b| b.is_ascii_digit()) && !VAGUE_HINT.is_match(sentence) {
        return Vec::new();
    }
    let periods = find_periods(sentence, Some(2000), None);
    let mut out = Vec::new();
    for c in NUMBER.captures_iter(sentence) {
        let whole = c.get(0).expect("group 0");
        // Dates, years, resolution numbers and ordinals are not figures.
        if periods
            .iter()
            .any(|p| whole.start() < p.offset + p.text.len() && p.offset < whole.end())
        {
            continue;
        }
        let before = &sentence[..whole.start()];
        let after = &sentence[whole.end()..];
        if after.starts_with(|ch: char| ch.is_alphanumeric())
            || after.starts_with('-')
            || before.ends_with(|ch: char| ch.is_alphanumeric() || ch == '-' || ch == '#')
        {
            continue;
        }
        let last_word = before
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_lowercase();
        if ["resolution", "no.", "number", "article", "round", "phase"]
            .contains(&last_word.as_str())
        {
            continue;
        }
        let qualifier = c.name("q").map(|q| q.as_str().to_lowercase());
        let pct = c.name("pct").is_some();
        let money = c.name("cur").is_some();
        let (value, number, vague) = if let Some(v) = c.name("vague") {
            (0.0, format!("{} of", v.as_str().to_lowercase()), true)
        } else {
            let n = c.name("n").expect("number group").as_str();
            let Ok(base) = n.replace(',', "").parse::<f64>() else {
                continue;
            };
            let scale = c.name("scale").map(|s| s.as_str()).unwrap_or("");
            let value = base * scale_of(scale);
            if !pct && scale.is_empty() && base < 1000.0 && !money {
                continue; // small counts are ordinary words, not figures
            }
            let mut number = format!("{}{n}", c.name("cur").map_or("", |x| x.as_str()));
            if !scale.is_empty() {
                number.push(' ');
                number.push_str(&scale.to_lowercase());
            }
            if pct {
                number.push_str(" percent");
            }
            (value, number, false)
        };
        let before_np = what_before(before);
        let mut what = if pct && after.trim_start().starts_with("of ") {
            format!(
                "of {}",
                what_after(after.trim_start().trim_start_matches("of "))
            )
        } else if before.trim_end().to_lowercase().ends_with(" of") && before_np.is_some() {
            before_np.clone().unwrap_or_default()
        } else {
            what_after(after)
        };
        if what.is_empty() {
            what = before_np.unwrap_or_default();
        }
        // "across the country" when the sentence opens with the country it means.
        if what.contains("the country") {
            let first_country =
                gazetteer
                    .mentions(sentence)
                    .into_iter()
                    .find_map(|m| match m.target {
                        Target::Party(i)
                            if gazetteer.parties[i].kind == PartyKind::Country && m.start < 3 =>
                        {
                            Some(gazetteer.parties[i].name.clone())
                        }
                        _ => None,
                    });
            if let Some(name) = first_country {
                what = what.replace("the country", &name);
            }
        }
        let context = clause(sentence, whole.start(), whole.end());
        if what.is_empty() {
            if !(pct || money) {
                continue;
            }
            what = context.clone();
        }
        let unit = unit_of(&what, pct, money);
        out.push(Found {
            value,
            number,
            qualifier,
            unit,
            what,
            context,
            vague,
        });
    }
    out
}

/// The figures of one briefing, in reading order (`doc` is 0 until [`merge`] places
/// them): the part of [`figures`] worth keeping per page.
pub fn read(doc: &Doc, gazetteer: &Gazetteer) -> Vec<Figure> {
    let mut out = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        for found in figures_in(&s.text, gazetteer) {
            out.push(Figure {
                value: found.value,
                number: found.number,
                qualifier: found.qualifier,
                unit: found.unit.to_string(),
                what: found.what,
                context: found.context,
                vague: found.vague,
                source: SourceRef::new(doc, s),
                also: Vec::new(),
                doc: 0,
                sentence: i,
            });
        }
    }
    out
}

/// The figures of all briefings, merged across outlets, with the differences.
pub fn figures(
    docs: &[Doc],
    vectors: &[Vec<Vector>],
    gazetteer: &Gazetteer,
) -> (Vec<Figure>, Vec<FigureDifference>) {
    let parts: Vec<Vec<Figure>> = docs.iter().map(|d| read(d, gazetteer)).collect();
    merge(
        &parts.iter().map(Vec::as_slice).collect::<Vec<_>>(),
        vectors,
    )
}

/// The figures of all briefings from each one's [`read`] (`parts[d]` of briefing `d`).
pub fn merge(parts: &[&[Figure]], vectors: &[Vec<Vector>]) -> (Vec<Figure>, Vec<FigureDifference>) {
    let mut all: Vec<Figure> = Vec::new();
    // The pages each figure cites in `also`.
    let mut cited: Vec<FxSet<&str>> = Vec::new();
    // Figures by unit and number, in order: only those can take a new one in.
    let mut by_number: FxMap<(&str, &str), Vec<usize>> = FxMap::default();
    for (d, part) in parts.iter().enumerate() {
        for f in part.iter() {
            let same = by_number
                .get(&(f.unit.as_str(), f.number.as_str()))
                .and_then(|ks| {
                    ks.iter().copied().find(|&k| {
                        let g = &all[k];
                        (!f.vague || g.what == f.what)
                            && (g.doc == d || same_thing(g, g.doc, f, d, vectors))
                    })
                });
            // One figure per number and unit: repeated and corroborated counts merge.
            match same {
                Some(k) if all[k].doc == d => {}
                Some(k) => {
                    if cited[k].insert(f.source.page.as_str()) {
                        all[k].also.push(f.source.clone());
                    }
                }
                None => {
                    by_number
                        .entry((f.unit.as_str(), f.number.as_str()))
                        .or_default()
                        .push(all.len());
                    all.push(Figure {
                        doc: d,
                        ..f.clone()
                    });
                    cited.push(FxSet::default());
                }
            }
        }
    }
    // Many figures: those most outlets give.
    if all.len() > MAX_FIGURES {
        all.sort_by_key(|f| std::cmp::Reverse(f.also.len()));
        all.truncate(MAX_FIGURES);
    }
    // People first, largest first; shares, money and other counts after; vague last.
    let unit_rank = |u: &str| match u {
        "people" => 0,
        "percent" => 1,
        "money" => 2,
        _ => 3,
    };
    all.sort_by(|a, b| {
        (a.vague, unit_rank(&a.unit))
            .cmp(&(b.vague, unit_rank(&b.unit)))
            .then(b.value.total_cmp(&a.value))
    });
    let mut differences: Vec<FigureDifference> = Vec::new();
    for a in 0..all.len() {
        for b in (a + 1)..all.len() {
            let (fa, fb) = (&all[a], &all[b]);
            if fa.vague
                || fb.vague
                || fa.doc == fb.doc
                || fa.unit != fb.unit
                || fa.value == fb.value
            {
                continue;
            }
            let rel = (fa.value - fb.value).abs() / fa.value.max(fb.value);
            if rel > 0.15 || !same_thing(fa, fa.doc, fb, fb.doc, vectors) {
                continue;
            }
            match differences.iter_mut().find(|d| d.figures.contains(&a)) {
                Some(d) => {
                    if !d.figures.contains(&b) {
                        d.figures.push(b);
                    }
                }
                None => differences.push(FigureDifference {
                    what: fa.what.clone(),
                    unit: fa.unit.clone(),
                    figures: vec![a, b],
                }),
            }
        }
    }
    (all, differences)
}

/// Whether two figures (of briefings `ad` and `bd`) count the same thing: same unit
/// and their sentences share enough (TF-IDF cosine, entities merged), or their
/// descriptions share a word.
fn same_thing(a: &Figure, ad: usize, b: &Figure, bd: usize, vectors: &[Vec<Vector>]) -> bool {
    if a.unit != b.unit {
        return false;
    }
    if cosine(&vectors[ad][a.sentence], &vectors[bd][b.sentence]) >= 0.1 {
        return true;
    }
    let wa: Vec<String> = a
        .what
        .to_lowercase()
        .split_whitespace()
        .map(String::from)
        .collect();
    b.what.to_lowercase().split_whitespace().any(|w| {
        w.len() > 3 && !["people", "who", "were"].contains(&w) && wa.iter().any(|x| x == w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Vec<(String, String, String, Option<String>)> {
        figures_in(s, Gazetteer::embedded())
            .into_iter()
            .map(|f| (f.number, f.what, f.unit.to_string(), f.qualifier))
            .collect()
    }

    #[test]
    fn numbers_from_the_seeds_with_meaning_and_unit() {
        let f = one(
            "At least 5.6 million Syrians, who were forced to leave their country, are living in countries like Turkey, Lebanon and Germany.",
        );
        assert_eq!(f[0].0, "5.6 million");
        assert_eq!(f[0].1, "Syrians who were forced to leave their country");
        assert_eq!(
            (f[0].2.as_str(), f[0].3.as_deref()),
            ("people", Some("at least"))
        );
        let f = one(
            "Turkey hosts the largest number of refugees in the world, with 3.6 million Syrians living across the country.",
        );
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str()),
            ("3.6 million", "Syrians living across Turkey")
        );
        let f = one(
            "The civil war has led to massive deaths, reaching nearly 500,000, mostly at the hands of the Assad regime and has left half of the country’s pre-war population of 23 million displaced.",
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str(), f[0].3.as_deref()),
            ("500,000", "deaths", Some("nearly"))
        );
        assert_eq!(
            (f[1].0.as_str(), f[1].1.as_str()),
            ("23 million", "pre-war population")
        );
        assert_eq!(f[1].2, "people");
        let f = one(
            "After a series of military victories in recent years, Assad's forces control more than 70 percent of Syria, while the remaining areas are held by rebels.",
        );
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str(), f[0].2.as_str()),
            ("70 percent", "of Syria", "percent")
        );
        let f = one(
            "Since Syria's conflict started in 2011, more than half of its pre-war population has been forced to flee their homes, including 5.5 million who went abroad.",
        );
        assert_eq!(f.len(), 1, "2011 is a year, not a figure: {f:?}");
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str()),
            ("5.5 million", "people who went abroad")
        );
    }

    #[test]
    fn not_figures_resolutions_dates_small_counts() {
        assert!(one("in accordance with UNSC Resolution 2254, on 11 and 12 November 2020, eight ministers and 12 envoys").is_empty());
    }

    #[test]
    fn numbers_in_other_phrasing() {
        let f = one(
            "Officials said about 1,200 families had returned, and aid reached 40% of the camps, worth $3.5 billion.",
        );
        let got: Vec<(&str, &str, &str)> = f
            .iter()
            .map(|x| (x.0.as_str(), x.1.as_str(), x.2.as_str()))
            .collect();
        assert_eq!(got[0], ("1,200", "families", "count"));
        assert_eq!(got[1], ("40 percent", "of the camps", "percent"));
        assert_eq!(got[2].0, "$3.5 billion");
        assert_eq!(got[2].2, "money");
        let f = one("The regime holds tens of thousands of political detainees in its prisons.");
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str()),
            ("tens of thousands of", "political detainees")
        );
        let f = one("The death toll stood at 2.3 million, the agency said.");
        assert_eq!(f[0].1, "death toll");
    }
}
