//! World map for the attendance page: embedded, pre-projected Natural Earth country shapes (`data/world-map.json`, built by `tools/make_world_map.mjs`) and the code that draws them as accessible inline SVG, coloured by conference status through CSS classes only.
//!
//! Shapes: Natural Earth 1:50m admin-0 countries (public domain) via the npm
//! package `world-atlas` 2.x (ISC), simplified and projected (Equal Earth) to a
//! 1000-unit-wide plane. Countries are keyed by ISO 3166-1 alpha-2 code
//! (`XK` for Kosovo); land without a code is kept as neutral land.
//!
//! Everything here is pure: the data is compiled in with `include_str!` and
//! parsed once on first use.

use serde::Deserialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

const MAP_JSON: &str = include_str!("../data/world-map.json");

/// Statuses in the order the legend lists them.
const STATUSES: [&str; 5] = ["host", "attended", "observer", "boycotted", "not_invited"];

/// Countries whose bbox is narrower or lower than this (map units) get a dot.
const DOT_THRESHOLD: f64 = 3.0;
/// Radius of the dot marker, in map units, when the whole world is shown; it
/// shrinks with the crop (so it stays about the same size on screen) but not
/// below `DOT_MIN_RADIUS`.
const DOT_RADIUS: f64 = 4.0;
const DOT_MIN_RADIUS: f64 = 1.5;
/// Strokes keep their CSS width on screen whatever the crop's zoom. (As an
/// attribute: the Nu HTML checker rejects `vector-effect` as a CSS property.)
const NON_SCALING: &str = "vector-effect=\"non-scaling-stroke\"";
/// The crop is at least this large (map units), unless the world is smaller.
const MIN_VIEW_W: f64 = 300.0;
const MIN_VIEW_H: f64 = 180.0;
/// Margin around the entries, as a share of the larger side of their union bbox.
const MARGIN_SHARE: f64 = 0.25;
/// The crop is widened to at least this width / height ratio (maps read better
/// landscape), and heightened so it is at most `MAX_ASPECT`.
const MIN_ASPECT: f64 = 4.0 / 3.0;
const MAX_ASPECT: f64 = 2.5;

/// One country on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapEntry<'a> {
    /// ISO 3166-1 alpha-2 code (case-insensitive; `XK` for Kosovo).
    pub iso: &'a str,
    /// Display name used in the tooltip; the map data's name if empty.
    pub name: &'a str,
    /// One of: attended, observer, boycotted, not_invited, host. Entries with
    /// any other status are not coloured.
    pub status: &'a str,
    /// Optional link target for the country's shape.
    pub href: Option<&'a str>,
}

#[derive(Deserialize)]
struct RawMap {
    source: String,
    width: f64,
    height: f64,
    countries: Vec<Country>,
}

#[derive(Deserialize)]
struct Country {
    iso: Option<String>,
    name: String,
    d: String,
    /// Extent of the whole shape: decides whether it touches a crop.
    bbox: [f64; 4],
    /// Extent of the main part (absent when equal to `bbox`): decides the crop
    /// and the dot marker, so French Guiana does not pull a map of France
    /// across the Atlantic.
    #[serde(default)]
    main_bbox: Option<[f64; 4]>,
}

impl Country {
    fn main_box(&self) -> [f64; 4] {
        self.main_bbox.unwrap_or(self.bbox)
    }
}

struct World {
    raw: RawMap,
    by_iso: HashMap<String, usize>,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let raw: RawMap =
            serde_json::from_str(MAP_JSON).expect("data/world-map.json is valid map data");
        let by_iso = raw
            .countries
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.iso.as_ref().map(|iso| (iso.clone(), i)))
            .collect();
        World { raw, by_iso }
    })
}

/// Attribution line for the map data, e.g. for a figure caption or footer.
pub fn attribution() -> &'static str {
    &world().raw.source
}

/// Human-readable label of a status; "Unknown status" for anything else.
pub fn status_label(status: &str) -> &'static str {
    match status {
        "attended" => "Attended",
        "observer" => "Observer",
        "boycotted" => "Boycotted / stayed away",
        "not_invited" => "Not invited",
        "host" => "Host",
        _ => "Unknown status",
    }
}

fn is_known_status(status: &str) -> bool {
    STATUSES.contains(&status)
}

/// Legend for the statuses present (unknown ones and duplicates are dropped;
/// order is host, attended, observer, boycotted, not_invited). Empty string if
/// none is known.
pub fn legend_html(statuses_present: &[&str]) -> String {
    let present: Vec<&str> = STATUSES
        .iter()
        .copied()
        .filter(|s| statuses_present.contains(s))
        .collect();
    if present.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"map-legend\">\n");
    for s in present {
        let _ = writeln!(
            out,
            "<li><span class=\"swatch st-{s}\" aria-hidden=\"true\"></span> {}</li>",
            escape(status_label(s))
        );
    }
    out.push_str("</ul>\n");
    out
}

/// Escapes text for XML/HTML text content and quoted attribute values.
fn escape(s: &str) -> String {
    crate::common::escape::escape_html(s)
}

/// Formats a coordinate with at most one decimal ("12", "12.5", "-3.1").
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r }; // no "-0"
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// The known, coloured entries: (country index, entry), one per country
/// (the first entry for a code wins).
fn resolve<'e, 'a>(entries: &'e [MapEntry<'a>]) -> Vec<(usize, &'e MapEntry<'a>)> {
    let w = world();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for e in entries {
        if !is_known_status(e.status) {
            continue;
        }
        let Some(&i) = w.by_iso.get(&e.iso.to_ascii_uppercase()) else {
            continue;
        };
        if seen.contains(&i) {
            continue;
        }
        seen.push(i);
        out.push((i, e));
    }
    out
}

/// Crop `[x, y, w, h]` around the given countries; the whole world if none.
fn view_box(indices: &[usize]) -> [f64; 4] {
    let w = world();
    let (ww, wh) = (w.raw.width, w.raw.height);
    if indices.is_empty() {
        return [0.0, 0.0, ww, wh];
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &i in indices {
        let b = w.raw.countries[i].main_box();
        x0 = x0.min(b[0]);
        y0 = y0.min(b[1]);
        x1 = x1.max(b[2]);
        y1 = y1.max(b[3]);
    }
    let margin = MARGIN_SHARE * (x1 - x0).max(y1 - y0);
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let mut vw = (x1 - x0 + 2.0 * margin).max(MIN_VIEW_W);
    let mut vh = (y1 - y0 + 2.0 * margin).max(MIN_VIEW_H);
    vw = vw.max(vh * MIN_ASPECT);
    vh = vh.max(vw / MAX_ASPECT);
    // Clamp to the world: shrink to fit, then slide inside (rounding to the
    // tenth first, so the rounded box cannot poke out of the world).
    let round = |v: f64| (v * 10.0).round() / 10.0;
    vw = round(vw).min(ww);
    vh = round(vh).min(wh);
    let vx = round((cx - vw / 2.0).clamp(0.0, ww - vw)).min(ww - vw);
    let vy = round((cy - vh / 2.0).clamp(0.0, wh - vh)).min(wh - vh);
    [vx, vy, vw, vh]
}

fn intersects(b: &[f64; 4], v: &[f64; 4]) -> bool {
    b[0] <= v[0] + v[2] && b[2] >= v[0] && b[1] <= v[1] + v[3] && b[3] >= v[1]
}

/// Draws the world map as one inline `<svg>` element, cropped around the
/// entries (the whole world if there are none), countries coloured by status
/// class (`st-<status>`). `title` and `desc` become the SVG's accessible name.
///
/// The SVG has `role="img"` when no entry has a link. When some do, it gets
/// `role="group"` instead, because the children of an `img` are presentational
/// and the links would be focusable but unnamed for assistive technology.
pub fn world_map_svg(entries: &[MapEntry], title: &str, desc: &str) -> String {
    let indices: Vec<usize> = resolve(entries).iter().map(|(i, _)| *i).collect();
    draw(entries, view_box(&indices), "map", title, desc)
}

/// Like [`world_map_svg`], but cropped around the `focus` countries (ISO codes) — a
/// regional inset — with every entry in view coloured. `id` prefixes the ids of the
/// title and description, so two maps can share a page.
pub fn region_map_svg(
    entries: &[MapEntry],
    focus: &[&str],
    id: &str,
    title: &str,
    desc: &str,
) -> String {
    let w = world();
    let indices: Vec<usize> = focus
        .iter()
        .filter_map(|iso| w.by_iso.get(&iso.to_ascii_uppercase()).copied())
        .collect();
    draw(entries, view_box(&indices), id, title, desc)
}

fn draw(entries: &[MapEntry], vb: [f64; 4], id: &str, title: &str, desc: &str) -> String {
    let w = world();
    let resolved: Vec<(usize, &MapEntry)> = resolve(entries)
        .into_iter()
        .filter(|(i, _)| intersects(&w.raw.countries[*i].bbox, &vb))
        .collect();
    let id = escape(id);
    let has_links = resolved.iter().any(|(_, e)| e.href.is_some());
    let role = if has_links { "group" } else { "img" };
    let dot_r = num((DOT_RADIUS * vb[2] / w.raw.width).max(DOT_MIN_RADIUS));

    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<svg class=\"world-map\" role=\"{role}\" aria-labelledby=\"{id}-title {id}-desc\" \
         viewBox=\"{} {} {} {}\" preserveAspectRatio=\"xMidYMid meet\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        num(vb[0]),
        num(vb[1]),
        num(vb[2]),
        num(vb[3]),
        escape(title),
        escape(desc)
    );

    // Neutral land: every country touching the crop, as one path (each
    // country's data starts with an absolute moveto, so they concatenate).
    let _ = write!(out, "<path class=\"land\" {NON_SCALING} d=\"");
    for c in w.raw.countries.iter().filter(|c| intersects(&c.bbox, &vb)) {
        out.push_str(&c.d);
    }
    out.push_str("\"/>\n");

    // Coloured countries, largest first so small ones stay on top.
    let mut ordered = resolved;
    let area = |i: usize| {
        let b = w.raw.countries[i].main_box();
        (b[2] - b[0]) * (b[3] - b[1])
    };
    ordered.sort_by(|a, b| area(b.0).total_cmp(&area(a.0)));
    for (i, e) in ordered {
        let c = &w.raw.countries[i];
        let name = if e.name.trim().is_empty() {
            c.name.as_str()
        } else {
            e.name
        };
        let st = e.status;
        match e.href {
            Some(href) => {
                let _ = write!(out, "<a href=\"{}\">", escape(href));
            }
            None => out.push_str("<g>"),
        }
        let _ = write!(
            out,
            "<title>{}: {}</title><path class=\"land st-{st}\" {NON_SCALING} d=\"{}\"/>",
            escape(name),
            escape(status_label(st)),
            c.d
        );
        let b = c.main_box();
        if b[2] - b[0] < DOT_THRESHOLD || b[3] - b[1] < DOT_THRESHOLD {
            let _ = write!(
                out,
                "<circle class=\"dot st-{st}\" {NON_SCALING} cx=\"{}\" cy=\"{}\" r=\"{dot_r}\"/>",
                num((b[0] + b[2]) / 2.0),
                num((b[1] + b[3]) / 2.0)
            );
        }
        out.push_str(if e.href.is_some() { "</a>\n" } else { "</g>\n" });
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a>(iso: &'a str, status: &'a str) -> MapEntry<'a> {
        MapEntry {
            iso,
            name: "",
            status,
            href: None,
        }
    }

    fn parse_view_box(svg: &str) -> [f64; 4] {
        let start = svg.find("viewBox=\"").expect("has viewBox") + 9;
        let rest = &svg[start..];
        let v: Vec<f64> = rest[..rest.find('"').unwrap()]
            .split(' ')
            .map(|s| s.parse().unwrap())
            .collect();
        [v[0], v[1], v[2], v[3]]
    }

    #[test]
    fn data_parses_with_small_states() {
        let w = world();
        assert!(w.raw.countries.len() >= 230, "{}", w.raw.countries.len());
        assert_eq!(w.raw.width, 1000.0);
        assert!(w.raw.height > 300.0 && w.raw.height < 700.0);
        for iso in [
            "SG", "BH", "MT", "PS", "LB", "SY", "TR", "LU", "XK", "US", "RU",
        ] {
            let i = *w.by_iso.get(iso).unwrap_or_else(|| panic!("{iso} missing"));
            let c = &w.raw.countries[i];
            assert!(c.d.starts_with('M') && c.d.ends_with('z'), "{iso} path");
            assert!(
                c.bbox[0] <= c.bbox[2] && c.bbox[1] <= c.bbox[3],
                "{iso} bbox"
            );
        }
        assert!(!w.by_iso.contains_key("AQ"), "Antarctica is dropped");
        assert!(attribution().contains("Natural Earth"));
    }

    #[test]
    fn every_path_starts_absolute_and_bboxes_lie_in_the_world() {
        let w = world();
        for c in &w.raw.countries {
            assert!(c.d.starts_with('M'), "{}", c.name);
            let [x0, y0, x1, y1] = c.bbox;
            assert!(x0 >= 0.0 && y0 >= 0.0 && x1 <= w.raw.width && y1 <= w.raw.height);
        }
    }

    #[test]
    fn svg_has_accessible_name_and_escapes_text() {
        let svg = world_map_svg(
            &[entry("SY", "host")],
            "Who came <to> Damascus & why",
            "A map \"desc\"",
        );
        assert!(svg.starts_with("<svg "));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"map-title map-desc\""));
        assert!(
            svg.contains("<title id=\"map-title\">Who came &lt;to&gt; Damascus &amp; why</title>")
        );
        assert!(svg.contains("<desc id=\"map-desc\">A map &quot;desc&quot;</desc>"));
        assert!(!svg.contains("<to>"));
        assert!(!svg.contains("xlink") && !svg.contains("style="));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn status_class_title_and_link() {
        let entries = [
            MapEntry {
                iso: "tr",
                name: "Türkiye <T>",
                status: "not_invited",
                href: Some("/c/tr?a=1&b=2"),
            },
            entry("JO", "boycotted"),
        ];
        let svg = world_map_svg(&entries, "t", "d");
        assert!(svg.contains("class=\"land st-not_invited\""));
        assert!(svg.contains("class=\"land st-boycotted\""));
        assert!(svg.contains(
            "<a href=\"/c/tr?a=1&amp;b=2\"><title>Türkiye &lt;T&gt;: Not invited</title>"
        ));
        assert!(svg.contains("<title>Jordan: Boycotted / stayed away</title>"));
        assert!(
            svg.contains("role=\"group\""),
            "links inside need a non-img role"
        );
    }

    #[test]
    fn view_box_crops_the_middle_east() {
        let w = world();
        let entries = [
            entry("SY", "host"),
            entry("TR", "attended"),
            entry("LB", "attended"),
            entry("JO", "boycotted"),
        ];
        let [x, y, vw, vh] = parse_view_box(&world_map_svg(&entries, "t", "d"));
        assert!(x >= 0.0 && y >= 0.0, "{x} {y}");
        assert!(x + vw <= w.raw.width && y + vh <= w.raw.height);
        assert!(vw < w.raw.width && vh < w.raw.height);
        assert!(vw >= MIN_VIEW_W && vh >= MIN_VIEW_H);
        // Every crop stays inside the world, wherever the entries are.
        for iso in ["FJ", "NZ", "RU", "US", "CL", "GL", "SG", "KI", "XK", "AU"] {
            let [x, y, vw, vh] = view_box(&[w.by_iso[iso]]);
            assert!(x >= 0.0 && y >= 0.0, "{iso}");
            assert!(x + vw <= w.raw.width && y + vh <= w.raw.height, "{iso}");
        }
        // The crop holds every entry's bbox.
        for iso in ["SY", "TR", "LB", "JO"] {
            let b = w.raw.countries[w.by_iso[iso]].main_box();
            assert!(
                b[0] >= x && b[1] >= y && b[2] <= x + vw && b[3] <= y + vh,
                "{iso}"
            );
        }
    }

    #[test]
    fn far_flung_parts_do_not_widen_the_crop() {
        let w = world();
        // Russia's piece east of the antimeridian, France's overseas regions.
        let [_, _, vw, _] = view_box(&[w.by_iso["RU"]]);
        assert!(vw < 0.6 * w.raw.width, "{vw}");
        let [x, _, vw, _] = view_box(&[w.by_iso["FR"], w.by_iso["DE"]]);
        assert!(vw < 0.4 * w.raw.width && x > 350.0, "{x} {vw}");
        // But the neutral land of a crop still includes shapes only partly in it.
        let svg = world_map_svg(&[entry("SR", "attended")], "t", "d");
        assert!(svg.contains(&w.raw.countries[w.by_iso["FR"]].d));
    }

    #[test]
    fn no_entries_shows_the_whole_world() {
        let w = world();
        let vb = parse_view_box(&world_map_svg(&[], "t", "d"));
        assert_eq!(vb, [0.0, 0.0, w.raw.width, w.raw.height]);
    }

    #[test]
    fn unknown_iso_and_status_are_skipped() {
        let svg = world_map_svg(
            &[
                entry("ZZ", "attended"),
                entry("", "host"),
                entry("SY", "bogus\"><x"),
            ],
            "t",
            "d",
        );
        assert!(!svg.contains("st-"));
        assert!(!svg.contains("<x"));
        let w = world();
        assert_eq!(parse_view_box(&svg), [0.0, 0.0, w.raw.width, w.raw.height]);
    }

    #[test]
    fn small_countries_get_a_dot_and_large_ones_do_not() {
        let svg = world_map_svg(
            &[
                entry("SG", "attended"),
                entry("BH", "observer"),
                entry("CN", "attended"),
            ],
            "t",
            "d",
        );
        assert!(svg.contains("<circle class=\"dot st-attended\""));
        assert!(svg.contains("<circle class=\"dot st-observer\""));
        assert_eq!(svg.matches("<circle").count(), 2);
        // Whole-world dots have radius 4; a regional crop shrinks them.
        let world_svg = world_map_svg(&[entry("SG", "attended"), entry("US", "host")], "t", "d");
        assert!(
            world_svg.contains("r=\"4\""),
            "{}",
            &world_svg[world_svg.find("<circle").unwrap()..]
        );
        let crop = world_map_svg(&[entry("LB", "host"), entry("PS", "attended")], "t", "d");
        assert!(crop.contains("<circle class=\"dot st-attended\""));
        assert!(!crop.contains("r=\"4\""));
    }

    #[test]
    fn labels_and_legend() {
        assert_eq!(status_label("boycotted"), "Boycotted / stayed away");
        assert_eq!(status_label("not_invited"), "Not invited");
        let html = legend_html(&["boycotted", "host", "bogus", "host"]);
        assert!(html.starts_with("<ul class=\"map-legend\""));
        assert_eq!(html.matches("<li>").count(), 2);
        assert!(html.find("st-host").unwrap() < html.find("st-boycotted").unwrap());
        assert!(html.contains(
            "<span class=\"swatch st-boycotted\" aria-hidden=\"true\"></span> Boycotted / stayed away"
        ));
        assert_eq!(legend_html(&[]), "");
    }

    #[test]
    fn region_map_crops_around_its_focus_with_its_own_ids() {
        let entries = [
            entry("SY", "host"),
            entry("US", "boycotted"),
            entry("IQ", "attended"),
        ];
        let svg = region_map_svg(&entries, &["SY"], "region", "t", "d");
        let [x, _, vw, _] = parse_view_box(&svg);
        assert!(vw < 0.5 * world().raw.width && x > 300.0, "{x} {vw}");
        assert!(svg.contains("aria-labelledby=\"region-title region-desc\""));
        assert!(svg.contains("<title id=\"region-title\">t</title>"));
        assert!(svg.contains("st-attended") && !svg.contains("st-boycotted"));
    }

    #[test]
    fn num_formats_compactly() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.01), "0");
    }
}
