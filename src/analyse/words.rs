//! Words of English news text: tokens, stop words and content words (pure).

/// Common English function words, skipped when comparing or scoring sentences.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
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
    "two",
    "three",
    "first",
    "last",
    "according",
    "including",
    "another",
    "being",
    "toward",
    "towards",
    "via",
    "per",
    "among",
    "amid",
];

pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(&w)
}

/// Lowercased word tokens: letters and digits, inner apostrophes and hyphens kept,
/// possessive `'s` dropped.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joiner = matches!(c, '\'' | '’' | '-')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || joiner {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(finish(std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push(finish(cur));
    }
    out
}

fn finish(w: String) -> String {
    for suffix in ["'s", "’s"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            return stem.to_string();
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
