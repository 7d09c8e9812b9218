//! Tokens of one sentence for the attendance extractor: words, punctuation and the
//! gazetteer's mentions as single tokens (pure, linear in the sentence).

use super::lexicon::is;
use crate::analyse::gazetteer::{Gazetteer, Mention, Target, Via};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word or number; `lower` holds it lower-cased with straight apostrophes.
    Word,
    /// Punctuation: `,` `;` `:` `(` `)` `.` `?` `!` `/` and `—` for any dash.
    Punct,
    /// A country, bloc or organisation (index into the gazetteer's parties).
    Party(usize, Via),
    /// A person (index into the gazetteer's people).
    Person(usize),
    /// A person the article links to a party by a title ("Chinese President Xi
    /// Jinping", later "Xi"): the party.
    Linked(usize),
}

/// One token with its byte range in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub lower: String,
    pub start: usize,
    pub end: usize,
    /// A mention glued to a word by a hyphen ("Russia-backed", "US-led"): a modifier,
    /// never a party in its own right.
    pub compound: bool,
    /// The word starts with a capital letter.
    pub capital: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == Kind::Punct && self.lower == p
    }

    pub fn is_mention(&self) -> bool {
        matches!(
            self.kind,
            Kind::Party(..) | Kind::Person(_) | Kind::Linked(_)
        )
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits a sentence into tokens. Quotation marks are dropped (they never change who
/// did what); contractions are split (`didn't` → `did` `n't`, `Russia's` → `Russia`
/// `'s`).
pub fn tokenize(text: &str, gazetteer: &Gazetteer) -> Vec<Token> {
    let mentions = gazetteer.mentions(text);
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5 + 4);
    let mut m = 0usize;
    let mut i = 0usize;
    let bytes_len = text.len();
    while i < bytes_len {
        if m < mentions.len() && mentions[m].start == i {
            let mn = mentions[m];
            m += 1;
            if mn.via == Via::Capital
                && (first_name_of(text, mn.end, mentions.get(m)) || after_title(text, mn.start))
            {
                continue; // "Santiago Cafiero", "Queen Sofia": a given name, not a capital
            }
            if in_region_name(text, mn.start, &text[mn.start..mn.end]) {
                continue; // "Latin America": a region, not the United States
            }
            let kind = match mn.target {
                Target::Party(p) => Kind::Party(p, mn.via),
                Target::Person(p) => Kind::Person(p),
            };
            let after = text[mn.end..].chars().next();
            let after2 = text[mn.end..].chars().nth(1);
            let compound = after == Some('-') && after2.is_some_and(is_word_char);
            out.push(Token {
                kind,
                lower: text[mn.start..mn.end].to_lowercase(),
                start: mn.start,
                end: mn.end,
                compound,
                capital: true,
            });
            i = mn.end;
            continue;
        }
        // Skip mentions that started inside the previous token (cannot happen with
        // whole-word matches, but keeps the loop total).
        while m < mentions.len() && mentions[m].start < i {
            m += 1;
        }
        let next_mention = mentions.get(m).map_or(bytes_len, |mn| mn.start);
        let c = text[i..].chars().next().expect("i is a char boundary");
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if is_word_char(c) {
            // A word: letters and digits, with inner hyphens and apostrophes.
            let mut j = i + clen;
            while j < next_mention {
                let d = text[j..].chars().next().expect("boundary");
                if is_word_char(d) {
                    j += d.len_utf8();
                    continue;
                }
                let following = text[j + d.len_utf8()..].chars().next();
                let inner = (d == '-'
                    || d == '.' && text[i..j].chars().all(char::is_numeric)
                    || is_apostrophe(d))
                    && following.is_some_and(is_word_char)
                    && j + d.len_utf8() < next_mention;
                if inner {
                    j += d.len_utf8();
                    continue;
                }
                break;
            }
            push_word(&mut out, text, i, j);
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            // Possessive after a mention or word: "Russia's", "Washington’s".
            let rest = &text[i + clen..];
            let s = rest.chars().next();
            let after_s = rest.chars().nth(1);
            if s == Some('s') && !after_s.is_some_and(is_word_char) && !out.is_empty() {
                out.push(Token {
                    kind: Kind::Word,
                    lower: "'s".into(),
                    start: i,
                    end: i + clen + 1,
                    compound: false,
                    capital: false,
                });
                i += clen + 1;
                continue;
            }
            i += clen; // a quotation mark
            continue;
        }
        // "St. Peter's Square", "Kananaskis, Alta. on Sunday", "J.D. Vance": the stop of an
        // abbreviation or an initial inside the sentence ends no clause.
        if c == '.' && abbreviation_before(&out, text, i) {
            i += clen;
            continue;
        }
        let punct = match c {
            ',' | ';' | ':' | '(' | ')' | '.' | '?' | '!' | '/' | '[' | ']' => Some(c.to_string()),
            '—' | '–' => Some("—".to_string()),
            '-' => {
                let prev_space = text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace);
                prev_space.then(|| "—".to_string())
            }
            _ => None, // quotation marks, symbols
        };
        if let Some(p) = punct {
            let (p, end) = if p == "(" || p == "[" {
                ("(".to_string(), i + clen)
            } else if p == "]" {
                (")".to_string(), i + clen)
            } else {
                (p, i + clen)
            };
            out.push(Token {
                kind: Kind::Punct,
                lower: p,
                start: i,
                end,
                compound: false,
                capital: false,
            });
        }
        i += clen;
    }
    out
}

/// Whether a capital's name that ends at `end` is a person's given name: a capitalised
/// word follows it ("Santiago Lopez", "Victoria Beckham"), other than a day or a month
/// ("in Beijing Tuesday"), and not the start of another mention.
fn first_name_of(text: &str, end: usize, next: Option<&Mention>) -> bool {
    let rest = &text[end..];
    let Some(word) = rest.strip_prefix(' ') else {
        return false;
    };
    if next.is_some_and(|n| n.start == end + 1) {
        return false;
    }
    let w: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
    let mut chars = w.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() > 1
        && chars.all(char::is_lowercase);
    capitalised && !is(&w.to_lowercase(), CALENDAR_WORDS)
}

/// Whether the word before `start` is a title that a given name follows ("Queen Sofia",
/// "Princess Victoria", "Mr Lima").
fn after_title(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    before.len() < start && is(&word.to_lowercase(), NAME_TITLES)
}

/// Abbreviations written with a stop inside a sentence: titles, ranks, saints and
/// mountains, Canadian provinces and American states as datelines write them.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "st", "mt", "ft", "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt",
    "cmdr", "sgt", "adm", "gov", "sen", "rep", "rev", "hon", "jr", "sr", "messrs", "inc",
    "ltd", "corp", "dept", "ave", "blvd", "alta", "ont", "que", "sask", "nfld", "ariz",
    "calif", "colo", "conn", "fla", "ill", "ind", "kan", "mass", "mich", "minn", "neb",
    "nev", "okla", "ore", "tenn", "tex", "wash", "wis",
];

/// Whether the stop at `at` closes an abbreviation or an initial: the word token just
/// before it is an initial ("J." in "J.D. Vance") or a capitalised abbreviation ("St."),
/// and the sentence goes on after it.
fn abbreviation_before(out: &[Token], text: &str, at: usize) -> bool {
    let Some(t) = out.last().filter(|t| t.kind == Kind::Word && t.end == at) else {
        return false;
    };
    let goes_on = text[at + 1..].chars().any(is_word_char);
    let initial = t.capital && t.lower.chars().count() == 1;
    goes_on && (initial || t.capital && is(&t.lower, ABBREVIATIONS))
}

/// Titles that a given name follows.
#[rustfmt::skip]
const NAME_TITLES: &[&str] = &[
    "queen", "king", "princess", "prince", "sheikh", "sheikha", "sultan", "emir", "lady",
    "lord", "mr", "mrs", "ms", "dr", "saint", "st", "sister", "brother", "father",
];

/// Whether a mention is the tail of a region's name: "Latin America", "South
/// American", "Central Americans".
fn in_region_name(text: &str, start: usize, mention: &str) -> bool {
    if !mention.starts_with("America") {
        return false;
    }
    let before = text[..start].trim_end_matches(' ');
    ["Latin", "South", "Central", "North", "Meso", "Ibero"]
        .iter()
        .any(|r| before.ends_with(r) && before.len() < start)
}

/// Days and months: "in Beijing Tuesday", "Moscow March talks" are no names.
#[rustfmt::skip]
const CALENDAR_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];

fn push_word(out: &mut Vec<Token>, text: &str, start: usize, end: usize) {
    let raw = &text[start..end];
    let lower = raw.to_lowercase().replace('’', "'");
    let capital = raw.chars().next().is_some_and(char::is_uppercase);
    let mut word = |lower: String, s: usize, e: usize, capital: bool| {
        let compound = out.last().is_some_and(|t: &Token| {
            t.is_mention() && t.end < s && text[t.end..s].starts_with('-')
        });
        out.push(Token {
            kind: Kind::Word,
            lower,
            start: s,
            end: e,
            compound,
            capital,
        });
    };
    // Contractions: n't, 's, 'll, 'd, 're, 've.
    for (suffix, expand) in [
        ("n't", "n't"),
        ("'s", "'s"),
        ("'ll", "will"),
        ("'d", "would"),
        ("'re", "are"),
        ("'ve", "have"),
    ] {
        if lower.len() > suffix.len() && lower.ends_with(suffix) {
            let cut = lower.len() - suffix.len();
            let base = &lower[..cut];
            let base = match (suffix, base) {
                ("n't", "wo") => "will",
                ("n't", "ca") => "can",
                ("n't", "sha") => "shall",
                _ => base,
            };
            // Byte offsets in the raw text: the suffix has the same length except for
            // a curly apostrophe (3 bytes instead of 1).
            let raw_cut = raw
                .char_indices()
                .filter(|(_, c)| is_apostrophe(*c))
                .map(|(k, _)| k)
                .next_back()
                .map(|k| {
                    if suffix == "n't" {
                        k.saturating_sub(1)
                    } else {
                        k
                    }
                })
                .unwrap_or(cut);
            word(base.to_string(), start, start + raw_cut, capital);
            word(expand.to_string(), start + raw_cut, end, false);
            return;
        }
    }
    word(lower, start, end, capital);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        tokenize(text, Gazetteer::embedded())
            .into_iter()
            .map(|t| t.lower)
            .collect()
    }

    #[test]
    fn words_mentions_and_contractions() {
        assert_eq!(
            lowers("“The US didn't attend,” said Russia’s envoy."),
            [
                "the", "us", "did", "n't", "attend", ",", "said", "russia", "'s", "envoy", "."
            ]
        );
        let t = tokenize("a Russia-backed, two-day meeting", Gazetteer::embedded());
        assert!(t[1].compound, "{t:?}");
        assert_eq!(t[2].lower, "backed");
        assert_eq!(t[4].lower, "two-day");
    }

    #[test]
    fn dashes_brackets_and_abbreviations() {
        assert_eq!(
            lowers("The U.S. — and the EU (Brussels) — won't."),
            [
                "the", "u.s.", "—", "and", "the", "eu", "(", "brussels", ")", "—", "will", "n't",
                "."
            ]
        );
        assert_eq!(lowers("5.6 million"), ["5.6", "million"]);
        assert_eq!(
            lowers("in St. Moritz with J.D. Vance, Alta. on Sunday."),
            [
                "in", "st", "moritz", "with", "j", "d", "vance", ",", "alta", "on", "sunday", "."
            ]
        );
    }
}
