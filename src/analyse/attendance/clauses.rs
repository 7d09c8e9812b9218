//! Clauses of a sentence: asides in brackets or between dashes and relative clauses
//! (", which …") are set apart, and the rest is cut at clause boundaries (`;`,
//! ", while", ", but", a leading "While …,") so that "Jordan did not attend the
//! conference, while Turkey was not invited" gives two clauses with two subjects.

use super::lexicon::{AUX, CONDITIONAL, SUBORDINATORS, is};
use super::tokens::Token;

/// What kind of clause a clause is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    Main,
    /// A relative clause; its subject may be the antecedent.
    Relative,
    /// Text in brackets or between dashes.
    Aside,
    /// "if …", "unless …": states a condition, not a fact.
    Conditional,
}

/// A clause: token indices in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub kind: ClauseKind,
    pub toks: Vec<usize>,
    /// For a relative clause: the tokens of the phrase it hangs on.
    pub antecedent: Vec<usize>,
    /// Asides removed from this clause: (index of the token before the aside, tokens).
    pub asides: Vec<(usize, Vec<usize>)>,
}

impl Clause {
    fn new(kind: ClauseKind, toks: Vec<usize>) -> Self {
        Clause {
            kind,
            toks,
            antecedent: Vec::new(),
            asides: Vec::new(),
        }
    }
}

const RELATIVE_OPENERS: &[&str] = &["which", "who", "whom", "whose", "where"];

/// Words after ", as" that make it "as did X" (same status), not a new clause.
pub const ECHO_AUX: &[&str] = &[
    "did", "does", "do", "has", "have", "had", "was", "were", "would", "will", "is", "are",
];

/// Whether the `;` at `rest[pos]` separates the items of a list of names rather than two
/// clauses: a list has opened before it ("include", "were", a colon), the stretches on
/// both sides of it name a party or person, and the one after it (to the next `;` or
/// the end) has no verb ("The guests include the king of Jordan; Chile's president, Ana
/// Soto; and the UN chief").
fn list_semicolon(tokens: &[Token], rest: &[usize], pos: usize) -> bool {
    // "Among those who have arrived include; A, B": a semicolon typed for a colon.
    if pos > 0
        && pos + 1 < rest.len()
        && tokens[rest[pos - 1]].is_word()
        && is(&tokens[rest[pos - 1]].lower, LIST_HEADS)
        && tokens[rest[pos - 1]].lower != "including"
        && tokens[rest[pos + 1]].capital
    {
        return true;
    }
    let stop = |&r: &usize| tokens[r].is_punct(";") || tokens[r].is_punct(".");
    let after_end = rest[pos + 1..]
        .iter()
        .position(stop)
        .map_or(rest.len(), |e| pos + 1 + e);
    let before_start = rest[..pos].iter().rposition(stop).map_or(0, |b| b + 1);
    let after = &rest[pos + 1..after_end];
    let before = &rest[before_start..pos];
    let names = |span: &[usize]| span.iter().any(|&r| tokens[r].is_mention());
    let verbless = after.iter().all(|&r| {
        let t = &tokens[r];
        !(t.is_word() && !t.capital && (is(&t.lower, AUX) || is(&t.lower, VERB_SIGNS)))
            && !(t.is_word() && !t.capital && t.lower.len() > 3 && t.lower.ends_with("ed"))
    });
    // The list has opened before: "include", "were", a colon.
    let opened = rest[..pos].iter().any(|&r| {
        let t = &tokens[r];
        t.is_punct(":") || t.is_word() && is(&t.lower, LIST_HEADS)
    });
    // "…are here; among them, A; B", "…also arrived; as well as A and B": a stretch
    // that opens like the rest of a list goes on with the clause before.
    let w = |k: usize| after.get(k).map_or("", |&r| tokens[r].lower.as_str());
    let goes_on = matches!(
        (w(0), w(1), w(2)),
        ("among" | "amongst", "them" | "these" | "those", _)
            | ("including" | "notably", _, _)
            | ("as", "well", "as")
            | ("along" | "together", "with", _)
    );
    after.len() <= 40 && names(after) && verbless && (goes_on || opened && names(before))
}

/// Words after which a list of names follows.
#[rustfmt::skip]
const LIST_HEADS: &[&str] = &[
    "include", "includes", "included", "including", "were", "are", "was", "is", "among",
    "featured", "features", "attending",
];

/// Words that make a stretch a clause, not a list item.
#[rustfmt::skip]
const VERB_SIGNS: &[&str] = &[
    "said", "says", "say", "will", "would", "can", "could", "may", "might", "must", "did",
    "does", "do", "not", "attend", "attends", "attending", "sent", "send", "sends", "went",
    "stayed", "skipped", "told", "declined",
];

/// Splits a sentence's tokens into clauses.
pub fn clauses(tokens: &[Token]) -> Vec<Clause> {
    let mut out = Vec::new();
    // 1. Asides: brackets, and dash pairs.
    let mut main: Vec<usize> = Vec::with_capacity(tokens.len());
    let mut asides: Vec<(usize, Vec<usize>)> = Vec::new();
    let dash_count = tokens.iter().filter(|t| t.is_punct("—")).count();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.is_punct("(") {
            let mut depth = 0;
            let mut j = i;
            while j < tokens.len() {
                if tokens[j].is_punct("(") {
                    depth += 1;
                } else if tokens[j].is_punct(")") {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            let inner: Vec<usize> = (i + 1..j.min(tokens.len())).collect();
            asides.push((main.last().copied().unwrap_or(usize::MAX), inner));
            i = j + 1;
            continue;
        }
        if t.is_punct("—")
            && dash_count >= 2
            && let Some(k) = (i + 1..tokens.len()).find(|&k| tokens[k].is_punct("—"))
        {
            let inner: Vec<usize> = (i + 1..k).collect();
            asides.push((main.last().copied().unwrap_or(usize::MAX), inner));
            i = k + 1;
            continue;
        }
        if t.is_punct(")") {
            i += 1;
            continue;
        }
        main.push(i);
        i += 1;
    }
    for (_, inner) in &asides {
        if !inner.is_empty() {
            out.push(Clause::new(ClauseKind::Aside, inner.clone()));
        }
    }

    // 2. Relative clauses: ", which … ," up to the next comma.
    let mut rest: Vec<usize> = Vec::with_capacity(main.len());
    let mut k = 0;
    while k < main.len() {
        let t = &tokens[main[k]];
        let next = main.get(k + 1).map(|&n| tokens[n].lower.as_str());
        let opens = (t.is_punct(",") || t.is_punct("—"))
            && next.is_some_and(|w| RELATIVE_OPENERS.contains(&w));
        if opens {
            let end = (k + 2..main.len())
                .find(|&e| {
                    let tok = &tokens[main[e]];
                    tok.is_punct(",") || tok.is_punct(";") || tok.is_punct("—")
                })
                .unwrap_or(main.len());
            let body: Vec<usize> = main[k + 1..end].to_vec();
            // The antecedent: back to the previous comma or the start.
            let from = rest
                .iter()
                .rposition(|&r| tokens[r].is_punct(",") || tokens[r].is_punct(";"))
                .map_or(0, |p| p + 1);
            let mut rel = Clause::new(ClauseKind::Relative, body);
            rel.antecedent = rest[from..].to_vec();
            out.push(rel);
            // Keep one comma in the main clause where the relative clause was.
            rest.push(main[k]);
            k = end + 1;
            continue;
        }
        rest.push(main[k]);
        k += 1;
    }

    // 3. Boundaries.
    let mut current: Vec<usize> = Vec::new();
    let mut kind = ClauseKind::Main;
    let mut leading_sub = false;
    let mut sentence_start = true;
    let push = |out: &mut Vec<Clause>, current: &mut Vec<usize>, kind: ClauseKind| {
        if !current.is_empty() {
            out.push(Clause::new(kind, std::mem::take(current)));
        }
    };
    for (pos, &ti) in rest.iter().enumerate() {
        let t = &tokens[ti];
        let next = rest.get(pos + 1).map(|&n| tokens[n].lower.as_str());
        let next2 = rest.get(pos + 2).map(|&n| tokens[n].lower.as_str());
        if t.is_punct(";") && list_semicolon(tokens, &rest, pos) {
            current.push(ti); // "include the king of Jordan; Chile's president; and …"
            continue;
        }
        if t.is_punct(";") || t.is_punct(".") || t.is_punct("?") || t.is_punct("!") {
            push(&mut out, &mut current, kind);
            kind = ClauseKind::Main;
            leading_sub = false;
            sentence_start = true;
            continue;
        }
        let at_start = sentence_start;
        sentence_start = false;
        if current.is_empty() && t.is_word() && is(&t.lower, SUBORDINATORS) {
            // "While X attended, Y did not": the clause runs to the first comma.
            leading_sub = at_start && !matches!(t.lower.as_str(), "but" | "yet" | "so");
            kind = if is(&t.lower, CONDITIONAL) {
                ClauseKind::Conditional
            } else {
                ClauseKind::Main
            };
            // (Not "so did Qatar", "So, too, will Chile": an echo.)
            let echo = next.is_some_and(|w| ECHO_AUX.contains(&w) || w == "too")
                || t.lower == "so" && next == Some(",") && next2 == Some("too");
            if matches!(t.lower.as_str(), "but" | "yet" | "so") && !echo {
                continue; // "But the EU did not attend": a plain main clause
            }
            current.push(ti);
            continue;
        }
        if t.is_punct(",") || t.is_punct("—") {
            // (Not ", as well as the EU": a list goes on.)
            let sub = next.is_some_and(|w| is(w, SUBORDINATORS))
                && !(next == Some("as") && next2 == Some("well"));
            let echo = next == Some("as") && next2.is_some_and(|w| ECHO_AUX.contains(&w))
                // "…, but not to Pakistan": an exception, not a clause.
                || next == Some("but") && next2 == Some("not");
            // A condition ends at its comma: "whether Turkey had been invited, an
            // official said".
            if leading_sub || (sub && !echo) || kind == ClauseKind::Conditional {
                push(&mut out, &mut current, kind);
                kind = ClauseKind::Main;
                leading_sub = false;
                continue;
            }
        }
        // "X were among the guests while Norway was represented by …": a contrast
        // opens a clause of its own, with or without a comma.
        if t.is_word() && matches!(t.lower.as_str(), "while" | "whereas") && !current.is_empty() {
            push(&mut out, &mut current, kind);
            kind = ClauseKind::Main;
            current.push(ti);
            continue;
        }
        if t.is_word() && is(&t.lower, CONDITIONAL) && !current.is_empty() {
            // "X will attend if …": the condition is a clause of its own.
            push(&mut out, &mut current, kind);
            kind = ClauseKind::Conditional;
        }
        current.push(ti);
    }
    push(&mut out, &mut current, kind);

    // Attach asides to the clause that holds the token before them.
    for (before, inner) in asides {
        if before == usize::MAX {
            continue;
        }
        if let Some(c) = out
            .iter_mut()
            .find(|c| c.kind != ClauseKind::Aside && c.toks.contains(&before))
        {
            c.asides.push((before, inner));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::attendance::tokens::tokenize;
    use crate::analyse::gazetteer::Gazetteer;

    fn texts(s: &str) -> Vec<(ClauseKind, String)> {
        let toks = tokenize(s, Gazetteer::embedded());
        clauses(&toks)
            .into_iter()
            .map(|c| {
                (
                    c.kind,
                    c.toks
                        .iter()
                        .map(|&i| toks[i].lower.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
            .collect()
    }

    #[test]
    fn while_splits_and_brackets_are_asides() {
        let c = texts("Jordan did not attend the conference, while Turkey was not invited.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].1, "while turkey was not invited");
        let c = texts("China (which hosts no refugees) attended.");
        assert_eq!(c[0], (ClauseKind::Aside, "which hosts no refugees".into()));
        assert_eq!(c[1].1, "china attended");
    }

    #[test]
    fn relative_clauses_and_leading_subordinates() {
        let c = texts("Lebanon, which hosts a million refugees, attended.");
        assert!(c.contains(&(
            ClauseKind::Relative,
            "which hosts a million refugees".into()
        )));
        assert!(
            c.contains(&(ClauseKind::Main, "lebanon , attended".into())),
            "{c:?}"
        );
        let c = texts("If Turkey attends, Iran will stay away.");
        assert_eq!(c[0].0, ClauseKind::Conditional);
        assert_eq!(c[1].1, "iran will stay away");
        let c = texts("The EU stayed away, as did several Gulf states.");
        assert_eq!(c.len(), 1);
    }
}
