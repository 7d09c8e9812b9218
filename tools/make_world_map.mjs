// make_world_map.mjs — builds data/world-map.json, the projected world map that
// src/map.rs draws as inline SVG at build time.
//
// Data and licences:
//   * Country shapes: Natural Earth 1:50m admin-0 countries (public domain,
//     https://www.naturalearthdata.com/about/terms-of-use/), as packaged in the
//     npm package `world-atlas` 2.x (`countries-50m.json`, ISC licence).
//   * topojson-client, topojson-simplify, d3-geo: ISC; i18n-iso-countries: MIT.
//     They are build tools only; nothing of their code ends up in the site.
//
// How to rerun (from the repository root; the npm packages live outside the repo):
//   npm install --prefix /tmp/mapbuild world-atlas@2 topojson-client@3 \
//       topojson-simplify@3 d3-geo@3 i18n-iso-countries@7
//   node tools/make_world_map.mjs
// Options (environment): MAPBUILD=/other/prefix (default /tmp/mapbuild),
//   MAP_QUANTILE=0.25 (share of the simplifiable points kept; lower = smaller file).
//
// Output: {"source", "width": 1000, "height", "countries": [{"iso", "name", "d", "bbox"}]}
//   iso: ISO 3166-1 alpha-2 ("XK" for Kosovo), or null for land without a code
//   (Somaliland, N. Cyprus, Siachen Glacier, Indian Ocean Territories), drawn as
//   neutral land. d: SVG path in projected units (1 decimal, relative commands).
//   bbox: [x0, y0, x1, y1] in the same units, of all the shape.
//   main_bbox (only where it differs from bbox): the box of the main part,
//   used to crop the map (without French Guiana for France, without the part
//   of Russia east of the antimeridian, …). Antarctica is dropped.

import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const prefix = process.env.MAPBUILD || "/tmp/mapbuild";
const require = createRequire(join(prefix, "node_modules", "noop.js"));
// ES-module-only packages: import them by absolute path from the prefix.
const load = async (name) => {
  const pkgDir = join(prefix, "node_modules", name);
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  let entry = pkg.module || pkg.main || "index.js";
  if (pkg.exports && pkg.exports["."]) {
    const e = pkg.exports["."];
    entry = typeof e === "string" ? e : e.import?.default || e.import || e.default || entry;
  }
  return import(pathToFileURL(join(pkgDir, entry)).href);
};

const topojson = await load("topojson-client");
const simplifyLib = await load("topojson-simplify");
const d3 = await load("d3-geo");
const isoCountries = require("i18n-iso-countries");

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, "..", "data", "world-map.json");
const WIDTH = 1000;
const KEEP = Number(process.env.MAP_QUANTILE || 0.25);

const atlasDir = join(prefix, "node_modules", "world-atlas");
const atlasVersion = JSON.parse(readFileSync(join(atlasDir, "package.json"), "utf8")).version;
const topo = JSON.parse(readFileSync(join(atlasDir, "countries-50m.json"), "utf8"));

// ---- names and codes -------------------------------------------------------

// Natural Earth abbreviates some names; spell them out for screen readers.
const NAME_FIX = {
  "United States of America": "United States",
  "Dem. Rep. Congo": "Democratic Republic of the Congo",
  "Congo": "Republic of the Congo",
  "Central African Rep.": "Central African Republic",
  "Dominican Rep.": "Dominican Republic",
  "Bosnia and Herz.": "Bosnia and Herzegovina",
  "Eq. Guinea": "Equatorial Guinea",
  "S. Sudan": "South Sudan",
  "W. Sahara": "Western Sahara",
  "Macedonia": "North Macedonia",
  "eSwatini": "Eswatini",
  "Solomon Is.": "Solomon Islands",
  "Marshall Is.": "Marshall Islands",
  "N. Mariana Is.": "Northern Mariana Islands",
  "U.S. Virgin Is.": "U.S. Virgin Islands",
  "British Virgin Is.": "British Virgin Islands",
  "Cayman Is.": "Cayman Islands",
  "Falkland Is.": "Falkland Islands",
  "Turks and Caicos Is.": "Turks and Caicos Islands",
  "Pitcairn Is.": "Pitcairn Islands",
  "Cook Is.": "Cook Islands",
  "Faeroe Is.": "Faroe Islands",
  "Wallis and Futuna Is.": "Wallis and Futuna",
  "Heard I. and McDonald Is.": "Heard Island and McDonald Islands",
  "S. Geo. and the Is.": "South Georgia and the South Sandwich Islands",
  "Br. Indian Ocean Ter.": "British Indian Ocean Territory",
  "Fr. S. Antarctic Lands": "French Southern and Antarctic Lands",
  "Fr. Polynesia": "French Polynesia",
  "St. Pierre and Miquelon": "Saint Pierre and Miquelon",
  "St. Vin. and Gren.": "Saint Vincent and the Grenadines",
  "St. Kitts and Nevis": "Saint Kitts and Nevis",
  "St-Martin": "Saint Martin",
  "St-Barthélemy": "Saint Barthélemy",
  "Antigua and Barb.": "Antigua and Barbuda",
  "São Tomé and Principe": "São Tomé and Príncipe",
  "N. Cyprus": "Northern Cyprus",
  "Indian Ocean Ter.": "Australian Indian Ocean Territories",
};
// Geometries without a numeric id in world-atlas that do have a code in use.
const NAME_TO_ISO = { Kosovo: "XK" };

function isoOf(g) {
  if (g.id != null) {
    const a2 = isoCountries.numericToAlpha2(g.id);
    if (!a2) throw new Error(`no alpha-2 code for numeric id ${g.id} (${g.properties.name})`);
    return a2;
  }
  return NAME_TO_ISO[g.properties.name] ?? null;
}

// ---- simplification ----------------------------------------------------------

const geoms = topo.objects.countries.geometries.filter((g) => g.id !== "010"); // Antarctica
topo.objects.countries.geometries = geoms;

const pre = simplifyLib.presimplify(topo, simplifyLib.sphericalTriangleArea);
const minWeight = simplifyLib.quantile(pre, KEEP);

// Weight boost for small states: the weight of every point on an arc is
// multiplied by sqrt(REF_AREA / area of the smallest country using the arc), so
// a small state keeps about as many vertices as it would if it were large.
// Then each country's main ring is guaranteed a few vertices (a closed island
// arc otherwise collapses to its single endpoint).
const REF_AREA = 2e-3; // steradians (~ the area of Germany ≈ 0.0088, Syria ≈ 0.0045)
const arcOwnersArea = new Map();
const ringsOf = (g) => (g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : []);
const areaOf = new Map();
for (const g of geoms) {
  const area = d3.geoArea(topojson.feature(topo, g));
  areaOf.set(g, area);
  for (const poly of ringsOf(g))
    for (const ring of poly)
      for (const a of ring) {
        const i = a < 0 ? ~a : a;
        arcOwnersArea.set(i, Math.min(arcOwnersArea.get(i) ?? Infinity, area));
      }
}
for (const [i, area] of arcOwnersArea) {
  if (area >= REF_AREA) continue;
  const boost = Math.min(Math.sqrt(REF_AREA / area), 200);
  for (const p of pre.arcs[i]) if (isFinite(p[2])) p[2] *= boost;
}
// Guarantee: the largest outer ring of each country keeps >= MIN_RING vertices.
const MIN_RING = 5;
for (const g of geoms) {
  let best = null, bestArea = -1;
  for (const poly of ringsOf(g)) {
    const pts = poly[0].flatMap((a) => pre.arcs[a < 0 ? ~a : a]);
    const area = Math.abs(d3.geoArea({ type: "Polygon", coordinates: [pts.map((p) => [p[0], p[1]]).concat([[pts[0][0], pts[0][1]]])] }));
    const a = Math.min(area, 4 * Math.PI - area);
    if (a > bestArea) { bestArea = a; best = poly[0]; }
  }
  if (!best) continue;
  const kept = () => best.reduce((n, a) => n + pre.arcs[a < 0 ? ~a : a].filter((p) => p[2] >= minWeight).length - 1, 0);
  let guard = 0;
  while (kept() < MIN_RING && guard++ < 20) {
    // Promote the heaviest not-yet-kept interior point among the ring's arcs.
    let top = null;
    for (const a of best)
      for (const p of pre.arcs[a < 0 ? ~a : a])
        if (p[2] < minWeight && (!top || p[2] > top[2])) top = p;
    if (!top) break;
    top[2] = Infinity;
  }
}
const simple = simplifyLib.simplify(pre, minWeight);

// ---- features, merged by code ------------------------------------------------

const byKey = new Map(); // iso or "null:<name>" -> {iso, name, polys}
for (const g of simple.objects.countries.geometries) {
  const iso = isoOf(g);
  const rawName = g.properties.name;
  const key = iso ?? `null:${rawName}`;
  const f = topojson.feature(simple, g);
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  // Two geometries share a code only for Australia + Ashmore and Cartier Is.:
  // the first name seen (the main country) is kept.
  if (!byKey.has(key)) byKey.set(key, { iso, name: NAME_FIX[rawName] ?? rawName, polys: [] });
  byKey.get(key).polys.push(...polys);
}

// ---- projection ------------------------------------------------------------

const features = [...byKey.values()].map((c) => ({
  type: "Feature",
  properties: c,
  geometry: { type: "MultiPolygon", coordinates: c.polys },
}));
const projection = d3.geoEqualEarth().precision(0.5);
projection.fitWidth(WIDTH, { type: "FeatureCollection", features });
const [[, y0], [, y1]] = d3.geoPath(projection).bounds({ type: "FeatureCollection", features });
const HEIGHT = Math.ceil(y1 - Math.min(0, y0));

// Path context that collects rings of projected points.
function projectRings(feature) {
  const rings = [];
  let cur = null;
  const ctx = {
    moveTo(x, y) { cur = [[x, y]]; rings.push(cur); },
    lineTo(x, y) { cur.push([x, y]); },
    closePath() { cur = null; },
    arc() {}, // points are not drawn
  };
  d3.geoPath(projection, ctx)(feature);
  return rings;
}

const ringArea = (r) => {
  let s = 0;
  for (let i = 0, n = r.length; i < n; i++) {
    const a = r[i], b = r[(i + 1) % n];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
};

// Boxes are [x0, y0, x1, y1] in tenths of a unit.
const ringBox = (q) => q.reduce((b, [x, y]) => [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)],
  [Infinity, Infinity, -Infinity, -Infinity]);
const unionBox = (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
const boxGap = (a, b) => Math.hypot(Math.max(0, a[0] - b[2], b[0] - a[2]), Math.max(0, a[1] - b[3], b[1] - a[3]));

// Rings smaller than this (in square units) are dropped, except a country's
// largest ring, which is always kept so that small states stay on the map.
const MIN_RING_AREA = 1.5;

const fmt = (t) => {
  // t is an integer number of tenths; print compactly ("-.3", "12", "4.5").
  const neg = t < 0;
  const a = Math.abs(t);
  const s = a % 10 === 0 ? String(a / 10) : (a < 10 ? "." + a : String(Math.floor(a / 10)) + "." + (a % 10));
  return (neg ? "-" : "") + s;
};
// Join numbers with the minimum separators SVG path grammar allows.
const joinNums = (nums) => {
  let out = "";
  let prev = null;
  for (const s of nums) {
    if (prev !== null && !s.startsWith("-") && !(s.startsWith(".") && prev.includes("."))) out += " ";
    out += s;
    prev = s;
  }
  return out;
};

const countries = [];
for (const f of features) {
  const { iso, name } = f.properties;
  let rings = projectRings(f)
    .map((r) => {
      const q = [];
      for (const [x, y] of r) {
        const p = [Math.round(x * 10), Math.round(y * 10)];
        const last = q[q.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
      }
      while (q.length > 1 && q[0][0] === q[q.length - 1][0] && q[0][1] === q[q.length - 1][1]) q.pop();
      return q;
    })
    .filter((q) => q.length >= 3);
  if (!rings.length) {
    // Too small to survive rounding (Vatican City): a tiny diamond at its
    // projected centroid keeps it on the map; the SVG side adds a dot marker.
    const c = d3.geoPath(projection).centroid(f);
    const [cx, cy] = [Math.round(c[0] * 10), Math.round(c[1] * 10)];
    rings = [[[cx, cy - 1], [cx + 1, cy], [cx, cy + 1], [cx - 1, cy]]];
    console.warn(`note: ${iso ?? name} collapsed when rounded; drawn as a 0.2-unit diamond`);
  }
  const areas = rings.map((q) => Math.abs(ringArea(q)) / 100);
  const biggest = areas.indexOf(Math.max(...areas));
  const keep = rings.map((_, i) => i === biggest || areas[i] >= MIN_RING_AREA);
  // Main part, for cropping: the largest ring plus rings of at least 5% of its
  // area lying near it (Alaska stays with the US; French Guiana, Réunion and
  // Russia's piece east of the antimeridian do not pull the crop away).
  const boxes = rings.map(ringBox);
  const big = boxes[biggest];
  const reach = Math.max(500, Math.hypot(big[2] - big[0], big[3] - big[1])); // tenths
  const main = rings.map((_, i) =>
    i === biggest || (keep[i] && areas[i] >= 0.05 * areas[biggest] && boxGap(boxes[i], big) <= reach));
  const mainBox = boxes.filter((_, i) => main[i]).reduce(unionBox);
  rings = rings.filter((_, i) => keep[i]);

  let d = "";
  let px = 0, py = 0; // current point (tenths)
  for (const q of rings) {
    const [sx, sy] = q[0];
    // moveto: absolute for the first ring, relative (m) for later ones if shorter.
    const abs = "M" + joinNums([fmt(sx), fmt(sy)]);
    const rel = "m" + joinNums([fmt(sx - px), fmt(sy - py)]);
    d += d === "" || abs.length <= rel.length ? abs : rel;
    const nums = [];
    for (let i = 1; i < q.length; i++) {
      nums.push(fmt(q[i][0] - q[i - 1][0]), fmt(q[i][1] - q[i - 1][1]));
    }
    d += "l" + joinNums(nums) + "z";
    px = sx; py = sy; // after z the current point is the ring's start
  }
  const bbox = rings.map(ringBox).reduce(unionBox);
  const entry = { iso, name, d, bbox: bbox.map((v) => v / 10) };
  if (mainBox.some((v, i) => v !== bbox[i])) entry.main_bbox = mainBox.map((v) => v / 10);
  countries.push(entry);
}

// Coded countries by code, then the uncoded ones by name (plain code-point order).
const sortKey = (c) => (c.iso ? "0" + c.iso : "1" + c.name);
countries.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

const source = `Natural Earth via world-atlas ${atlasVersion.split(".")[0]}.x countries-50m (public domain)`;
// One country per line: readable diffs, little overhead.
const json =
  "{" +
  `"source":${JSON.stringify(source)},"width":${WIDTH},"height":${HEIGHT},"countries":[\n` +
  countries.map((c) => JSON.stringify(c)).join(",\n") +
  "\n]}\n";
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, json);

console.log(`wrote ${outFile}`);
console.log(`size: ${Buffer.byteLength(json)} bytes (${(Buffer.byteLength(json) / 1024).toFixed(1)} KiB), ` +
  `${countries.length} countries (${countries.filter((c) => c.iso).length} with a code), ` +
  `width ${WIDTH}, height ${HEIGHT}, keep quantile ${KEEP}, min weight ${minWeight.toExponential(2)}`);
let failed = false;
for (const iso of ["SG", "BH", "MT", "PS", "LB", "LU", "SY", "TR", "XK", "VA", "MC"]) {
  const c = countries.find((c) => c.iso === iso);
  if (!c) { console.log(`  ${iso}: MISSING`); failed = true; continue; }
  const [x0, y0b, x1, y1b] = c.bbox;
  console.log(`  ${iso} ${c.name}: bbox ${(x1 - x0).toFixed(1)} x ${(y1b - y0b).toFixed(1)}, d ${c.d.length} chars`);
}
for (const c of countries.filter((c) => c.main_bbox)) {
  console.log(`  main_bbox ${c.iso ?? c.name}: [${c.bbox}] -> [${c.main_bbox}]`);
}
if (Buffer.byteLength(json) > 200 * 1024) {
  console.log("error: the map data is over the 200 KiB budget; lower MAP_QUANTILE");
  failed = true;
}
if (failed) process.exit(1);
