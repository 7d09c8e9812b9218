//! The verb group of a cue: read back from the cue over auxiliaries, negation,
//! adverbs and governing verbs ("would also not", "refused to", "was expected to",
//! "urged … to"), it says whether the cue is negated, planned, expected, turned into
//! its refusal, or blocked (a directive, an attempt, a counterfactual).

use super::lexicon::{
    AUX, BE, CANCEL_VERBS, DEFYING, DELEGATING, DIRECTIVES, DURATIVE_COPULAS, EXPECT_GOVERNORS,
    HABITUAL, IRREALIS_GOVERNORS, MOTION_GOVERNORS, NEG, NEUTRAL_GOVERNORS, NOUN_GOVERNORS,
    PLAN_GOVERNORS, PREPOSITIONS, REFUSE_GOVERNORS, REP_NOUNS, VG_ADVERBS, WEEKDAYS, is,
};
use super::tokens::Token;
use super::view::View;

/// The verb group of a cue: where it starts, and what it says of polarity and modality.
#[derive(Debug, Clone, Copy, Default)]
pub struct VerbGroup {
    pub start: usize,
    pub neg: bool,
    pub refuse: bool,
    pub planned: bool,
    pub expected: bool,
    pub block: bool,
}

/// Adverbs of likelihood inside a verb group ("will likely send").
const HEDGES: &[&str] = &["likely", "probably", "possibly", "perhaps", "presumably"];

/// Nouns of intent before "to": "its decision to attend" announces.
const PLAN_NOUNS: &[&str] = &["decision", "intention", "plan", "plans"];

pub fn verb_group(v: &View, head: usize, lb: usize) -> VerbGroup {
    let mut g = VerbGroup::default();
    let head_word = v.w(head);
    let mut q = head;
    while q > lb {
        let w = v.w(q - 1);
        if v.tok(q - 1).is_some_and(Token::is_mention) {
            break;
        }
        if is(w, AUX) {
            if w == "have" {
                let modal = (0..q.saturating_sub(1))
                    .rev()
                    .find(|&r| !is(v.w(r), NEG) && !is(v.w(r), VG_ADVERBS))
                    .map(|r| v.w(r));
                if matches!(modal, Some("would" | "could" | "might" | "should")) {
                    g.block = true; // "would not have attended": counterfactual
                }
            }
            match w {
                "will" | "shall" | "would" => g.planned = true,
                "may" | "might" | "could" => g.expected = true,
                "should" | "must" | "ought" => g.block = true,
                _ => {}
            }
            q -= 1;
            continue;
        }
        // "will remain absent", "stayed away": a copula of duration, only before an
        // adjective cue ("absent", "present").
        if q == head && is(w, DURATIVE_COPULAS) && matches!(head_word, "absent" | "present") {
            q -= 1;
            continue;
        }
        if is(w, NEG) {
            g.neg = true;
            q -= 1;
            continue;
        }
        // "confirmed as attending", "listed as participating": announced.
        if q == head
            && w == "as"
            && head_word.ends_with("ing")
            && q >= 2
            && matches!(v.wb(q, 2), "confirmed" | "listed" | "registered" | "named")
        {
            g.planned = true;
            q -= 2;
            continue;
        }
        if w == "no" && matches!(v.w(q), "plans" | "plan" | "intention" | "intentions") {
            g.neg = true;
            q -= 1;
            continue;
        }
        // "has no plans of going to Moscow": the gerund after "plans of" is the plan.
        if w == "of"
            && q == head
            && head_word.ends_with("ing")
            && matches!(v.wb(q, 2), "plans" | "plan" | "intention" | "intentions")
            && v.wb(q, 3) == "no"
        {
            g.neg = true;
            g.planned = true;
            q -= 3;
            continue;
        }
        if w == "to" {
            // "chose not to invite": the negation before "to".
            if is(v.wb(q, 2), NEG) && q >= 3 {
                g.neg = !g.neg;
                let gov = v.wb(q, 3);
                if is(gov, NEUTRAL_GOVERNORS)
                    || is(gov, PLAN_GOVERNORS)
                    || is(gov, REFUSE_GOVERNORS)
                {
                    if is(gov, PLAN_GOVERNORS) {
                        g.planned = true;
                    }
                    q -= 3;
                    continue;
                }
                // "her decision not to attend", "the only one not to attend".
                // (Not "urged governments not to attend": a directive.)
                let directive = (lb..q.saturating_sub(3)).any(|r| is(v.w(r), DIRECTIVES));
                if is(gov, NOUN_GOVERNORS) && !directive {
                    g.planned |= is(gov, PLAN_NOUNS);
                    q -= 3;
                    break;
                }
            }
            // "is also to attend": an adverb between the copula and "to".
            if q >= 3 && is(v.wb(q, 2), VG_ADVERBS) && is(v.wb(q, 3), BE) {
                g.planned = true;
                q -= 2;
                continue;
            }
            let gov = v.wb(q, 2);
            if q >= 2 && is(gov, PLAN_GOVERNORS) {
                // "Germany cancelled its plans to attend": a plan given up.
                if matches!(gov, "plan" | "plans")
                    && q >= 4
                    && matches!(v.wb(q, 3), "its" | "his" | "her" | "their" | "the")
                    && is(v.wb(q, 4), CANCEL_VERBS)
                {
                    g.refuse = true;
                    q -= 4;
                    continue;
                }
                g.planned = true;
                // "initially planned to send": a plan since given up.
                if q >= 3 && matches!(v.wb(q, 3), "initially" | "originally") {
                    g.block = true;
                }
                q -= 2;
                continue;
            }
            if q >= 2 && is(gov, EXPECT_GOVERNORS) {
                g.expected = true;
                q -= 2;
                continue;
            }
            // "is unlikely to attend": expected not to.
            if q >= 2 && gov == "unlikely" {
                g.expected = true;
                g.neg = !g.neg;
                q -= 2;
                continue;
            }
            if q >= 2 && is(gov, REFUSE_GOVERNORS) {
                g.refuse = true;
                q -= 2;
                continue;
            }
            if q >= 2 && is(gov, NEUTRAL_GOVERNORS) {
                q -= 2;
                continue;
            }
            if q >= 2 && is(gov, BE) {
                g.planned = true; // "Lebanon is to attend"
                q -= 1;
                continue;
            }
            // "his schedule did not allow him to attend": kept away.
            let not_allowed = q >= 4
                && matches!(v.wb(q, 2), "him" | "her" | "them")
                && matches!(v.wb(q, 3), "allow" | "allowed" | "permit" | "permitted")
                && is(v.wb(q, 4), NEG);
            if not_allowed {
                g.neg = true;
                q -= 4;
                continue;
            }
            // "urged the UN … to forgo", "sought to hold", "called … to boycott".
            let directive = (lb..q.saturating_sub(1)).any(|r| is(v.w(r), DIRECTIVES));
            if directive || is(gov, IRREALIS_GOVERNORS) {
                g.block = true;
                q -= 1;
                break;
            }
            if is(gov, MOTION_GOVERNORS) {
                q -= 1;
                break;
            }
            // "flew in to attend", "came over to attend": a motion verb and its particle.
            if q >= 3 && matches!(gov, "in" | "over") && is(v.wb(q, 3), MOTION_GOVERNORS) {
                q -= 3;
                break;
            }
            // "Macron to host ocean summit": a headline's future, right after a name
            // that no verb governs.
            let headline = q >= 2
                && v.tok(q - 2).is_some_and(|t| t.is_mention())
                && (0..q - 2).all(|r| !v.verb_like(r) && !v.is_punct(r));
            if headline {
                g.planned = true;
                q -= 1;
                break;
            }
            // "who is in Jeddah to attend": being at the place for the purpose.
            let present_at = (lb..q.saturating_sub(1)).rev().take(5).any(|r| {
                is(v.w(r), BE)
                    && matches!(v.w(r + 1), "in" | "at")
                    && v.tok(r + 2).is_some_and(|t| t.capital)
            });
            if present_at {
                q -= 1;
                break;
            }
            // "left for Suva to attend": the motion verb opens the group.
            let motion_at = (lb..q.saturating_sub(1))
                .rev()
                .take(4)
                .find(|&r| is(v.w(r), MOTION_GOVERNORS));
            let motion_before = motion_at.is_some()
                || (lb..q.saturating_sub(1))
                    .rev()
                    .take(8)
                    .any(|r| is(v.w(r), DEFYING));
            // "has designated Vice President Kashim Bello to attend".
            let delegated = (lb..q.saturating_sub(1))
                .rev()
                .take_while(|&r| !v.is_punct(r))
                .take(8)
                .any(|r| is(v.w(r), DELEGATING) && !is(v.w(r + 1), PREPOSITIONS));
            // "among 20 leaders, including Peru's president, to attend": the noun before
            // an inserted "including" list.
            let inserted = gov == ","
                && (lb..q.saturating_sub(1))
                    .rev()
                    .find(|&r| v.w(r) == "including")
                    .is_some_and(|r| {
                        r >= 2
                            && v.w(r - 1) == ","
                            && (is(v.wb(r, 2), NOUN_GOVERNORS) || is(v.wb(r, 2), REP_NOUNS))
                    });
            // "the last nation Saturday to withdraw": a day between the noun and "to".
            let dated_noun = q >= 3
                && (is(gov, WEEKDAYS) || matches!(gov, "today" | "yesterday"))
                && is(v.wb(q, 3), NOUN_GOVERNORS);
            if is(gov, NOUN_GOVERNORS)
                || dated_noun
                || is(gov, REP_NOUNS)
                || motion_before
                || delegated
                || inserted
            {
                g.planned |= is(gov, PLAN_NOUNS);
                q = match motion_at {
                    Some(r) if !is(gov, NOUN_GOVERNORS) && !is(gov, REP_NOUNS) => r,
                    _ => q - 1,
                };
                break; // "the only country to attend"
            }
            g.block = true; // an infinitive we cannot place
            q -= 1;
            break;
        }
        if w == "from" {
            let gov = v.wb(q, 2);
            if q >= 2 && is(gov, REFUSE_GOVERNORS) {
                g.refuse = true;
                q -= 2;
                continue;
            }
            // "chose to keep him from attending": someone kept away, not the subject.
            let kept = (q.saturating_sub(4)..q - 1).any(|r| {
                matches!(
                    v.w(r),
                    "keep"
                        | "keeps"
                        | "kept"
                        | "bar"
                        | "barred"
                        | "prevent"
                        | "prevented"
                        | "stop"
                        | "stopped"
                        | "ban"
                        | "banned"
                )
            });
            g.block |= kept;
            break;
        }
        if is(w, REFUSE_GOVERNORS) && head_word.ends_with("ing") {
            g.refuse = true; // "avoided attending"
            q -= 1;
            continue;
        }
        if w == "out"
            && q >= 2
            && matches!(v.wb(q, 2), "rule" | "rules" | "ruled" | "ruling")
            && head_word.ends_with("ing")
        {
            g.refuse = true; // "ruled out attending"
            q -= 2;
            continue;
        }
        if is(w, HABITUAL) {
            g.block = true; // "rarely attends": a habit, not this meeting
            q -= 1;
            continue;
        }
        if is(w, VG_ADVERBS) {
            q -= 1;
            continue;
        }
        // "will likely send", "will probably skip": a hedge between the auxiliary and
        // the verb makes it an expectation.
        if is(w, HEDGES) && q >= 2 && is(v.wb(q, 2), AUX) {
            g.expected = true;
            q -= 1;
            continue;
        }
        // "would not, under any circumstances, invite": an aside between commas after
        // an auxiliary or a negation.
        if w == "," {
            let open = (q.saturating_sub(7).max(lb + 1)..q - 1).rev().find(|&r| {
                v.w(r) == ","
                    && (is(v.wb(r, 1), AUX) || is(v.wb(r, 1), NEG))
                    && (r + 1..q - 1).all(|k| !v.is_mention(k) && !v.is_punct(k))
            });
            if let Some(r) = open {
                q = r;
                continue;
            }
        }
        break;
    }
    g.start = q;
    g
}
