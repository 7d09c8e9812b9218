//! The attendance outputs: the page `attendance/` (parties grouped by status with their
//! evidence, the conflicts side by side, a world map and a table of blocs and
//! organisations), `data/attendance.json` (DESIGN's schema) and `data/attendance.csv`
//! (the same rows, one claim a row). Pure: the site in, outputs out.

use serde::Serialize;
use tera::{Context, Value};

use super::{Meta, Output, RenderCtx, one};
use crate::analyse::Site;
use crate::analyse::attendance::resolve::outlet;
use crate::analyse::attendance::{Attendance, Claim, Modality, PartyStatus, Status};
use crate::analyse::gazetteer::{Gazetteer, Target};
use crate::common::calendar::display_date;
use crate::common::slug::slugify;
use crate::map::{MapEntry, attribution, legend_html, region_map_svg, status_label, world_map_svg};

/// Site path of the page.
pub const PAGE_PATH: &str = "/attendance/";

/// Heading of a status group on the page.
pub fn group_heading(s: Status) -> &'static str {
    match s {
        Status::Host => "Host",
        Status::Attended => "Attended",
        Status::Observer => "Observer",
        Status::Boycotted => "Boycotted or stayed away",
        Status::NotInvited => "Not invited",
    }
}

fn modality_label(m: Modality) -> &'static str {
    match m {
        Modality::Reported => "",
        Modality::Planned => "announced beforehand",
        Modality::Expected => "expected, not confirmed",
    }
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "country" => "Country",
        "bloc" => "Bloc",
        _ => "Organisation",
    }
}

/// The link to a claim's sentence: the page and the sentence's anchor (`#s3-2`), or
/// the paragraph or figure that holds it (`#p3`, `#photo-1`) when the sentence has
/// none of its own.
pub fn evidence_url(site: &Site, c: &Claim) -> String {
    let base = site.config.url(&c.page);
    if c.anchor.is_empty() {
        base
    } else {
        format!("{base}#{}", c.anchor)
    }
}

#[derive(Debug, Clone, Serialize)]
struct ClaimView {
    status: Status,
    status_label: &'static str,
    modality: Modality,
    modality_label: &'static str,
    /// The quotation in pieces; `mark` pieces are the cue. Long sentences are cut to
    /// the words around the cue and the party, with ellipses.
    quote: Vec<Piece>,
    url: String,
    page_url: String,
    page_title: String,
    source: String,
    date: String,
}

#[derive(Debug, Clone, Serialize)]
struct ColumnView {
    status: Status,
    label: &'static str,
    claims: Vec<ClaimView>,
}

#[derive(Debug, Clone, Serialize)]
struct PartyView {
    id: String,
    name: String,
    kind: String,
    kind_label: &'static str,
    iso: Option<String>,
    status: Status,
    status_label: &'static str,
    conflict: bool,
    pinned: bool,
    pin_note: String,
    claimed_label: &'static str,
    /// The party's taxonomy page, if it has one.
    url: Option<String>,
    /// How many claims the party has in all.
    claim_count: usize,
    /// The claims shown first: one from each source, in source order.
    lead: Vec<ClaimView>,
    /// The other claims, shown folded.
    more: Vec<ClaimView>,
    /// Claims left off the page (many sources say the same): they are in the data files.
    hidden: usize,
    /// Claims by status (for the conflicts section).
    columns: Vec<ColumnView>,
    sources: usize,
    /// Why the party is listed under its status when its claims disagree.
    resolution_note: String,
}

#[derive(Debug, Clone, Serialize)]
struct GroupView {
    status: Status,
    heading: &'static str,
    count: usize,
    parties: Vec<PartyView>,
}

#[derive(Debug, Clone, Serialize)]
struct AttendanceView {
    event_name: String,
    event_place: String,
    event_dates: String,
    lede: String,
    groups: Vec<GroupView>,
    conflicts: Vec<PartyView>,
    organisations: Vec<PartyView>,
    map_svg: String,
    /// The region around the event's place, zoomed in (empty when the place is not
    /// a known country).
    region_svg: String,
    region_title: String,
    legend: String,
    map_attribution: String,
    map_title: String,
    briefings: usize,
    json_url: String,
    csv_url: String,
}

/// A piece of a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    pub text: String,
    pub mark: bool,
}

/// Sentences up to this many words are quoted whole.
const WHOLE_SENTENCE_WORDS: usize = 32;
/// Words kept on each side of the cue and of the party's mention in an excerpt.
const CONTEXT_WORDS: usize = 6;

/// Where the party is named in the sentence: the mention nearest to `near`.
fn mention_span(sentence: &str, party_id: &str, near: usize) -> Option<(usize, usize)> {
    let g = Gazetteer::embedded();
    g.mentions(sentence)
        .into_iter()
        .filter(|m| match m.target {
            Target::Party(i) => g.parties[i].id == party_id,
            Target::Person(i) => g.people[i].country.as_deref() == Some(party_id),
        })
        .map(|m| (m.start, m.end))
        .min_by_key(|(a, _)| a.abs_diff(near))
}

/// The quotation of a claim for `party_id`: the whole sentence when short, else the
/// words around the cue and around the party's mention, the cue marked. Returns the
/// pieces and whether they are an excerpt.
pub fn quote(sentence: &str, cue: &str, party_id: &str) -> (Vec<Piece>, bool) {
    let plain = |t: &str| Piece {
        text: t.to_string(),
        mark: false,
    };
    let Some(cs) = (!cue.is_empty()).then(|| sentence.find(cue)).flatten() else {
        return (vec![plain(sentence)], false);
    };
    let ce = cs + cue.len();
    // Byte ranges of the words.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, ch) in sentence.char_indices() {
        match (ch.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, sentence.len()));
    }
    if words.is_empty() {
        return (vec![plain(sentence)], false);
    }
    let last = words.len() - 1;
    let word_at = |b: usize| words.iter().position(|w| w.1 > b).unwrap_or(last);
    let around = |from: usize, to: usize| {
        let (a, b) = (word_at(from), word_at(to.saturating_sub(1)));
        (
            a.saturating_sub(CONTEXT_WORDS),
            (b + CONTEXT_WORDS).min(last),
        )
    };
    let mut ranges: Vec<(usize, usize)> = vec![(0, last)];
    if words.len() > WHOLE_SENTENCE_WORDS {
        ranges = vec![around(cs, ce)];
        if let Some((ms, me)) = mention_span(sentence, party_id, cs) {
            ranges.push(around(ms, me));
        }
        ranges.sort();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(m) if r.0 <= m.1 + 3 => m.1 = m.1.max(r.1),
                _ => merged.push(r),
            }
        }
        ranges = merged;
    }
    let excerpt = ranges != [(0, last)];
    let mut pieces: Vec<Piece> = Vec::new();
    for (n, &(a, b)) in ranges.iter().enumerate() {
        let (from, to) = (words[a].0, words[b].1);
        if a > 0 {
            pieces.push(plain(if n == 0 { "… " } else { " … " }));
        }
        if cs >= from && ce <= to {
            pieces.push(plain(&sentence[from..cs]));
            pieces.push(Piece {
                text: cue.to_string(),
                mark: true,
            });
            pieces.push(plain(&sentence[ce..to]));
        } else {
            pieces.push(plain(&sentence[from..to]));
        }
    }
    if ranges.last().is_some_and(|r| r.1 < last) {
        pieces.push(plain(" …"));
    }
    // The page wraps the quotation in its own marks.
    if let Some(first) = pieces.first_mut() {
        first.text = first.text.trim_start_matches(['“', '"']).to_string();
    }
    if let Some(last) = pieces.last_mut() {
        last.text = last.text.trim_end_matches(['”', '"']).to_string();
    }
    pieces.retain(|p| !p.text.is_empty());
    (pieces, excerpt)
}

fn claim_view(site: &Site, c: &Claim, party_id: &str) -> ClaimView {
    let (quote, _) = quote(&c.sentence, &c.cue, party_id);
    let page = site.pages.iter().find(|p| p.path == c.page);
    ClaimView {
        status: c.status,
        status_label: status_label(c.status.as_str()),
        modality: c.modality,
        modality_label: modality_label(c.modality),
        quote,
        url: evidence_url(site, c),
        page_url: site.config.url(&c.page),
        page_title: c.page_title.clone(),
        source: c.source.clone().unwrap_or_default(),
        date: page
            .and_then(|p| p.date.as_ref())
            .map(display_date)
            .unwrap_or_default(),
    }
}

/// The taxonomy page of a party, if the site has one.
fn term_url(site: &Site, p: &PartyStatus) -> Option<String> {
    let tax = if p.kind == "country" {
        "countries"
    } else {
        "organisations"
    };
    let slug = slugify(&p.name);
    site.taxonomy(tax)
        .and_then(|t| t.terms.iter().find(|term| term.slug == slug))
        .map(|term| site.config.url(&term.path))
}

/// At most this many statements of a party are quoted first, and this many folded; a
/// story told by hundreds of sources keeps the page readable, and the data files carry
/// every claim.
pub const MAX_SHOWN: usize = 12;

fn party_view(site: &Site, p: &PartyStatus) -> PartyView {
    // Views are made only for the claims shown: a party named by a thousand briefings
    // has thousands of claims, and each view quotes and dates its sentence.
    let mut views: Vec<Option<ClaimView>> = vec![None; p.claims.len()];
    let mut view_of = |k: usize| -> ClaimView {
        views[k]
            .get_or_insert_with(|| claim_view(site, &p.claims[k], &p.id))
            .clone()
    };
    let mut columns: Vec<ColumnView> = Vec::new();
    for st in Status::ALL {
        let shown: Vec<usize> = (0..p.claims.len())
            .filter(|&k| p.claims[k].status == st)
            .take(MAX_SHOWN)
            .collect();
        if !shown.is_empty() {
            columns.push(ColumnView {
                status: st,
                label: status_label(st.as_str()),
                claims: shown.into_iter().map(&mut view_of).collect(),
            });
        }
    }
    let (mut lead, mut more) = (Vec::new(), Vec::new());
    let mut hidden = 0;
    let mut seen: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for (k, c) in p.claims.iter().enumerate() {
        if seen.contains(c.page.as_str()) {
            if more.len() < MAX_SHOWN {
                more.push(view_of(k));
            } else {
                hidden += 1;
            }
        } else if lead.len() < MAX_SHOWN {
            seen.insert(&c.page);
            lead.push(view_of(k));
        } else {
            hidden += 1;
        }
    }
    let mut outlets: Vec<String> = p.claims.iter().map(outlet).collect();
    outlets.sort();
    outlets.dedup();
    let resolution_note = if p.conflict {
        resolution_note(p)
    } else {
        String::new()
    };
    PartyView {
        resolution_note,
        id: p.id.clone(),
        name: p.name.clone(),
        kind: p.kind.clone(),
        kind_label: kind_label(&p.kind),
        iso: p.iso.clone(),
        status: p.status,
        status_label: status_label(p.status.as_str()),
        conflict: p.conflict,
        pinned: p.pin.is_some(),
        pin_note: p.pin.as_ref().map(|x| x.note.clone()).unwrap_or_default(),
        claimed_label: p
            .claimed_status
            .map(|s| status_label(s.as_str()))
            .unwrap_or(""),
        url: term_url(site, p),
        lead,
        more,
        hidden,
        claim_count: p.claims.len(),
        columns,
        sources: outlets.len(),
    }
}

/// "Listed as not invited: the sources are split evenly …".
fn resolution_note(p: &PartyStatus) -> String {
    let label = status_label(p.status.as_str()).to_lowercase();
    if let Some(pin) = &p.pin {
        return if pin.note.is_empty() {
            format!("An editor has settled it as {label}.")
        } else {
            format!("An editor has settled it as {label}: {}", pin.note)
        };
    }
    // Distinct outlets per status among the claims that decided it, as `resolve` counts.
    let tier = p.claims.iter().map(|c| c.modality).min();
    let mut pages: Vec<(Status, Vec<String>)> = Vec::new();
    for c in p.claims.iter().filter(|c| Some(c.modality) == tier) {
        let o = outlet(c);
        match pages.iter_mut().find(|(s, _)| *s == c.status) {
            Some((_, v)) if !v.contains(&o) => v.push(o),
            Some(_) => {}
            None => pages.push((c.status, vec![o])),
        }
    }
    let most = pages.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    let tie = pages.iter().filter(|(_, v)| v.len() == most).count() > 1;
    if pages.len() == 1 && tier == Some(Modality::Reported) {
        format!(
            "Listed as {label}: what the sources report as done outweighs what was announced or expected. Every account is quoted here."
        )
    } else if tie {
        format!(
            "Listed as {label}: the sources are split evenly, and “{label}” is the more specific account. Both are quoted here."
        )
    } else {
        format!("Listed as {label}, which more of the outlets say. Every account is quoted here.")
    }
}

fn dates(site: &Site) -> String {
    let Some(e) = &site.config.event else {
        return String::new();
    };
    let parse = crate::common::calendar::Ymd::parse;
    match (parse(&e.start), parse(&e.end)) {
        (Some(a), Some(b)) if a == b => display_date(&a),
        (Some(a), Some(b)) if a.year == b.year && a.month == b.month => {
            format!("{}–{}", a.day, display_date(&b))
        }
        (Some(a), Some(b)) => format!("{} – {}", display_date(&a), display_date(&b)),
        (Some(a), None) => display_date(&a),
        _ => String::new(),
    }
}

fn names(parties: &[&PartyStatus]) -> String {
    let n: Vec<&str> = parties.iter().map(|p| p.name.as_str()).collect();
    match n.len() {
        0 => String::new(),
        1 => n[0].to_string(),
        _ => format!("{} and {}", n[..n.len() - 1].join(", "), n[n.len() - 1]),
    }
}

fn view(site: &Site) -> AttendanceView {
    let a: &Attendance = &site.attendance;
    let groups: Vec<GroupView> = Status::ALL
        .into_iter()
        .filter_map(|st| {
            let parties: Vec<PartyView> = a
                .parties
                .iter()
                .filter(|p| p.status == st)
                .map(|p| party_view(site, p))
                .collect();
            (!parties.is_empty()).then(|| GroupView {
                status: st,
                heading: group_heading(st),
                count: parties.len(),
                parties,
            })
        })
        .collect();
    let conflicts: Vec<PartyView> = a
        .parties
        .iter()
        .filter(|p| p.conflict)
        .map(|p| party_view(site, p))
        .collect();
    let on_map: Vec<&PartyStatus> = a
        .parties
        .iter()
        .filter(|p| p.kind == "country" && p.iso.is_some())
        .collect();
    let organisations: Vec<PartyView> = a
        .parties
        .iter()
        .filter(|p| !(p.kind == "country" && p.iso.is_some()))
        .map(|p| party_view(site, p))
        .collect();
    let hrefs: Vec<String> = on_map.iter().map(|p| format!("#party-{}", p.id)).collect();
    let entries: Vec<MapEntry> = on_map
        .iter()
        .zip(&hrefs)
        .map(|(p, href)| MapEntry {
            iso: p.iso.as_deref().unwrap_or(""),
            name: &p.name,
            status: p.status.as_str(),
            href: Some(href),
        })
        .collect();
    let event_name = a.event.name.clone();
    let map_title = format!("Map: who attended the {event_name}");
    let mut desc = String::from("Countries coloured by their status at the conference. ");
    for st in Status::ALL {
        let ps: Vec<&PartyStatus> = on_map.iter().copied().filter(|p| p.status == st).collect();
        if !ps.is_empty() {
            desc.push_str(&format!("{}: {}. ", group_heading(st), names(&ps)));
        }
    }
    if !organisations.is_empty() {
        desc.push_str("Blocs and organisations are listed in the table beside the map.");
    }
    let present: Vec<&str> = Status::ALL
        .iter()
        .filter(|s| on_map.iter().any(|p| p.status == **s))
        .map(|s| s.as_str())
        .collect();
    let n_conflicts = conflicts.len();
    let lede = format!(
        "What {} briefing{} say about who came to the {}: {} {} given a role, each with the sentence that says so{}.",
        site.briefings.len(),
        if site.briefings.len() == 1 { "" } else { "s" },
        event_name,
        a.parties.len(),
        if a.parties.len() == 1 {
            "party"
        } else {
            "parties"
        },
        match n_conflicts {
            0 => String::new(),
            1 => "; on one the sources disagree".to_string(),
            n => format!("; on {n} the sources disagree"),
        }
    );
    let g = Gazetteer::embedded();
    let place_iso = g
        .mentions(&a.event.place)
        .into_iter()
        .find_map(|m| match m.target {
            Target::Party(i) => g.parties[i].iso.clone(),
            Target::Person(_) => None,
        });
    let region_title = format!("Map: the region around {}", a.event.place);
    let region_svg = match &place_iso {
        Some(iso) if !entries.is_empty() => region_map_svg(
            &entries,
            &[iso.as_str()],
            "region-map",
            &region_title,
            &format!(
                "The same map zoomed in on the region around {}. {}",
                a.event.place,
                desc.trim()
            ),
        ),
        _ => String::new(),
    };
    AttendanceView {
        region_svg,
        region_title,
        event_place: a.event.place.clone(),
        event_dates: dates(site),
        event_name,
        lede,
        groups,
        conflicts,
        organisations,
        map_svg: world_map_svg(&entries, &map_title, desc.trim()),
        legend: legend_html(&present),
        map_attribution: attribution().to_string(),
        map_title,
        briefings: site.briefings.len(),
        json_url: site.config.url("/data/attendance.json"),
        csv_url: site.config.url("/data/attendance.csv"),
    }
}

/// `attendance` in every template: the site's attendance, or none when there are no
/// briefings (the nav link then stays hidden).
pub fn context_value(site: &Site) -> Value {
    if site.briefings.is_empty() {
        Value::none()
    } else {
        Value::from_serializable(&site.attendance)
    }
}

/// `party` on a taxonomy term page: the party's status and claims, or none.
pub fn term_party(site: &Site, taxonomy: &str, slug: &str) -> Value {
    if !matches!(taxonomy, "countries" | "organisations") {
        return Value::none();
    }
    site.attendance
        .parties
        .iter()
        .find(|p| slugify(&p.name) == slug)
        .map(|p| {
            let mut v = party_view(site, p);
            v.url = Some(format!("{}#party-{}", site.config.url(PAGE_PATH), p.id));
            Value::from_serializable(&v)
        })
        .unwrap_or_else(Value::none)
}

/// The page `attendance/`.
pub fn gen_page(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<crate::diagnostics::Diagnostic>> {
    let site = rc.site;
    if site.briefings.is_empty() || !rc.renderer.has_template("attendance.html") {
        return Ok(Vec::new());
    }
    let mut ctx = Context::new();
    ctx.insert_value("att", Value::from_serializable(&view(site)));
    ctx.insert("current_path", PAGE_PATH);
    let meta = Meta::page(
        site,
        "Who attended, who stayed away",
        &format!(
            "Who attended the {}, who boycotted and who was not invited, with the sentence of each source that says so.",
            site.attendance.event.name
        ),
        PAGE_PATH,
    );
    one(rc
        .page(
            "attendance.html",
            ctx,
            Some(&meta),
            "attendance/index.html",
            "failed to render the attendance page",
        )
        .map(|o| vec![o]))
}

/// `data/attendance.json`, compact: it is read by programs, and indentation made up a
/// sixth of it.
pub fn gen_json(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<crate::diagnostics::Diagnostic>> {
    let mut bytes = serde_json::to_vec(&rc.site.attendance).map_err(|e| {
        vec![crate::diagnostics::Diagnostic::new("failed to write data/attendance.json").cause(e)]
    })?;
    bytes.push(b'\n');
    Ok(vec![Output {
        path: "data/attendance.json".into(),
        bytes,
    }])
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV columns of `data/attendance.csv`.
pub const CSV_HEADER: &[&str] = &[
    "party_id",
    "party",
    "kind",
    "iso",
    "status",
    "conflict",
    "pinned_status",
    "pin_note",
    "claim_status",
    "modality",
    "page",
    "anchor",
    "seed",
    "source",
    "cue",
    "sentence",
];

/// `data/attendance.csv`: one row per claim (a pinned party without claims gets one
/// row with empty claim fields).
pub fn to_csv(a: &Attendance) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push('\n');
    for p in &a.parties {
        let party_cols = [
            p.id.clone(),
            p.name.clone(),
            p.kind.clone(),
            p.iso.clone().unwrap_or_default(),
            p.status.as_str().to_string(),
            p.conflict.to_string(),
            p.pin
                .as_ref()
                .map(|x| x.status.as_str().to_string())
                .unwrap_or_default(),
            p.pin.as_ref().map(|x| x.note.clone()).unwrap_or_default(),
        ];
        let rows: Vec<[String; 8]> = if p.claims.is_empty() {
            vec![Default::default()]
        } else {
            p.claims
                .iter()
                .map(|c| {
                    [
                        c.status.as_str().to_string(),
                        c.modality.as_str().to_string(),
                        c.page.clone(),
                        c.anchor.clone(),
                        c.seed.clone().unwrap_or_default(),
                        c.source.clone().unwrap_or_default(),
                        c.cue.clone(),
                        c.sentence.clone(),
                    ]
                })
                .collect()
        };
        for r in rows {
            let line: Vec<String> = party_cols
                .iter()
                .chain(r.iter())
                .map(|f| csv_field(f))
                .collect();
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out
}

/// `data/attendance.csv`.
pub fn gen_csv(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<crate::diagnostics::Diagnostic>> {
    Ok(vec![Output {
        path: "data/attendance.csv".into(),
        bytes: to_csv(&rc.site.attendance).into_bytes(),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::attendance::Pin;

    #[test]
    fn csv_quotes_and_one_row_per_claim() {
        let a = Attendance {
            event: Default::default(),
            parties: vec![PartyStatus {
                id: "turkey".into(),
                name: "Turkey".into(),
                kind: "country".into(),
                iso: Some("TR".into()),
                status: Status::NotInvited,
                conflict: true,
                claimed_status: Some(Status::NotInvited),
                claims: vec![Claim {
                    status: Status::Boycotted,
                    modality: Modality::Reported,
                    page: "/briefings/a/".into(),
                    seed: Some("003.txt".into()),
                    sentence: "The US, and Turkey \"refrained\".".into(),
                    anchor: "s3-1".into(),
                    cue: "refrained".into(),
                    page_title: "A".into(),
                    source: None,
                    by_leader: false,
                }],
                pin: Some(Pin {
                    status: Status::NotInvited,
                    note: String::new(),
                }),
            }],
        };
        let csv = to_csv(&a);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("party_id,party,kind,iso,status,conflict"));
        assert!(lines[1].starts_with("turkey,Turkey,country,TR,not_invited,true,not_invited,,boycotted,reported,/briefings/a/,s3-1,003.txt,,refrained,"), "{}", lines[1]);
        assert!(lines[1].ends_with("\"The US, and Turkey \"\"refrained\"\".\""));
    }

    #[test]
    fn the_resolution_note_counts_outlets_and_puts_the_outcome_over_plans() {
        let claim = |status, modality, page: &str, source: &str| Claim {
            status,
            modality,
            page: page.into(),
            seed: None,
            sentence: "s".into(),
            anchor: "s1-1".into(),
            cue: String::new(),
            page_title: "t".into(),
            source: Some(source.into()),
            by_leader: false,
        };
        let party = |claims: Vec<Claim>| {
            let found: Vec<(usize, Claim)> = claims.into_iter().map(|c| (0, c)).collect();
            crate::analyse::attendance::resolve::resolve(found, &[], Gazetteer::embedded())
                .remove(0)
        };
        // Three pages of one outlet against two outlets: the two outlets win, and the
        // note says they are more, not that the sources are split evenly.
        let p = party(vec![
            claim(Status::Boycotted, Modality::Reported, "/a1/", "Wire A"),
            claim(Status::Boycotted, Modality::Reported, "/a2/", "Wire A"),
            claim(Status::Boycotted, Modality::Reported, "/a3/", "Wire A"),
            claim(Status::NotInvited, Modality::Reported, "/b/", "Wire B"),
            claim(Status::NotInvited, Modality::Reported, "/c/", "Wire C"),
        ]);
        assert_eq!(p.status, Status::NotInvited);
        assert!(
            resolution_note(&p).contains("which more of the outlets say"),
            "{}",
            resolution_note(&p)
        );
        let p = party(vec![
            claim(Status::Attended, Modality::Planned, "/a/", "Wire A"),
            claim(Status::Attended, Modality::Planned, "/b/", "Wire B"),
            claim(Status::Boycotted, Modality::Reported, "/c/", "Wire C"),
        ]);
        assert_eq!(p.status, Status::Boycotted);
        assert!(
            resolution_note(&p).contains("report as done outweighs what was announced"),
            "{}",
            resolution_note(&p)
        );
    }

    #[test]
    fn long_sentences_are_quoted_around_the_cue_and_the_party() {
        let s = "On the other hand, the Conference was attended by a large Russian delegation and representatives of some allied countries of Damascus, such as Venezuela, Iran and China (countries that do not host Syrian refugees), in addition to six Arab countries, namely Lebanon, Somalia, Palestine, Iraq, Mauritania and Oman.";
        let (q, excerpt) = quote(s, "was attended", "oman");
        assert!(excerpt);
        let text: String = q.iter().map(|p| p.text.as_str()).collect();
        assert!(
            text.starts_with("On the other hand, the Conference was attended by"),
            "{text}"
        );
        assert!(
            text.contains(" … ") && text.contains("Mauritania and Oman."),
            "{text}"
        );
        assert!(q.iter().any(|p| p.mark && p.text == "was attended"));
        let (q, excerpt) = quote("Jordan did not attend.", "did not attend", "jordan");
        assert!(!excerpt);
        assert_eq!(q.len(), 3);
        let (q, _) = quote(
            "“The US will not attend.",
            "will not attend",
            "united-states",
        );
        assert_eq!(q[0].text, "The US ");
    }
}
