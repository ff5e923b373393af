//! Load on a `ddb serve` model (started in-process on a loopback port) or on any running server
//! (`--connect`, loopback unless allowed): many clients for a fixed time, each request's latency
//! recorded, errors counted by kind. Bounded in time and count; it stops by itself.

use std::collections::{BTreeMap, VecDeque};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use clap::ValueEnum;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::{Latencies, Rng};

/// What each client does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Workload {
    /// The lecture's: a new connection per request, "HELLO WORLD" in, "ALL CAPS" out
    Caps,
    /// Persistent connections, --pipeline requests in flight each
    Ndjson,
}

/// The ndjson requests: `ping`, or gets and puts on the scratch table.
#[derive(Debug, Clone)]
pub struct Mix {
    pub table: Option<String>,
    /// Percent of requests that are gets (the rest are puts); ignored without a table (pings).
    pub get_percent: u64,
    pub keys: u64,
}

/// The load of one measurement point.
#[derive(Debug, Clone)]
pub struct Load {
    pub workload: Workload,
    pub clients: usize,
    pub duration: Duration,
    pub pipeline: usize,
    pub mix: Mix,
    pub seed: u64,
}

/// What one point measured.
pub struct Point {
    pub requests: u64,
    pub elapsed: Duration,
    pub latency: Latencies,
    pub errors: BTreeMap<String, u64>,
    /// Clients that completed nothing (a server that starves some clients is not serving them).
    pub starved_clients: usize,
    /// Connection attempts the kernel dropped at a full listen queue during the run (Linux's
    /// TcpExt ListenDrops for this network namespace); None where it cannot be read.
    pub syn_drops: Option<u64>,
}

impl Point {
    pub fn rate(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    pub fn json(&self) -> Value {
        json!({
            "requests": self.requests,
            "requests_per_second": self.rate(),
            "latency": self.latency.json(),
            "errors": self.errors,
            "starved_clients": self.starved_clients,
            "syn_drops": self.syn_drops,
        })
    }
}

/// One row of `bench serve`: a measured load against one server, or the idle connections it held.
pub enum Row {
    Load {
        server: String,
        clients: usize,
        point: Point,
        /// The server's resident memory and threads after the point, where they can be read.
        rss_mib: Option<f64>,
        threads: Option<u64>,
    },
    Idle {
        server: String,
        connections: usize,
        kib_per_connection: f64,
    },
}

impl Row {
    /// The row as `bench serve --json` writes it.
    pub fn json(&self) -> Value {
        match self {
            Row::Load {
                server,
                clients,
                point,
                rss_mib,
                threads,
            } => {
                let mut row = point.json();
                row["server"] = json!(server);
                row["clients"] = json!(clients);
                row["rss_mib"] = json!(rss_mib);
                row["threads"] = json!(threads);
                row
            }
            Row::Idle {
                server,
                connections,
                kib_per_connection,
            } => {
                json!({"server": server, "idle_connections": connections, "idle_kib_per_connection": kib_per_connection})
            }
        }
    }
}

#[derive(Default)]
struct ClientResult {
    requests: u64,
    latency: Latencies,
    errors: BTreeMap<String, u64>,
}

impl ClientResult {
    fn error(&mut self, kind: &str) {
        *self.errors.entry(kind.to_string()).or_default() += 1;
    }
}

fn kind(err: &std::io::Error) -> String {
    format!("{:?}", err.kind())
}

/// Drives `addr` with `load` and returns what it measured.
pub async fn drive(addr: SocketAddr, load: &Load) -> Point {
    let drops_before = listen_drops();
    let started = Instant::now();
    let deadline = started + load.duration;
    let tasks: Vec<_> = (0..load.clients)
        .map(|client| {
            let load = load.clone();
            tokio::spawn(async move {
                match load.workload {
                    Workload::Caps => caps_client(addr, deadline).await,
                    Workload::Ndjson => ndjson_client(addr, deadline, &load, client as u64).await,
                }
            })
        })
        .collect();
    let mut point = collect(tasks, started).await;
    point.syn_drops = drops_before
        .zip(listen_drops())
        .map(|(before, after)| after.saturating_sub(before));
    point
}

/// The kernel's count of connection attempts dropped by listen queues (`ListenDrops` in
/// /proc/net/netstat, which includes overflows of the backlog).
fn listen_drops() -> Option<u64> {
    let netstat = std::fs::read_to_string("/proc/net/netstat").ok()?;
    let mut tcp_ext = netstat.lines().filter(|l| l.starts_with("TcpExt:"));
    let (names, values) = (tcp_ext.next()?, tcp_ext.next()?);
    let at = names.split_whitespace().position(|n| n == "ListenDrops")?;
    values.split_whitespace().nth(at)?.parse().ok()
}

/// Waits for every client and adds up what they measured.
async fn collect(tasks: Vec<tokio::task::JoinHandle<ClientResult>>, started: Instant) -> Point {
    let mut point = Point {
        requests: 0,
        elapsed: Duration::ZERO,
        latency: Latencies::default(),
        errors: BTreeMap::new(),
        starved_clients: 0,
        syn_drops: None,
    };
    for task in tasks {
        let result = task.await.unwrap_or_default();
        if result.requests == 0 {
            point.starved_clients += 1;
        }
        point.requests += result.requests;
        point.latency.merge(&result.latency);
        for (k, v) in result.errors {
            *point.errors.entry(k).or_default() += v;
        }
    }
    point.elapsed = started.elapsed();
    point
}

async fn caps_client(addr: SocketAddr, deadline: Instant) -> ClientResult {
    let mut result = ClientResult::default();
    let mut reply = Vec::with_capacity(64);
    while Instant::now() < deadline {
        let sent = Instant::now();
        let stream =
            match tokio::time::timeout(Duration::from_secs(5), TcpStream::connect(addr)).await {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => {
                    result.error(&format!("connect {}", kind(&e)));
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
                Err(_) => {
                    result.error("connect timeout");
                    continue;
                }
            };
        // An RST on close instead of TIME_WAIT, so a long run does not use up the client's ports.
        let _ = stream.set_zero_linger();
        let mut stream = stream;
        reply.clear();
        let exchange = async {
            stream.write_all(b"HELLO WORLD").await?;
            stream.read_to_end(&mut reply).await
        };
        match tokio::time::timeout(Duration::from_secs(10), exchange).await {
            Ok(Ok(_)) if reply == b"ALL CAPS" => {
                result.requests += 1;
                result.latency.record(sent.elapsed());
            }
            Ok(Ok(_)) => result.error("wrong reply"),
            Ok(Err(e)) => result.error(&format!("exchange {}", kind(&e))),
            Err(_) => result.error("reply timeout"),
        }
    }
    result
}

/// Appends one request line to `out`.
fn request(out: &mut Vec<u8>, id: u64, mix: &Mix, rng: &mut Rng) {
    use std::io::Write;
    match &mix.table {
        None => write!(out, "{{\"id\":{id},\"op\":\"ping\"}}").expect("a Vec takes every write"),
        Some(table) => {
            let key = format!("k{}", rng.below(mix.keys));
            let request = if rng.below(100) < mix.get_percent {
                json!({"id": id, "op": "get", "table": table, "key": {"id": key}})
            } else {
                json!({"id": id, "op": "put", "table": table, "item": {"id": key, "v": "x".repeat(100)}})
            };
            serde_json::to_writer(&mut *out, &request).expect("a Vec takes every write");
        }
    }
    out.push(b'\n');
}

/// A persistent connection keeping `--pipeline` requests in flight: each read takes every reply
/// that has arrived, and one write sends as many new requests, so the load generator spends a
/// few system calls per batch rather than per request and the server's cost is what shows.
async fn ndjson_client(
    addr: SocketAddr,
    deadline: Instant,
    load: &Load,
    client: u64,
) -> ClientResult {
    let mut result = ClientResult::default();
    let stream = match TcpStream::connect(addr).await {
        Ok(s) => s,
        Err(e) => {
            result.error(&format!("connect {}", kind(&e)));
            return result;
        }
    };
    let _ = stream.set_nodelay(true);
    let (mut reader, mut writer) = stream.into_split();
    let mut rng = Rng::new(load.seed ^ (client << 20));
    let mut in_flight: VecDeque<Instant> = VecDeque::new();
    let mut next_id = 0u64;
    let mut batch = Vec::new();
    let mut replies = vec![0u8; 64 * 1024];
    let mut filled = 0;
    let mut to_send = load.pipeline.max(1);
    // One timer for the client's life (no timer-wheel operation per read): the replies must
    // come within 10 s of the end of the run, and within 5 s once no more requests are sent.
    let limit = tokio::time::sleep_until((deadline + Duration::from_secs(10)).into());
    tokio::pin!(limit);
    let mut draining = false;
    loop {
        if to_send > 0 {
            batch.clear();
            let now = Instant::now();
            for _ in 0..to_send {
                request(&mut batch, next_id, &load.mix, &mut rng);
                next_id += 1;
                in_flight.push_back(now);
            }
            to_send = 0;
            if let Err(e) = writer.write_all(&batch).await {
                result.error(&format!("write {}", kind(&e)));
                break;
            }
        }
        if in_flight.is_empty() {
            break;
        }
        if !draining && Instant::now() >= deadline {
            draining = true;
            limit
                .as_mut()
                .reset((deadline + Duration::from_secs(5)).into());
        }
        if filled == replies.len() {
            replies.resize(replies.len() * 2, 0);
        }
        let n = tokio::select! {
            read = reader.read(&mut replies[filled..]) => match read {
                Ok(0) => {
                    result.error("closed by server");
                    break;
                }
                Ok(n) => n,
                Err(e) => {
                    result.error(&format!("read {}", kind(&e)));
                    break;
                }
            },
            _ = &mut limit => {
                result.error("reply timeout");
                break;
            }
        };
        filled += n;
        let now = Instant::now();
        let mut start = 0;
        while let Some(at) = replies[start..filled].iter().position(|&b| b == b'\n') {
            let line = &replies[start..start + at];
            start += at + 1;
            let Some(sent) = in_flight.pop_front() else {
                result.error("reply to no request");
                continue;
            };
            if reply_ok(line) {
                result.requests += 1;
                result.latency.record(now - sent);
            } else {
                result.error("error reply");
            }
            if now < deadline {
                to_send += 1;
            }
        }
        replies.copy_within(start..filled, 0);
        filled -= start;
    }
    result
}

/// Whether a reply line says `"ok": true`, with or without spaces (servers format JSON differently),
/// without the cost of parsing the whole reply.
fn reply_ok(line: &[u8]) -> bool {
    let Some(at) = line.windows(4).position(|w| w == b"\"ok\"") else {
        return false;
    };
    let rest = line[at + 4..].trim_ascii_start();
    rest.strip_prefix(b":")
        .is_some_and(|v| v.trim_ascii_start().starts_with(b"true"))
}

/// The same get/put mix issued straight through the SDK, without a server in between: what the
/// gateway's own cost is measured against.
pub async fn drive_direct(client: &aws_sdk_dynamodb::Client, load: &Load) -> Point {
    use aws_sdk_dynamodb::types::AttributeValue;
    let table = load.mix.table.clone().unwrap_or_default();
    let started = Instant::now();
    let deadline = started + load.duration;
    let tasks: Vec<_> = (0..load.clients)
        .map(|n| {
            let (client, table, mix, seed) =
                (client.clone(), table.clone(), load.mix.clone(), load.seed);
            tokio::spawn(async move {
                let mut result = ClientResult::default();
                let mut rng = Rng::new(seed ^ ((n as u64) << 20));
                while Instant::now() < deadline {
                    let key = AttributeValue::S(format!("k{}", rng.below(mix.keys)));
                    let sent = Instant::now();
                    let outcome = if rng.below(100) < mix.get_percent {
                        client
                            .get_item()
                            .table_name(&table)
                            .key("id", key)
                            .send()
                            .await
                            .map(|_| ())
                            .map_err(|e| format!("{e}"))
                    } else {
                        client
                            .put_item()
                            .table_name(&table)
                            .item("id", key)
                            .item("v", AttributeValue::S("x".repeat(100)))
                            .send()
                            .await
                            .map(|_| ())
                            .map_err(|e| format!("{e}"))
                    };
                    match outcome {
                        Ok(()) => {
                            result.requests += 1;
                            result.latency.record(sent.elapsed());
                        }
                        Err(_) => result.error("sdk"),
                    }
                }
                result
            })
        })
        .collect();
    collect(tasks, started).await
}

/// Resident memory and thread count of a process (this one when `pid` is None), from /proc.
pub fn process_usage(pid: Option<u32>) -> (Option<f64>, Option<u64>) {
    let path = match pid {
        Some(pid) => format!("/proc/{pid}/status"),
        None => "/proc/self/status".to_string(),
    };
    let Ok(status) = std::fs::read_to_string(path) else {
        return (None, None);
    };
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    (
        field("VmRSS:").map(|kib| kib as f64 / 1024.0),
        field("Threads:"),
    )
}

/// Opens `count` idle ndjson connections (each answers one ping first, so the server holds it)
/// and returns them with the server's memory growth per connection in KiB.
pub async fn hold_idle(
    addr: SocketAddr,
    count: usize,
    server_pid: Option<u32>,
) -> anyhow::Result<(Vec<TcpStream>, f64)> {
    let (before, _) = process_usage(server_pid);
    let mut held = Vec::with_capacity(count);
    for i in 0..count {
        let mut stream = TcpStream::connect(addr)
            .await
            .map_err(|e| anyhow::anyhow!("connection {i} of {count}: {e}"))?;
        stream.write_all(b"{\"id\":0,\"op\":\"ping\"}\n").await?;
        let mut reply = [0u8; 64];
        let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut reply)).await??;
        if n == 0 {
            anyhow::bail!("connection {i} of {count} was closed by the server");
        }
        held.push(stream);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (after, _) = process_usage(server_pid);
    let per = match (before, after) {
        (Some(b), Some(a)) => (a - b) * 1024.0 / count.max(1) as f64,
        _ => f64::NAN,
    };
    Ok((held, per))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ok_replies_are_recognised_however_they_are_spaced() {
        assert!(super::reply_ok(b"{\"id\":1,\"ok\":true}"));
        assert!(super::reply_ok(b"{\"id\": 1, \"ok\": true}"));
        assert!(!super::reply_ok(b"{\"id\":1,\"ok\":false,\"error\":{}}"));
        assert!(!super::reply_ok(b"{\"id\":1}"));
    }
}
