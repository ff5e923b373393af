//! `ddb serve`: the lecture's multi-client TCP server in front of the database.
//!
//! Three models drive connections, and only that differs between them:
//! [`blocking`] serves one client at a time on one thread (the lecture's first server, kept to
//! show why concurrency matters), [`threads`] gives each client an OS thread, and [`event_loop`]
//! runs every connection as a task on tokio's event loop. They share the framing and replies of
//! [`protocol`] and the request handling of [`handler`].
//!
//! A request travels: socket bytes -> [`protocol::LineBuffer`] (framing, `--max-line`) ->
//! [`handler::Handler::prepare`] (malformed lines, policy, ping answered at once) and
//! [`handler::Handler::call`] (one SDK call) -> reply line -> socket. The caps
//! protocol (one message per connection, `ALL CAPS` / `NOT ALL CAPS`) never touches the database.
//!
//! Shutdown: the caller's shutdown future flips a flag every model watches (the thread models'
//! waiting reads are ended through the registry in `connection.rs`); listeners stop accepting,
//! connections stop reading, requests in flight finish within `drain_timeout`, and
//! [`run`] returns the counts.

pub mod blocking;
pub mod budget;
mod connection;
pub mod event_loop;
pub mod handler;
pub mod protocol;
pub mod request;
pub mod threads;

use std::future::Future;
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use clap::ValueEnum;
use tokio::sync::watch;

pub use handler::{Handler, Policy};

/// How connections are driven.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Model {
    /// One client at a time on one thread
    Blocking,
    /// An OS thread per client, up to --max-clients
    Threads,
    /// Every connection a task on one event loop (tokio)
    Async,
}

/// What the server speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Protocol {
    /// One JSON request per line, one JSON reply per line, pipelined
    Ndjson,
    /// The lecture's protocol: one message per connection, reply ALL CAPS or NOT ALL CAPS
    Caps,
}

/// How chatty the server is on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum LogLevel {
    Off,
    Error,
    Info,
}

/// Bounds that keep one client from hurting the others.
#[derive(Debug, Clone)]
pub struct Limits {
    pub max_clients: usize,
    pub max_line: usize,
    pub idle_timeout: Duration,
    pub request_timeout: Duration,
    pub drain_timeout: Duration,
    /// Requests in flight per connection (event loop); later ones wait to be read.
    pub pipeline_depth: usize,
    /// Bytes of replies one connection may hold unwritten (see [`budget`]).
    pub reply_buffer: usize,
    /// Bytes of replies the whole server may hold unwritten.
    pub reply_memory: usize,
}

impl Default for Limits {
    /// `ddb serve`'s defaults.
    fn default() -> Limits {
        Limits {
            max_clients: 1024,
            max_line: 1024 * 1024,
            idle_timeout: Duration::from_secs(300),
            request_timeout: Duration::from_secs(10),
            drain_timeout: Duration::from_secs(10),
            pipeline_depth: 64,
            reply_buffer: 4 * 1024 * 1024,
            reply_memory: 256 * 1024 * 1024,
        }
    }
}

/// Counts for the summary and the benchmark.
#[derive(Debug, Default)]
pub struct Stats {
    pub connections: AtomicU64,
    pub requests: AtomicU64,
    pub errors: AtomicU64,
}

/// What a server run amounted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub connections: u64,
    pub requests: u64,
    pub errors: u64,
}

/// Everything a connection needs, shared by all of them.
pub struct Shared {
    pub handler: Handler,
    pub protocol: Protocol,
    pub limits: Limits,
    pub log: LogLevel,
    pub stats: Stats,
    pub reply_memory: budget::ReplyMemory,
    /// The connections of the thread models, which shutdown wakes.
    pub connections: connection::Registry,
    /// Whether shutdown has begun, for the models to read or wait on.
    stop_tx: watch::Sender<bool>,
}

impl Shared {
    pub fn new(handler: Handler, protocol: Protocol, limits: Limits, log: LogLevel) -> Arc<Shared> {
        let (stop_tx, _) = watch::channel(false);
        let reply_memory = budget::ReplyMemory::new(limits.reply_memory);
        Arc::new(Shared {
            handler,
            protocol,
            limits,
            log,
            stats: Stats::default(),
            reply_memory,
            connections: connection::Registry::default(),
            stop_tx,
        })
    }

    pub fn stopping(&self) -> bool {
        *self.stop_tx.borrow()
    }

    fn stop(&self) {
        // Kept even with no receiver yet: `send` would drop the value, and a model that starts
        // waiting after an early Ctrl-C or SIGTERM would wait forever.
        self.stop_tx.send_replace(true);
    }

    /// Resolves once shutdown has begun.
    pub async fn stopped(&self) {
        let mut rx = self.stop_tx.subscribe();
        let _ = rx.wait_for(|s| *s).await;
    }

    pub fn log_info(&self, message: impl FnOnce() -> String) {
        if self.log >= LogLevel::Info {
            eprintln!("ddb serve: {}", message());
        }
    }

    pub fn log_error(&self, message: impl FnOnce() -> String) {
        self.stats.errors.fetch_add(1, Ordering::Relaxed);
        if self.log >= LogLevel::Error {
            eprintln!("ddb serve: {}", message());
        }
    }

    fn summary(&self) -> Summary {
        Summary {
            connections: self.stats.connections.load(Ordering::Relaxed),
            requests: self.stats.requests.load(Ordering::Relaxed),
            errors: self.stats.errors.load(Ordering::Relaxed),
        }
    }
}

/// The listen backlog: the defaults of std and tokio (128) drop SYNs under a burst of clients.
pub const BACKLOG: i32 = 4096;

/// A listening socket with SO_REUSEADDR and a deep backlog.
pub fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = socket2::Socket::new(
        socket2::Domain::for_address(addr),
        socket2::Type::STREAM,
        Some(socket2::Protocol::TCP),
    )?;
    socket.set_reuse_address(true)?;
    socket.bind(&addr.into())?;
    socket.listen(BACKLOG)?;
    Ok(socket.into())
}

/// Raises the open-file limit to the hard limit, so thousands of clients fit; returns it.
pub fn raise_file_limit() -> u64 {
    #[cfg(unix)]
    unsafe {
        // SAFETY: getrlimit/setrlimit only read and write the struct passed to them.
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
            libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
            return limit.rlim_cur;
        }
    }
    0
}

/// Whether an accept error means "out of file descriptors or memory": back off, don't spin.
pub fn is_resource_exhaustion(err: &std::io::Error) -> bool {
    matches!(err.raw_os_error(), Some(code) if code == libc::EMFILE || code == libc::ENFILE || code == libc::ENOBUFS || code == libc::ENOMEM)
}

/// Serves `listener` with `model` until `shutdown` resolves, then drains and returns the counts.
pub async fn run(
    model: Model,
    listener: TcpListener,
    shared: Arc<Shared>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<Summary> {
    let addr = listener.local_addr()?;
    let stopper = {
        let shared = shared.clone();
        tokio::spawn(async move {
            shutdown.await;
            shared.stop();
        })
    };
    match model {
        Model::Async => event_loop::serve(listener, shared.clone()).await?,
        Model::Blocking | Model::Threads => {
            let runtime = tokio::runtime::Handle::current();
            let shared_for_thread = shared.clone();
            let accept = tokio::task::spawn_blocking(move || match model {
                Model::Blocking => blocking::serve(listener, shared_for_thread, runtime),
                _ => threads::serve(listener, shared_for_thread, runtime),
            });
            // Blocking accept and reads cannot be interrupted: when shutdown starts, end the
            // connections' reads and wake the accept with a connection.
            let waker = {
                let shared = shared.clone();
                tokio::spawn(async move {
                    shared.stopped().await;
                    shared.connections.close_reads();
                    let _ = tokio::net::TcpStream::connect(wake_address(addr)).await;
                })
            };
            accept.await.map_err(std::io::Error::other)??;
            waker.abort();
        }
    }
    stopper.abort();
    Ok(shared.summary())
}

/// A server in this process on a free loopback port (`bench serve` starts one per model).
pub struct InProcess {
    pub addr: SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<Summary>>,
}

impl InProcess {
    /// Starts `model` on `runtime` (a pinned one, or the caller's), logging nothing.
    pub fn start(
        model: Model,
        protocol: Protocol,
        handler: Handler,
        limits: Limits,
        runtime: &tokio::runtime::Handle,
    ) -> std::io::Result<InProcess> {
        let listener = listen(SocketAddr::from((std::net::Ipv4Addr::LOCALHOST, 0)))?;
        let addr = listener.local_addr()?;
        let shared = Shared::new(handler, protocol, limits, LogLevel::Off);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = runtime.spawn(run(model, listener, shared, async {
            let _ = stopped.await;
        }));
        Ok(InProcess { addr, stop, task })
    }

    /// Stops it (requests in flight finish within the drain timeout) and returns its counts.
    pub async fn stop(self) -> std::io::Result<Summary> {
        let _ = self.stop.send(());
        self.task.await.map_err(std::io::Error::other)?
    }
}

/// Where to connect to wake a listener bound to `addr` (a wildcard address is reached on loopback).
fn wake_address(addr: SocketAddr) -> SocketAddr {
    let ip = match addr.ip() {
        std::net::IpAddr::V4(ip) if ip.is_unspecified() => std::net::Ipv4Addr::LOCALHOST.into(),
        std::net::IpAddr::V6(ip) if ip.is_unspecified() => std::net::Ipv6Addr::LOCALHOST.into(),
        ip => ip,
    };
    SocketAddr::new(ip, addr.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Ctrl-C or SIGTERM can come before a model starts waiting for it (right after the server
    /// printed its address): the stop must still be seen.
    #[tokio::test]
    async fn a_stop_before_anyone_waits_is_still_seen() {
        let config = aws_sdk_dynamodb::Config::builder()
            .behavior_version(aws_config::BehaviorVersion::latest())
            .build();
        let handler = Handler::new(
            aws_sdk_dynamodb::Client::from_conf(config),
            Policy::default(),
        );
        let shared = Shared::new(handler, Protocol::Ndjson, Limits::default(), LogLevel::Off);
        shared.stop();
        let seen = tokio::time::timeout(Duration::from_secs(5), shared.stopped()).await;
        assert!(seen.is_ok(), "the stop was lost");
    }
}
