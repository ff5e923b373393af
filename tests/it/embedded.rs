//! The embedded engine as a target of its own: `ddb local` as a server for other clients, many
//! ddb processes sharing one data directory, and a load killed with SIGKILL. These tests always
//! use the embedded engine, whatever `DDB_TEST_ENDPOINT` says.

use crate::common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{raw_request, stderr, ServerProcess, Suite};
use serde_json::{json, Value};

#[test]
fn ddb_local_serves_plain_http_and_the_sdk_and_stops_on_sigterm() {
    let suite = Suite::new();
    let server = ServerProcess::local(&["--data-dir", suite.data_dir().to_str().unwrap()]);
    let (status, created) = raw_request(
        server.port(),
        "CreateTable",
        r#"{"TableName": "Plain", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}"#,
    );
    assert_eq!(status, 200, "{created}");
    let (status, listed) = raw_request(server.port(), "ListTables", "{}");
    assert_eq!(status, 200);
    assert_eq!(listed["TableNames"], json!(["Plain"]));
    // The SDK path: ddb itself pointed at the server.
    let sdk = suite
        .bare()
        .args([
            "--endpoint-url",
            &server.address,
            "put",
            "Plain",
            r#"{"id": "from-sdk"}"#,
        ])
        .output()
        .unwrap();
    assert!(sdk.status.success(), "{}", stderr(&sdk));
    let (_, got) = raw_request(
        server.port(),
        "GetItem",
        r#"{"TableName": "Plain", "Key": {"id": {"S": "from-sdk"}}}"#,
    );
    assert_eq!(got["Item"], json!({"id": {"S": "from-sdk"}}));
    assert!(server.terminate().0.success(), "SIGTERM is a clean stop");
    // The data stayed in the data directory.
    let after = suite
        .bare()
        .args([
            "--local",
            "--data-dir",
            suite.data_dir().to_str().unwrap(),
            "get",
            "Plain",
            "from-sdk",
        ])
        .output()
        .unwrap();
    assert!(after.status.success(), "{}", stderr(&after));
}

#[test]
fn ddb_local_refuses_a_busy_port_and_a_remote_bind_without_consent() {
    let suite = Suite::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = suite
        .bare()
        .args(["local", "--in-memory", "--port", &port])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("port {port} is already in use on 127.0.0.1")),
        "{}",
        stderr(&out)
    );
    let out = suite
        .bare()
        .args(["local", "--in-memory", "--port", "0", "--bind", "0.0.0.0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("add --allow-remote"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn eight_processes_write_into_one_data_directory_at_once() {
    let suite = Suite::new();
    let created = suite
        .embedded()
        .args(["create-table", "Shared", "--pk", "id:S"])
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));
    std::thread::scope(|scope| {
        for w in 0..8 {
            let suite = &suite;
            scope.spawn(move || {
                for i in 0..15 {
                    let item = json!({"id": format!("w{w}-{i}"), "worker": w}).to_string();
                    let out = suite
                        .embedded()
                        .args(["put", "Shared", &item])
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "worker {w} put {i}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            });
        }
    });
    let scanned = suite
        .embedded()
        .args(["scan", "Shared", "-o", "ndjson"])
        .output()
        .unwrap();
    let ids: std::collections::BTreeSet<String> = common::ndjson(&common::stdout(&scanned))
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let expected: std::collections::BTreeSet<String> = (0..8)
        .flat_map(|w| (0..15).map(move |i| format!("w{w}-{i}")))
        .collect();
    assert_eq!(ids, expected);
}

fn generated(i: u64) -> Value {
    json!({"pk": format!("p{}", i % 97), "sk": i, "payload": format!("{i:0>300}"), "check": i * 7})
}

#[test]
fn a_load_killed_with_sigkill_leaves_a_database_of_whole_items() {
    let suite = Suite::new();
    let created = suite
        .embedded()
        .args(["create-table", "Killed", "--pk", "pk:S", "--sk", "sk:N"])
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));
    let mut load = Command::new(assert_cmd::cargo::cargo_bin("ddb"))
        .args(["--local", "--data-dir"])
        .arg(suite.data_dir())
        .args(["put", "Killed", "--file", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Feed items for as long as the load runs: far more than it can write before the kill.
    let mut stdin = load.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for i in 0..1_000_000u64 {
            if writeln!(stdin, "{}", generated(i)).is_err() {
                return;
            }
        }
    });
    let count = || -> u64 {
        let out = suite
            .embedded()
            .args(["scan", "Killed", "--select", "count", "-o", "text"])
            .output()
            .unwrap();
        common::stdout(&out).trim().parse().unwrap_or(0)
    };
    let started = Instant::now();
    while count() < 2_000 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the load made no progress"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    load.kill().unwrap(); // SIGKILL
    load.wait().unwrap();
    feeder.join().unwrap();
    let scanned = suite
        .embedded()
        .args(["scan", "Killed", "-o", "ndjson"])
        .output()
        .unwrap();
    assert!(
        scanned.status.success(),
        "the database opens after the kill: {}",
        stderr(&scanned)
    );
    let items = common::ndjson(&common::stdout(&scanned));
    assert!(
        items.len() >= 2_000 && items.len() < 1_000_000,
        "{}",
        items.len()
    );
    for item in &items {
        let i = item["sk"].as_u64().unwrap();
        assert_eq!(item, &generated(i), "every item is whole");
    }
}

/// A client that sent half a request (headers only, or part of a body) must not keep `ddb local`
/// running after SIGTERM: CI scripts stop it with `kill`.
#[test]
fn ddb_local_stops_on_sigterm_while_clients_hold_half_sent_requests() {
    use std::io::Write;
    let server = ServerProcess::local(&["--in-memory"]);
    let port = server.port();
    let mut headers_only = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    headers_only
        .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n")
        .unwrap();
    let mut half_body = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    half_body
        .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 100\r\n\r\n{\"Li")
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let started = std::time::Instant::now();
    let (status, _) = server.terminate();
    assert!(status.success(), "{status:?}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(8),
        "ddb local took {:?} to stop",
        started.elapsed()
    );
    drop((headers_only, half_body));
}

/// A data directory ddb cannot write: a read-only mount for root (who ignores permissions), a
/// directory without write permission for anyone else. Undone on drop.
#[cfg(target_os = "linux")]
struct ReadOnlyDir {
    path: std::path::PathBuf,
    mounted: bool,
}

#[cfg(target_os = "linux")]
impl ReadOnlyDir {
    fn of(source: &std::path::Path, at: &std::path::Path) -> ReadOnlyDir {
        let root = unsafe { libc::geteuid() } == 0;
        if root {
            std::fs::create_dir_all(at).unwrap();
            let run = |args: &[&str]| {
                let ok = std::process::Command::new("mount")
                    .args(args)
                    .status()
                    .unwrap()
                    .success();
                assert!(ok, "mount {args:?}");
            };
            run(&["--bind", source.to_str().unwrap(), at.to_str().unwrap()]);
            run(&["-o", "remount,bind,ro", at.to_str().unwrap()]);
            ReadOnlyDir {
                path: at.to_path_buf(),
                mounted: true,
            }
        } else {
            let status = std::process::Command::new("chmod")
                .args(["a-w", source.to_str().unwrap()])
                .status()
                .unwrap();
            assert!(status.success());
            ReadOnlyDir {
                path: source.to_path_buf(),
                mounted: false,
            }
        }
    }
}

#[cfg(target_os = "linux")]
impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        if self.mounted {
            let _ = std::process::Command::new("umount")
                .arg(&self.path)
                .status();
        } else {
            let _ = std::process::Command::new("chmod")
                .args(["u+w", self.path.to_str().unwrap()])
                .status();
        }
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_read_only_data_directory_serves_reads_and_refuses_writes() {
    let suite = Suite::new();
    let source = suite.dir().join("data");
    let data = source.to_str().unwrap();
    suite
        .bare()
        .args([
            "--data-dir",
            data,
            "-q",
            "create-table",
            "Kept",
            "--pk",
            "id:S",
        ])
        .assert()
        .success();
    suite
        .bare()
        .args([
            "--data-dir",
            data,
            "-q",
            "put",
            "Kept",
            r#"{"id": "a", "n": 1}"#,
        ])
        .assert()
        .success();
    let read_only = ReadOnlyDir::of(&source, &suite.dir().join("mounted"));
    let dir = read_only.path.to_str().unwrap().to_string();
    let got = suite
        .bare()
        .args(["--data-dir", &dir, "get", "Kept", "a"])
        .output()
        .unwrap();
    let err = stderr(&got);
    assert!(got.status.success(), "{err}");
    assert!(
        err.contains("cannot write the data directory or its database"),
        "{err}"
    );
    let item: Value = serde_json::from_slice(&got.stdout).unwrap();
    assert_eq!(item["n"], 1);
    let put = suite
        .bare()
        .args(["--data-dir", &dir, "put", "Kept", r#"{"id": "b"}"#])
        .output()
        .unwrap();
    assert_eq!(put.status.code(), Some(1));
    assert!(
        stderr(&put).contains("refuses every write"),
        "{}",
        stderr(&put)
    );
    drop(read_only);
    // Nothing was written: the item refused is not there once the directory is writable again.
    let scan = suite
        .bare()
        .args(["--data-dir", data, "-q", "scan", "Kept", "-o", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(
        common::ndjson(&common::stdout(&scan)),
        vec![json!({"id": "a", "n": 1})]
    );
}

/// A command's own engine takes its requests in process, not over a connection: ddb's policies
/// must hold there as they do for clients of `ddb local`. Names the engine cannot hold are
/// refused, and the tables it has stay whole.
#[test]
fn a_commands_own_engine_refuses_the_names_it_cannot_hold() {
    let suite = Suite::new();
    let data = suite.dir().join("data");
    let data = data.to_str().unwrap();
    let ddb = |args: &[&str]| {
        suite
            .bare()
            .args(["--data-dir", data, "-q"])
            .args(args)
            .output()
            .unwrap()
    };
    assert!(ddb(&["create-table", "Movies", "--pk", "year:N"])
        .status
        .success());
    assert!(ddb(&["put", "Movies", r#"{"year": 2015}"#])
        .status
        .success());
    for (name, why) in [
        ("_tables", "reserves the table name _tables"),
        ("sqlite_master", "reserves the table name sqlite_master"),
        ("movies", "cannot hold table movies beside Movies"),
    ] {
        let refused = ddb(&["create-table", name, "--pk", "id:S"]);
        assert_eq!(refused.status.code(), Some(1), "{name}");
        assert!(
            stderr(&refused).contains(why),
            "{name}: {}",
            stderr(&refused)
        );
    }
    let refused = ddb(&["delete-table", "_tables", "--yes"]);
    assert!(
        stderr(&refused).contains("reserves the table name _tables"),
        "{}",
        stderr(&refused)
    );
    let tables = ddb(&["list-tables", "-o", "ndjson"]);
    assert_eq!(
        common::ndjson(&common::stdout(&tables)),
        vec![json!(["Movies"])]
    );
    let scan = ddb(&["scan", "Movies", "-o", "ndjson"]);
    assert_eq!(
        common::ndjson(&common::stdout(&scan)),
        vec![json!({"year": 2015})]
    );
}

/// A supervisor may stop `ddb local` as soon as it says it is serving: the signal handlers are in
/// place before that line, so the SIGTERM ends it cleanly (exit 0) instead of killing it.
#[test]
fn ddb_local_stops_cleanly_on_a_sigterm_right_after_its_first_line() {
    for _ in 0..20 {
        let (status, log) = ServerProcess::local(&["--in-memory"]).terminate();
        assert!(status.success(), "{status:?}: {log}");
    }
}
