//! One connection served on a plain OS thread: the connection loop of the `blocking` and
//! `threads` models. Reads time out every [`POLL`] so the loop can notice shutdown, an idle
//! client and a half-sent request; database calls run on the tokio runtime via `block_on`.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use tokio::runtime::Handle;

use super::handler::{Flow, Session, Step};
use super::protocol::{self, caps_reply, Code, LineBuffer};
use super::{Protocol, Shared};

/// How often a waiting read wakes to check the clock and the shutdown flag.
const POLL: Duration = Duration::from_millis(100);

/// Serves one connection to its end.
pub fn serve(mut stream: TcpStream, peer: SocketAddr, shared: &Shared, runtime: &Handle) {
    shared.stats.connections.fetch_add(1, Ordering::Relaxed);
    shared.log_info(|| format!("open {peer}"));
    let _ = stream.set_nodelay(true);
    let result = match shared.protocol {
        Protocol::Caps => caps(&mut stream, shared),
        Protocol::Ndjson => ndjson(&mut stream, shared, runtime),
    };
    if let Err(e) = result {
        shared.log_error(|| format!("{peer}: {e}"));
    }
    shared.log_info(|| format!("close {peer}"));
}

/// The lecture's protocol: one read of up to 2048 bytes, one reply, close.
fn caps(stream: &mut TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(shared.limits.request_timeout))?;
    let mut message = [0u8; 2048];
    let n = stream.read(&mut message)?;
    shared.stats.requests.fetch_add(1, Ordering::Relaxed);
    stream.write_all(caps_reply(&message[..n]))
}

fn ndjson(stream: &mut TcpStream, shared: &Shared, runtime: &Handle) -> std::io::Result<()> {
    stream.set_read_timeout(Some(POLL))?;
    let limits = &shared.limits;
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
            let (reply, flow) = match shared.handler.prepare(line, &mut session) {
                Step::Reply(reply) => reply,
                // Boxed: an SDK request's future is large, and a connection thread's stack is small.
                Step::Call(call) => runtime.block_on(Box::pin(shared.handler.call(call))),
            };
            out.extend(reply);
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
        // Read into a small chunk and keep only what arrived: a waiting connection holds no buffer.
        lines.release_if_empty();
        let mut chunk = [0u8; 4096];
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(()),
            Ok(n) => {
                lines.push(&chunk[..n]);
                last_read = Instant::now();
            }
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

/// Closes a connection the server ends on a client that may still be sending: FIN first, then
/// a bounded read of what is in flight. Closing with unread data makes the kernel send a reset,
/// which can destroy the error reply before the client reads it.
fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
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
