//! `serve` in a real browser (headless Chromium over the DevTools protocol): a page open
//! in a tab follows edits to its content, to a template and to a stylesheet (swapped in
//! place, no reload), and shows a build error as an overlay until the next good save.

mod common;

use std::fs;
use std::sync::Mutex;

use common::browser::{Browser, chromium_or_skip};
use common::{serve_copy, wait_until};

/// One browser at a time: the machine's cores are few.
static ONE_BROWSER: Mutex<()> = Mutex::new(());

fn open(browser: &mut Browser, running: &briefing::serve::Running, path: &str) {
    browser.goto(&format!("{}{}", running.url.trim_end_matches('/'), path));
    // The tab's event stream is connected when the server counts the tab.
    wait_until(20, "the tab connects", || {
        running.hub.open_pages().contains(path)
    });
    browser.eval("window.__sameDocument = true");
}

#[test]
fn a_tab_follows_content_template_and_stylesheet_edits() {
    let Some(exe) = chromium_or_skip("a_tab_follows_content_template_and_stylesheet_edits") else {
        return;
    };
    let _one = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let (dir, running) = serve_copy();
    let root = dir.path();
    let slug = common::first_briefing(root);
    let rel = root.join(format!("content/briefings/{slug}.md"));
    let mut b = Browser::launch(&exe);
    open(&mut b, &running, &format!("/briefings/{slug}/"));

    // Scrolled down, an editor saves a content edit: the text appears, in place, and the
    // scroll position stays.
    b.eval("window.scrollTo(0, 600)");
    b.wait_for("window.scrollY === 600", 5);
    let text = fs::read_to_string(&rel).unwrap();
    fs::write(
        &rel,
        format!("{text}\n\nA sentence the editor just typed.\n"),
    )
    .unwrap();
    b.wait_for(
        "document.body.innerText.includes('A sentence the editor just typed.')",
        20,
    );
    assert_eq!(
        b.eval("window.__sameDocument === true"),
        true,
        "patched in place"
    );
    assert_eq!(b.eval("window.scrollY"), 600, "scroll position kept");

    // A template edit.
    let tpl = root.join("themes/briefing/templates/briefing.html");
    let t = fs::read_to_string(&tpl).unwrap();
    fs::write(
        &tpl,
        t.replace(
            "<h1 id=\"article-title\">",
            "<h1 id=\"article-title\" data-template-edit=\"yes\">",
        ),
    )
    .unwrap();
    b.wait_for(
        "document.querySelector('h1[data-template-edit=yes]') !== null",
        20,
    );
    assert_eq!(b.eval("window.scrollY"), 600, "scroll position kept");

    // A stylesheet edit: swapped in place, no reload.
    let css = root.join("themes/briefing/static/style.css");
    let c = fs::read_to_string(&css).unwrap();
    fs::write(&css, format!("{c}\nhtml {{ --serve-test: 42; }}\n")).unwrap();
    b.wait_for(
        "getComputedStyle(document.documentElement).getPropertyValue('--serve-test').trim() === '42'",
        20,
    );
    assert_eq!(
        b.eval("window.__sameDocument === true"),
        true,
        "no reload for a stylesheet"
    );
    assert_eq!(
        b.eval("document.querySelectorAll('link[rel=stylesheet]:not([media=print])').length"),
        1,
        "the old stylesheet is gone"
    );
    // Derived pages follow within a second: the index links the new stylesheet too.
    let href = b.eval(
        "new URL(document.querySelector('link[rel=stylesheet]:not([media=print])').href).pathname",
    );
    let href = href.as_str().unwrap().to_string();
    wait_until(1, "the index follows", || {
        String::from_utf8_lossy(&running.hub.snapshot().outputs["index.html"]).contains(&href)
    });
    running.stop();
}

#[test]
fn a_build_error_shows_as_an_overlay_until_the_next_good_save() {
    let Some(exe) = chromium_or_skip("a_build_error_shows_as_an_overlay_until_the_next_good_save")
    else {
        return;
    };
    let _one = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let (dir, running) = serve_copy();
    let root = dir.path();
    let rel = root.join("content/about.md");
    let good = fs::read_to_string(&rel).unwrap();
    let mut b = Browser::launch(&exe);
    open(&mut b, &running, "/about/");

    fs::write(&rel, "---\ntitle: [unclosed\n---\nBody.\n").unwrap();
    b.wait_for(
        "document.querySelector('#__briefing_overlay[role=alert]') !== null",
        20,
    );
    let overlay = b.eval("document.querySelector('#__briefing_overlay').innerText");
    let overlay = overlay.as_str().unwrap();
    assert!(overlay.contains("content/about.md:2:"), "{overlay}");
    assert!(overlay.contains("invalid front matter"), "{overlay}");
    assert!(overlay.contains("hint:"), "{overlay}");
    // The last good page is still shown (and served).
    assert_eq!(
        b.eval("document.body.innerText.includes('Corrections')"),
        true
    );

    // A tab opened (or reloaded) while the error stands shows it too.
    b.tab("Page.reload", serde_json::json!({}));
    b.wait_for(
        "document.querySelector('#__briefing_overlay[role=alert]') !== null",
        20,
    );

    // The next good save removes it and shows the change.
    wait_until(20, "the tab reconnects", || {
        running.hub.open_pages().contains("/about/")
    });
    b.eval("window.__sameDocument = true");
    fs::write(&rel, good.replace("Corrections", "Corrected at last")).unwrap();
    b.wait_for(
        "document.querySelector('#__briefing_overlay') === null && document.body.innerText.includes('Corrected at last')",
        20,
    );
    assert_eq!(b.eval("window.__sameDocument === true"), true);
    running.stop();
}

#[test]
fn a_page_that_runs_scripts_reloads_and_keeps_its_scroll_position() {
    let Some(exe) =
        chromium_or_skip("a_page_that_runs_scripts_reloads_and_keeps_its_scroll_position")
    else {
        return;
    };
    let _one = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let (dir, running) = serve_copy();
    let root = dir.path();
    // A page template with a script of its own: patching the body would not run it again.
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(
        root.join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<div style=\"height:4000px\">\
         <h1>{{ page.title }}</h1>{{ page.content | safe }}</div>\
         <script>window.__runs = (window.__runs || 0) + 1;</script>{% endblock content %}",
    )
    .unwrap();
    wait_until(20, "the template", || {
        running
            .hub
            .snapshot()
            .outputs
            .get("about/index.html")
            .is_some_and(|b| String::from_utf8_lossy(b).contains("window.__runs"))
    });
    let mut b = Browser::launch(&exe);
    open(&mut b, &running, "/about/");
    b.eval("window.scrollTo(0, 900)");
    b.wait_for("window.scrollY === 900", 5);
    let rel = root.join("content/about.md");
    let text = fs::read_to_string(&rel).unwrap();
    fs::write(&rel, text.replace("Corrections", "Reloaded corrections")).unwrap();
    b.wait_for(
        "document.body.innerText.includes('Reloaded corrections') && document.readyState === 'complete'",
        20,
    );
    assert_eq!(
        b.eval("window.__sameDocument === undefined"),
        true,
        "a full reload"
    );
    assert_eq!(
        b.eval("window.__runs"),
        1,
        "the page's script ran in the new document"
    );
    b.wait_for("window.scrollY === 900", 5);
    running.stop();
}

#[test]
fn a_hidden_tab_lets_go_of_its_stream_and_catches_up_when_shown() {
    let Some(exe) =
        chromium_or_skip("a_hidden_tab_lets_go_of_its_stream_and_catches_up_when_shown")
    else {
        return;
    };
    let _one = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let (dir, running) = serve_copy();
    let mut b = Browser::launch(&exe);
    open(&mut b, &running, "/about/");
    let set_hidden = |b: &mut Browser, hidden: bool| {
        b.eval(&format!(
            "Object.defineProperty(document, 'hidden', {{ value: {hidden}, configurable: true }}); \
             document.dispatchEvent(new Event('visibilitychange'))"
        ));
    };
    set_hidden(&mut b, true);
    // Browsers allow 6 connections per host: a hidden tab must not hold one.
    wait_until(20, "the hidden tab disconnects", || {
        !running.hub.open_pages().contains("/about/")
    });
    let rel = dir.path().join("content/about.md");
    let text = fs::read_to_string(&rel).unwrap();
    fs::write(&rel, text.replace("Corrections", "Edited while hidden")).unwrap();
    wait_until(20, "the edit is built", || {
        String::from_utf8_lossy(&running.hub.snapshot().outputs["about/index.html"])
            .contains("Edited while hidden")
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert_eq!(
        b.eval("document.body.innerText.includes('Edited while hidden')"),
        false
    );
    set_hidden(&mut b, false);
    b.wait_for(
        "document.body.innerText.includes('Edited while hidden')",
        20,
    );
    wait_until(20, "the tab reconnects", || {
        running.hub.open_pages().contains("/about/")
    });
    running.stop();
}
