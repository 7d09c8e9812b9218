//! The summary's outputs: `summary/index.html` (template `summary.html`) with its
//! build-time SVG chart, and `data/summary.json` (pure: returns bytes, writes nothing).

use serde::Serialize;
use tera::Context;

use super::{Extras, Meta, Output, RenderCtx, one};
use crate::analyse::Site;
use crate::analyse::summary::Summary;
use crate::analyse::summary::differences::Stance;
use crate::analyse::summary::figures::Figure;
use crate::analyse::summary::outcome::{Outcome, PartyView, outcome, outcome_of};
use crate::common::escape::escape_html;
use crate::diagnostics::Diagnostic;
use crate::map::status_label;
use crate::render::attendance::MAX_SHOWN;

/// The attendance outcome line, read from the attendance analysis in the terms of
/// `data/attendance.json` (`None` while there are no briefings or no parties), or from
/// an `attendance` value the extras put in the template context instead.
pub fn attendance_outcome(site: &Site, extras: &Extras) -> Option<Outcome> {
    if let Some(v) = extras.values.get("attendance") {
        if v.is_none() || v.is_undefined() {
            return None;
        }
        return outcome(&serde_json::to_value(v).ok()?);
    }
    if site.briefings.is_empty() {
        return None;
    }
    let parties: Vec<PartyView> = site
        .attendance
        .parties
        .iter()
        .map(|p| PartyView {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind.clone(),
            status: p.status.as_str().to_string(),
            conflict: p.conflict,
        })
        .collect();
    outcome_of(&parties)
}

/// What `data/summary.json` holds: the summary plus the attendance outcome it shows.
#[derive(Serialize)]
struct SummaryJson<'a> {
    #[serde(flatten)]
    summary: &'a Summary,
    attendance_outcome: Option<Outcome>,
}

/// Counts of participants that cannot all be right, as the page lists them.
#[derive(Serialize)]
struct ParticipantDifferenceView<'a> {
    /// "states (expected)".
    what: String,
    figures: Vec<&'a crate::analyse::summary::participants::Participation>,
}

/// A group of figures that disagree, resolved for the template.
#[derive(Serialize)]
struct DifferenceView<'a> {
    what: &'a str,
    figures: Vec<&'a Figure>,
}

/// The claims of one status for a disputed party, as the attendance page's conflict
/// column shows them (the same ones, at most as many).
#[derive(Serialize)]
struct StatusColumn<'a> {
    status: &'a str,
    label: &'static str,
    stances: Vec<&'a Stance>,
    /// Claims of this status left off the page (the data files have them).
    more: usize,
}

/// A party the sources place differently, for the template.
#[derive(Serialize)]
struct AttendanceDifferenceView<'a> {
    party: &'a str,
    name: &'a str,
    /// The label of the status the attendance page lists it under.
    listed: &'static str,
    columns: Vec<StatusColumn<'a>>,
}

fn attendance_differences(summary: &Summary) -> Vec<AttendanceDifferenceView<'_>> {
    summary
        .attendance_differences
        .iter()
        .map(|d| {
            let mut columns: Vec<StatusColumn> = Vec::new();
            for s in &d.stances {
                match columns.iter_mut().find(|c| c.status == s.status) {
                    Some(c) if c.stances.len() < MAX_SHOWN => c.stances.push(s),
                    Some(c) => c.more += 1,
                    None => columns.push(StatusColumn {
                        status: &s.status,
                        label: status_label(&s.status),
                        stances: vec![s],
                        more: 0,
                    }),
                }
            }
            AttendanceDifferenceView {
                party: &d.party,
                name: &d.name,
                listed: status_label(&d.status),
                columns,
            }
        })
        .collect()
}

const CHART_WIDTH: f64 = 360.0;
const ROW: f64 = 52.0;

fn truncate_words(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let mut out = String::new();
    for w in s.split_whitespace() {
        if out.chars().count() + w.chars().count() + 2 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.push('…');
    out
}

/// A horizontal bar chart of the head counts (unit `people`), biggest first, drawn at
/// build time: no script, a `<title>` and `<desc>` for screen readers (a `group`, not an
/// `img`, as its labels are links), text labels on every bar, each label a link to its
/// sentence, colours from CSS so it prints.
/// `None` when fewer than two figures can be compared.
pub fn figures_chart(summary: &Summary, url: &dyn Fn(&str) -> String) -> Option<String> {
    let differs = |i: usize| {
        summary
            .figure_differences
            .iter()
            .any(|d| d.figures.contains(&i))
    };
    let mut rows: Vec<(usize, &Figure)> = summary
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.unit == "people" && !f.vague && f.value > 0.0)
        .collect();
    if rows.len() < 2 {
        return None;
    }
    rows.sort_by(|a, b| b.1.value.total_cmp(&a.1.value).then(a.0.cmp(&b.0)));
    let max = rows[0].1.value;
    let bar_max = CHART_WIDTH - 200.0;
    let height = ROW * rows.len() as f64 + 8.0;
    let mut desc: Vec<String> = Vec::new();
    let mut body = String::new();
    for (k, (i, f)) in rows.iter().enumerate() {
        let y = 8.0 + ROW * k as f64;
        let w = (f.value / max * bar_max).max(2.0);
        let what = truncate_words(&f.what, 48);
        let note = if differs(*i) {
            " · sources differ"
        } else {
            ""
        };
        desc.push(format!("{}: {}{}", f.label(), f.what, note));
        body.push_str(&format!(
            "<g class=\"row{cls}\"><a href=\"{href}\"><text class=\"label\" x=\"0\" y=\"{ty:.0}\">{what}</text></a>\
             <rect class=\"bar\" x=\"0\" y=\"{by:.0}\" width=\"{w:.1}\" height=\"18\" rx=\"2\"></rect>\
             <text class=\"value\" x=\"{vx:.1}\" y=\"{vy:.0}\">{value}{note}</text></g>",
            cls = if differs(*i) { " differs" } else { "" },
            href = escape_html(&url(&f.source.link)),
            ty = y + 12.0,
            what = escape_html(&what),
            note = escape_html(note),
            by = y + 19.0,
            vx = w + 6.0,
            vy = y + 33.0,
            value = escape_html(&f.label()),
        ));
    }
    Some(format!(
        "<svg class=\"chart\" viewBox=\"0 0 {CHART_WIDTH:.0} {height:.0}\" width=\"{CHART_WIDTH:.0}\" height=\"{height:.0}\" role=\"group\" aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"chart-title\">People counted in the briefings, largest first</title>\
         <desc id=\"chart-desc\">{}</desc>{body}</svg>",
        escape_html(&desc.join("; "))
    ))
}

/// `data/summary.json`; nothing when there are no briefings.
pub fn gen_json(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = rc.site;
    if site.summary.is_empty() {
        return Ok(Vec::new());
    }
    // The outcome the pages show, as the base context has it.
    let outcome: Option<Outcome> = rc
        .base
        .get("attendance_outcome")
        .filter(|v| !v.is_none())
        .and_then(|v| serde_json::to_value(v).ok())
        .and_then(|v| serde_json::from_value(v).ok());
    let json = SummaryJson {
        summary: &site.summary,
        attendance_outcome: outcome,
    };
    // Compact: it is read by programs, and indentation made up a sixth of it.
    let mut bytes = serde_json::to_vec(&json).map_err(|e| {
        vec![Diagnostic::new("failed to write data/summary.json").cause(e.to_string())]
    })?;
    bytes.push(b'\n');
    Ok(vec![Output {
        path: "data/summary.json".to_string(),
        bytes,
    }])
}

/// `summary/index.html`; nothing when there are no briefings or no `summary.html`.
pub fn gen_page(rc: &RenderCtx<'_>) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let site = rc.site;
    let summary = &site.summary;
    if summary.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    if !rc.renderer.has_template("summary.html") {
        return Ok(out);
    }
    let url = |p: &str| site.config.url(p);
    let differences: Vec<DifferenceView> = summary
        .figure_differences
        .iter()
        .map(|d| DifferenceView {
            what: &d.what,
            figures: d.figures.iter().map(|&i| &summary.figures[i]).collect(),
        })
        .collect();
    let differing: Vec<bool> = (0..summary.figures.len())
        .map(|i| {
            summary
                .figure_differences
                .iter()
                .any(|d| d.figures.contains(&i))
        })
        .collect();
    let stance_word = |s: &str| match s {
        "attended" => "took part",
        "expected" => "expected",
        "invited" => "invited",
        "not_invited" => "not invited",
        _ => "stayed away",
    };
    let participant_differences: Vec<ParticipantDifferenceView> = summary
        .participant_differences
        .iter()
        .map(|d| ParticipantDifferenceView {
            what: format!(
                "{} {}",
                match d.class.as_str() {
                    "states" => "countries",
                    "delegates" => "participants",
                    c => c,
                },
                stance_word(&d.stance)
            ),
            figures: d
                .figures
                .iter()
                .map(|&i| &summary.participants[i])
                .collect(),
        })
        .collect();
    let participant_differs: Vec<bool> = (0..summary.participants.len())
        .map(|i| {
            summary
                .participant_differences
                .iter()
                .any(|d| d.figures.contains(&i))
        })
        .collect();
    let participant_stances: Vec<&str> = summary
        .participants
        .iter()
        .map(|p| stance_word(&p.stance))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("current_path", "/summary/");
    ctx.insert("participant_differences", &participant_differences);
    ctx.insert("participant_differs", &participant_differs);
    ctx.insert("participant_stances", &participant_stances);
    ctx.insert("figure_differences", &differences);
    ctx.insert("figure_differs", &differing);
    ctx.insert("attendance_differences", &attendance_differences(summary));
    ctx.insert("chart", &figures_chart(summary, &url));
    let title = summary
        .event
        .name
        .as_ref()
        .map(|n| format!("Summary: {}", n.value))
        .unwrap_or_else(|| "Summary".to_string());
    let description = summary
        .key_points
        .first()
        .map(|k| k.text.clone())
        .unwrap_or_default();
    let meta = Meta::page(site, &title, &description, "/summary/");
    out.extend(one(rc
        .page(
            "summary.html",
            ctx,
            Some(&meta),
            "summary/index.html",
            "failed to render the summary page",
        )
        .map(|o| vec![o]))?);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::summary::figures::FigureDifference;
    use crate::analyse::summary::text::SourceRef;

    fn fig(value: f64, number: &str, what: &str) -> Figure {
        Figure {
            value,
            number: number.into(),
            qualifier: None,
            unit: "people".into(),
            what: what.into(),
            context: String::new(),
            vague: false,
            source: SourceRef {
                link: "/briefings/a/#s1-1".into(),
                page: "/briefings/a/".into(),
                anchor: "s1-1".into(),
                title: "A".into(),
                source: None,
                label: "A".into(),
                seed: None,
                sentence: "x".into(),
            },
            also: Vec::new(),
            doc: 0,
            sentence: 0,
        }
    }

    #[test]
    fn chart_is_accessible_svg_with_labels_links_and_differences() {
        let mut s = Summary {
            figures: vec![
                fig(5.6e6, "5.6 million", "Syrians abroad"),
                fig(23e6, "23 million", "pre-war <population>"),
                fig(5.5e6, "5.5 million", "people who went abroad"),
            ],
            figure_differences: vec![FigureDifference {
                what: "abroad".into(),
                unit: "people".into(),
                figures: vec![0, 2],
            }],
            ..Summary::default()
        };
        let svg = figures_chart(&s, &|p: &str| format!("/base{p}")).unwrap();
        assert!(svg.starts_with("<svg class=\"chart\""), "{svg}");
        assert!(svg.contains("role=\"group\"") && svg.contains("<title id=\"chart-title\">"));
        assert!(svg.contains("<desc id=\"chart-desc\">23 million: pre-war &lt;population&gt;;"));
        assert!(svg.contains("href=\"/base/briefings/a/#s1-1\""));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert_eq!(
            svg.matches("sources differ").count(),
            4,
            "two labels and two desc entries"
        );
        assert!(
            svg.find("23 million").unwrap() < svg.find("5.6 million").unwrap(),
            "largest first"
        );
        s.figures.truncate(1);
        assert!(figures_chart(&s, &|p: &str| p.to_string()).is_none());
    }
}
