//! One connection served on a plain OS thread: the connection loop of the `blocking` and
//! `threads` models. A waiting read times out only when the client has been idle or half-sent
//! too long, and shutdown ends it through the [`Registry`], so ten thousand idle connections
//! cost no wake-ups; database calls run on the tokio runtime via `block_on`.

use std::collections::HashMap;
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::runtime::Handle;

use super::budget::Reservation;
use super::handler::{Call, Flow, Reply, Session, Step};
use super::protocol::{self, caps_reply, Code, LineBuffer};
use super::{Protocol, Shared};

/// The connections being served on threads, so that shutdown can end the reads they wait in.
#[derive(Debug, Default)]
pub struct Registry {
    state: Mutex<Open>,
}

#[derive(Debug, Default)]
struct Open {
    streams: HashMap<u64, Arc<TcpStream>>,
    next: u64,
    closed: bool,
}

impl Registry {
    fn add(&self, stream: &Arc<TcpStream>) -> u64 {
        let mut open = self.state.lock().expect("registry lock");
        if open.closed {
            let _ = stream.shutdown(Shutdown::Read);
        }
        open.next += 1;
        let id = open.next;
        open.streams.insert(id, stream.clone());
        id
    }

    fn remove(&self, id: u64) {
        self.state
            .lock()
            .expect("registry lock")
            .streams
            .remove(&id);
    }

    /// Ends the read side of every connection, now and of any added later: a thread waiting for
    /// a request sees the end of the stream, while a reply being computed still goes out.
    pub fn close_reads(&self) {
        let mut open = self.state.lock().expect("registry lock");
        open.closed = true;
        for stream in open.streams.values() {
            let _ = stream.shutdown(Shutdown::Read);
        }
    }
}

/// Serves one connection to its end.
pub fn serve(stream: TcpStream, peer: SocketAddr, shared: &Shared, runtime: &Handle) {
    shared.stats.connections.fetch_add(1, Ordering::Relaxed);
    shared.log_info(|| format!("open {peer}"));
    let _ = stream.set_nodelay(true);
    let stream = Arc::new(stream);
    let registered = shared.connections.add(&stream);
    let result = match shared.protocol {
        Protocol::Caps => caps(&stream, shared),
        Protocol::Ndjson => ndjson(&stream, shared, runtime),
    };
    shared.connections.remove(registered);
    if let Err(e) = result {
        shared.log_error(|| format!("{peer}: {e}"));
    }
    shared.log_info(|| format!("close {peer}"));
}

/// The lecture's protocol: one read of up to 2048 bytes, one reply, close. Out of line: its
/// buffer would otherwise sit in the frame of every ndjson connection.
#[inline(never)]
fn caps(mut stream: &TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(shared.limits.request_timeout))?;
    let mut message = [0u8; 2048];
    let n = stream.read(&mut message)?;
    shared.stats.requests.fetch_add(1, Ordering::Relaxed);
    stream.write_all(caps_reply(&message[..n]))
}

fn ndjson(mut stream: &TcpStream, shared: &Shared, runtime: &Handle) -> std::io::Result<()> {
    let limits = &shared.limits;
    // A read waits at most as long as the client may stay idle, or half-sent once part of a
    // request is here; set only when that changes, not for every read.
    let mut read_timeout = None;
    // A client that stops reading is closed after this long without progress, so that it does
    // not hold its thread and its share of the server's reply memory for ever.
    stream.set_write_timeout(Some(limits.request_timeout))?;
    let mut lines = LineBuffer::new(limits.max_line);
    let mut session = Session::default();
    let mut out = Vec::new();
    let mut last_read = Instant::now();
    let mut partial_since: Option<Instant> = None;
    loop {
        // Answer every complete line already here, then write the replies in one go.
        let mut close = false;
        loop {
            let line = match lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => break,
                Err(protocol::TooLong) => {
                    out.extend(protocol::error(
                        &serde_json::Value::Null,
                        Code::LineTooLong.as_str(),
                        &format!("a request line is limited to {} bytes", limits.max_line),
                    ));
                    close = true;
                    break;
                }
            };
            shared.stats.requests.fetch_add(1, Ordering::Relaxed);
            let ((reply, flow), held) = answer(shared, runtime, &mut session, line);
            out.extend(reply);
            // A database reply goes out before the next call, so a connection holds one at most.
            if held.is_some() {
                stream.write_all(&out)?;
                out.clear();
            }
            drop(held);
            if flow == Flow::Close {
                close = true;
                break;
            }
        }
        if !out.is_empty() {
            stream.write_all(&out)?;
            out.clear();
        }
        if close {
            linger(stream);
            return Ok(());
        }
        if shared.stopping() {
            return Ok(());
        }
        lines.compact();
        partial_since = if lines.has_partial() {
            Some(partial_since.unwrap_or_else(Instant::now))
        } else {
            None
        };
        match partial_since {
            Some(since) if since.elapsed() > limits.request_timeout => {
                stream.write_all(&protocol::error(
                    &serde_json::Value::Null,
                    Code::RequestTimeout.as_str(),
                    "the request line stayed incomplete too long",
                ))?;
                linger(stream);
                return Ok(());
            }
            None if last_read.elapsed() > limits.idle_timeout => return Ok(()),
            _ => {}
        }
        let wanted = if partial_since.is_some() {
            limits.request_timeout
        } else {
            limits.idle_timeout
        }
        .max(Duration::from_millis(1));
        if read_timeout != Some(wanted) {
            stream.set_read_timeout(Some(wanted))?;
            read_timeout = Some(wanted);
        }
        lines.release_if_empty();
        match read_some(stream, &mut lines) {
            Ok(0) if lines.has_partial() && !shared.stopping() => {
                stream.write_all(&protocol::error(
                    &serde_json::Value::Null,
                    Code::BadRequest.as_str(),
                    "the connection ended in the middle of a request line (no newline)",
                ))?;
                return Ok(());
            }
            Ok(0) => return Ok(()),
            Ok(_) => last_read = Instant::now(),
            Err(e)
                if matches!(
                    e.kind(),
                    ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
                ) => {}
            Err(e) if matches!(e.kind(), ErrorKind::ConnectionReset | ErrorKind::BrokenPipe) => {
                return Ok(())
            }
            Err(e) => return Err(e),
        }
    }
}

/// One request line's reply. Out of line, so the parsing of a request takes stack only while it
/// runs: a connection thread's memory is the stack pages it ever touched, and an idle read
/// sits below the loop's frame.
/// A database reply comes with its share of the server's reply memory, held until it is written.
#[inline(never)]
fn answer(
    shared: &Shared,
    runtime: &Handle,
    session: &mut Session,
    line: &[u8],
) -> (Reply, Option<Reservation>) {
    match shared.handler.prepare(line, session) {
        Step::Reply(reply) => (reply, None),
        Step::Call(call) => {
            let (reply, held) = call_database(shared, runtime, call);
            (reply, Some(held))
        }
    }
}

/// Runs one database call to its end. An SDK request's future is several KiB; out of line and
/// boxed, it takes stack only during the call, not in the frame every idle read sits below.
#[inline(never)]
fn call_database(shared: &Shared, runtime: &Handle, call: Call) -> (Reply, Reservation) {
    runtime.block_on(Box::pin(async {
        let held = shared.reply_memory.reserve(call.reply_estimate()).await;
        (shared.handler.call(call).await, held)
    }))
}

/// One read into a small chunk, keeping only what arrived: a waiting connection holds no
/// buffer. Out of line, so the chunk is on the stack only while reading: a connection thread's
/// memory is the stack pages it ever touched.
#[inline(never)]
fn read_some(mut stream: &TcpStream, lines: &mut LineBuffer) -> std::io::Result<usize> {
    let mut chunk = [0u8; 1024];
    let n = stream.read(&mut chunk)?;
    lines.push(&chunk[..n]);
    Ok(n)
}

/// Closes a connection the server ends on a client that may still be sending: FIN first, then
/// a bounded read of what is in flight. Closing with unread data makes the kernel send a reset,
/// which can destroy the error reply before the client reads it.
#[inline(never)]
fn linger(mut stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut sink = [0u8; 4096];
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut left = 1024 * 1024usize;
    while Instant::now() < deadline && left > 0 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => return,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}
