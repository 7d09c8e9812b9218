//! Words of English news text: tokens, stop words and content words (pure).

use std::sync::OnceLock;

use crate::analyse::fxhash::FxSet;

/// Words news copy uses as glue that the NLTK list does not have: reporting verbs,
/// hedges and small numerals. Kept short; the NLTK list does the rest.
pub const NEWS_STOP_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "also",
    "would",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "many",
    "new",
    "like",
    "however",
    "although",
    "already",
    "still",
    "well",
    "made",
    "make",
    "one",
    "two",
    "three",
    "first",
    "last",
    "according",
    "including",
    "another",
    "toward",
    "towards",
    "via",
    "per",
    "among",
    "amid",
    "even",
    "much",
    "upon",
    "within",
    "without",
    "since",
    "yet",
    "us",
    "whether",
    "ago",
    "whose",
];

/// English stop words: the NLTK list (from the `stop-words` crate) plus [`NEWS_STOP_WORDS`].
pub fn stop_words() -> &'static FxSet<&'static str> {
    static SET: OnceLock<FxSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        stop_words::get("en")
            .iter()
            .copied()
            .chain(NEWS_STOP_WORDS.iter().copied())
            .collect()
    })
}

pub fn is_stop_word(w: &str) -> bool {
    stop_words().contains(w)
}

/// Lowercased word tokens: letters and digits, inner apostrophes and hyphens kept,
/// possessive `'s` dropped.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            // Most of news copy: no Unicode tables, no case-mapping iterator.
            if c.is_ascii_alphanumeric() {
                cur.push(c.to_ascii_lowercase());
                continue;
            }
        } else if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
            continue;
        }
        let joiner = matches!(c, '\'' | '’' | '-')
            && !cur.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if joiner {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(finish(std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push(finish(cur));
    }
    out
}

/// Drops a possessive `'s` in place.
fn finish(mut w: String) -> String {
    for suffix in ["'s", "’s"] {
        if w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            return w;
        }
    }
    w
}

/// A crude singular: "refugees" → "refugee", "countries" → "country". Enough to merge
/// plural and singular when counting topics.
pub fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies")
        && s.len() > 2
    {
        return format!("{s}y");
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") || w.len() <= 3 {
        return w.to_string();
    }
    w.strip_suffix('s').unwrap_or(w).to_string()
}

/// Content words of a text: tokens that are not stop words or bare numbers, singularised.
pub fn content_words(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter(|w| {
            w.chars().count() > 2 && !is_stop_word(w) && !w.chars().all(|c| c.is_ascii_digit())
        })
        .map(|w| singular(&w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_inner_joiners_and_drop_possessives() {
        assert_eq!(
            tokens("Russia's war-torn ‘premature’ 5.6"),
            ["russia", "war-torn", "premature", "5", "6"]
        );
    }

    #[test]
    fn content_words_skip_stop_words_and_merge_plurals() {
        assert_eq!(
            content_words("The refugees and a refugee in 2020"),
            ["refugee", "refugee"]
        );
        assert_eq!(singular("countries"), "country");
        assert_eq!(singular("crisis"), "crisis");
    }
}
