//! What every integration test shares: running the real `ddb` binary against the suite's target.
//!
//! The target is the embedded engine (a fresh data directory per test) unless
//! `DDB_TEST_ENDPOINT` names a DynamoDB-compatible endpoint, such as the real DynamoDB Local that
//! `.ci/run` starts. Tests make their own uniquely named tables, so they run in parallel.
//! The one test binary uses all of it, so an unused helper is a warning.

pub mod serve;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub struct Suite {
    dir: TempDir,
    endpoint: Option<String>,
    /// Every table name handed out, dropped from DynamoDB Local when the test ends.
    tables: Mutex<Vec<String>>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl Suite {
    pub fn new() -> Suite {
        Suite {
            dir: tempfile::tempdir().expect("temporary directory"),
            endpoint: std::env::var("DDB_TEST_ENDPOINT")
                .ok()
                .filter(|e| !e.is_empty()),
            tables: Mutex::new(Vec::new()),
        }
    }

    /// Whether the target is the real DynamoDB Local (where some answers differ; tests name them).
    pub fn on_dynamodb_local(&self) -> bool {
        self.endpoint.is_some()
    }

    /// The endpoint URL when the target is not the embedded engine.
    pub fn endpoint(&self) -> Option<&str> {
        self.endpoint.as_deref()
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The global options that select the suite's target.
    pub fn target_args(&self) -> Vec<String> {
        match &self.endpoint {
            Some(url) => vec!["--endpoint-url".into(), url.clone()],
            None => vec![
                "--local".into(),
                "--data-dir".into(),
                self.data_dir().display().to_string(),
            ],
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `ddb` with the target selected and an environment that knows nothing of AWS.
    pub fn ddb(&self) -> Command {
        let mut cmd = self.bare();
        cmd.args(self.target_args());
        cmd
    }

    /// `ddb` on the embedded engine with this suite's data directory, whatever the suite's target.
    pub fn embedded(&self) -> Command {
        let mut cmd = self.bare();
        cmd.args(["--local", "--data-dir"]).arg(self.data_dir());
        cmd
    }

    /// `ddb` sent to this endpoint URL (a proxy, or the real target behind one).
    pub fn at(&self, url: &str) -> Command {
        let mut cmd = self.bare();
        cmd.args(["--endpoint-url", url]);
        cmd
    }

    /// Creates `table` (keyed by `id:S`) at `url` and loads these NDJSON lines into it.
    pub fn id_table_at(&self, url: &str, table: &str, lines: &str) {
        let run = |args: &[&str]| {
            let out = self.at(url).args(args).output().expect("ddb runs");
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        };
        run(&["create-table", table, "--pk", "id:S"]);
        let file = self.dir().join(format!("{table}.ndjson"));
        std::fs::write(&file, lines).unwrap();
        run(&["put", table, "--file", file.to_str().unwrap()]);
    }

    /// `ddb` with no target options, in a clean environment.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::from_std(self.bare_std());
        cmd.timeout(std::time::Duration::from_secs(120));
        cmd
    }

    /// [`bare`](Self::bare) as a std command, for what assert_cmd cannot do (a pseudo-terminal).
    pub fn bare_std(&self) -> StdCommand {
        let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("ddb"));
        self.clean_env(&mut cmd);
        cmd
    }

    /// The environment every ddb of the suite runs in (also for programs that start ddb).
    pub fn clean_env(&self, cmd: &mut StdCommand) {
        for var in [
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_PROFILE",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_DYNAMODB",
            "DDB_LOCAL",
            "DDB_DATA_DIR",
        ] {
            cmd.env_remove(var);
        }
        // No shared AWS config from the machine running the tests.
        cmd.env("AWS_CONFIG_FILE", self.dir.path().join("no-aws-config"));
        cmd.env(
            "AWS_SHARED_CREDENTIALS_FILE",
            self.dir.path().join("no-aws-credentials"),
        );
        cmd.env("HOME", self.dir.path());
        cmd.env("XDG_DATA_HOME", self.dir.path().join("xdg-data"));
        cmd.env("XDG_CACHE_HOME", self.dir.path().join("xdg-cache"));
    }

    /// A table name no other test uses.
    pub fn table_name(&self, prefix: &str) -> String {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        let name = format!("{prefix}-{}-{n}-{nanos}", std::process::id());
        self.tables.lock().unwrap().push(name.clone());
        name
    }

    /// Creates a Movies-shaped table (year N, title S) and returns its name.
    pub fn movies_table(&self) -> String {
        let name = self.table_name("Movies");
        self.run_ok(&[
            "create-table",
            &name,
            "--pk",
            "year:N",
            "--sk",
            "title:S",
            "--rcu",
            "10",
            "--wcu",
            "10",
        ]);
        name
    }

    /// Creates a table from the Movies fixture.
    pub fn loaded_movies_table(&self) -> String {
        let name = self.movies_table();
        self.run_ok(&[
            "put",
            &name,
            "--file",
            &fixture("movies.ndjson"),
            "--rejects",
            &self.dir().join("rejects").display().to_string(),
        ]);
        name
    }

    /// Runs ddb with `args` and asserts it succeeded; returns stdout.
    pub fn run_ok(&self, args: &[&str]) -> String {
        let out = self.ddb().args(args).output().expect("ddb runs");
        assert!(
            out.status.success(),
            "ddb {args:?} failed with {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 stdout")
    }

    /// Runs ddb with `args`, whatever the outcome.
    pub fn run(&self, args: &[&str]) -> Output {
        self.ddb().args(args).output().expect("ddb runs")
    }

    /// The table's items as JSON values, in scan order.
    pub fn items(&self, table: &str) -> Vec<Value> {
        ndjson(&self.run_ok(&["scan", table, "--output", "ndjson"]))
    }

    pub fn count(&self, table: &str) -> u64 {
        let out = self.run_ok(&[
            "scan",
            table,
            "--select",
            "count",
            "--output",
            "json",
            "--consistent",
        ]);
        serde_json::from_str::<Value>(&out).unwrap()["count"]
            .as_u64()
            .unwrap()
    }
}

/// DynamoDB Local 3.3.1 stops finishing new indexes (UpdateTable leaves them CREATING) once nine
/// tables with TTL have existed at once, and keeps every table until it stops: each test drops its
/// tables there when it ends, protected or not. (The embedded engine's data dies with the suite.)
impl Drop for Suite {
    fn drop(&mut self) {
        if self.endpoint.is_none() {
            return;
        }
        let tables = std::mem::take(&mut *self.tables.lock().unwrap_or_else(|e| e.into_inner()));
        for table in tables {
            let delete = |suite: &Suite| {
                suite
                    .ddb()
                    .args(["delete-table", &table, "--yes", "--no-wait", "-q"])
                    .output()
                    .is_ok_and(|o| o.status.success())
            };
            if !delete(self) {
                let _ = self
                    .ddb()
                    .args([
                        "update-table",
                        &table,
                        "--deletion-protection",
                        "off",
                        "-q",
                        "-o",
                        "json",
                    ])
                    .output();
                delete(self);
            }
        }
    }
}

/// The (year, title) keys of Movies items, in order.
pub fn keys(items: &[Value]) -> Vec<(i64, String)> {
    items
        .iter()
        .map(|m| {
            (
                m["year"].as_i64().unwrap(),
                m["title"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

pub fn ndjson(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad ndjson line {l:?}: {e}")))
        .collect()
}

pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
        .display()
        .to_string()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A long-running ddb (`local` or `serve`): its process, the address it printed on its first
/// stderr line, and the rest of its stderr, collected so the pipe never fills and shown when a
/// test fails. Dropping it kills the process, so no test leaves a server behind.
pub struct ServerProcess {
    pub child: Child,
    pub address: String,
    pub stderr: Arc<Mutex<String>>,
}

impl ServerProcess {
    /// Starts `command` and reads the address printed after `marker`.
    pub fn spawn(command: &mut StdCommand, marker: &str) -> ServerProcess {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let first = lines.next().expect("a first line").unwrap();
        let address = first
            .split(marker)
            .nth(1)
            .unwrap_or_else(|| panic!("unexpected first line: {first}"))
            .split(' ')
            .next()
            .unwrap()
            .to_string();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        ServerProcess {
            child,
            address,
            stderr,
        }
    }

    /// `ddb local` on a free loopback port.
    pub fn local(args: &[&str]) -> ServerProcess {
        let mut command = StdCommand::new(assert_cmd::cargo::cargo_bin("ddb"));
        command
            .args(["local", "--port", "0"])
            .args(args)
            .env_remove("DDB_LOCAL");
        Self::spawn(&mut command, "serving the DynamoDB API on ")
    }

    pub fn port(&self) -> u16 {
        self.address.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// SIGTERM, then the exit status and what it wrote to stderr (bounded wait).
    pub fn terminate(mut self) -> (std::process::ExitStatus, String) {
        // SAFETY: kill only sends a signal to the child this test started.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // The stderr reader may still be taking the last lines.
                std::thread::sleep(Duration::from_millis(50));
                return (status, self.stderr.lock().unwrap().clone());
            }
            if started.elapsed() > Duration::from_secs(30) {
                let log = self.stderr.lock().unwrap().clone();
                panic!("the server did not stop on SIGTERM; its stderr: {log}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            let log = self.stderr.lock().unwrap_or_else(|e| e.into_inner());
            eprintln!("--- the server's stderr\n{log}");
        }
    }
}

/// A raw HTTP/1.1 DynamoDB request, as any client without an SDK would send it.
pub fn raw_request(port: u16, target: &str, body: &str) -> (u16, Value) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-amz-json-1.0\r\n\
         X-Amz-Target: DynamoDB_20120810.{target}\r\nX-Amz-Date: 20260101T000000Z\r\n\
         Authorization: AWS4-HMAC-SHA256 Credential=plain/20260101/us-east-1/dynamodb/aws4_request, \
         SignedHeaders=host;x-amz-date, Signature=0\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status: u16 = response.split(' ').nth(1).unwrap().parse().unwrap();
    let body = response.split("\r\n\r\n").nth(1).unwrap();
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

/// The real target as host:port, for a proxy to stand in front of: DynamoDB Local when the suite
/// has an endpoint, otherwise the embedded engine served by `ddb local` (kept alive by the
/// returned server).
pub fn upstream(suite: &Suite) -> (Option<ServerProcess>, String) {
    match suite.endpoint() {
        Some(url) => (
            None,
            url.trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string(),
        ),
        None => {
            let server = ServerProcess::local(&["--in-memory"]);
            let upstream = server.address.trim_start_matches("http://").to_string();
            (Some(server), upstream)
        }
    }
}

/// One HTTP/1.1 request or response: head lines and body.
pub fn read_message(reader: &mut BufReader<TcpStream>) -> Option<(Vec<String>, Vec<u8>)> {
    let mut head = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end().to_string();
        if line.is_empty() {
            break;
        }
        head.push(line);
    }
    let length = head
        .iter()
        .find_map(|h| {
            h.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse::<usize>().unwrap())
        })
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some((head, body))
}

pub fn write_message(out: &mut TcpStream, head: &[String], body: &[u8]) -> std::io::Result<()> {
    let mut text = String::new();
    for line in head {
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("content-length:") || lower.starts_with("connection:") {
            continue;
        }
        text.push_str(line);
        text.push_str("\r\n");
    }
    text.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    out.write_all(text.as_bytes())?;
    out.write_all(body)
}

/// Forwards one request to `upstream` (host:port) and returns the response.
pub fn forward(upstream: &str, head: &[String], body: &[u8]) -> (Vec<String>, Vec<u8>) {
    let mut stream = TcpStream::connect(upstream).unwrap();
    write_message(&mut stream, head, body).unwrap();
    let mut reader = BufReader::new(stream);
    read_message(&mut reader).expect("an upstream response")
}

/// The DynamoDB operation a request names (`X-Amz-Target: DynamoDB_20120810.Query` -> `Query`).
pub fn operation(head: &[String]) -> String {
    head.iter()
        .find(|h| h.to_ascii_lowercase().starts_with("x-amz-target:"))
        .and_then(|h| h.rsplit('.').next())
        .unwrap_or("")
        .to_string()
}

/// A loopback HTTP proxy answering every request with `handle(head, body)`, which may forward it;
/// returns the proxy's URL.
pub fn proxy(
    handle: impl Fn(&[String], &[u8]) -> (Vec<String>, Vec<u8>) + Send + Sync + 'static,
) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::sync::Arc::new(handle);
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let handle = handle.clone();
            std::thread::spawn(move || {
                let mut out = client.try_clone().unwrap();
                let mut reader = BufReader::new(client);
                while let Some((head, body)) = read_message(&mut reader) {
                    let (rhead, rbody) = handle(&head, &body);
                    // A client that went away (a cancelled command) just ends its connection.
                    if write_message(&mut out, &rhead, &rbody).is_err() {
                        break;
                    }
                }
            });
        }
    });
    url
}

/// Sets have no order in DynamoDB: compare them sorted.
pub fn sort_sets(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("SS" | "NS" | "BS", Value::Array(mut items)) => {
                            items.sort_by_key(|x| x.to_string());
                            Value::Array(items)
                        }
                        (_, other) => sort_sets(other),
                    };
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(sort_sets).collect()),
        other => other,
    }
}
