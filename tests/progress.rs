//! Progress of `briefing build`: bars only on a terminal, so a build whose output is a
//! pipe or a log prints its summary line and nothing else on standard error.

mod common;

use assert_cmd::Command;

#[test]
fn a_build_into_a_pipe_prints_no_progress() {
    let (_tmp, root) = common::real_site();
    let out = Command::cargo_bin("briefing")
        .unwrap()
        .arg("--root")
        .arg(&root)
        .args(["build", "--timings"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "nothing on standard error: {stderr:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("built 3 briefings").count(), 1, "{stdout}");
    assert!(
        !stdout.contains('\r') && !stdout.contains('\u{1b}'),
        "{stdout:?}"
    );
    assert!(
        stdout.contains("  render "),
        "--timings still prints the stages"
    );
}

#[test]
fn hidden_progress_builds_the_same_site() {
    let (_tmp, root) = common::real_site();
    let opts = briefing::pipeline::BuildOptions::new(&root);
    let r = briefing::pipeline::build_with_progress(&opts, false).expect("the site builds");
    assert_eq!(r.briefings, 3);
    let stages: Vec<&str> = r.timings.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        stages,
        ["load, ingest, analyse", "render", "link check", "write"]
    );
}
