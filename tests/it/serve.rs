//! `ddb serve` end to end: the real binary on an ephemeral loopback port, for every model.

use crate::common;

use std::io::{BufRead, Read, Write};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::Suite;
use serde_json::{json, Value};

const MODELS: [&str; 3] = ["blocking", "threads", "async"];

use common::serve::Conn;
use common::ServerProcess;

fn table(suite: &Suite) -> String {
    let name = suite.table_name("Serve");
    suite.run_ok(&["create-table", &name, "--pk", "id:S"]);
    name
}

#[test]
fn many_clients_at_once_get_their_own_answers() {
    let suite = Suite::new();
    let table = table(&suite);
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model, "--log-level", "error"]);
        std::thread::scope(|scope| {
            for client in 0..12 {
                let (server, table) = (&server, &table);
                scope.spawn(move || {
                    let mut conn = server.connect();
                    for i in 0..8 {
                        let id = format!("{model}-{client}-{i}");
                        let put = conn.call(json!({"id": i * 2, "op": "put", "table": table, "item": {"id": id, "n": i}}));
                        assert_eq!(put, json!({"id": i * 2, "ok": true}));
                        let got = conn.call(json!({"id": i * 2 + 1, "op": "get", "table": table, "key": {"id": id}}));
                        assert_eq!(got["item"], json!({"id": id, "n": i}), "{model}");
                        assert_eq!(got["id"], i * 2 + 1);
                    }
                });
            }
        });
        let (status, log) = server.terminate();
        assert!(status.success(), "{log}");
        assert!(
            log.contains("stopped: 12 connections, 192 requests, 0 errors"),
            "{model}: {log}"
        );
    }
}

#[test]
fn pipelined_requests_come_back_in_order_with_their_ids() {
    let suite = Suite::new();
    let table = table(&suite);
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model]);
        let mut conn = server.connect();
        let mut batch = String::new();
        for i in 0..60 {
            let request = match i % 3 {
                0 => json!({"id": i, "op": "ping"}),
                1 => json!({"id": i, "op": "put", "table": table, "item": {"id": format!("p{i}")}}),
                _ => {
                    json!({"id": i, "op": "get", "table": table, "key": {"id": format!("p{}", i - 1)}})
                }
            };
            batch.push_str(&format!("{request}\n"));
        }
        conn.stream.write_all(batch.as_bytes()).unwrap();
        for i in 0..60 {
            let reply = conn.recv();
            assert_eq!(reply["id"], i, "{model}: replies in request order");
            assert_eq!(reply["ok"], true, "{model}: {reply}");
            if i % 3 == 2 {
                assert_eq!(
                    reply["item"],
                    json!({"id": format!("p{}", i - 1)}),
                    "{model}: a get sees the put before it"
                );
            }
        }
    }
}

#[test]
fn bad_requests_get_error_replies_and_the_connection_stays_usable() {
    let suite = Suite::new();
    let table = table(&suite);
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model]);
        let mut conn = server.connect();
        conn.stream.write_all(b"{\"id\": 1, \"op\": \n").unwrap();
        let reply = conn.recv();
        assert_eq!(reply["ok"], false);
        assert_eq!(reply["error"]["code"], "BadRequest", "{model}");
        assert!(
            reply["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("malformed JSON"),
            "{reply}"
        );
        assert_eq!(
            conn.call(json!({"id": 2, "op": "frob"}))["error"]["code"],
            "UnknownOp"
        );
        assert_eq!(
            conn.call(json!({"id": 3, "op": "get", "table": table}))["error"]["code"],
            "InvalidRequest"
        );
        let missing =
            conn.call(json!({"id": 4, "op": "get", "table": "NoSuchTable", "key": {"id": "x"}}));
        assert_eq!(
            missing["error"]["code"], "ResourceNotFoundException",
            "{missing}"
        );
        assert_eq!(
            conn.call(json!({"id": 5, "op": "ping"})),
            json!({"id": 5, "ok": true}),
            "still usable"
        );
        let scan = conn.call(json!({"id": 6, "op": "scan", "table": table, "limit": 1}));
        assert_eq!(scan["ok"], true, "{scan}");
    }
}

#[test]
fn an_oversized_line_is_refused_and_the_connection_closed() {
    let suite = Suite::new();
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model, "--max-line", "1000"]);
        let mut conn = server.connect();
        let big = format!(
            "{{\"id\": 1, \"op\": \"ping\", \"pad\": \"{}\"}}\n",
            "x".repeat(5000)
        );
        conn.stream.write_all(big.as_bytes()).unwrap();
        let reply = conn.recv();
        assert_eq!(reply["error"]["code"], "LineTooLong", "{model}: {reply}");
        assert!(conn.closed(), "{model}: closed after the refusal");
        assert_eq!(
            server.connect().call(json!({"id": 2, "op": "ping"}))["ok"],
            true,
            "others are served"
        );
    }
}

#[test]
fn a_half_sent_request_times_out_without_holding_up_others() {
    let suite = Suite::new();
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model, "--request-timeout", "1"]);
        let mut slow = server.connect();
        slow.stream.write_all(b"{\"id\": 1, \"op\": \"pi").unwrap();
        let started = Instant::now();
        if model != "blocking" {
            // Served at once while the slow client still holds its connection.
            let mut other = server.connect();
            assert_eq!(other.call(json!({"id": 9, "op": "ping"}))["ok"], true);
            assert!(
                started.elapsed() < Duration::from_millis(900),
                "{model}: others wait for nobody"
            );
        }
        let reply = slow.recv();
        assert_eq!(reply["error"]["code"], "RequestTimeout", "{model}: {reply}");
        assert!(slow.closed());
        assert!(
            started.elapsed() >= Duration::from_millis(900),
            "{model}: timed out after about a second"
        );
        // The blocking model serves the next client once the slow one is gone.
        assert_eq!(
            server.connect().call(json!({"id": 2, "op": "ping"}))["ok"],
            true
        );
    }
}

#[test]
fn clients_beyond_max_clients_wait_for_a_free_slot() {
    let suite = Suite::new();
    for model in ["threads", "async"] {
        let server = ServerProcess::serve(&suite, &["--model", model, "--max-clients", "2"]);
        let mut first = server.connect();
        let mut second = server.connect();
        assert_eq!(first.call(json!({"id": 1, "op": "ping"}))["ok"], true);
        assert_eq!(second.call(json!({"id": 2, "op": "ping"}))["ok"], true);
        let mut third = server.connect();
        third.send(&json!({"id": 3, "op": "ping"}));
        third
            .stream
            .set_read_timeout(Some(Duration::from_millis(300)))
            .unwrap();
        let mut early = [0u8; 1];
        let waited = third.reader.read(&mut early);
        assert!(
            matches!(&waited, Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut)),
            "{model}: a third client is not served while two hold the slots: {waited:?}"
        );
        drop(first);
        third
            .stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        assert_eq!(
            third.recv(),
            json!({"id": 3, "ok": true}),
            "{model}: served once a slot is free"
        );
        assert_eq!(second.call(json!({"id": 4, "op": "ping"}))["ok"], true);
    }
}

#[test]
fn clients_that_vanish_mid_request_disturb_no_one() {
    let suite = Suite::new();
    let table = table(&suite);
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model, "--log-level", "info"]);
        {
            let mut half = server.connect();
            half.stream
                .write_all(b"{\"id\": 1, \"op\": \"put\", \"tab")
                .unwrap();
        }
        {
            // Gone before its reply is written.
            let mut gone = server.connect();
            gone.send(&json!({"id": 1, "op": "put", "table": table, "item": {"id": format!("{model}-gone")}}));
        }
        let mut conn = server.connect();
        let put =
            json!({"id": 2, "op": "put", "table": table, "item": {"id": format!("{model}-stays")}});
        assert_eq!(conn.call(put)["ok"], true, "{model}");
        let get =
            json!({"id": 3, "op": "get", "table": table, "key": {"id": format!("{model}-stays")}});
        assert_eq!(conn.call(get)["item"]["id"], format!("{model}-stays"));
        drop(conn);
        let (status, log) = server.terminate();
        assert!(status.success(), "{model}: {log}");
        let opened = log
            .lines()
            .filter(|l| l.contains(": open 127.0.0.1:"))
            .count();
        let closed = log
            .lines()
            .filter(|l| l.contains(": close 127.0.0.1:"))
            .count();
        assert_eq!(
            (opened, closed),
            (3, 3),
            "{model}: a line per open and close: {log}"
        );
    }
}

#[test]
fn running_out_of_file_descriptors_backs_off_and_recovers() {
    let suite = Suite::new();
    for model in ["threads", "async"] {
        // A hard limit the server cannot raise: 64 open files, fewer than the clients below.
        let mut limited = Command::new("sh");
        limited.args(["-c", "ulimit -n 64 && exec \"$@\"", "sh"]);
        limited.arg(assert_cmd::cargo::cargo_bin("ddb"));
        let server =
            ServerProcess::serve_in(limited, &suite, &["--model", model, "--log-level", "error"]);
        let mut held: Vec<Conn> = (0..100).map(|_| server.connect()).collect();
        for (i, conn) in held.iter_mut().enumerate() {
            conn.send(&json!({"id": i, "op": "ping"}));
        }
        // Some clients are served, and the rest wait while the server is out of descriptors.
        let mut answered = 0;
        for conn in held.iter_mut().take(10) {
            assert_eq!(conn.recv()["ok"], true, "{model}");
            answered += 1;
        }
        let ticks = |pid: u32| -> u64 {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
            let fields: Vec<&str> = stat
                .rsplit(')')
                .next()
                .unwrap()
                .split_whitespace()
                .collect();
            fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
        };
        std::thread::sleep(Duration::from_millis(500));
        let before = ticks(server.child.id());
        std::thread::sleep(Duration::from_secs(2));
        let spent = ticks(server.child.id()) - before;
        // A loop retrying accept at once would burn about 200 ticks (100 a second).
        assert!(
            spent < 60,
            "{model}: the server spins while out of descriptors ({spent} ticks in 2 s)"
        );
        assert!(
            server.stderr.lock().unwrap().contains("retrying in"),
            "{model}: the exhaustion is logged: {}",
            server.stderr.lock().unwrap()
        );
        drop(held);
        let mut after = server.connect();
        assert_eq!(
            after.call(json!({"id": "after", "op": "ping"}))["ok"],
            true,
            "{model}: served again once descriptors are free ({answered} answered before)"
        );
        let (status, log) = server.terminate();
        assert!(status.success(), "{model}: {log}");
    }
}

#[test]
fn an_idle_client_is_closed_after_the_idle_timeout() {
    let suite = Suite::new();
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model, "--idle-timeout", "1"]);
        let mut idle = server.connect();
        assert_eq!(idle.call(json!({"id": 1, "op": "ping"}))["ok"], true);
        let started = Instant::now();
        assert!(idle.closed(), "{model}: the idle client is closed");
        assert!(
            started.elapsed() >= Duration::from_millis(900),
            "{model}: not before the timeout"
        );
        assert_eq!(
            server.connect().call(json!({"id": 2, "op": "ping"}))["ok"],
            true,
            "{model}: the server goes on"
        );
    }
}

/// The signal handlers are in place before the server says where it listens: a SIGTERM sent right
/// after that line ends it cleanly (exit 0, with its summary) instead of killing it.
#[test]
fn a_sigterm_right_after_the_first_line_stops_it_cleanly() {
    let suite = Suite::new();
    for _ in 0..10 {
        let server = ServerProcess::serve(&suite, &["--model", "async"]);
        let (status, log) = server.terminate();
        assert!(status.success(), "{status:?}: {log}");
        assert!(log.contains("stopped: 0 connections"), "{log}");
    }
}

#[test]
fn sigterm_ends_idle_connections_at_once() {
    let suite = Suite::new();
    for model in MODELS {
        // The default idle timeout (300 s) would hold a waiting read far past the test's bound.
        let server = ServerProcess::serve(&suite, &["--model", model, "--log-level", "error"]);
        let count = if model == "blocking" { 1 } else { 5 };
        let mut held: Vec<Conn> = (0..count).map(|_| server.connect()).collect();
        for (i, conn) in held.iter_mut().enumerate() {
            assert_eq!(conn.call(json!({"id": i, "op": "ping"}))["ok"], true);
        }
        let (status, log) = server.terminate();
        assert!(status.success(), "{model}: {log}");
        let summary = format!("stopped: {count} connections, {count} requests, 0 errors");
        assert!(log.contains(&summary), "{model}: {log}");
        for conn in &mut held {
            assert!(conn.closed(), "{model}: a held connection is closed");
        }
    }
}

#[test]
fn the_lectures_client_gets_caps_replies() {
    let suite = Suite::new();
    let client = common::fixture("lecture/client.py");
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model, "--protocol", "caps"]);
        let port = server.address.rsplit(':').next().unwrap().to_string();
        for (message, expected) in [("HELLO WORLD", "ALL CAPS"), ("Hello world", "NOT ALL CAPS")] {
            let out = Command::new("python3")
                .args([&client, "127.0.0.1", &port, message])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                format!("Server response: {expected}\n"),
                "{model}"
            );
        }
    }
}

#[test]
fn sigterm_during_load_loses_no_acknowledged_write() {
    let suite = Suite::new();
    let table = table(&suite);
    for model in ["threads", "async"] {
        let server = ServerProcess::serve(&suite, &["--model", model, "--log-level", "error"]);
        let acknowledged = Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for client in 0..4 {
                let (server, table, acknowledged) = (&server, &table, &acknowledged);
                scope.spawn(move || {
                    let mut conn = server.connect();
                    for i in 0..100_000 {
                        let id = format!("{model}-{client}-{i}");
                        if writeln!(
                            conn.stream,
                            "{}",
                            json!({"id": i, "op": "put", "table": table, "item": {"id": id}})
                        )
                        .is_err()
                        {
                            return;
                        }
                        let mut line = String::new();
                        match conn.reader.read_line(&mut line) {
                            Ok(n) if n > 0 => {
                                let reply: Value = serde_json::from_str(&line).unwrap();
                                assert_eq!(reply["ok"], true, "{reply}");
                                acknowledged.lock().unwrap().push(id);
                            }
                            _ => return,
                        }
                    }
                });
            }
            std::thread::sleep(Duration::from_millis(500));
            Command::new("kill")
                .args(["-TERM", &server.child.id().to_string()])
                .status()
                .unwrap();
        });
        let (status, log) = server.terminate();
        assert!(status.success(), "{model}: {log}");
        assert!(log.contains("stopped: 4 connections"), "{log}");
        let acknowledged = acknowledged.into_inner().unwrap();
        assert!(
            acknowledged.len() > 10,
            "{model}: the load ran ({})",
            acknowledged.len()
        );
        let stored: std::collections::HashSet<String> = suite
            .items(&table)
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect();
        for id in &acknowledged {
            assert!(stored.contains(id), "{model}: acknowledged {id} is stored");
        }
    }
}

#[test]
fn tokens_read_only_and_table_lists_restrict_clients() {
    let suite = Suite::new();
    let table = table(&suite);
    let out = suite.run(&["serve", "--listen", "0.0.0.0:0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("give --token"),
        "{}",
        common::stderr(&out)
    );

    let server = ServerProcess::serve(
        &suite,
        &["--token", "s3cret-token", "--read-only", "--tables", &table],
    );
    let mut wrong = server.connect();
    let reply = wrong.call(json!({"id": 1, "op": "auth", "token": "guess"}));
    assert_eq!(reply["error"]["code"], "Unauthorized");
    assert!(wrong.closed(), "a wrong token closes the connection");
    let mut skipped = server.connect();
    assert_eq!(
        skipped.call(json!({"id": 1, "op": "ping"}))["error"]["code"],
        "Unauthorized"
    );
    let mut conn = server.connect();
    assert_eq!(
        conn.call(json!({"id": 1, "op": "auth", "token": "s3cret-token"}))["ok"],
        true
    );
    let put = conn.call(json!({"id": 2, "op": "put", "table": table, "item": {"id": "x"}}));
    assert_eq!(put["error"]["code"], "Forbidden");
    let other = conn.call(json!({"id": 3, "op": "scan", "table": "Elsewhere"}));
    assert_eq!(other["error"]["code"], "Forbidden");
    assert_eq!(
        conn.call(json!({"id": 4, "op": "list-tables"}))["tables"],
        json!([table])
    );
    let (_, log) = server.terminate();
    assert!(
        !log.contains("s3cret-token"),
        "the token is never logged: {log}"
    );
}
