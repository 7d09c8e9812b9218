//! A briefing's terms interned locally (each distinct term once, in order of first
//! use), so that the site's vocabulary and TF-IDF vectors are rebuilt from cached
//! per-briefing lists with one lookup per distinct term instead of one per occurrence.
//! The ids, document frequencies and vectors are exactly those of adding every
//! sentence to a [`Vocabulary`] in reading order (pure).

use super::text::{Doc, Vector, Vocabulary, tf_idf};

/// One briefing's terms: each distinct term once, the sentences' terms as local ids
/// (in the sentences' order of terms), and how many sentences use each term.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
pub struct LocalTerms {
    pub terms: Vec<String>,
    pub sentences: Vec<Vec<u32>>,
    pub df: Vec<u32>,
}

impl LocalTerms {
    /// The local terms of a briefing's sentences.
    pub fn of(doc: &Doc) -> LocalTerms {
        let mut ids: std::collections::HashMap<&str, u32> = Default::default();
        let mut out = LocalTerms::default();
        for s in doc.sentences.iter() {
            let mut local: Vec<u32> = Vec::with_capacity(s.terms.len());
            for t in &s.terms {
                let id = *ids.entry(t.as_str()).or_insert_with(|| {
                    out.terms.push(t.clone());
                    out.df.push(0);
                    (out.terms.len() - 1) as u32
                });
                local.push(id);
            }
            let mut uniq = local.clone();
            uniq.sort_unstable();
            uniq.dedup();
            for id in uniq {
                out.df[id as usize] += 1;
            }
            out.sentences.push(local);
        }
        out
    }
}

impl Vocabulary {
    /// Adds every sentence of one briefing, as [`Vocabulary::add`] would one after the
    /// other; returns each sentence's sorted term ids.
    pub fn add_local(&mut self, local: &LocalTerms) -> Vec<Vec<u32>> {
        let map = self.count_local(local);
        local
            .sentences
            .iter()
            .map(|s| {
                let mut ids: Vec<u32> = s.iter().map(|&l| map[l as usize]).collect();
                ids.sort_unstable();
                ids
            })
            .collect()
    }

    /// Counts every sentence of one briefing as [`Vocabulary::add_local`] does; returns
    /// the id of each of its local terms.
    pub fn count_local(&mut self, local: &LocalTerms) -> Vec<u32> {
        let map: Vec<u32> = local.terms.iter().map(|t| self.intern(t)).collect();
        if self.df.len() < self.ids.len() {
            self.df.resize(self.ids.len(), 0);
        }
        for (l, &g) in map.iter().enumerate() {
            self.df[g as usize] += local.df[l];
        }
        self.docs += local.sentences.len() as u32;
        map
    }

    /// [`Vocabulary::idf`] of every term, by id.
    pub fn idf_table(&self) -> Vec<f64> {
        (0..self.df.len() as u32).map(|id| self.idf(id)).collect()
    }
}

/// [`Vocabulary::vector`] with the IDF looked up in `idf` (from [`Vocabulary::idf_table`]).
pub fn vector_with(sorted_ids: &[u32], idf: &[f64]) -> Vector {
    tf_idf(sorted_ids, |id| idf[id as usize])
}

/// The TF-IDF vectors of every sentence of every briefing, over one vocabulary of all
/// their sentences (IDF counts sentences, as LexRank does).
pub fn site_vectors<'a>(locals: impl IntoIterator<Item = &'a LocalTerms>) -> Vec<Vec<Vector>> {
    let mut vocab = Vocabulary::default();
    let locals: Vec<&LocalTerms> = locals.into_iter().collect();
    let maps: Vec<Vec<u32>> = locals.iter().map(|l| vocab.count_local(l)).collect();
    let idf = vocab.idf_table();
    let mut ids: Vec<u32> = Vec::new();
    locals
        .iter()
        .zip(&maps)
        .map(|(l, map)| {
            l.sentences
                .iter()
                .map(|s| {
                    ids.clear();
                    ids.extend(s.iter().map(|&t| map[t as usize]));
                    ids.sort_unstable();
                    vector_with(&ids, &idf)
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::text::test_doc;
    use super::*;

    #[test]
    fn local_terms_give_the_vectors_of_adding_each_sentence() {
        let docs = [
            test_doc(
                "/a/",
                "A",
                &[
                    "Refugees return to Damascus. The EU said it would not attend.",
                    "Turkey hosts refugees; refugees return home.",
                ],
            ),
            test_doc("/b/", "B", &["", "The European Union did not attend."]),
            test_doc("/c/", "C", &["Weather was mild. Refugees said so."]),
        ];
        let mut vocab = Vocabulary::default();
        let ids: Vec<Vec<Vec<u32>>> = docs
            .iter()
            .map(|d| d.sentences.iter().map(|s| vocab.add(&s.terms)).collect())
            .collect();
        let want: Vec<Vec<Vector>> = ids
            .iter()
            .map(|d| d.iter().map(|i| vocab.vector(i)).collect())
            .collect();
        let locals: Vec<LocalTerms> = docs.iter().map(LocalTerms::of).collect();
        assert_eq!(site_vectors(&locals), want);
    }
}
