//! The `briefing` command line: parses arguments, runs one command, prints its
//! diagnostics and maps the result to an exit code (0 ok, 1 build error, 2 bad usage).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use briefing::diagnostics::{BuildFailure, Diagnostic};
use briefing::pipeline::{self, BuildOptions};
use briefing::serve;
use briefing::sync::SeedAction;

#[derive(Parser, Debug)]
#[command(
    name = "briefing",
    version,
    about = "Builds briefing microsites from plain-text news articles",
    long_about = "Turns the articles in seeds/ into Markdown pages in content/, adds a summary and a who-attended page, and renders everything through a Tera theme into dist/."
)]
struct Cli {
    /// The site folder (holding site.yaml, seeds/, content/).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Ingest new or changed seeds and build the site into dist/.
    Build {
        /// Output folder (default: <root>/dist).
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Override site.yaml's base_url, e.g. https://example.org/briefings/.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Print the time each stage took.
        #[arg(long)]
        timings: bool,
        /// Also list, for each seed, the lines ingest cut as site furniture.
        #[arg(long, short)]
        verbose: bool,
        /// Neither read nor write the build cache (.briefing-cache/).
        #[arg(long)]
        no_cache: bool,
    },
    /// Everything build does, but write nothing; also checks templates.
    Check {
        /// Check as if built for this URL, e.g. https://example.org/briefings/.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new briefing site in DIR (which must be new or empty).
    Init {
        /// The folder of the new site.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Build the site into memory, serve it and update open pages as files change.
    Serve {
        /// Port to listen on; 0 picks a free one.
        #[arg(long, short, default_value_t = briefing::serve::DEFAULT_PORT)]
        port: u16,
        /// Address to listen on (only this machine by default).
        #[arg(long, short, default_value = "127.0.0.1", value_name = "ADDR")]
        interface: std::net::IpAddr,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Include pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Print how long each step of each rebuild takes.
        #[arg(long)]
        timings: bool,
    },
    /// Write pages for seeds into content/briefings/ (all seeds, or the ones named).
    Ingest {
        /// Regenerate pages even where a person edited them.
        #[arg(long)]
        force: bool,
        /// Seed files, e.g. seeds/000_1f398a99054376be.txt.
        #[arg(value_name = "SEED")]
        seeds: Vec<String>,
    },
}

fn print_diagnostics(kind: &str, list: &[Diagnostic]) {
    for d in list {
        eprintln!("{kind}: {d}");
    }
}

fn fail(f: BuildFailure) -> ExitCode {
    print_diagnostics("warning", &f.warnings);
    print_diagnostics("error", &f.errors);
    eprintln!("error: {f}");
    ExitCode::from(1)
}

fn action_word(a: SeedAction) -> &'static str {
    match a {
        SeedAction::Created => "created",
        SeedAction::Regenerated => "regenerated",
        SeedAction::Unchanged => "unchanged",
        SeedAction::KeptEdited => "kept (edited by hand)",
        SeedAction::Forced => "regenerated (forced over edits)",
    }
}

/// `build -v`: the lines ingest cut from each seed, by kind. Seeds are read and parsed
/// again (ingest is pure), so the list covers unchanged seeds too.
fn print_cuts(root: &std::path::Path) {
    let limit = briefing::load::read_config(root)
        .map(|c| c.max_seed_bytes)
        .unwrap_or(briefing::config::DEFAULT_MAX_SEED_BYTES);
    let (seeds, _) = briefing::load::read_seeds_limited(root, limit);
    for seed in &seeds {
        let Ok(parsed) = briefing::ingest::parse_seed(&seed.name, &seed.text) else {
            continue;
        };
        let Some(article) = parsed.article else {
            continue;
        };
        if article.cut.is_empty() {
            println!("cut: seeds/{}: nothing", seed.name);
        }
        for c in &article.cut {
            let mut line: String = c.line.chars().take(100).collect();
            if c.line.chars().count() > 100 {
                line.push('…');
            }
            println!("cut: seeds/{}: {}: {line:?}", seed.name, c.kind.label());
        }
    }
}

fn serve_log(log: serve::Log<'_>, timings: bool) {
    match log {
        serve::Log::Listening(url) => {
            println!("serving the site at {url} (live reload on; Ctrl-C stops)");
        }
        serve::Log::Built {
            what,
            report,
            elapsed,
        } => {
            print_diagnostics("warning", &report.warnings);
            if timings {
                for (step, took) in &report.steps {
                    println!("  {step}: {:.1} ms", took.as_secs_f64() * 1000.0);
                }
            }
            if !report.errors.is_empty() {
                print_diagnostics("error", &report.errors);
                eprintln!("error: {what}: the build failed; still serving the last good site");
            } else if !report.early.is_empty() {
                println!(
                    "{what}: {} updated in {} ms",
                    report.early.join(", "),
                    elapsed.as_millis()
                );
            } else if report.rendered > 0 || report.changed > 0 {
                println!(
                    "{what}: {} pages rendered, {} reused, {} files changed in {} ms",
                    report.rendered,
                    report.reused,
                    report.changed,
                    elapsed.as_millis()
                );
            }
        }
    }
}

fn serve(
    root: PathBuf,
    port: u16,
    interface: std::net::IpAddr,
    open: bool,
    drafts: bool,
    timings: bool,
) -> ExitCode {
    let mut opts = serve::ServeOptions::new(root);
    opts.port = port;
    opts.interface = interface;
    opts.drafts = drafts;
    match serve::start(opts, Box::new(move |log| serve_log(log, timings))) {
        Ok(running) => {
            if open {
                let opened = std::process::Command::new("xdg-open")
                    .arg(&running.url)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success());
                if !opened {
                    println!("could not open a browser; open {} yourself", running.url);
                }
            }
            running.wait();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                eprintln!("  caused by: {s}");
                source = s.source();
            }
            if let Some(hint) = e.hint() {
                eprintln!("  hint: {hint}");
            }
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    match cli.command {
        Command::Build {
            output,
            base_url,
            drafts,
            timings,
            verbose,
            no_cache,
        } => {
            if verbose {
                print_cuts(&cli.root);
            }
            let mut opts = BuildOptions::new(&cli.root);
            opts.cache = !no_cache;
            opts.output = output;
            opts.base_url = base_url;
            opts.drafts = drafts;
            // Progress bars only on a terminal (never in logs or pipes).
            let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
            match pipeline::build_with_progress(&opts, tty) {
                Ok(r) => {
                    print_diagnostics("warning", &r.warnings);
                    let changed: Vec<_> = r
                        .ingest
                        .iter()
                        .filter(|(_, a)| {
                            !matches!(a, SeedAction::Unchanged | SeedAction::KeptEdited)
                        })
                        .collect();
                    for (seed, action) in changed.iter().take(10) {
                        println!("ingest: seeds/{seed}: {}", action_word(*action));
                    }
                    if changed.len() > 10 {
                        println!("ingest: … and {} more seeds", changed.len() - 10);
                    }
                    println!(
                        "built {} briefings, {} pages, {} files ({} KiB) into {} in {} ms",
                        r.briefings,
                        r.pages,
                        r.outputs,
                        r.bytes / 1024,
                        r.output_dir.display(),
                        started.elapsed().as_millis()
                    );
                    if timings {
                        for (stage, t) in &r.timings {
                            println!("  {stage:<24} {:>8.1} ms", t.as_secs_f64() * 1000.0);
                        }
                        if !no_cache {
                            println!(
                                "  from the build cache: {} of {} seeds' pages, {} of {} briefings' analyses, {} pages",
                                r.cached_seeds,
                                r.ingest.len(),
                                r.cached_analyses,
                                r.briefings,
                                r.reused_pages
                            );
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(f) => fail(f),
            }
        }
        Command::Check { base_url, drafts } => {
            let mut opts = BuildOptions::new(&cli.root);
            opts.base_url = base_url;
            opts.drafts = drafts;
            opts.write = false;
            match pipeline::build(&opts) {
                Ok(r) => {
                    print_diagnostics("warning", &r.warnings);
                    println!(
                        "check passed: {} pages, {} files, nothing written ({} ms)",
                        r.pages,
                        r.outputs,
                        started.elapsed().as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(f) => fail(f),
            }
        }
        Command::Init { dir } => match briefing::init::init(&dir) {
            Ok(files) => {
                for f in &files {
                    println!("created {}", dir.join(f).display());
                }
                println!(
                    "\nA new briefing site is in {d}. Next:\n  cd {d}\n  briefing build      # builds into dist/\nPut plain-text articles in seeds/, set base_url in site.yaml before publishing.",
                    d = dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(d) => {
                eprintln!("error: {d}");
                ExitCode::from(1)
            }
        },
        Command::Serve {
            port,
            interface,
            open,
            drafts,
            timings,
        } => serve(cli.root, port, interface, open, drafts, timings),
        Command::Ingest { force, seeds } => match pipeline::ingest(&cli.root, &seeds, force) {
            Ok(plan) => {
                print_diagnostics("warning", &plan.warnings);
                for (seed, action) in &plan.actions {
                    println!("seeds/{seed}: {}", action_word(*action));
                }
                ExitCode::SUCCESS
            }
            Err(f) => fail(f),
        },
    }
}
