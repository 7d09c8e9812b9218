//! Extractive key sentences: which sentences of a text carry the most of it (pure).
//!
//! Each sentence is a bag of content words; a sentence's score is its summed cosine
//! similarity to every other sentence (degree centrality, the core of LexRank), with a
//! small bonus for the lead, as news puts the gist first.

use std::collections::BTreeMap;

use super::words::content_words;

fn vector(text: &str) -> BTreeMap<String, f64> {
    let mut v = BTreeMap::new();
    for w in content_words(text) {
        *v.entry(w).or_insert(0.0) += 1.0;
    }
    v
}

fn cosine(a: &BTreeMap<String, f64>, b: &BTreeMap<String, f64>) -> f64 {
    let dot: f64 = a.iter().filter_map(|(k, x)| b.get(k).map(|y| x * y)).sum();
    let na: f64 = a.values().map(|x| x * x).sum::<f64>().sqrt();
    let nb: f64 = b.values().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Indices of the `n` most central sentences, in text order. Sentences that are quotes
/// fragments or very short are passed over.
pub fn key_sentences(sentences: &[&str], n: usize) -> Vec<usize> {
    let vectors: Vec<_> = sentences.iter().map(|s| vector(s)).collect();
    let len = sentences.len().max(1) as f64;
    let mut scored: Vec<(f64, usize)> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.split_whitespace().count() >= 8)
        .map(|(i, _)| {
            let centrality: f64 = (0..sentences.len())
                .filter(|&j| j != i)
                .map(|j| cosine(&vectors[i], &vectors[j]))
                .sum::<f64>()
                / len;
            let lead = 0.15 * (1.0 - i as f64 / len);
            (centrality + lead, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // Skip near-duplicates of a sentence already chosen.
    let mut chosen: Vec<usize> = Vec::new();
    for (_, i) in scored {
        if chosen.len() == n {
            break;
        }
        if chosen
            .iter()
            .all(|&c| cosine(&vectors[c], &vectors[i]) < 0.6)
        {
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_central_sentences_in_order_and_skips_duplicates() {
        let s = [
            "The refugee conference in Damascus opened with Russian backing on Wednesday morning.",
            "Weather was mild and sunny across the region for most of the week.",
            "Many countries stayed away from the refugee conference in Damascus this week.",
            "The refugee conference in Damascus opened with Russian backing on Wednesday morning.",
            "Short one.",
        ];
        let k = key_sentences(&s, 2);
        assert_eq!(k, [0, 2]);
    }

    #[test]
    fn empty_input_gives_nothing() {
        assert!(key_sentences(&[], 3).is_empty());
    }
}
