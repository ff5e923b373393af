//! The `async` model: every connection is a task on tokio's event loop, the lecture's asyncio
//! server done with a multi-threaded runtime. A semaphore bounds the connections (the next ones
//! wait in the backlog, as mini-redis does); accept errors from exhausted resources back off.
//!
//! Each ndjson connection has a reader (framing, `prepare`) and a writer. Requests that need the
//! database run as tasks of their own, so many are in flight at once on one connection; the
//! writer awaits them in request order and flushes when no finished reply is waiting.

use std::net::{SocketAddr, TcpListener as StdListener};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, Semaphore};
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::handler::{Flow, Reply, Session, Step};
use super::protocol::{self, caps_reply, Code, LineBuffer};
use super::{is_resource_exhaustion, Protocol, Shared};

pub async fn serve(listener: StdListener, shared: Arc<Shared>) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let slots = Arc::new(Semaphore::new(shared.limits.max_clients));
    // Every connection holds a sender; when all are dropped, every connection has ended.
    let (done_tx, mut done_rx) = mpsc::channel::<()>(1);
    let mut backoff = Duration::from_millis(1);
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
            _ = shared.stopped() => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => {
                    backoff = Duration::from_millis(1);
                    accepted
                }
                Err(e) if is_resource_exhaustion(&e) => {
                    shared.log_error(|| format!("accept: {e}; retrying in {backoff:?}"));
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(1));
                    continue;
                }
                Err(e) => {
                    shared.log_error(|| format!("accept: {e}"));
                    continue;
                }
            },
            _ = shared.stopped() => break,
        };
        let (shared, done) = (shared.clone(), done_tx.clone());
        tokio::spawn(async move {
            connection(stream, peer, &shared).await;
            drop(permit);
            drop(done);
        });
    }
    drop(listener);
    drop(done_tx);
    let _ = tokio::time::timeout(shared.limits.drain_timeout, done_rx.recv()).await;
    Ok(())
}

async fn connection(mut stream: TcpStream, peer: SocketAddr, shared: &Arc<Shared>) {
    shared.stats.connections.fetch_add(1, Ordering::Relaxed);
    shared.log_info(|| format!("open {peer}"));
    let _ = stream.set_nodelay(true);
    let result = match shared.protocol {
        Protocol::Caps => caps(&mut stream, shared).await,
        Protocol::Ndjson => ndjson(stream, shared).await,
    };
    if let Err(e) = result {
        shared.log_error(|| format!("{peer}: {e}"));
    }
    shared.log_info(|| format!("close {peer}"));
}

/// The lecture's protocol: one read of up to 2048 bytes, one reply, close.
async fn caps(stream: &mut TcpStream, shared: &Shared) -> std::io::Result<()> {
    let mut message = [0u8; 2048];
    let n = tokio::time::timeout(shared.limits.request_timeout, stream.read(&mut message))
        .await
        .map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "no message within the request timeout",
            )
        })??;
    shared.stats.requests.fetch_add(1, Ordering::Relaxed);
    stream.write_all(caps_reply(&message[..n])).await?;
    stream.shutdown().await
}

/// A reply on its way to the writer: ready now, or being computed.
enum Pending {
    Ready(Reply),
    Running(JoinHandle<Reply>),
}

async fn ndjson(stream: TcpStream, shared: &Arc<Shared>) -> std::io::Result<()> {
    let (mut reader, mut writer) = stream.into_split();
    let limits = &shared.limits;
    let (replies_tx, mut replies_rx) = mpsc::channel::<Pending>(limits.pipeline_depth.max(1));
    let write_task = tokio::spawn(async move {
        let mut out = Vec::new();
        while let Some(pending) = replies_rx.recv().await {
            let (reply, flow) = match pending {
                Pending::Ready(reply) => reply,
                Pending::Running(task) => task.await.unwrap_or_else(|_| {
                    (
                        protocol::error(
                            &serde_json::Value::Null,
                            "InternalError",
                            "the request failed",
                        ),
                        Flow::Continue,
                    )
                }),
            };
            out.extend(reply);
            if flow == Flow::Close || replies_rx.is_empty() {
                writer.write_all(&out).await?;
                out.clear();
            }
            if flow == Flow::Close {
                break;
            }
        }
        writer.shutdown().await
    });

    let mut lines = LineBuffer::new(limits.max_line);
    let mut session = Session::default();
    let mut last_read = Instant::now();
    let mut partial_since: Option<Instant> = None;
    'connection: loop {
        loop {
            let line = match lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => break,
                Err(protocol::TooLong) => {
                    let reply = protocol::error(
                        &serde_json::Value::Null,
                        Code::LineTooLong.as_str(),
                        &format!("a request line is limited to {} bytes", limits.max_line),
                    );
                    let _ = replies_tx.send(Pending::Ready((reply, Flow::Close))).await;
                    break 'connection;
                }
            };
            shared.stats.requests.fetch_add(1, Ordering::Relaxed);
            let pending = match shared.handler.prepare(line, &mut session) {
                Step::Reply(reply) => Pending::Ready(reply),
                Step::Call(call) => {
                    let shared = shared.clone();
                    Pending::Running(tokio::spawn(async move { shared.handler.call(call).await }))
                }
            };
            let closes = matches!(&pending, Pending::Ready((_, Flow::Close)));
            if replies_tx.send(pending).await.is_err() || closes {
                break 'connection;
            }
        }
        if shared.stopping() {
            break;
        }
        lines.compact();
        partial_since = if lines.has_partial() {
            Some(partial_since.unwrap_or_else(Instant::now))
        } else {
            None
        };
        let deadline = match partial_since {
            Some(since) => since + limits.request_timeout,
            None => last_read + limits.idle_timeout,
        };
        const CHUNK: usize = 16 * 1024;
        let spare = lines.spare(CHUNK);
        tokio::select! {
            read = reader.read(spare) => match read {
                Ok(0) | Err(_) => {
                    lines.filled(CHUNK, 0);
                    break;
                }
                Ok(n) => {
                    lines.filled(CHUNK, n);
                    last_read = Instant::now();
                }
            },
            _ = tokio::time::sleep_until(deadline) => {
                lines.filled(CHUNK, 0);
                if partial_since.is_some() {
                    let reply = protocol::error(&serde_json::Value::Null, Code::RequestTimeout.as_str(), "the request line stayed incomplete too long");
                    let _ = replies_tx.send(Pending::Ready((reply, Flow::Close))).await;
                }
                break;
            }
            _ = shared.stopped() => {
                lines.filled(CHUNK, 0);
                break;
            }
        }
    }
    drop(replies_tx);
    match write_task.await {
        Ok(result) => result.or_else(|e| {
            if matches!(
                e.kind(),
                std::io::ErrorKind::BrokenPipe
                    | std::io::ErrorKind::ConnectionReset
                    | std::io::ErrorKind::NotConnected
            ) {
                Ok(())
            } else {
                Err(e)
            }
        }),
        Err(e) => Err(std::io::Error::other(e)),
    }
}
