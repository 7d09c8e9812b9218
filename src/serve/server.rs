//! The HTTP side of `serve` (axum): every site path is answered from the hub's snapshot
//! in memory — never from disk — with its content type, `index.html` for folders and the
//! site's `404.html` for unknown paths; `/__briefing/livereload.js` is the client and
//! `/__briefing/events` the server-sent event stream of the hub's notices.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bytes::Bytes;
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast::error::RecvError;

use super::client::{self, EVENTS_PATH, SCRIPT_PATH};
use super::hub::{Hub, Notice};
use super::paths::{self, Resolved, normalize_page, percent_decode};

/// The router of the dev server.
pub fn router(hub: Arc<Hub>) -> Router {
    Router::new()
        .route(SCRIPT_PATH, get(script))
        .route(EVENTS_PATH, get(events))
        .fallback(site)
        .with_state(hub)
}

fn plain(status: StatusCode, text: impl Into<String>) -> Response {
    let mut r = (status, text.into()).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

fn no_store(r: &mut Response) {
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

async fn script() -> Response {
    let mut r = Response::new(Body::from(client::SCRIPT));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    no_store(&mut r);
    r
}

/// One output as a response, with the live-reload client in HTML and the build number in
/// `Server-Timing` (the client reads it to know whether it is current).
fn file(status: StatusCode, key: &str, bytes: &Bytes, build: u64) -> Response {
    let content_type = paths::content_type(key);
    let body = if content_type.starts_with("text/html") {
        match client::with_client(bytes) {
            Some(v) => Body::from(v),
            None => Body::from(bytes.clone()),
        }
    } else {
        Body::from(bytes.clone())
    };
    let mut r = Response::new(body);
    *r.status_mut() = status;
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("build;desc=\"{build}\"")) {
        r.headers_mut().insert("server-timing", v);
    }
    no_store(&mut r);
    r
}

async fn site(State(hub): State<Arc<Hub>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut r = plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n");
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let path = match paths::parse(uri.path()) {
        Ok(p) => p,
        Err(why) => return plain(StatusCode::BAD_REQUEST, format!("bad request: {why}\n")),
    };
    let snap = hub.snapshot();
    if !snap.ready {
        let mut r = Response::new(Body::from(client::waiting_page()));
        *r.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        no_store(&mut r);
        return r;
    }
    match paths::resolve(&path, |k| snap.outputs.contains_key(k)) {
        Resolved::File(key) => file(StatusCode::OK, &key, &snap.outputs[&key], snap.build),
        Resolved::AddSlash(to) => {
            let to = match uri.query() {
                Some(q) => format!("{to}?{q}"),
                None => to,
            };
            let mut r = plain(StatusCode::PERMANENT_REDIRECT, format!("see {to}\n"));
            if let Ok(v) = HeaderValue::from_str(&to) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        Resolved::NotFound => match snap.outputs.get("404.html") {
            Some(bytes) => file(StatusCode::NOT_FOUND, "404.html", bytes, snap.build),
            None => plain(StatusCode::NOT_FOUND, "not found\n"),
        },
    }
}

fn event_of(notice: &Notice) -> Event {
    Event::default()
        .event(notice.event_name())
        .data(serde_json::to_string(notice).unwrap_or_default())
}

/// The stream of one tab: `hello` (server id and build), the current failure if any, then
/// every notice. While it lives, the tab's page counts as open.
async fn events(
    State(hub): State<Arc<Hub>>,
    uri: Uri,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let query = uri.query().unwrap_or_default();
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| percent_decode(v).ok())
    };
    let page = param("path")
        .map(|p| normalize_page(&p))
        .unwrap_or_else(|| "/".to_string());
    // The build the tab shows, and another page name it answers to (its 404 page).
    let tab_build: Option<u64> = param("build").and_then(|b| b.parse().ok());
    let also = param("also").map(|p| normalize_page(&p));
    // Subscribe first, then read the state: no notice can fall between the two.
    let rx = hub.subscribe();
    let guard = hub.open_tab(&page);
    let mut names = vec![page.as_str()];
    names.extend(also.as_deref());
    let stale = tab_build.is_some_and(|b| hub.changed_since(&names, b));
    let hello = serde_json::json!({
        "server": hub.server_id,
        "build": hub.snapshot().build,
        "stale": stale,
    });
    let mut first = vec![
        Event::default()
            .event("hello")
            .retry(Duration::from_millis(300))
            .data(hello.to_string()),
    ];
    if let Some(failure) = hub.failure() {
        first.push(event_of(&failure));
    }
    let state = (rx, first.into_iter(), guard, hub);
    let stream = stream::unfold(state, |(mut rx, mut first, guard, hub)| async move {
        if let Some(ev) = first.next() {
            return Some((Ok(ev), (rx, first, guard, hub)));
        }
        let ev = match rx.recv().await {
            Ok(notice) => event_of(&notice),
            // Missed notices: refresh whatever the tab shows.
            Err(RecvError::Lagged(_)) => event_of(&Notice::Pages {
                build: hub.snapshot().build,
                paths: vec!["*".into()],
            }),
            Err(RecvError::Closed) => return None,
        };
        Some((Ok(ev), (rx, first, guard, hub)))
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}
