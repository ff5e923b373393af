//! What ddb puts in front of the engine, on every path that reaches it: each request passes the
//! front, and the front passes it to the engine's own server on a private loopback port. A
//! command's requests come to [`Front::answer`] in process ([`in_process`](super::in_process));
//! `ddb local`'s clients come over HTTP, served by [`serve`].
//!
//! It exists for what the engine's server cannot be told to do: refuse the names that would
//! corrupt its storage ([`guard`]) and writes to a read-only copy; and, for `ddb local`, give up
//! on a client that sends half a request (header and body read timeouts) and stop within a bounded
//! grace period after shutdown even when a client holds a connection open. A layer in front was
//! chosen over a patched engine crate: the engine stays a plain dependency that updates as
//! released, and these policies are ddb's own. The cost is one loopback hop per request (see the
//! README's measurements).

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use dynoxide::Database;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::Mutex;

use super::guard::{self, Catalog};

/// DynamoDB accepts request bodies up to 16 MB.
pub(super) const MAX_BODY: usize = 16 * 1024 * 1024;

/// How long a client may take to send a request's headers, and then its body.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub header: Duration,
    pub body: Duration,
    /// After shutdown, how long requests under way may take before the server stops anyway.
    pub grace: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            header: Duration::from_secs(10),
            body: Duration::from_secs(30),
            grace: Duration::from_secs(3),
        }
    }
}

pub struct Front {
    engine_url: String,
    db: Database,
    client: Client<HttpConnector, Full<Bytes>>,
    /// Operations that create names run one at a time, so two can't pass the check together.
    naming: Mutex<()>,
    /// The database is a copy of a data directory ddb cannot write: only reads are served.
    read_only: bool,
}

/// Serves `listener` with `front` until `shutdown` resolves, then lets requests under way finish
/// for at most the grace period.
pub async fn serve(
    listener: TcpListener,
    front: Arc<Front>,
    timeouts: Timeouts,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of descriptors and the like: wait a little rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let front = front.clone();
        let service = hyper::service::service_fn(move |request| {
            let front = front.clone();
            async move {
                let answer = front.handle(request, timeouts.body).await;
                Ok::<_, Infallible>(answer.map(Full::new))
            }
        });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(timeouts.header)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(timeouts.grace, graceful.shutdown()).await;
}

impl Front {
    /// The front for the engine's own server at `engine_url`.
    pub fn new(engine_url: String, db: Database, read_only: bool) -> Arc<Front> {
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        Arc::new(Front {
            engine_url,
            db,
            client: Client::builder(TokioExecutor::new())
                .pool_idle_timeout(Duration::from_secs(30))
                .build(connector),
            naming: Mutex::new(()),
            read_only,
        })
    }

    /// A request from a client of `ddb local`: its body is read within the time and size
    /// limits, then [answered](Self::answer).
    async fn handle(
        self: &Arc<Self>,
        request: Request<Incoming>,
        within: Duration,
    ) -> Response<Bytes> {
        let (parts, body) = request.into_parts();
        let body = match tokio::time::timeout(within, Limited::new(body, MAX_BODY).collect()).await
        {
            Ok(Ok(collected)) => collected.to_bytes(),
            Ok(Err(_)) => return too_large(),
            Err(_) => {
                return dynamodb_error(
                    StatusCode::REQUEST_TIMEOUT,
                    "com.amazon.coral.service#RequestTimeout",
                    "the request body did not arrive in time",
                )
            }
        };
        self.answer(parts, body).await
    }

    /// A whole request, its body already read within [`MAX_BODY`], from a client over HTTP or
    /// from this process (see [`in_process`](super::in_process)): refused by ddb's policies, or
    /// passed to the engine.
    pub async fn answer(
        self: &Arc<Self>,
        parts: hyper::http::request::Parts,
        body: Bytes,
    ) -> Response<Bytes> {
        let operation = parts
            .headers
            .get("x-amz-target")
            .and_then(|v| v.to_str().ok())
            .and_then(|t| t.rsplit_once('.'))
            .map(|(_, op)| op.to_string());
        if self.read_only && !reads_only(operation.as_deref(), &body) {
            return dynamodb_error(
                StatusCode::BAD_REQUEST,
                "com.amazonaws.dynamodb.v20120810#ValidationException",
                "ddb cannot write the data directory or its database: it serves reads from a copy of it and refuses every write; make it writable, or copy it somewhere writable and give --data-dir",
            );
        }
        match operation {
            Some(op) if ["CreateTable", "UpdateTable", "DeleteTable"].contains(&op.as_str()) => {
                // On its own task, so that a name that passed the check stays held until the
                // engine has answered, even when the caller stops waiting (a client that hangs
                // up, Ctrl-C in the shell): otherwise a second name could pass meanwhile.
                let front = self.clone();
                tokio::spawn(async move { front.change_names(&op, parts, body).await })
                    .await
                    .unwrap_or_else(|_| internal("the embedded engine's answer broke off"))
            }
            _ => self.forward(parts, body).await,
        }
    }

    /// An operation that creates or drops names: one at a time, each checked by the guard.
    async fn change_names(
        &self,
        operation: &str,
        parts: hyper::http::request::Parts,
        body: Bytes,
    ) -> Response<Bytes> {
        let _held = self.naming.lock().await;
        if let Ok(request) = serde_json::from_slice::<Value>(&body) {
            if let Err(refusal) = guard::check(operation, &request, self) {
                return dynamodb_error(
                    StatusCode::BAD_REQUEST,
                    "com.amazonaws.dynamodb.v20120810#ValidationException",
                    &refusal.message,
                );
            }
        }
        self.forward(parts, body).await
    }

    async fn forward(&self, parts: hyper::http::request::Parts, body: Bytes) -> Response<Bytes> {
        let uri = format!(
            "{}{}",
            self.engine_url,
            parts.uri.path_and_query().map_or("/", |p| p.as_str())
        );
        let mut request = Request::builder().method(parts.method).uri(uri);
        for (name, value) in parts.headers.iter().filter(|(name, _)| !hop_by_hop(name)) {
            request = request.header(name, value);
        }
        let Ok(request) = request.body(Full::new(body)) else {
            return internal("the request could not be passed to the engine");
        };
        let response = match self.client.request(request).await {
            Ok(response) => response,
            Err(_) => return internal("the embedded engine did not answer"),
        };
        let (mut parts, body) = response.into_parts();
        for name in [
            "connection",
            "keep-alive",
            "transfer-encoding",
            "te",
            "upgrade",
        ] {
            parts.headers.remove(name);
        }
        match body.collect().await {
            Ok(collected) => Response::from_parts(parts, collected.to_bytes()),
            Err(_) => internal("the embedded engine's answer broke off"),
        }
    }
}

impl Catalog for Front {
    fn tables(&self) -> Vec<String> {
        let mut names = Vec::new();
        let mut start = None;
        loop {
            let request = dynoxide::actions::list_tables::ListTablesRequest {
                exclusive_start_table_name: start,
                limit: Some(100),
            };
            let Ok(page) = self.db.list_tables(request) else {
                return names;
            };
            names.extend(page.table_names);
            match page.last_evaluated_table_name {
                Some(last) => start = Some(last),
                None => return names,
            }
        }
    }

    fn indexes(&self, table: &str) -> Vec<String> {
        let Ok(Some(metadata)) = self.db.get_table_metadata(table) else {
            return Vec::new();
        };
        let definitions: Value = metadata
            .gsi_definitions
            .as_deref()
            .and_then(|json| serde_json::from_str(json).ok())
            .unwrap_or(Value::Null);
        definitions
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|gsi| gsi.get("IndexName").and_then(Value::as_str))
            .map(str::to_string)
            .collect()
    }
}

/// Whether a request only reads. PartiQL counts as reading only for a SELECT.
fn reads_only(operation: Option<&str>, body: &[u8]) -> bool {
    const READS: [&str; 12] = [
        "GetItem",
        "BatchGetItem",
        "Query",
        "Scan",
        "TransactGetItems",
        "DescribeTable",
        "ListTables",
        "DescribeTimeToLive",
        "ListTagsOfResource",
        "ListStreams",
        "DescribeStream",
        "GetRecords",
    ];
    match operation {
        Some("ExecuteStatement") => serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|r| r["Statement"].as_str().map(str::to_string))
            .is_some_and(|s| s.trim_start().to_ascii_uppercase().starts_with("SELECT")),
        Some(op) => READS.contains(&op) || op == "GetShardIterator",
        // A health check (GET /) and the like carry no operation.
        None => true,
    }
}

/// Headers about one connection, not the request: the front's two connections have their own.
fn hop_by_hop(name: &hyper::header::HeaderName) -> bool {
    matches!(
        name.as_str(),
        "connection" | "keep-alive" | "transfer-encoding" | "te" | "upgrade" | "proxy-connection"
    )
}

/// An error in DynamoDB's JSON 1.0 shape, which every SDK reads.
fn dynamodb_error(status: StatusCode, kind: &str, message: &str) -> Response<Bytes> {
    let body = serde_json::json!({"__type": kind, "message": message}).to_string();
    Response::builder()
        .status(status)
        .header("content-type", "application/x-amz-json-1.0")
        .body(Bytes::from(body))
        .expect("a static response is valid")
}

/// The answer to a body over DynamoDB's limit.
pub(super) fn too_large() -> Response<Bytes> {
    dynamodb_error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "com.amazon.coral.service#SerializationException",
        "the request body is over 16 MB, or it could not be read",
    )
}

fn internal(message: &str) -> Response<Bytes> {
    dynamodb_error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "com.amazonaws.dynamodb.v20120810#InternalServerError",
        message,
    )
}
