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

pub mod analyse;
pub mod common;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod frontmatter;
pub mod ingest;
pub mod ingestcache;
pub mod init;
pub mod linkcheck;
pub mod load;
pub mod map;
pub mod markdown;
pub mod pipeline;
pub mod render;
pub mod serve;
pub mod sync;
pub mod theme;
pub mod to_markdown;
pub mod write;
