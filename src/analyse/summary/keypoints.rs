//! Key points across all briefings: each article's sentences ranked by LexRank within the
//! article, the best few of every article pooled, corroboration across outlets rewarded,
//! and MMR picking points that do not repeat each other; a point cites every outlet
//! that tells the same fact (pure).
//!
//! Cost: LexRank is per article (bounded by `rank::MAX_LEXRANK`), the pool is capped at
//! [`POOL`] candidates (so the cross-article comparison is at most `POOL²`), and citing
//! scans every sentence once per point: linear in the number of articles.

use serde::Serialize;

use super::rank::{centrality, compress, mmr, position_prior, readability};
use super::text::{Doc, SourceRef, Vector, cosine};
use crate::markdown::BlockKind;

/// Candidates taken from each article.
pub const PER_ARTICLE: usize = 10;
/// Candidates compared across articles at most.
pub const POOL: usize = 240;
/// Similarity at or above which two sentences tell the same fact.
pub const SAME_FACT: f64 = 0.36;
/// Similarity at or above which another outlet's sentence is cited for a point.
pub const CITE: f64 = 0.3;
/// Words a key point shows at most; longer sentences are trimmed (see `rank::compress`).
pub const POINT_WORDS: usize = 45;

/// One key point: a sentence from a briefing and every outlet that reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyPoint {
    pub text: String,
    /// The sentence shown.
    pub source: SourceRef,
    /// Sentences of other briefings that tell the same fact.
    pub also: Vec<SourceRef>,
    pub score: f64,
}

/// What one article's LexRank centrality is multiplied by, per sentence (see
/// `rank::scores`): the part of [`article_scores`] that does not depend on the other
/// articles.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct Weights {
    /// The number of sentences (at least 1).
    pub n: f64,
    pub prior: Vec<f64>,
    /// Readability of the sentence as a point shows it (trimmed).
    pub readability: Vec<f64>,
    /// Paragraphs and list items can be points; captions and headings cannot.
    pub point: Vec<bool>,
}

/// The [`Weights`] of one article.
pub fn weights(doc: &Doc) -> Weights {
    Weights {
        n: doc.sentences.len().max(1) as f64,
        prior: (0..doc.sentences.len()).map(position_prior).collect(),
        readability: doc
            .sentences
            .iter()
            .map(|s| readability(&compress(&s.text, POINT_WORDS)))
            .collect(),
        point: doc
            .sentences
            .iter()
            .map(|s| matches!(s.kind, BlockKind::Paragraph | BlockKind::ListItem))
            .collect(),
    }
}

/// Sentence scores of every article (see `rank::scores`).
pub fn article_scores(docs: &[Doc], vectors: &[Vec<Vector>]) -> Vec<Vec<f64>> {
    let w: Vec<Weights> = docs.iter().map(weights).collect();
    scores_with(&w.iter().collect::<Vec<_>>(), vectors)
}

/// [`article_scores`] from each article's [`weights`].
pub fn scores_with(weights: &[&Weights], vectors: &[Vec<Vector>]) -> Vec<Vec<f64>> {
    weights
        .iter()
        .zip(vectors)
        .map(|(w, v)| {
            let c = centrality(v);
            (0..v.len())
                .map(|i| {
                    if w.point[i] {
                        c[i] * w.n * w.prior[i] * w.readability[i]
                    } else {
                        0.0 // captions and headings are not points
                    }
                })
                .collect()
        })
        .collect()
}

/// One more than the largest term id of any vector: the length of a dense array by term id.
fn term_dim(vectors: &[Vec<Vector>]) -> usize {
    vectors
        .iter()
        .flatten()
        .flat_map(|v| v.last())
        .map(|&(id, _)| id as usize + 1)
        .max()
        .unwrap_or(0)
}

/// The normalised mean of each article's normalised centroid.
///
/// Summed in dense arrays by term id, in the order a sorted map would sum them (so to
/// the last bit the same as summing in `BTreeMap`s).
pub fn story_centroid(vectors: &[Vec<Vector>]) -> Vector {
    let dim = term_dim(vectors);
    let mut sum = vec![0.0f64; dim];
    let mut in_sum = vec![false; dim];
    let mut c = vec![0.0f64; dim];
    let mut in_c = vec![false; dim];
    let mut ids: Vec<u32> = Vec::new();
    for doc in vectors {
        ids.clear();
        for v in doc {
            for &(id, w) in v {
                if !in_c[id as usize] {
                    in_c[id as usize] = true;
                    ids.push(id);
                }
                c[id as usize] += w;
            }
        }
        ids.sort_unstable();
        let norm = ids
            .iter()
            .map(|&id| c[id as usize] * c[id as usize])
            .sum::<f64>()
            .sqrt();
        for &id in &ids {
            let id = id as usize;
            if norm > 0.0 {
                sum[id] += c[id] / norm;
                in_sum[id] = true;
            }
            c[id] = 0.0;
            in_c[id] = false;
        }
    }
    let present: Vec<usize> = (0..dim).filter(|&id| in_sum[id]).collect();
    let norm = present
        .iter()
        .map(|&id| sum[id] * sum[id])
        .sum::<f64>()
        .sqrt()
        .max(1e-12);
    present
        .into_iter()
        .map(|id| (id as u32, sum[id] / norm))
        .collect()
}

/// The facts a sentence states, as the other extractors found them: `event` when it
/// says the event is held, `stance:<party>:<status>`, `figure:<number>`. Two sentences
/// stating the same facts tell the same thing even in other words.
pub type Facts = Vec<String>;

/// Similarity of two sentences: TF-IDF cosine, raised when they state the same facts.
pub fn similarity(va: &Vector, vb: &Vector, fa: &Facts, fb: &Facts) -> f64 {
    with_facts(cosine(va, vb), fa, fb)
}

/// A cosine raised when the two sentences state the same facts.
fn with_facts(c: f64, fa: &Facts, fb: &Facts) -> f64 {
    let shared = fa.iter().filter(|x| fb.contains(x)).count();
    if shared == 0 {
        return c;
    }
    let jaccard = shared as f64 / (fa.len() + fb.len() - shared) as f64;
    c.max(0.3 + 0.7 * jaccard)
}

/// The `n` key points across `docs`, most important first. `facts[d][i]` are the facts
/// sentence `i` of article `d` states.
pub fn key_points(
    docs: &[Doc],
    vectors: &[Vec<Vector>],
    scores: &[Vec<f64>],
    facts: &[Vec<Facts>],
    n: usize,
) -> Vec<KeyPoint> {
    // (doc, sentence, normalised score)
    let mut pool: Vec<(usize, usize, f64)> = Vec::new();
    for (d, sc) in scores.iter().enumerate() {
        // A sentence that states facts the extractors recognise (who took part, a
        // figure, the event itself) is what a briefing reader needs: a modest boost.
        let sc: Vec<f64> = sc
            .iter()
            .zip(&facts[d])
            .map(|(x, f)| x * (1.0 + 0.25 * f.len().min(2) as f64))
            .collect();
        let max = sc.iter().copied().fold(0.0f64, f64::max);
        if max <= 0.0 {
            continue;
        }
        let mut idx: Vec<usize> = (0..sc.len()).filter(|&i| sc[i] > 0.0).collect();
        idx.sort_by(|&a, &b| sc[b].total_cmp(&sc[a]).then(a.cmp(&b)));
        pool.extend(
            idx.into_iter()
                .take(PER_ARTICLE)
                .map(|i| (d, i, sc[i] / max)),
        );
    }
    pool.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    pool.truncate(POOL);
    let vecs: Vec<&Vector> = pool.iter().map(|&(d, i, _)| &vectors[d][i]).collect();
    // The story all outlets tell: the mean of the articles' centroids (each article
    // counts once, however long), so a point close to it is central to the whole story.
    let centroid = story_centroid(vectors);
    let sim = |a: usize, b: usize| {
        let ((da, ia, _), (db, ib, _)) = (pool[a], pool[b]);
        similarity(vecs[a], vecs[b], &facts[da][ia], &facts[db][ib])
    };
    // Corroboration: how many other articles have a candidate telling the same fact.
    let others = docs.len().saturating_sub(1).clamp(1, 3) as f64;
    let relevance: Vec<f64> = (0..pool.len())
        .map(|a| {
            let mut docs_agreeing: Vec<usize> = (0..pool.len())
                .filter(|&b| pool[b].0 != pool[a].0 && sim(a, b) >= CITE)
                .map(|b| pool[b].0)
                .collect();
            docs_agreeing.sort_unstable();
            docs_agreeing.dedup();
            let support = (docs_agreeing.len() as f64 / others).min(1.0);
            pool[a].2 * (1.0 + 0.5 * support) * (0.5 + cosine(vecs[a], &centroid))
        })
        .collect();
    let all: Vec<usize> = (0..pool.len()).collect();
    let picked = mmr(&all, &relevance, &sim, n, 0.7, SAME_FACT);
    // A point's vector spread out by term id: its cosine with any sentence is then one
    // pass over that sentence's terms (a zero weight adds exactly nothing).
    let dim = term_dim(vectors);
    let mut dense = vec![0.0f64; dim];
    picked
        .into_iter()
        .map(|p| {
            let (d, i, _) = pool[p];
            let doc = &docs[d];
            let s = &doc.sentences[i];
            let v = &vectors[d][i];
            for &(id, w) in v {
                dense[id as usize] = w;
            }
            let cos = |u: &Vector| {
                u.iter()
                    .fold(0.0, |dot, &(id, w)| dot + dense[id as usize] * w)
            };
            let also = docs
                .iter()
                .enumerate()
                .filter(|(od, _)| *od != d)
                .filter_map(|(od, other)| {
                    other
                        .sentences
                        .iter()
                        .enumerate()
                        .filter(|(_, os)| {
                            matches!(os.kind, BlockKind::Paragraph | BlockKind::ListItem)
                        })
                        .map(|(oi, os)| {
                            (
                                with_facts(cos(&vectors[od][oi]), &facts[d][i], &facts[od][oi]),
                                os,
                            )
                        })
                        .filter(|(sim, _)| *sim >= CITE)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                        .map(|(_, os)| SourceRef::new(other, os))
                })
                .collect();
            for &(id, _) in v {
                dense[id as usize] = 0.0;
            }
            KeyPoint {
                text: compress(&s.text, POINT_WORDS),
                source: SourceRef::new(doc, s),
                also,
                score: (relevance[p] * 1000.0).round() / 1000.0,
            }
        })
        .collect()
}
