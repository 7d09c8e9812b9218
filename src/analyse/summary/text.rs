//! The summary's corpus: every sentence of every briefing with where it is (page,
//! anchor, block), and the terms the ranking compares them by (pure).
//!
//! Terms are Snowball (Porter2) stems of the words that are not stop words, except that
//! a gazetteer mention becomes one term for its entity, so "the EU", "the European
//! Union" and "Brussels" match, as do "Washington" and "the US".

use std::sync::{Arc, OnceLock};

use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use crate::analyse::Site;
use crate::analyse::gazetteer::{Gazetteer, Mention, Target};
use crate::analyse::words::{is_stop_word, tokens};
use crate::common::calendar::Ymd;
use crate::content::Page;
use crate::ingest::dates::dominant_year;
use crate::markdown::BlockKind;

/// One sentence of a briefing.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Sent {
    pub text: String,
    /// Fragment id in the page's HTML (`s3-2`, `p3`, `photo-1`).
    pub anchor: String,
    /// Index of the text block in the page.
    pub block: usize,
    pub kind: BlockKind,
    /// Position among the page's sentences (0 = first).
    pub pos: usize,
    /// In the page's first paragraph (the standfirst of a generated page).
    pub lead: bool,
    /// The sentence's terms (see [`terms`]).
    pub terms: Vec<String>,
    /// The gazetteer's mentions in the sentence.
    pub mentions: Vec<Mention>,
}

/// One briefing, as the summary reads it.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct Doc {
    /// Index into [`Site::pages`].
    pub page: usize,
    /// Site path, e.g. `/briefings/x/`.
    pub path: String,
    pub title: String,
    /// The outlet (`source` front matter).
    pub source: Option<String>,
    pub seed: Option<String>,
    pub date: Option<Ymd>,
    pub date_inferred: bool,
    /// Shared: a briefing read once is cheap to place again (see `analyse::cache`).
    pub sentences: Arc<[Sent]>,
}

impl Doc {
    /// The link to a sentence: `/briefings/x/#s3-2`.
    pub fn link(&self, s: &Sent) -> String {
        if s.anchor.is_empty() {
            self.path.clone()
        } else {
            format!("{}#{}", self.path, s.anchor)
        }
    }

    /// What a citation shows: the outlet, or the title cut short when it has none.
    pub fn label(&self) -> String {
        self.source
            .clone()
            .unwrap_or_else(|| short_title(&self.title))
    }

    /// The text of a block, as the page has it.
    pub fn block_sentences(&self, block: usize) -> impl Iterator<Item = (usize, &Sent)> {
        self.sentences
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.block == block)
    }
}

/// The normalised TF-IDF vector of sorted term ids, each term weighted by `idf`.
pub fn tf_idf(sorted_ids: &[u32], idf: impl Fn(u32) -> f64) -> Vector {
    let mut v: Vector = Vec::with_capacity(sorted_ids.len());
    for &id in sorted_ids {
        match v.last_mut() {
            Some((last, w)) if *last == id => *w += 1.0,
            _ => v.push((id, 1.0)),
        }
    }
    for (id, w) in &mut v {
        *w *= idf(*id);
    }
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// The year a briefing's text mostly speaks of (see [`dominant_year`]).
pub fn doc_year(doc: &Doc) -> Option<i32> {
    let all: String = doc
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    dominant_year(&all)
}

/// A sentence that is only a photo credit, such as "(AFP)".
fn is_credit(s: &str) -> bool {
    let t = s.trim();
    t.starts_with('(') && t.ends_with(')') && t.split_whitespace().count() <= 3
}

/// The briefings of a site, newest first, with their sentences in reading order, each
/// with its terms and gazetteer mentions (found once, used by every extractor).
pub fn corpus(site: &Site, gazetteer: &Gazetteer) -> Vec<Doc> {
    site.briefings
        .iter()
        .map(|&i| read_doc(&site.pages[i], i, gazetteer))
        .collect()
}

/// One briefing as the summary reads it; `index` is its place in [`Site::pages`].
pub fn read_doc(p: &Page, index: usize, gazetteer: &Gazetteer) -> Doc {
    let mut sentences = Vec::new();
    let mut first_para: Option<usize> = None;
    for (bi, b) in p.rendered.blocks.iter().enumerate() {
        if b.kind == BlockKind::Paragraph && first_para.is_none() {
            first_para = Some(bi);
        }
        for s in &b.sentences {
            if is_credit(&s.text) {
                continue;
            }
            let mentions = gazetteer.mentions(&s.text);
            sentences.push(Sent {
                terms: terms_with(&s.text, &mentions, gazetteer),
                mentions,
                text: s.text.clone(),
                anchor: s.anchor.clone(),
                block: bi,
                kind: b.kind,
                pos: sentences.len(),
                lead: first_para == Some(bi),
            });
        }
    }
    Doc {
        page: index,
        path: p.path.clone(),
        title: p.front.title.clone(),
        source: p.front.source.clone(),
        seed: p.front.seed.clone(),
        date: p.date,
        date_inferred: p.front.date_inferred,
        sentences: sentences.into(),
    }
}

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

thread_local! {
    /// Stems already computed: news repeats its words, and stemming allocates.
    static STEMS: std::cell::RefCell<FxMap<String, String>> = Default::default();
}

/// The stem of one lowercase word.
pub fn stem(word: &str) -> String {
    STEMS.with(|cache| {
        if let Some(s) = cache.borrow().get(word) {
            return s.clone();
        }
        let s = stemmer().stem(word).into_owned();
        let mut c = cache.borrow_mut();
        if c.len() > 200_000 {
            c.clear();
        }
        c.insert(word.to_string(), s.clone());
        s
    })
}

/// Stems that news copy uses interchangeably for the same act, folded to one term so
/// that outlets telling the same fact in other words still match ("took part",
/// "participated", "attended"; "meeting", "conference").
const SAME_ACT: &[(&str, &str)] = &[
    ("particip", "attend"),
    ("attende", "attend"),
    ("attend", "attend"),
    ("meet", "confer"),
    ("summit", "confer"),
    ("conven", "hold"),
    ("refrain", "boycott"),
    ("declin", "boycott"),
    ("shun", "boycott"),
    ("snub", "boycott"),
    ("avoid", "boycott"),
    ("repatri", "return"),
    ("returne", "return"),
    ("biggest", "largest"),
    ("highest", "largest"),
];

fn fold(stem: String) -> String {
    SAME_ACT
        .iter()
        .find(|(from, _)| stem == *from)
        .map(|(_, to)| to.to_string())
        .unwrap_or(stem)
}

/// The terms of a text: `@<entity id>` for each gazetteer mention, then the stems of the
/// remaining words that are not stop words, numbers or single letters.
pub fn terms(text: &str, gazetteer: &Gazetteer) -> Vec<String> {
    terms_with(text, &gazetteer.mentions(text), gazetteer)
}

/// [`terms`] with the text's mentions already found.
pub fn terms_with(text: &str, mentions: &[Mention], gazetteer: &Gazetteer) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = String::with_capacity(text.len());
    let mut last = 0;
    for m in mentions {
        let id = match m.target {
            Target::Party(i) => &gazetteer.parties[i].id,
            Target::Person(i) => &gazetteer.people[i].id,
        };
        out.push(format!("@{id}"));
        rest.push_str(&text[last..m.start]);
        rest.push(' ');
        last = m.end;
    }
    rest.push_str(&text[last..]);
    for w in tokens(&rest) {
        if w.chars().count() < 2 || is_stop_word(&w) || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let w = w.replace('’', "'");
        out.push(fold(stem(&w)));
    }
    out
}

pub use crate::analyse::fxhash::{FxHasher, FxMap, FxSet};

/// Interned terms: a sparse TF-IDF vector per text, L2-normalised.
#[derive(Debug, Default)]
pub struct Vocabulary {
    pub(super) ids: FxMap<String, u32>,
    pub(super) df: Vec<u32>,
    pub(super) docs: u32,
}

/// A sparse vector: (term id, weight), sorted by id.
pub type Vector = Vec<(u32, f64)>;

impl Vocabulary {
    /// Counts each term once per text (a "document" for IDF is one sentence, as in LexRank).
    pub fn add(&mut self, terms: &[String]) -> Vec<u32> {
        let mut ids: Vec<u32> = terms.iter().map(|t| self.intern(t)).collect();
        if self.df.len() < self.ids.len() {
            self.df.resize(self.ids.len(), 0);
        }
        let mut uniq = ids.clone();
        uniq.sort_unstable();
        uniq.dedup();
        for &id in &uniq {
            self.df[id as usize] += 1;
        }
        self.docs += 1;
        ids.sort_unstable();
        ids
    }

    /// The id of a term, a new one for a term not seen before (its document frequency
    /// is not counted here).
    pub fn intern(&mut self, term: &str) -> u32 {
        match self.ids.get(term) {
            Some(&id) => id,
            None => {
                let id = self.ids.len() as u32;
                self.ids.insert(term.to_string(), id);
                id
            }
        }
    }

    /// Smoothed inverse document frequency.
    pub fn idf(&self, id: u32) -> f64 {
        let df = f64::from(self.df.get(id as usize).copied().unwrap_or(0));
        ((1.0 + f64::from(self.docs)) / (1.0 + df)).ln() + 1.0
    }

    /// The TF-IDF vector of sorted term ids (as [`Vocabulary::add`] returns them).
    pub fn vector(&self, sorted_ids: &[u32]) -> Vector {
        tf_idf(sorted_ids, |id| self.idf(id))
    }
}

/// Cosine similarity of two normalised sparse vectors (a merge of sorted ids).
pub fn cosine(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Where a statement comes from: the sentence on a briefing page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct SourceRef {
    /// Site path of the page plus the sentence's anchor: `/briefings/x/#s3-2`.
    pub link: String,
    /// Site path of the page: `/briefings/x/`.
    pub page: String,
    pub anchor: String,
    pub title: String,
    /// The outlet, from the page's `source`.
    pub source: Option<String>,
    /// What a citation shows: the outlet, or the page title when it has none.
    pub label: String,
    /// The seed file the page was generated from.
    pub seed: Option<String>,
    /// The sentence, as the page has it.
    pub sentence: String,
}

/// A title cut to its first words, for a citation when the page names no outlet.
pub fn short_title(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() <= 6 {
        title.to_string()
    } else {
        format!("“{} …”", words[..5].join(" "))
    }
}

impl SourceRef {
    pub fn new(doc: &Doc, s: &Sent) -> SourceRef {
        SourceRef {
            link: doc.link(s),
            page: doc.path.clone(),
            anchor: s.anchor.clone(),
            title: doc.title.clone(),
            source: doc.source.clone(),
            label: doc.label(),
            seed: doc.seed.clone(),
            sentence: s.text.clone(),
        }
    }
}

/// A briefing made of paragraphs, for tests of the extractors.
#[cfg(test)]
pub fn test_doc(path: &str, source: &str, paragraphs: &[&str]) -> Doc {
    let g = Gazetteer::embedded();
    let mut sentences = Vec::new();
    for (b, p) in paragraphs.iter().enumerate() {
        for (j, s) in crate::markdown::sentences(p).into_iter().enumerate() {
            let mentions = g.mentions(&s);
            sentences.push(Sent {
                terms: terms_with(&s, &mentions, g),
                mentions,
                anchor: format!("s{}-{}", b + 1, j + 1),
                text: s,
                block: b,
                kind: BlockKind::Paragraph,
                pos: sentences.len(),
                lead: b == 0,
            });
        }
    }
    Doc {
        page: 0,
        path: path.to_string(),
        title: "T".into(),
        source: Some(source.to_string()),
        seed: None,
        date: None,
        date_inferred: false,
        sentences: sentences.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_merge_entity_names_and_stem_words() {
        let g = Gazetteer::embedded();
        let a = terms("The European Union refused to attend the conferences.", g);
        let b = terms("Brussels said the EU would not attend this conference", g);
        assert!(a.contains(&"@european-union".to_string()), "{a:?}");
        assert!(b.contains(&"@european-union".to_string()), "{b:?}");
        assert!(
            a.contains(&"attend".to_string()) && a.contains(&"confer".to_string()),
            "{a:?}"
        );
        assert!(b.contains(&"confer".to_string()));
        assert!(!a.iter().any(|t| t == "the" || t == "to"));
    }

    #[test]
    fn tf_idf_cosine_is_one_for_the_same_text_and_zero_for_disjoint() {
        let g = Gazetteer::embedded();
        let mut v = Vocabulary::default();
        let a = v.add(&terms("Refugees return to Damascus.", g));
        let b = v.add(&terms("Weather was mild and sunny.", g));
        let (va, vb) = (v.vector(&a), v.vector(&a));
        assert!((cosine(&va, &vb) - 1.0).abs() < 1e-9);
        assert_eq!(cosine(&va, &v.vector(&b)), 0.0);
    }
}
