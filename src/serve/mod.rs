//! `briefing serve`: builds the site into memory, serves it on 127.0.0.1, watches the
//! site's files and updates every open tab after each save.
//!
//! - [`watch`] turns file events into batches of changed paths (trailing debounce).
//! - [`engine`] rebuilds only what a batch touches and publishes into the [`hub`].
//! - [`server`] answers HTTP from the hub's snapshot (never from disk) and streams the
//!   hub's notices to the tabs over server-sent events; [`client`] is the tab's side.
//! - [`paths`] turns request paths into output keys and refuses traversal.

/// How long a settle waits after edited pages were published early, for the open tabs
/// to fetch them first (tens of milliseconds; a new save ends the wait).
const EARLY_GRACE: Duration = Duration::from_millis(30);

pub mod client;
pub mod engine;
pub mod hub;
pub mod paths;
pub mod server;
pub mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::pipeline::BuildOptions;
use crate::render::RenderOptions;
use engine::{Engine, Report};
use hub::Hub;
use watch::Watch;

/// The default port, as Zola's.
pub const DEFAULT_PORT: u16 = 1111;

/// What `briefing serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub drafts: bool,
}

impl ServeOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        ServeOptions {
            root: root.into(),
            interface: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: DEFAULT_PORT,
            drafts: false,
        }
    }
}

/// Why `serve` could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("port {port} on {interface} is already in use")]
    PortInUse { interface: IpAddr, port: u16 },
    #[error("cannot listen on {addr}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot watch the site folder {}", root.display())]
    Watch {
        root: PathBuf,
        #[source]
        source: notify::Error,
    },
    #[error("cannot start the server")]
    Runtime(#[source] std::io::Error),
}

impl ServeError {
    /// What the user can do about it.
    pub fn hint(&self) -> Option<String> {
        match self {
            ServeError::PortInUse { port, .. } => Some(format!(
                "stop whatever uses port {port} (another `briefing serve`?), choose one with --port N, or let --port 0 pick a free one"
            )),
            ServeError::Watch { .. } => Some(
                "run in a briefing site or pass --root DIR; on Linux, raise fs.inotify.max_user_watches if it is exhausted".into(),
            ),
            _ => None,
        }
    }
}

/// What `serve` reports as it runs (the CLI prints it).
#[derive(Debug)]
pub enum Log<'a> {
    /// Serving at this URL.
    Listening(&'a str),
    /// A build (the first, a batch, or the settling after it) and how long it took.
    Built {
        what: &'static str,
        report: &'a Report,
        elapsed: Duration,
    },
}

/// The log callback.
pub type Logger = Box<dyn Fn(Log<'_>) + Send + Sync>;

/// A running dev server.
pub struct Running {
    /// `http://127.0.0.1:PORT/`
    pub url: String,
    pub addr: SocketAddr,
    pub hub: Arc<Hub>,
    stop: Arc<AtomicBool>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    threads: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Running").field("url", &self.url).finish()
    }
}

impl Running {
    /// Stops watching and serving, and waits for both.
    pub fn stop(mut self) {
        self.halt();
    }

    /// Blocks until the server stops (it runs until the process ends).
    pub fn wait(mut self) {
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }

    fn halt(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.halt();
    }
}

fn bind(opts: &ServeOptions) -> Result<TcpListener, ServeError> {
    let addr = SocketAddr::new(opts.interface, opts.port);
    let listener = TcpListener::bind(addr).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AddrInUse {
            ServeError::PortInUse {
                interface: opts.interface,
                port: opts.port,
            }
        } else {
            ServeError::Bind { addr, source }
        }
    })?;
    listener
        .set_nonblocking(true)
        .map_err(|source| ServeError::Bind { addr, source })?;
    Ok(listener)
}

/// The site's URL while served: the bound address (127.0.0.1 for an unspecified one).
fn site_url(addr: SocketAddr) -> String {
    let ip = if addr.ip().is_unspecified() {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    } else {
        addr.ip()
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

/// The build options of a served site: base URL on the server, live reload, no minifying
/// (minifying triples render time; the DOM is the same).
pub fn build_options(opts: &ServeOptions, url: &str) -> BuildOptions {
    let mut b = BuildOptions::new(&opts.root);
    b.base_url = Some(url.to_string());
    b.drafts = opts.drafts;
    b.write = false;
    b.render = RenderOptions {
        live_reload: true,
        no_minify: true,
        ..RenderOptions::default()
    };
    b
}

/// Binds, starts the server, builds the site and starts watching. Returns once the first
/// build is published (or has failed: then its errors are shown in the tabs).
pub fn start(opts: ServeOptions, log: Logger) -> Result<Running, ServeError> {
    let listener = bind(&opts)?;
    let addr = listener.local_addr().map_err(|source| ServeError::Bind {
        addr: SocketAddr::new(opts.interface, opts.port),
        source,
    })?;
    let url = site_url(addr);
    let hub = Arc::new(Hub::new());
    let stop = Arc::new(AtomicBool::new(false));

    // Watch before the first build, so no save made during it is lost.
    let mut watch = Watch::start(&opts.root).map_err(|source| ServeError::Watch {
        root: opts.root.clone(),
        source,
    })?;

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(ServeError::Runtime)?;
    let (shutdown, shutdown_rx) = tokio::sync::oneshot::channel::<()>();
    let app = server::router(hub.clone());
    let server = std::thread::Builder::new()
        .name("briefing-serve-http".into())
        .spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                    return;
                };
                let serve = axum::serve(listener, app).into_future();
                tokio::select! {
                    _ = serve => {}
                    _ = shutdown_rx => {}
                }
            });
        })
        .map_err(ServeError::Runtime)?;

    let started = Instant::now();
    let (mut engine, report) = Engine::start(build_options(&opts, &url), &hub);
    log(Log::Built {
        what: "initial build",
        report: &report,
        elapsed: started.elapsed(),
    });
    log(Log::Listening(&url));

    let stop_w = stop.clone();
    let hub_w = hub.clone();
    let waiting = watch.waiting();
    let watcher = std::thread::Builder::new()
        .name("briefing-serve-watch".into())
        .spawn(move || {
            let stopped = || stop_w.load(Ordering::Relaxed);
            let interrupted = || waiting.load(Ordering::Acquire);
            let apply = |engine: &mut Engine, changes: &watch::Changes| {
                let t = Instant::now();
                let report = engine.apply(changes, &hub_w);
                log(Log::Built {
                    what: "change",
                    report: &report,
                    elapsed: t.elapsed(),
                });
                // The tabs showing an edited page fetch and patch it now: the settle
                // (on every core) waits a moment rather than compete with them.
                if !report.early.is_empty() {
                    let until = Instant::now() + EARLY_GRACE;
                    while Instant::now() < until && !interrupted() && !stopped() {
                        std::thread::sleep(Duration::from_millis(1));
                    }
                }
            };
            loop {
                if stopped() {
                    break;
                }
                if engine.is_dirty() {
                    // A save waiting already goes first; the rest of the site follows.
                    if let Some(more) = watch.pending() {
                        apply(&mut engine, &more);
                        continue;
                    }
                    let t = Instant::now();
                    let report = engine.settle(&hub_w, &interrupted);
                    log(Log::Built {
                        what: "site",
                        report: &report,
                        elapsed: t.elapsed(),
                    });
                    continue;
                }
                match watch.next_batch(&stopped, Duration::from_millis(50)) {
                    Some(changes) => apply(&mut engine, &changes),
                    None => break,
                }
            }
        })
        .map_err(ServeError::Runtime)?;

    Ok(Running {
        url,
        addr,
        hub,
        stop,
        shutdown: Some(shutdown),
        threads: vec![server, watcher],
    })
}
