//! The `async` model: every connection is a task on tokio's event loop, the lecture's asyncio
//! server done with a multi-threaded runtime. A semaphore bounds the connections (the next ones
//! wait in the backlog, as mini-redis does); accept errors from exhausted resources back off.
//!
//! Each ndjson connection is one task. Requests that need the database run as tasks of their own,
//! so up to `--pipeline` are in flight on one connection; replies go out in request order, and
//! replies that need no database (ping) cost no task and no wake-up.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::net::{SocketAddr, TcpListener as StdListener};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::TcpStream;
use tokio::sync::{mpsc, Semaphore};
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::budget::{ConnectionBudget, Reservation};
use super::handler::{shutting_down, Call, Flow, Reply, Session, Step};
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

/// A reply in request order: ready now, or being computed by a task of its own. Each holds its
/// reservation of reply memory until it is written.
enum Pending {
    Ready(Reply, Reservation),
    Running(JoinHandle<Reply>, Reservation),
}

/// One task per connection: it reads while the pipeline has room, answers what needs no database
/// at once, runs database calls as tasks, and writes replies in request order as they finish.
/// A waiting connection holds no read buffer: reads go through its worker thread's.
///
/// Every complete line that arrived is answered, also after the client half-closes (then a last
/// line without its newline gets a `BadRequest`) and during shutdown (with `ShuttingDown`).
async fn ndjson(stream: TcpStream, shared: &Arc<Shared>) -> std::io::Result<()> {
    let limits = &shared.limits;
    let depth = limits.pipeline_depth.max(1);
    let (reader, mut writer) = stream.into_split();
    let mut queue: VecDeque<Pending> = VecDeque::new();
    // The call at the head of the queue, taken out so that waiting on it borrows nothing else.
    let mut head: Option<(JoinHandle<Reply>, Reservation)> = None;
    // A call that waits for reply memory; it holds a pipeline slot.
    let mut waiting: Option<Call> = None;
    let mut budget = ConnectionBudget::new(limits.reply_buffer);
    let mut out: Vec<u8> = Vec::new();
    let mut written: Vec<Reservation> = Vec::new();
    let mut lines = LineBuffer::new(limits.max_line);
    let mut session = Session::default();
    let mut last_read = Instant::now();
    let mut partial_since: Option<Instant> = None;
    // One timer for the connection's life, re-armed only when it would fire late (part of a
    // request arrived) or when it fires early (the client was active since): no timer-wheel
    // operation per request.
    let timer = tokio::time::sleep_until(last_read + limits.idle_timeout);
    tokio::pin!(timer);
    let stopped = shared.stopped();
    tokio::pin!(stopped);
    // No more requests are taken: the connection ends once the queue is written.
    let mut closing = false;
    // The client sent its last byte (half-close), or shutdown began: no more reads.
    let mut eof = false;
    let mut stopping = false;
    loop {
        // Take lines while the pipeline has room. `full` says a line may still be buffered.
        let mut full = false;
        while !closing {
            if waiting.is_some() {
                match start(&mut waiting, shared, &mut budget) {
                    Some(pending) => queue.push_back(pending),
                    None => {
                        full = true;
                        break;
                    }
                }
            }
            if in_flight(&queue, head.is_some(), waiting.is_some()) >= depth {
                full = true;
                break;
            }
            let line = match lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => {
                    if eof && !stopping && lines.has_partial() {
                        let reply = protocol::error(
                            &serde_json::Value::Null,
                            Code::BadRequest.as_str(),
                            "the connection ended in the middle of a request line (no newline)",
                        );
                        queue.push_back(Pending::Ready((reply, Flow::Close), Reservation::none()));
                    }
                    closing |= eof;
                    break;
                }
                Err(protocol::TooLong) => {
                    let reply = protocol::error(
                        &serde_json::Value::Null,
                        Code::LineTooLong.as_str(),
                        &format!("a request line is limited to {} bytes", limits.max_line),
                    );
                    queue.push_back(Pending::Ready((reply, Flow::Close), Reservation::none()));
                    closing = true;
                    break;
                }
            };
            shared.stats.requests.fetch_add(1, Ordering::Relaxed);
            if stopping {
                queue.push_back(Pending::Ready(shutting_down(line), Reservation::none()));
                continue;
            }
            match shared.handler.prepare(line, &mut session) {
                Step::Reply(reply) => {
                    closing |= reply.1 == Flow::Close;
                    queue.push_back(Pending::Ready(reply, Reservation::none()));
                }
                Step::Call(call) => waiting = Some(call),
            }
        }
        // Move replies that are ready, in order, to the output.
        while head.is_none() {
            match queue.pop_front() {
                Some(Pending::Ready((reply, _), held)) => {
                    out.extend(reply);
                    written.push(held);
                }
                Some(Pending::Running(task, held)) if task.is_finished() => {
                    out.extend(finished(task.await).0);
                    written.push(held);
                }
                Some(Pending::Running(task, held)) => head = Some((task, held)),
                None => break,
            }
        }
        if !out.is_empty() {
            write_out(&mut writer, &out, limits.request_timeout).await?;
            out.clear();
            for held in written.drain(..) {
                budget.give_back(held.bytes());
            }
        }
        if closing && head.is_none() && queue.is_empty() && waiting.is_none() {
            break;
        }
        // Replies went out: lines already buffered may fit now, before any new read.
        if full && in_flight(&queue, head.is_some(), waiting.is_some()) < depth && waiting.is_none()
        {
            continue;
        }
        lines.compact();
        partial_since = if lines.waits_for_rest() {
            Some(partial_since.unwrap_or_else(Instant::now))
        } else {
            None
        };
        lines.release_if_empty();
        // A call waiting for reply memory holds reading too: what arrives meanwhile would sit in
        // the line buffer unchecked against --max-line.
        let can_read = !closing
            && !eof
            && waiting.is_none()
            && in_flight(&queue, head.is_some(), waiting.is_some()) < depth;
        // A call waiting for memory that only other connections hold waits for the pool itself.
        let needs_pool = waiting.is_some() && budget.is_empty() && head.is_none();
        let deadline = match partial_since {
            Some(since) => since + limits.request_timeout,
            None => last_read + limits.idle_timeout,
        };
        if deadline < timer.deadline() {
            timer.as_mut().reset(deadline);
        }
        tokio::select! {
            ready = reader.readable(), if can_read => {
                if ready.is_err() {
                    closing = true;
                    continue;
                }
                match read_into(&reader, &mut lines) {
                    Ok(0) => eof = true,
                    Ok(_) => last_read = Instant::now(),
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                    Err(_) => closing = true,
                }
            }
            reply = async { (&mut head.as_mut().expect("guarded").0).await }, if head.is_some() => {
                let (_, held) = head.take().expect("guarded");
                queue.push_front(Pending::Ready(finished(reply), held));
            }
            held = shared.reply_memory.reserve(waiting.as_ref().map_or(0, Call::reply_estimate)), if needs_pool => {
                let call = waiting.take().expect("guarded");
                budget.take(held.bytes());
                queue.push_back(Pending::Running(spawn_call(call, shared), held));
            }
            _ = &mut timer, if can_read => {
                if Instant::now() < deadline {
                    timer.as_mut().reset(deadline);
                    continue;
                }
                if partial_since.is_some() {
                    let reply = protocol::error(&serde_json::Value::Null, Code::RequestTimeout.as_str(), "the request line stayed incomplete too long");
                    queue.push_back(Pending::Ready((reply, Flow::Close), Reservation::none()));
                }
                closing = true;
            }
            _ = &mut stopped, if !stopping => {
                // Lines already here are answered (ShuttingDown); nothing more is read.
                stopping = true;
                eof = true;
            }
        }
    }
    let shutdown = writer.shutdown().await;
    // Read what the client is still sending for a moment: closing with unread data makes the
    // kernel send a reset, which can destroy the last reply before the client reads it.
    let mut reader = reader;
    let mut sink = [0u8; 4096];
    let linger = async {
        let mut left = 1024 * 1024usize;
        while left > 0 {
            match reader.read(&mut sink).await {
                Ok(0) | Err(_) => return,
                Ok(n) => left = left.saturating_sub(n),
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(1), linger).await;
    match shutdown {
        Err(e)
            if !matches!(
                e.kind(),
                std::io::ErrorKind::NotConnected
                    | std::io::ErrorKind::BrokenPipe
                    | std::io::ErrorKind::ConnectionReset
            ) =>
        {
            Err(e)
        }
        _ => Ok(()),
    }
}

/// Requests a connection has taken and not yet answered.
fn in_flight(queue: &VecDeque<Pending>, head: bool, waiting: bool) -> usize {
    queue.len() + usize::from(head) + usize::from(waiting)
}

/// Writes `out`, giving up when the client takes nothing for `stall`: a client that stops reading
/// must not hold its share of the server's reply memory for as long as it stays connected.
async fn write_out(
    writer: &mut OwnedWriteHalf,
    mut out: &[u8],
    stall: Duration,
) -> std::io::Result<()> {
    while !out.is_empty() {
        match tokio::time::timeout(stall, writer.write(out)).await {
            Ok(Ok(0)) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(Ok(n)) => out = &out[n..],
            Ok(Err(e)) => return Err(e),
            Err(_) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    format!("the client read nothing for {stall:?}; closing it"),
                ))
            }
        }
    }
    Ok(())
}

/// Starts the waiting call if the connection's budget and the server's reply memory allow it
/// now; otherwise it stays waiting.
fn start(
    waiting: &mut Option<Call>,
    shared: &Arc<Shared>,
    budget: &mut ConnectionBudget,
) -> Option<Pending> {
    let bytes = waiting.as_ref()?.reply_estimate();
    if !budget.allows(bytes) {
        return None;
    }
    let held = shared.reply_memory.try_reserve(bytes)?;
    budget.take(held.bytes());
    let call = waiting.take()?;
    Some(Pending::Running(spawn_call(call, shared), held))
}

fn spawn_call(call: Call, shared: &Arc<Shared>) -> JoinHandle<Reply> {
    let shared = shared.clone();
    tokio::spawn(async move { shared.handler.call(call).await })
}

thread_local! {
    /// Where a worker thread reads: one buffer per thread instead of one per connection, so a
    /// connection holds only the bytes of a request not yet complete, and no read zeroes or
    /// allocates a fresh buffer.
    static READ_BUFFER: RefCell<Box<[u8]>> = RefCell::new(vec![0; 16 * 1024].into_boxed_slice());
}

/// One non-blocking read, its bytes handed to `lines`; 0 at the end of the stream.
fn read_into(reader: &OwnedReadHalf, lines: &mut LineBuffer) -> std::io::Result<usize> {
    READ_BUFFER.with_borrow_mut(|buf| {
        let n = reader.try_read(buf)?;
        lines.push(&buf[..n]);
        Ok(n)
    })
}

/// A finished call's reply; a call that panicked still gets an answer.
fn finished(result: Result<Reply, tokio::task::JoinError>) -> Reply {
    result.unwrap_or_else(|_| {
        (
            protocol::error(
                &serde_json::Value::Null,
                "InternalError",
                "the request failed",
            ),
            Flow::Continue,
        )
    })
}
