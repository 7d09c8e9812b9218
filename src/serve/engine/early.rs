//! Early publications (part of [`super::Engine`]): before the site is made consistent,
//! edited pages rendered against the last analysed site, new stylesheets for the tabs to
//! swap in place, and each derived generator's pages as soon as they are done.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;

use crate::render::{Output, RenderCtx, fingerprinted, page_job, render_job};
use crate::theme::Theme;

use super::super::hub::{Hub, Outputs, Swap};
use super::super::paths::page_of_output;
use super::{Engine, Entry};

impl Engine {
    /// Stylesheet swaps when `theme` differs from the current one in stylesheets only.
    pub(super) fn css_swaps(&self, theme: &Theme) -> Option<Vec<Swap>> {
        let old = self.theme.as_ref()?;
        if old.templates != theme.templates
            || old.statics.keys().ne(theme.statics.keys())
            || self.renderer.is_none()
        {
            return None;
        }
        let base = self.config.base_path();
        let base = base.trim_end_matches('/');
        let mut swaps = Vec::new();
        for (name, bytes) in &theme.statics {
            let before = &old.statics[name];
            if before == bytes {
                continue;
            }
            if !name.ends_with(".css") {
                return None;
            }
            swaps.push(Swap {
                from: format!("{base}/{}", fingerprinted(name, before)),
                to: format!("{base}/{}", fingerprinted(name, bytes)),
            });
        }
        (!swaps.is_empty()).then_some(swaps)
    }

    /// Publishes new stylesheets next to the old ones, for the tabs to swap in place.
    pub(super) fn publish_stylesheets(&self, swaps: Vec<Swap>, hub: &Hub) {
        let Some(theme) = &self.theme else { return };
        let mut outputs = (*hub.snapshot().outputs).clone();
        let base = self.config.base_path();
        for (name, bytes) in &theme.statics {
            let key = fingerprinted(name, bytes);
            let url = format!("{}/{key}", base.trim_end_matches('/'));
            if swaps.iter().any(|s| s.to == url) {
                outputs.insert(key, Bytes::from(bytes.clone()));
            }
        }
        hub.publish_css(Arc::new(outputs), swaps);
    }

    /// Renders edited pages against the last analysed site (lists and taxonomies as they
    /// were) and publishes them at once; `settle` makes the rest consistent.
    pub(super) fn publish_edited(&mut self, edited: &BTreeSet<PathBuf>, hub: &Hub) -> Vec<String> {
        let (Some(site), Some(renderer), Some(rendered)) = (
            self.site.as_mut(),
            self.renderer.as_ref(),
            self.rendered.as_ref(),
        ) else {
            return Vec::new();
        };
        let mut indices = Vec::new();
        for rel in edited {
            let Some(Entry {
                page: Ok(Some(page)),
                ..
            }) = self.files.get(rel)
            else {
                continue;
            };
            // A page that takes another page's URL waits for settle (and its error).
            if site
                .pages
                .iter()
                .any(|p| p.path == page.path && p.file != page.file)
            {
                return Vec::new();
            }
            match site.pages.iter().position(|p| p.file == page.file) {
                Some(i) => {
                    site.pages[i] = page.clone();
                    indices.push(i);
                }
                None => {
                    site.pages.push(page.clone());
                    indices.push(site.pages.len() - 1);
                }
            }
        }
        let rc = RenderCtx {
            site,
            renderer,
            base: rendered.base.clone(),
            options: self.opts.render,
            reuse: None,
        };
        let snapshot = hub.snapshot();
        let mut outputs: Option<Outputs> = None;
        let mut paths = Vec::new();
        for i in indices {
            let Some(Ok(out)) = page_job(&rc, i).map(|j| j.and_then(|j| render_job(&rc, &j)))
            else {
                continue;
            };
            if snapshot.outputs.get(&out.path).map(|b| &b[..]) == Some(&out.bytes[..]) {
                continue;
            }
            if let Some(p) = page_of_output(&out.path) {
                paths.push(p);
            }
            outputs
                .get_or_insert_with(|| (*snapshot.outputs).clone())
                .insert(out.path, Bytes::from(out.bytes));
        }
        if let Some(outputs) = outputs {
            hub.publish_pages(Arc::new(outputs), paths.clone());
        }
        paths
    }
}

/// Publishes some new outputs over the site as published, telling the tabs whose pages
/// changed (the final publication of a settle replaces the whole site).
pub(super) fn publish_some(hub: &Hub, outs: &[Output]) -> Vec<String> {
    let snapshot = hub.snapshot();
    let mut paths = Vec::new();
    let mut outputs: Option<Outputs> = None;
    for o in outs {
        if snapshot.outputs.get(&o.path).map(|b| &b[..]) == Some(&o.bytes[..]) {
            continue;
        }
        paths.extend(page_of_output(&o.path));
        outputs
            .get_or_insert_with(|| (*snapshot.outputs).clone())
            .insert(o.path.clone(), Bytes::from(o.bytes.clone()));
    }
    if let Some(outputs) = outputs {
        hub.publish_pages(Arc::new(outputs), paths.clone());
    }
    paths
}
