//! Sentence ranking: LexRank centrality over TF-IDF vectors, shaped by what makes a
//! sentence a good summary line in news (the lead, a readable length, not a bare quote,
//! no dangling pronoun), and MMR to pick lines that do not repeat each other (pure).
//!
//! LexRank is quadratic in the sentences of one text, so it runs per article (bounded
//! by [`MAX_LEXRANK`]; longer texts fall back to similarity with the text's centroid,
//! which is linear). Across articles only the top candidates of each are compared.

use super::text::{Vector, Vocabulary, cosine, terms};
use crate::analyse::gazetteer::Gazetteer;
use crate::ingest::furniture::{self, classify};

/// Above this many sentences a text is scored against its centroid instead of by
/// LexRank's power iteration (which needs the n × n similarity matrix).
pub const MAX_LEXRANK: usize = 150;
/// Sentences longer than this are not summary lines for front matter, and are
/// discounted on the summary page.
pub const MAX_WORDS: usize = 45;
/// Sentences shorter than this say too little on their own.
pub const MIN_WORDS: usize = 8;

const DAMPING: f64 = 0.85;

/// LexRank (continuous, damped) centrality of each vector; sums to about 1.
///
/// The similarities are summed per shared term (a term's sentences pair up), and each
/// row's sum is taken once rather than on every iteration; both give exactly the
/// floating-point results of the plain cosine matrix and iteration (the same operations
/// in the same order; see the tests).
pub fn centrality(vectors: &[Vector]) -> Vec<f64> {
    let n = vectors.len();
    if n == 0 {
        return Vec::new();
    }
    if n > MAX_LEXRANK {
        return centroid_similarity(vectors);
    }
    // Row-normalised similarity matrix without self-loops.
    let mut m = similarity_matrix(vectors);
    let mut row_sums = vec![0.0f64; n];
    for (i, row) in m.chunks_exact_mut(n).enumerate() {
        let sum: f64 = row.iter().sum();
        if sum > 0.0 {
            row.iter_mut().for_each(|x| *x /= sum);
        }
        row_sums[i] = row.iter().sum();
    }
    let base = (1.0 - DAMPING) / n as f64;
    let mut p = vec![1.0 / n as f64; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..100 {
        next.iter_mut().for_each(|x| *x = base);
        for (i, row) in m.chunks_exact(n).enumerate() {
            if row_sums[i] == 0.0 {
                // A sentence like no other spreads its weight evenly.
                let share = DAMPING * p[i] / n as f64;
                next.iter_mut().for_each(|x| *x += share);
            } else {
                let a = DAMPING * p[i];
                for (x, r) in next.iter_mut().zip(row) {
                    *x += a * r;
                }
            }
        }
        let delta: f64 = next.iter().zip(&p).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut p, &mut next);
        if delta < 1e-9 {
            break;
        }
    }
    p
}

/// The n × n matrix of the vectors' cosines, zero on the diagonal: each shared term
/// adds its product to the pair, terms in id order as [`cosine`] adds them.
fn similarity_matrix(vectors: &[Vector]) -> Vec<f64> {
    const _: () = assert!(MAX_LEXRANK < 256, "a sentence index takes 8 bits below");
    let n = vectors.len();
    let mut m = vec![0.0f64; n * n];
    // (term id, sentence, position in the sentence's vector), packed to sort fast.
    let mut postings: Vec<u64> = Vec::with_capacity(vectors.iter().map(Vec::len).sum());
    for (i, v) in vectors.iter().enumerate() {
        for (k, &(id, _)) in v.iter().enumerate() {
            postings.push(u64::from(id) << 32 | (i as u64) << 24 | k as u64);
        }
    }
    postings.sort_unstable();
    let weight = |x: u64| {
        let (i, k) = ((x >> 24 & 0xff) as usize, (x & 0xff_ffff) as usize);
        (i, vectors[i][k].1)
    };
    for group in postings.chunk_by(|a, b| a >> 32 == b >> 32) {
        for (k, &x) in group.iter().enumerate() {
            let (i, wi) = weight(x);
            for &y in &group[k + 1..] {
                let (j, wj) = weight(y);
                m[i * n + j] += wi * wj;
            }
        }
    }
    for i in 0..n {
        for j in (i + 1)..n {
            m[j * n + i] = m[i * n + j];
        }
    }
    m
}

/// Linear fallback: each vector's cosine with the sum of all, scaled to sum to 1.
fn centroid_similarity(vectors: &[Vector]) -> Vec<f64> {
    let mut centroid: std::collections::BTreeMap<u32, f64> = Default::default();
    for v in vectors {
        for (id, w) in v {
            *centroid.entry(*id).or_default() += w;
        }
    }
    let norm = centroid
        .values()
        .map(|w| w * w)
        .sum::<f64>()
        .sqrt()
        .max(1e-12);
    let c: Vector = centroid.into_iter().map(|(id, w)| (id, w / norm)).collect();
    let sims: Vec<f64> = vectors.iter().map(|v| cosine(v, &c)).collect();
    let total: f64 = sims.iter().sum::<f64>().max(1e-12);
    sims.into_iter().map(|s| s / total).collect()
}

/// Words that make a sentence lean on the one before it.
const DANGLING_STARTS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "so",
    "yet",
    "however",
    "instead",
    "therefore",
    "thus",
    "likewise",
    "perhaps",
    "also",
    "then",
    "meanwhile",
    "moreover",
    "furthermore",
    "still",
    "his",
    "her",
    "its",
    "their",
    "such",
];

/// The share of a sentence's characters inside quotation marks.
pub fn quoted_share(s: &str) -> f64 {
    let total = s.chars().count().max(1);
    let mut inside = false;
    let mut n = 0usize;
    for c in s.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ if inside => n += 1,
            _ => {}
        }
    }
    n as f64 / total as f64
}

/// How much a sentence reads as a summary line on its own, from 0 to 1.
pub fn readability(s: &str) -> f64 {
    let words = s.split_whitespace().count();
    if words < MIN_WORDS {
        return 0.0;
    }
    // "Explore our gallery to view …", "Sign up for our newsletter": the page's
    // furniture glued into a paragraph, not the story.
    if matches!(
        classify(s),
        Some(furniture::Kind::Share | furniture::Kind::Advert | furniture::Kind::Notice)
    ) {
        return 0.0;
    }
    let mut f = if words <= 40 {
        1.0
    } else if words <= MAX_WORDS {
        0.9
    } else {
        0.8 * (MAX_WORDS as f64 / words as f64).powi(2)
    };
    if quoted_share(s) > 0.5 {
        f *= 0.4;
    }
    let first = s
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if DANGLING_STARTS.contains(&first.as_str()) {
        f *= 0.5;
    }
    if s.trim_end().ends_with('?') || s.trim_end().ends_with(':') {
        f *= 0.3;
    }
    f
}

static CONNECTIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:On the other hand|However|In addition|Moreover|Meanwhile|Likewise|Therefore|Furthermore|Instead|Indeed|But|And|So),\s+")
        .expect("connective pattern")
});

static PARENTHETICAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\s*\([^()]*\)").expect("parenthetical pattern")
});

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A long sentence shortened for a summary line, the way an editor trims: a leading
/// connective ("On the other hand,") dropped, then parentheticals of four words or
/// more, then trailing clauses, until it has at most `max_words`; "…" marks a cut.
pub fn compress(sentence: &str, max_words: usize) -> String {
    let mut s = sentence.trim().to_string();
    if let Some(m) = CONNECTIVE.find(&s) {
        let rest = &s[m.end()..];
        let mut chars = rest.chars();
        s = match chars.next() {
            Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
            None => String::new(),
        };
    }
    if word_count(&s) <= max_words {
        return s;
    }
    s = PARENTHETICAL
        .replace_all(&s, |c: &regex::Captures| {
            if word_count(&c[0]) >= 4 {
                String::new()
            } else {
                c[0].to_string()
            }
        })
        .into_owned();
    if word_count(&s) <= max_words {
        return s;
    }
    // Clause ends: ", " outside parentheses and quotations.
    let mut ends = Vec::new();
    let (mut depth, mut quoted) = (0i32, false);
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '“' => quoted = true,
            '”' => quoted = false,
            '"' => quoted = !quoted,
            ',' | ';' if depth == 0 && !quoted => ends.push(i),
            _ => {}
        }
    }
    let mut cut = None;
    for &e in &ends {
        if word_count(&s[..e]) <= max_words {
            cut = Some(e);
        } else {
            break;
        }
    }
    match cut {
        Some(e) if word_count(&s[..e]) >= MIN_WORDS => format!("{} …", s[..e].trim_end()),
        _ => {
            let words: Vec<&str> = s.split_whitespace().take(max_words).collect();
            format!("{} …", words.join(" ").trim_end_matches([',', ';']))
        }
    }
}

/// News puts the gist first: a gentle bonus that fades over the first sentences.
pub fn position_prior(pos: usize) -> f64 {
    1.0 + 0.6 * (-(pos as f64) / 6.0).exp()
}

/// The score of each sentence of one text: centrality × lead × readability.
pub fn scores(texts: &[&str], vectors: &[Vector]) -> Vec<f64> {
    let c = centrality(vectors);
    let n = texts.len().max(1) as f64;
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| c[i] * n * position_prior(i) * readability(t))
        .collect()
}

/// Maximal marginal relevance: up to `n` indices by `relevance`, each new pick
/// discounted by its similarity (`sim`) to those already picked; candidates at least
/// `duplicate` similar to a pick are left out. Returns indices in pick order.
pub fn mmr(
    candidates: &[usize],
    relevance: &[f64],
    sim: &dyn Fn(usize, usize) -> f64,
    n: usize,
    lambda: f64,
    duplicate: f64,
) -> Vec<usize> {
    let max_rel = candidates
        .iter()
        .map(|&c| relevance[c])
        .fold(0.0f64, f64::max)
        .max(1e-12);
    let mut chosen: Vec<usize> = Vec::new();
    let mut left: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&c| relevance[c] > 0.0)
        .collect();
    while chosen.len() < n && !left.is_empty() {
        let mut best: Option<(f64, usize)> = None;
        left.retain(|&c| chosen.iter().all(|&k| sim(c, k) < duplicate));
        for (pos, &c) in left.iter().enumerate() {
            let redundancy = chosen.iter().map(|&k| sim(c, k)).fold(0.0f64, f64::max);
            let v = lambda * relevance[c] / max_rel - (1.0 - lambda) * redundancy;
            if best.is_none_or(|(b, _)| v > b) {
                best = Some((v, pos));
            }
        }
        let Some((_, pos)) = best else { break };
        chosen.push(left.remove(pos));
    }
    chosen
}

/// The `n` best summary sentences of one text, in text order: LexRank over the text's
/// own TF-IDF, sentences over [`MAX_WORDS`] and those `skip` marks (e.g. the standfirst,
/// which the page shows already) left out, near-duplicates dropped by MMR.
pub fn key_sentences(texts: &[&str], skip: &[bool], n: usize, gazetteer: &Gazetteer) -> Vec<usize> {
    KeyRanking::new(texts, skip, gazetteer).top(n)
}

/// One text's sentence vectors and relevance, read once for picks of several sizes.
pub struct KeyRanking {
    vectors: Vec<Vector>,
    rel: Vec<f64>,
}

impl KeyRanking {
    pub fn new(texts: &[&str], skip: &[bool], gazetteer: &Gazetteer) -> KeyRanking {
        let mut vocab = Vocabulary::default();
        let ids: Vec<Vec<u32>> = texts
            .iter()
            .map(|t| vocab.add(&terms(t, gazetteer)))
            .collect();
        let vectors: Vec<Vector> = ids.iter().map(|i| vocab.vector(i)).collect();
        let mut rel = scores(texts, &vectors);
        for (i, t) in texts.iter().enumerate() {
            if skip.get(i).copied().unwrap_or(false) || t.split_whitespace().count() > MAX_WORDS {
                rel[i] = 0.0;
            }
        }
        KeyRanking { vectors, rel }
    }

    /// The `n` best sentences, in text order ([`key_sentences`]).
    pub fn top(&self, n: usize) -> Vec<usize> {
        let all: Vec<usize> = (0..self.vectors.len()).collect();
        let sim = |a: usize, b: usize| cosine(&self.vectors[a], &self.vectors[b]);
        let mut picked = mmr(&all, &self.rel, &sim, n, 0.7, 0.5);
        picked.sort_unstable();
        picked
    }
}

#[cfg(test)]
mod tests {
    /// LexRank as first written: the plain cosine matrix and dense power iteration.
    fn centrality_reference(vectors: &[Vector]) -> Vec<f64> {
        let n = vectors.len();
        let mut m = vec![0.0f64; n * n];
        for i in 0..n {
            for j in (i + 1)..n {
                let s = cosine(&vectors[i], &vectors[j]);
                m[i * n + j] = s;
                m[j * n + i] = s;
            }
        }
        for i in 0..n {
            let row = &mut m[i * n..(i + 1) * n];
            let sum: f64 = row.iter().sum();
            if sum > 0.0 {
                row.iter_mut().for_each(|x| *x /= sum);
            }
        }
        let mut p = vec![1.0 / n as f64; n];
        for _ in 0..100 {
            let mut next = vec![(1.0 - DAMPING) / n as f64; n];
            for i in 0..n {
                let row = &m[i * n..(i + 1) * n];
                let row_sum: f64 = row.iter().sum();
                if row_sum == 0.0 {
                    let share = DAMPING * p[i] / n as f64;
                    next.iter_mut().for_each(|x| *x += share);
                } else {
                    for j in 0..n {
                        next[j] += DAMPING * p[i] * row[j];
                    }
                }
            }
            let delta: f64 = next.iter().zip(&p).map(|(a, b)| (a - b).abs()).sum();
            p = next;
            if delta < 1e-9 {
                break;
            }
        }
        p
    }

    #[test]
    fn centrality_is_bit_for_bit_the_plain_lexrank() {
        let g = Gazetteer::embedded();
        for seed in [
            include_str!("../../../seeds/000_1f398a99054376be.txt"),
            include_str!("../../../seeds/003_bc72d07a4bd58e08.txt"),
            include_str!("../../../seeds/004_2bb903bed61af5ed.txt"),
        ] {
            let mut texts: Vec<String> = crate::markdown::sentences(seed);
            texts.push("Weather was mild.".into()); // a sentence like no other
            let mut vocab = Vocabulary::default();
            let ids: Vec<Vec<u32>> = texts.iter().map(|t| vocab.add(&terms(t, g))).collect();
            let vectors: Vec<Vector> = ids.iter().map(|i| vocab.vector(i)).collect();
            let n = vectors.len().min(MAX_LEXRANK);
            let (got, want) = (
                centrality(&vectors[..n]),
                centrality_reference(&vectors[..n]),
            );
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&got), bits(&want));
        }
    }

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
        let k = key_sentences(&s, &[], 2, Gazetteer::embedded());
        assert_eq!(k, [0, 2]);
    }

    #[test]
    fn skipped_and_overlong_sentences_are_never_picked() {
        let long = format!(
            "The refugee conference in Damascus {}.",
            "went on and on ".repeat(12)
        );
        let s = [
            "The refugee conference in Damascus opened with Russian backing on Wednesday.",
            long.as_str(),
            "Countries stayed away from the refugee conference in Damascus this week.",
            "Refugee groups said the conference in Damascus ignored their voices entirely.",
        ];
        let k = key_sentences(&s, &[true], 3, Gazetteer::embedded());
        assert_eq!(k, [2, 3]);
    }

    #[test]
    fn empty_input_gives_nothing() {
        assert!(key_sentences(&[], &[], 3, Gazetteer::embedded()).is_empty());
        assert!(centrality(&[]).is_empty());
    }

    #[test]
    fn lexrank_prefers_the_hub() {
        let g = Gazetteer::embedded();
        let texts = [
            "refugee return conference Damascus",
            "refugee return",
            "conference Damascus",
            "football league results",
        ];
        let mut v = Vocabulary::default();
        let ids: Vec<Vec<u32>> = texts.iter().map(|t| v.add(&terms(t, g))).collect();
        let vecs: Vec<Vector> = ids.iter().map(|i| v.vector(i)).collect();
        let c = centrality(&vecs);
        assert!(c[0] > c[1] && c[0] > c[3], "{c:?}");
        assert!((c.iter().sum::<f64>() - 1.0).abs() < 1e-6);
    }

    #[test]
    fn long_sentences_are_trimmed_like_an_editor_would() {
        let s = "On the other hand, the Conference was attended by a large Russian delegation and representatives of some allied countries of Damascus, such as Venezuela, Iran and China (countries that do not host Syrian refugees), in addition to six Arab countries, namely Lebanon, Somalia, Palestine, Iraq, Mauritania and Oman, while the United Nations (UN) attended as an observer.";
        let c = compress(s, 50);
        assert!(
            c.starts_with("The Conference was attended by a large Russian delegation"),
            "{c}"
        );
        assert!(
            !c.contains("countries that do not host")
                && c.contains("(UN) attended as an observer."),
            "{c}"
        );
        let s = "The International Conference on the Return of Syrian Refugees was held in the Syrian capital Damascus under the auspices of Russia, and its proceedings ended on 11 and 12 November 2020, against the backdrop of the absence of all countries influencing the international decision and the countries that host the highest number of Syrian refugees, at a time that has its own political significance.";
        assert_eq!(
            compress(s, 40),
            "The International Conference on the Return of Syrian Refugees was held in the Syrian capital Damascus under the auspices of Russia, and its proceedings ended on 11 and 12 November 2020 …"
        );
        assert_eq!(
            compress("Short and plain, as it is.", 40),
            "Short and plain, as it is."
        );
    }

    #[test]
    fn readability_discounts_quotes_pronouns_and_length() {
        assert_eq!(readability("Too short to say much."), 0.0);
        let plain = "The European Union said on Tuesday it would also not attend the meeting.";
        assert_eq!(readability(plain), 1.0);
        assert!(readability("He said the European Union would also not attend the meeting.") < 1.0);
        assert!(
            readability(
                "“Returns must be safe, voluntary and fully informed, and nothing less,” she added."
            ) < 0.5
        );
    }

    #[test]
    fn furniture_glued_into_a_paragraph_is_no_summary_line() {
        let pointer = "Explore Harbour Times's gallery to view highlights from the gala dinner of the delegations.";
        assert_eq!(readability(pointer), 0.0);
        let prose = "The delegations explored the old town after the gala dinner on Tuesday.";
        assert_eq!(readability(prose), 1.0);
    }
}
