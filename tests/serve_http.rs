//! `serve` over HTTP: content types, folders, 404, methods, the live-reload client only
//! while serving, no way out of the site (`..`, escapes, absolute paths, symlinks), the
//! interface and port handling.

mod common;

use std::fs;
use std::net::TcpListener;

use common::{http, serve_copy, serve_dir};

#[test]
fn serves_the_site_from_memory_with_types_folders_and_404() {
    let (dir, running) = serve_copy();
    let addr = running.addr;
    assert!(addr.ip().is_loopback(), "bound to 127.0.0.1 by default");
    assert_eq!(running.url, format!("http://127.0.0.1:{}/", addr.port()));
    // Nothing is written to dist/ while serving.
    assert!(!dir.path().join("dist").exists());

    let (status, head, body) = http(addr, "GET", "/");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(head.contains("cache-control: no-store"));
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("<script src=\"/__briefing/livereload.js\"></script>"));

    let css = html
        .split('"')
        .find(|s| s.starts_with("/style.") && s.ends_with(".css"))
        .expect("a stylesheet link")
        .to_string();
    let (status, head, _) = http(addr, "GET", &css);
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/css"), "{head}");
    for (path, ty) in [
        ("/favicon.svg", "image/svg+xml"),
        ("/atom.xml", "application/atom+xml"),
        ("/sitemap.xml", "application/xml"),
        ("/robots.txt", "text/plain"),
        ("/__briefing/livereload.js", "text/javascript"),
        ("/about/", "text/html"),
    ] {
        let (status, head, _) = http(addr, "GET", path);
        assert_eq!(status, 200, "{path}");
        assert!(
            head.contains(&format!("content-type: {ty}")),
            "{path}: {head}"
        );
    }

    let (status, head, _) = http(addr, "GET", "/about");
    assert_eq!(status, 308);
    assert!(head.contains("location: /about/"), "{head}");

    let (status, head, body) = http(addr, "GET", "/no/such/page/");
    assert_eq!(status, 404);
    assert!(head.contains("text/html"));
    let not_found = String::from_utf8(body).unwrap();
    assert!(
        not_found.contains("__briefing/livereload.js"),
        "the 404 page live-reloads too"
    );

    let (status, head, body) = http(addr, "HEAD", "/");
    assert_eq!(status, 200);
    assert!(head.contains("content-length"));
    assert!(body.is_empty());
    let (status, head, _) = http(addr, "POST", "/");
    assert_eq!(status, 405);
    assert!(head.contains("allow: get, head"));
    running.stop();
}

#[test]
fn no_request_reaches_outside_the_site() {
    let outside = tempfile::tempdir().unwrap();
    let secret = "TOP-SECRET-OUTSIDE-THE-SITE";
    fs::write(
        outside.path().join("secret.md"),
        format!("---\ntitle: {secret}\n---\n{secret}\n"),
    )
    .unwrap();
    fs::write(outside.path().join("secret.txt"), secret).unwrap();
    let dir = tempfile::tempdir().unwrap();
    common::copy_site(dir.path());
    // Symlinks inside the site pointing outside it: never followed.
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        dir.path().join("content/secret.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("themes/briefing/static/secret.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path(),
        dir.path().join("themes/briefing/static/out"),
    )
    .unwrap();
    let running = serve_dir(dir.path());
    let addr = running.addr;
    let abs = outside.path().join("secret.txt");
    let abs = abs.to_string_lossy();
    let attempts = [
        "/../secret.txt".to_string(),
        "/../../../../../../etc/passwd".into(),
        "/a/../../etc/passwd".into(),
        "/%2e%2e/%2e%2e/etc/passwd".into(),
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd".into(),
        "/..%2f..%2fetc%2fpasswd".into(),
        "/..%5c..%5cetc%5cpasswd".into(),
        "/%2e%2e%5c%2e%2e%5cetc%5cpasswd".into(),
        "/index.html%00.css".into(),
        "/%c0%ae%c0%ae/etc/passwd".into(),
        "//etc/passwd".into(),
        format!("/{abs}"),
        format!("/{}", abs.trim_start_matches('/')),
        "/secret/".into(),
        "/secret.txt".into(),
        "/out/secret.txt".into(),
        "/__briefing/../secret.txt".into(),
        "/__briefing/%2e%2e/secret.txt".into(),
        "http://127.0.0.1/../../etc/passwd".into(),
    ];
    for target in &attempts {
        let (status, _, body) = http(addr, "GET", target);
        assert!(status == 400 || status == 404, "{target}: status {status}");
        let body = String::from_utf8_lossy(&body);
        assert!(!body.contains(secret), "{target} leaked the secret");
        assert!(!body.contains("root:x:0:0"), "{target} leaked /etc/passwd");
    }
    // And the secret is nowhere in the site.
    let snap = running.hub.snapshot();
    for (k, v) in snap.outputs.iter() {
        assert!(
            !String::from_utf8_lossy(v).contains(secret),
            "{k} holds the secret"
        );
    }
    running.stop();
}

#[test]
fn a_port_in_use_is_named_and_port_zero_picks_one() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    common::copy_site(dir.path());
    let mut opts = briefing::serve::ServeOptions::new(dir.path());
    opts.port = port;
    let err = briefing::serve::start(opts, Box::new(|_| {})).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("port {port} on 127.0.0.1 is already in use")
    );
    assert!(err.hint().unwrap().contains("--port 0"));

    // The command line says so too, and exits 1.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "error: port {port} on 127.0.0.1 is already in use"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn the_command_with_port_zero_prints_where_it_serves() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    common::copy_site(dir.path());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["serve", "--port", "0", "--root"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut url = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("serving the site at ") {
            url = rest.split_whitespace().next().map(str::to_string);
            break;
        }
    }
    let url = url.expect("the URL is printed");
    let port: u16 = url
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert_ne!(port, 0);
    let (status, _, _) = http(([127, 0, 0, 1], port).into(), "GET", "/");
    assert_eq!(status, 200);
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!dir.path().join("dist").exists(), "serve writes no dist/");
}

#[test]
fn build_output_never_carries_the_live_reload_client() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_site(dir.path());
    briefing::pipeline::build(&briefing::pipeline::BuildOptions::new(dir.path())).unwrap();
    for entry in walkdir::WalkDir::new(dir.path().join("dist")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains("__briefing"),
                "{}",
                entry.path().display()
            );
        }
    }
}
