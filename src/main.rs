//! The `briefing` command line: parses arguments, runs one command, prints its
//! diagnostics and maps the result to an exit code (0 ok, 1 build error, 2 bad usage).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use briefing::diagnostics::{BuildFailure, Diagnostic};
use briefing::pipeline::{self, BuildOptions};
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    match cli.command {
        Command::Build {
            output,
            base_url,
            drafts,
            timings,
        } => {
            let mut opts = BuildOptions::new(&cli.root);
            opts.output = output;
            opts.base_url = base_url;
            opts.drafts = drafts;
            match pipeline::build(&opts) {
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
