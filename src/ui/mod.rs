//! `ddb ui`: a web admin served from the binary. The page (HTML, CSS and JS under `assets/`,
//! compiled in, no CDN and no build step) talks to a JSON API ([`api`]: reads; `edit`: the item
//! editor's changes; `tables`: table actions) answered on the same connection to the target the
//! commands use; [`guard`] decides who may ask.
//!
//! Connections are served inside this one future (not spawned), so every request borrows the
//! command's connection instead of needing one of its own.

pub mod api;
mod edit;
mod form;
pub mod guard;
mod tables;

use std::convert::Infallible;
use std::future::Future;
use std::time::Duration;

use bytes::Bytes;
use futures_util::stream::{FuturesUnordered, StreamExt};
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::{Method, Request, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;

use self::api::{Answer, Scope};
use self::guard::Guard;

const INDEX: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/app.js");
const STYLE: &str = include_str!("assets/app.css");

/// Connections served at once; more wait in the listen queue. A browser opens about six.
const MAX_CONNECTIONS: usize = 64;
/// How long one connection may live, idle keep-alive included. A request still being answered
/// then (a table being created or truncated) finishes first, and its answer gets
/// [`ANSWER_WRITE`] to be written.
const CONNECTION_LIFETIME: Duration = Duration::from_secs(120);
/// How long an answer may take to be written once its connection's time is up.
const ANSWER_WRITE: Duration = Duration::from_secs(10);

/// Serves the page and the API on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    scope: Scope<'_>,
    guard: Guard,
    shutdown: impl Future<Output = ()>,
) {
    let scope = &scope;
    let guard = &guard;
    let mut connections = FuturesUnordered::new();
    // After a failed accept (out of descriptors, say), accepting pauses; connections go on.
    let pause = tokio::time::sleep(Duration::ZERO);
    tokio::pin!(pause, shutdown);
    let mut paused = false;
    loop {
        tokio::select! {
            accepted = listener.accept(), if !paused && connections.len() < MAX_CONNECTIONS => {
                let Ok((stream, _)) = accepted else {
                    paused = true;
                    pause.as_mut().reset(tokio::time::Instant::now() + Duration::from_millis(50));
                    continue;
                };
                // Requests of this connection being answered right now: only these may keep it
                // past its lifetime; a client that merely stops reading cannot.
                let busy = std::rc::Rc::new(std::cell::Cell::new(0usize));
                let counted = busy.clone();
                let service = hyper::service::service_fn(move |request| {
                    let counted = counted.clone();
                    async move {
                        counted.set(counted.get() + 1);
                        let response = respond(request, scope, guard).await;
                        counted.set(counted.get() - 1);
                        Ok::<_, Infallible>(response)
                    }
                });
                let connection = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(Duration::from_secs(10))
                    .serve_connection(TokioIo::new(stream), service);
                connections.push(bounded(
                    connection,
                    busy,
                    |connection| connection.graceful_shutdown(),
                    CONNECTION_LIFETIME,
                    ANSWER_WRITE,
                ));
            }
            _ = &mut pause, if paused => paused = false,
            Some(_) = connections.next(), if !connections.is_empty() => {}
            _ = &mut shutdown => break,
        }
    }
}

/// Serves `connection` for its `lifetime`; then asks it to close after the request under way
/// (`shutdown`), waits while `busy` says a request is being answered, and gives the answer
/// `write` to be written. A client that only holds the connection, or stops reading, is let go.
async fn bounded<C: Future>(
    connection: C,
    busy: std::rc::Rc<std::cell::Cell<usize>>,
    shutdown: impl FnOnce(std::pin::Pin<&mut C>),
    lifetime: Duration,
    write: Duration,
) {
    tokio::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => return,
        _ = tokio::time::sleep(lifetime) => {}
    }
    shutdown(connection.as_mut());
    while busy.get() > 0 {
        tokio::select! {
            _ = connection.as_mut() => return,
            _ = tokio::time::sleep(Duration::from_millis(250)) => {}
        }
    }
    let _ = tokio::time::timeout(write, connection).await;
}

async fn respond(
    request: Request<Incoming>,
    scope: &Scope<'_>,
    guard: &Guard,
) -> Response<Full<Bytes>> {
    let path = request.uri().path().to_string();
    let query = request.uri().query().unwrap_or("").to_string();
    if let Some(api) = path.strip_prefix("/api/") {
        if let Err(guard::Refused(status, message)) = guard.api(request.headers()) {
            return json(&Answer::error(status, message));
        }
        let method = request.method().clone();
        let api = api.to_string();
        let answer = match method {
            Method::GET => api::get(scope, &api, &query).await,
            Method::POST | Method::PUT | Method::DELETE if scope.read_only => {
                Answer::error(403, "ddb ui runs with --read-only: nothing is written")
            }
            Method::POST | Method::PUT | Method::DELETE => match body(request).await {
                Ok(bytes) => match tables::change(scope, method.as_str(), &api, &bytes).await {
                    Some(answer) => answer,
                    None if method != Method::POST => {
                        edit::change(scope, method == Method::DELETE, &api, &bytes).await
                    }
                    None => Answer::error(404, format!("no such API: POST /api/{api}")),
                },
                Err(answer) => answer,
            },
            _ => Answer::error(405, "GET reads; POST, PUT and DELETE change"),
        };
        return json(&answer);
    }
    if let Err(guard::Refused(status, message)) = guard.page(request.headers()) {
        return plain(status, message);
    }
    if request.method() != Method::GET {
        return plain(405, "pages are read with GET");
    }
    match path.as_str() {
        "/" | "/index.html" => asset("text/html; charset=utf-8", INDEX),
        "/app.js" => asset("text/javascript; charset=utf-8", SCRIPT),
        "/app.css" => asset("text/css; charset=utf-8", STYLE),
        _ => plain(404, "not found"),
    }
}

/// A request's body, at most a little more than DynamoDB's largest item as JSON text.
async fn body(request: Request<Incoming>) -> Result<Bytes, Answer> {
    use http_body_util::{BodyExt, Limited};
    const MAX_BODY: usize = 4 * 1024 * 1024;
    match Limited::new(request.into_body(), MAX_BODY).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(_) => Err(Answer::error(
            413,
            "the request body is too large or was cut short",
        )),
    }
}

/// Headers every answer carries: nothing is cached, framed, sniffed or sent on as a referrer,
/// and the page may load only its own scripts.
fn base(status: u16, content_type: &str) -> hyper::http::response::Builder {
    Response::builder()
        .status(status)
        .header("content-type", content_type)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .header("referrer-policy", "no-referrer")
        .header("x-frame-options", "DENY")
        .header("cross-origin-resource-policy", "same-origin")
        .header(
            "content-security-policy",
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        )
}

fn asset(content_type: &str, body: &'static str) -> Response<Full<Bytes>> {
    base(200, content_type)
        .body(Full::new(Bytes::from_static(body.as_bytes())))
        .expect("static response parts")
}

fn plain(status: u16, message: &str) -> Response<Full<Bytes>> {
    base(status, "text/plain; charset=utf-8")
        .body(Full::new(Bytes::from(format!("{message}\n"))))
        .expect("static response parts")
}

fn json(answer: &Answer) -> Response<Full<Bytes>> {
    base(answer.status, "application/json")
        .body(Full::new(Bytes::from(answer.body.to_string())))
        .expect("static response parts")
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::{Duration, Instant};

    use super::bounded;

    const SHORT: Duration = Duration::from_millis(50);

    /// A connection that never ends by itself, and whether it was asked to close.
    fn stuck() -> (std::future::Pending<()>, Rc<Cell<bool>>) {
        (std::future::pending(), Rc::new(Cell::new(false)))
    }

    #[tokio::test]
    async fn a_connection_holding_no_request_is_let_go_after_its_lifetime() {
        let (connection, asked) = stuck();
        let told = asked.clone();
        let idle = Rc::new(Cell::new(0));
        let started = Instant::now();
        let ended = tokio::time::timeout(
            Duration::from_secs(10),
            bounded(connection, idle, move |_| told.set(true), SHORT, SHORT),
        )
        .await;
        assert!(ended.is_ok(), "a stalled connection is dropped");
        assert!(asked.get(), "asked to close first");
        assert!(
            started.elapsed() >= SHORT * 2,
            "not before its lifetime and the write time"
        );
    }

    #[tokio::test]
    async fn a_request_being_answered_keeps_its_connection_past_the_lifetime() {
        let (connection, asked) = stuck();
        let told = asked.clone();
        let busy = Rc::new(Cell::new(1));
        let serving = busy.clone();
        let wrapper = bounded(connection, busy, move |_| told.set(true), SHORT, SHORT);
        tokio::pin!(wrapper);
        // Well past the lifetime, the request is still being answered: the connection stays.
        let early = tokio::time::timeout(SHORT * 8, wrapper.as_mut()).await;
        assert!(early.is_err(), "kept while a request is answered");
        assert!(asked.get(), "but told to close once it is done");
        // The answer is ready: the connection has the write time, then goes.
        serving.set(0);
        let ended = tokio::time::timeout(Duration::from_secs(10), wrapper).await;
        assert!(ended.is_ok());
    }

    #[tokio::test]
    async fn a_connection_that_ends_by_itself_ends_the_wrapper() {
        let idle = Rc::new(Cell::new(0));
        let ended = tokio::time::timeout(
            Duration::from_secs(10),
            bounded(
                async {},
                idle,
                |_| panic!("not asked"),
                Duration::from_secs(60),
                SHORT,
            ),
        )
        .await;
        assert!(ended.is_ok());
    }
}
