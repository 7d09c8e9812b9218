//! Minification of HTML pages, with the character references the HTML checker accepts.

/// Minifies an HTML page (spec-compliant settings), then restores conforming character
/// references: minify-html 0.8 writes `<` in text as `&LT` without a semicolon, which
/// browsers parse but the Nu checker rejects.
pub fn minify_html(html: &str) -> Vec<u8> {
    let mut cfg = minify_html::Cfg::spec_compliant();
    cfg.keep_html_and_head_opening_tags = true;
    cfg.keep_closing_tags = true;
    conforming_references(&minify_html::minify(html.as_bytes(), &cfg))
}

/// Rewrites `&LT`/`&GT` without a semicolon as `&lt;`/`&gt;`, and a bare `<` that
/// cannot start a tag as `&lt;`, outside `<script>` and `<style>` elements.
///
/// One pass that copies runs of bytes other than `<` and `&` whole and compares tag
/// names in place (no allocation per byte: this runs over every page of the site).
fn conforming_references(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len() + 16);
    let mut i = 0;
    'bytes: while i < html.len() {
        let rest = &html[i..];
        let run = rest
            .iter()
            .position(|&b| b == b'<' || b == b'&')
            .unwrap_or(rest.len());
        out.extend_from_slice(&rest[..run]);
        i += run;
        let rest = &html[i..];
        if rest.is_empty() {
            break;
        }
        // Copy raw-text elements untouched, up to their closing tag.
        for (open, close) in [
            (&b"<script"[..], &b"</script"[..]),
            (&b"<style"[..], &b"</style"[..]),
        ] {
            if starts_with_ignore_case(rest, open) {
                let end = rest
                    .windows(close.len())
                    .position(|w| w.eq_ignore_ascii_case(close))
                    .unwrap_or(rest.len());
                out.extend_from_slice(&rest[..end]);
                i += end;
                continue 'bytes;
            }
        }
        if rest.starts_with(b"&LT") || rest.starts_with(b"&GT") {
            if rest.get(3) == Some(&b';') {
                out.extend_from_slice(&rest[..4]);
                i += 4;
            } else {
                out.extend_from_slice(if rest[1] == b'L' { b"&lt;" } else { b"&gt;" });
                i += 3;
            }
            continue;
        }
        if rest[0] == b'<'
            && !rest
                .get(1)
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
        {
            out.extend_from_slice(b"&lt;");
            i += 1;
            continue;
        }
        out.push(rest[0]);
        i += 1;
    }
    out
}

fn starts_with_ignore_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minified_text_keeps_conforming_character_references() {
        let m = String::from_utf8(minify_html(
            "<p>&lt;b&gt;x&lt;/b&gt; and 5 &lt; 6</p><script>if (a < b) {}</script>",
        ))
        .unwrap();
        assert!(m.contains("&lt;b>x&lt;/b> and 5 &lt; 6"), "{m}");
        assert!(m.contains("if (a < b) {}"), "scripts are left alone: {m}");
        assert!(!m.contains("&LT"));
    }

    /// The first implementation, byte by byte: the reference the one-pass version
    /// must agree with.
    fn conforming_references_reference(html: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut i = 0;
        let lower = |b: &[u8]| b.to_ascii_lowercase();
        while i < html.len() {
            let rest = &html[i..];
            for tag in [&b"<script"[..], &b"<style"[..]] {
                if rest.len() >= tag.len() && lower(&rest[..tag.len()]) == tag {
                    let close = if tag == b"<script" {
                        &b"</script"[..]
                    } else {
                        &b"</style"[..]
                    };
                    let end = rest
                        .windows(close.len())
                        .position(|w| lower(w) == close)
                        .unwrap_or(rest.len());
                    out.extend_from_slice(&rest[..end]);
                    i += end;
                    break;
                }
            }
            if i >= html.len() {
                break;
            }
            let rest = &html[i..];
            if rest.starts_with(b"&LT") || rest.starts_with(b"&GT") {
                if rest.get(3) == Some(&b';') {
                    out.extend_from_slice(&rest[..4]);
                    i += 4;
                } else {
                    out.extend_from_slice(if rest[1] == b'L' { b"&lt;" } else { b"&gt;" });
                    i += 3;
                }
                continue;
            }
            if rest[0] == b'<'
                && !rest
                    .get(1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
            {
                out.extend_from_slice(b"&lt;");
                i += 1;
                continue;
            }
            out.push(rest[0]);
            i += 1;
        }
        out
    }

    #[test]
    fn conforming_references_agree_with_the_byte_by_byte_reference() {
        let cases: &[&str] = &[
            "",
            "<",
            "&",
            "&L",
            "&LT",
            "&GT;x",
            "a &LT b &GTc &LT;d &amp; e < f <3 <a href=x>y</a>",
            "<p>x</p><SCRIPT>if (a < b &LT c) {}</SCRIPT> <d",
            "<script>never closed < &LT",
            "<style>p{}</Style><stylefoo>&GT</stylefoo>",
            "<scriptx a>&LT</script>&LT<!-- c --><?p?>< <",
            "é<ü&LT€<<&&GT",
        ];
        for c in cases {
            assert_eq!(
                conforming_references(c.as_bytes()),
                conforming_references_reference(c.as_bytes()),
                "{c:?}"
            );
        }
        let page = minify_html::minify(
            include_bytes!("../../themes/briefing/templates/base.html"),
            &minify_html::Cfg::spec_compliant(),
        );
        assert_eq!(
            conforming_references(&page),
            conforming_references_reference(&page)
        );
    }

    #[test]
    fn minify_keeps_text_and_shrinks() {
        let html = "<!DOCTYPE html>\n<html lang=\"en\">\n  <head><title>T</title></head>\n  <body>\n    <p>Hello   world</p>\n  </body>\n</html>\n";
        let m = String::from_utf8(minify_html(html)).unwrap();
        assert!(m.len() < html.len());
        assert!(m.contains("Hello world"));
    }
}
