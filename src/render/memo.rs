//! Rendered pages kept by a digest of what makes them (the build cache's renders): a
//! content page whose template, own context and the base-context variables its
//! template reads are what they were when the last build rendered it is taken from that
//! build's output instead of being rendered and minified again (pure: the previous
//! outputs are read, and the record written, at the pipeline's edges).
//!
//! It is the disk form of what `serve` does in memory, where a job equal to the one
//! rendered before reuses its output.

use std::collections::HashMap;
use std::sync::Mutex;

use sha2::{Digest as _, Sha256};
use tera::Context;

use super::{PageJob, RenderOptions, Renderer};

/// A SHA-256 digest.
pub type Digest = [u8; 32];

/// SHA-256 of some bytes.
pub use crate::common::hash::sha256 as digest;

/// Feeds named, length-prefixed fields to one digest, so that no two different inputs
/// run together into the same bytes.
struct Fields(Sha256);

impl Fields {
    fn new() -> Self {
        Fields(Sha256::new())
    }

    fn field(&mut self, name: &str, bytes: &[u8]) {
        for part in [name.as_bytes(), bytes] {
            self.0.update((part.len() as u64).to_le_bytes());
            self.0.update(part);
        }
    }

    /// A context variable: whether it is there, and its value, walked as it is (maps
    /// in the sorted order of their keys) instead of printed first.
    fn variable(&mut self, ctx: &Context, name: &str) {
        match ctx.get(name) {
            Some(v) => {
                self.field(name, b"+");
                self.value(v);
            }
            None => self.field(name, b"-"),
        }
    }

    /// One value: a tag byte per kind, and a length before every string and every
    /// sequence, so that no two different values feed the same bytes; maps in the
    /// sorted order of their keys.
    fn value(&mut self, v: &tera::Value) {
        use tera::value::ValueKind as Kind;
        match v.kind() {
            Kind::Undefined => self.0.update(b"u"),
            Kind::None => self.0.update(b"n"),
            Kind::Bool => self.0.update(if v.is_truthy() { b"t" } else { b"f" }),
            Kind::String => {
                // A safe string is printed unescaped: another output.
                self.0.update(if v.is_safe() { b"S" } else { b"s" });
                self.bytes(v.as_str().unwrap_or_default().as_bytes());
            }
            Kind::Bytes => {
                self.0.update(b"b");
                self.bytes(v.as_bytes().unwrap_or_default());
            }
            Kind::Array => {
                let items = v.as_array().unwrap_or_default();
                self.0.update(b"[");
                self.0.update((items.len() as u64).to_le_bytes());
                for item in items {
                    self.value(item);
                }
            }
            Kind::Map => {
                let mut entries: Vec<_> = v.as_map().into_iter().flatten().collect();
                entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
                self.0.update(b"{");
                self.0.update((entries.len() as u64).to_le_bytes());
                for (key, item) in entries {
                    match key.as_str() {
                        Some(k) => {
                            self.0.update(b"s");
                            self.bytes(k.as_bytes());
                        }
                        None => self.value(&key.as_value()),
                    }
                    self.value(item);
                }
            }
            // Numbers (and any kind a later Tera adds) as Tera prints them.
            _ => {
                self.0.update(b"#");
                self.bytes(v.to_string().as_bytes());
            }
        }
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    fn finish(self) -> Digest {
        self.0.finalize().into()
    }
}

/// What every page's rendering shares: the binary and settings that render (`key`),
/// the theme's templates and static files, the site's base path, the options.
pub fn shared_digest(
    key: &str,
    renderer: &Renderer,
    base_path: &str,
    options: RenderOptions,
) -> Digest {
    let mut f = Fields::new();
    f.field("key", key.as_bytes());
    for (name, t) in &renderer.theme.templates {
        f.field(name, t.text.as_bytes());
    }
    for (name, out) in &renderer.statics {
        f.field(name, out.as_bytes());
    }
    f.field("base_path", base_path.as_bytes());
    f.field(
        "options",
        &[u8::from(options.no_minify), u8::from(options.live_reload)],
    );
    f.finish()
}

/// What the jobs of one render are made from, digested once: what every page shares,
/// the variables each template reads, and each base-context variable they read.
pub struct Inputs {
    shared: Digest,
    /// Per template, each variable it reads with the digest of its base-context value;
    /// `None` for a template of which Tera cannot tell what it reads (always rendered).
    reads: HashMap<String, Option<Vec<(String, Digest)>>>,
}

impl Inputs {
    pub fn new<'t>(
        shared: Digest,
        renderer: &Renderer,
        base: &Context,
        templates: impl IntoIterator<Item = &'t str>,
    ) -> Self {
        let mut reads = HashMap::new();
        let mut base_values: HashMap<String, Digest> = HashMap::new();
        for t in templates {
            if reads.contains_key(t) {
                continue;
            }
            let vars = renderer.template_variables(t).map(|vars| {
                vars.into_iter()
                    .map(|v| {
                        let d = *base_values.entry(v.clone()).or_insert_with(|| {
                            let mut f = Fields::new();
                            f.variable(base, &v);
                            f.finish()
                        });
                        (v, d)
                    })
                    .collect::<Vec<_>>()
            });
            reads.insert(t.to_string(), vars);
        }
        Inputs { shared, reads }
    }

    /// The digest of everything a job's output is made from: what every page shares, its
    /// template and path, and each variable its template reads, from the job's own
    /// context or else the base context. `None` when that cannot be told.
    pub fn digest(&self, job: &PageJob) -> Option<Digest> {
        let vars = self.reads.get(&job.template)?.as_ref()?;
        let mut f = Fields::new();
        f.field("shared", &self.shared);
        f.field("template", job.template.as_bytes());
        f.field("path", job.path.as_bytes());
        for (v, base) in vars {
            if job.ctx.contains_key(v) {
                f.variable(&job.ctx, v);
            } else {
                f.field(v, base);
            }
        }
        Some(f.finish())
    }
}

/// One page of the previous build: the digests of its inputs and of its bytes, and the
/// bytes (read back from its output and checked against the record).
#[derive(Debug)]
pub struct Previous {
    pub input: Digest,
    pub output: Digest,
    pub bytes: Vec<u8>,
}

/// What a build rendered, by output path: its input digest, and its output digest when
/// it is already known (a page taken from the previous build).
pub type Made = (String, Digest, Option<Digest>);

/// The renders a build may reuse, and the record of what it rendered for the next one.
#[derive(Debug, Default)]
pub struct Reuse {
    /// See [`shared_digest`].
    pub shared: Digest,
    /// The previous build's pages by output path, each taken out when it is used.
    previous: Mutex<HashMap<String, Previous>>,
    /// Filled while rendering: each page job's output path and digests.
    made: Mutex<Vec<Made>>,
}

impl Reuse {
    pub fn new(shared: Digest, previous: HashMap<String, Previous>) -> Self {
        Reuse {
            shared,
            previous: Mutex::new(previous),
            ..Reuse::default()
        }
    }

    /// How many pages of the previous build there are to reuse.
    pub fn available(&self) -> usize {
        self.previous.lock().map(|p| p.len()).unwrap_or(0)
    }

    /// Takes the previous output of a job with input digest `input` when it is the same:
    /// its bytes and their digest.
    pub fn take(&self, path: &str, input: &Digest) -> Option<(Vec<u8>, Digest)> {
        let mut previous = self.previous.lock().ok()?;
        if previous.get(path)?.input != *input {
            return None;
        }
        previous.remove(path).map(|p| (p.bytes, p.output))
    }

    /// Lets go of the previous pages that were not used (once rendering is done).
    pub fn forget_previous(&self) {
        if let Ok(mut p) = self.previous.lock() {
            *p = HashMap::new();
        }
    }

    pub(super) fn record(&self, made: Vec<Made>) {
        if let Ok(mut m) = self.made.lock() {
            m.extend(made);
        }
    }

    /// What this build rendered, sorted by output path.
    pub fn made(&self) -> Vec<Made> {
        let mut made = self.made.lock().map(|m| m.clone()).unwrap_or_default();
        made.sort();
        made
    }

    /// How many pages this build took from the previous one (those whose output digest
    /// was known from it).
    pub fn reused(&self) -> usize {
        self.made
            .lock()
            .map(|m| m.iter().filter(|(_, _, output)| output.is_some()).count())
            .unwrap_or(0)
    }
}

/// The record the build cache keeps of rendered pages: a first line with the key it is
/// valid for, then `path<TAB>input digest<TAB>output digest`, in hex.
pub fn record_text(key: &str, entries: &[(String, Digest, Digest)]) -> String {
    let mut out = format!("briefing renders 1\t{key}\n");
    for (path, input, output) in entries {
        out.push_str(&format!("{path}\t{}\t{}\n", hex(input), hex(output)));
    }
    out
}

/// Reads a [`record_text`]: the entries when it was written for `key`, none when for
/// another key, an error naming the line when it is damaged.
pub fn parse_record(text: &str, key: &str) -> Result<Vec<(String, Digest, Digest)>, String> {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let Some(was) = first.strip_prefix("briefing renders 1\t") else {
        return Err("line 1: it does not start as a record of renders does".into());
    };
    if !text.ends_with('\n') {
        return Err("it is cut short".into());
    }
    if was != key {
        return Ok(Vec::new());
    }
    lines
        .enumerate()
        .map(|(k, line)| {
            let bad = || format!("line {}: not a path and two digests", k + 2);
            let mut parts = line.split('\t');
            let (Some(path), Some(input), Some(output), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(bad());
            };
            Ok((
                path.to_string(),
                unhex(input).ok_or_else(bad)?,
                unhex(output).ok_or_else(bad)?,
            ))
        })
        .collect()
}

fn hex(d: &Digest) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Digest> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut d = [0u8; 32];
    for (k, byte) in d.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[2 * k..2 * k + 2], 16).ok()?;
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_and_a_damaged_one_names_its_line() {
        let entries = vec![
            (
                "a/index.html".to_string(),
                digest(b"in a"),
                digest(b"out a"),
            ),
            (
                "b/index.html".to_string(),
                digest(b"in b"),
                digest(b"out b"),
            ),
        ];
        let text = record_text("k1", &entries);
        assert_eq!(parse_record(&text, "k1").unwrap(), entries);
        assert!(parse_record(&text, "k2").unwrap().is_empty());
        let cut = &text[..text.len() - 10];
        assert_eq!(parse_record(cut, "k1").unwrap_err(), "it is cut short");
        let bad = text.replacen("a/index.html\t", "a/index.html ", 1);
        assert!(parse_record(&bad, "k1").unwrap_err().starts_with("line 2:"));
        assert!(parse_record("nonsense\n", "k1").is_err());
    }

    #[test]
    fn a_variable_digest_tells_absent_from_empty_and_values_apart() {
        let digest_of = |ctx: &Context| {
            let mut f = Fields::new();
            f.variable(ctx, "x");
            f.finish()
        };
        let mut empty = Context::new();
        empty.insert("x", "");
        let mut a = Context::new();
        a.insert("x", &serde_json::json!({"k": "v", "n": 1}));
        let mut b = Context::new();
        b.insert("x", &serde_json::json!({"n": 1, "k": "v"}));
        let mut c = Context::new();
        c.insert("x", &serde_json::json!({"k": "w", "n": 1}));
        assert_ne!(digest_of(&Context::new()), digest_of(&empty));
        assert_eq!(digest_of(&a), digest_of(&b), "key order does not matter");
        assert_ne!(digest_of(&a), digest_of(&c));
        let of = |v: serde_json::Value| {
            let mut ctx = Context::new();
            ctx.insert("x", &v);
            digest_of(&ctx)
        };
        use serde_json::json;
        let distinct = [
            json!(null),
            json!(false),
            json!(true),
            json!(0),
            json!("0"),
            json!(""),
            json!([]),
            json!({}),
            json!(["ab"]),
            json!(["a", "b"]),
            json!([["a"], "b"]),
            json!({"a": "b"}),
            json!({"ab": ""}),
            json!({"a": {"b": []}}),
        ];
        for (i, x) in distinct.iter().enumerate() {
            for y in &distinct[i + 1..] {
                assert_ne!(of(x.clone()), of(y.clone()), "{x} and {y}");
            }
        }
    }
}
