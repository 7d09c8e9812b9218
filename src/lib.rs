//! `briefing`: a static site generator for briefing microsites.
//!
//! The pipeline is a chain of typed stages; only [`load`] reads the disk and only
//! [`write`] writes it:
//!
//! ```text
//! seeds/*.txt ─ingest─▶ Article ─to_markdown─▶ content/briefings/<slug>.md
//! content/**/*.md ─content─▶ Page ─analyse─▶ Site
//! Site + Theme ─render─▶ Vec<Output> ─write─▶ dist/ (atomic swap)
//! ```

pub mod config;
pub mod diagnostics;
pub mod frontmatter;
pub mod ingest;
pub mod to_markdown;
pub mod markdown;
pub mod analyse;
pub mod content;
pub mod map;
