//! The tab's side of live reload: the client script (`livereload.js`, embedded) and how
//! HTML answers get it. Templates add the script when `live_reload` is set; a theme
//! that does not is given it before `</body>` as the page is served (never in `build`).

/// The URL path of the client script.
pub const SCRIPT_PATH: &str = "/__briefing/livereload.js";
/// The URL path of the event stream.
pub const EVENTS_PATH: &str = "/__briefing/events";

/// The client script.
pub const SCRIPT: &str = include_str!("livereload.js");

/// The script tag for pages whose theme does not add it.
pub const SCRIPT_TAG: &str = "<script src=\"/__briefing/livereload.js\"></script>";

/// An HTML page with the client script: the page as built when it has it, else with the
/// tag added before the last `</body>` (or at the end).
pub fn with_client(html: &[u8]) -> Option<Vec<u8>> {
    let has = |needle: &[u8]| html.windows(needle.len()).any(|w| w == needle);
    if has(SCRIPT_PATH.as_bytes()) {
        return None;
    }
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + SCRIPT_TAG.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(SCRIPT_TAG.as_bytes());
    out.extend_from_slice(&html[at..]);
    Some(out)
}

/// What a tab sees before the first good build: a page that shows the build errors
/// (through the client) and turns into the site once it builds.
pub fn waiting_page() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Building…</title></head>\
         <body><main><h1>The site has not built yet</h1><p>This page updates by itself as soon as it \
         does; the errors are shown below.</p></main>{SCRIPT_TAG}</body></html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_with_the_script_are_left_alone() {
        let html = b"<html><body><p>x</p><script src=\"/__briefing/livereload.js\"></script></body></html>";
        assert_eq!(with_client(html), None);
    }

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let out = with_client(b"<html><body><p>x</p></BODY></html>").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("<html><body><p>x</p>{SCRIPT_TAG}</BODY></html>")
        );
        let out = with_client(b"<p>x</p>").unwrap();
        assert!(String::from_utf8(out).unwrap().ends_with(SCRIPT_TAG));
    }

    #[test]
    fn the_client_is_small() {
        assert!(SCRIPT.len() < 8 * 1024, "{} bytes", SCRIPT.len());
    }
}
