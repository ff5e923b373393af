//! `ddb serve` under clients that push it: bursts answered at once, half-closes, replies nobody
//! reads, shutdown with requests waiting, and tokens that are no tokens. Every model.

use crate::common;

use std::io::{BufRead, Write};
use std::net::Shutdown;
use std::time::{Duration, Instant};

use common::ServerProcess;
use common::Suite;
use serde_json::{json, Value};

const MODELS: [&str; 3] = ["blocking", "threads", "async"];

fn table(suite: &Suite) -> String {
    let name = suite.table_name("Robust");
    suite.run_ok(&["create-table", &name, "--pk", "id:S"]);
    name
}

/// Every reply line until the server closes the connection.
fn replies_until_close(conn: &mut common::serve::Conn) -> Vec<Value> {
    let mut replies = Vec::new();
    loop {
        let mut line = String::new();
        match conn.reader.read_line(&mut line) {
            Ok(0) => return replies,
            Ok(_) => replies.push(
                serde_json::from_str(&line).unwrap_or_else(|e| panic!("bad reply {line:?}: {e}")),
            ),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return replies,
            Err(e) => panic!("reading replies: {e}"),
        }
    }
}

#[test]
fn ten_thousand_pipelined_pings_then_a_half_close_get_ten_thousand_replies() {
    let suite = Suite::new();
    let table = table(&suite);
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model, "--log-level", "error"]);
        let mut conn = server.connect();
        let mut burst = String::new();
        for i in 0..10_000 {
            burst.push_str(&format!("{{\"id\":{i},\"op\":\"ping\"}}\n"));
        }
        // Written from another thread: the replies come back while the burst is still going out.
        let mut writer = conn.stream.try_clone().unwrap();
        let sender = std::thread::spawn(move || {
            writer.write_all(burst.as_bytes()).unwrap();
            writer.shutdown(Shutdown::Write).unwrap();
        });
        let replies = replies_until_close(&mut conn);
        sender.join().unwrap();
        assert_eq!(replies.len(), 10_000, "{model}: every ping answered");
        for (i, reply) in replies.iter().enumerate() {
            assert_eq!(reply, &json!({"id": i, "ok": true}), "{model}");
        }

        // Writes too: every put sent before the half-close is carried out and acknowledged.
        let mut conn = server.connect();
        let mut burst = String::new();
        for i in 0..100 {
            let request = json!({"id": i, "op": "put", "table": table, "item": {"id": format!("{model}-{i}")}});
            burst.push_str(&format!("{request}\n"));
        }
        conn.stream.write_all(burst.as_bytes()).unwrap();
        conn.stream.shutdown(Shutdown::Write).unwrap();
        let replies = replies_until_close(&mut conn);
        assert_eq!(replies.len(), 100, "{model}: every put answered");
        assert!(
            replies.iter().all(|r| r["ok"] == true),
            "{model}: {replies:?}"
        );
    }
    let stored = suite.items(&table);
    assert_eq!(stored.len(), 300, "every acknowledged put is stored");
}

#[test]
fn a_last_line_without_its_newline_gets_a_bad_request_reply() {
    let suite = Suite::new();
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model]);
        let mut conn = server.connect();
        conn.stream
            .write_all(b"{\"id\":1,\"op\":\"ping\"}\n{\"id\":2,\"op\":\"pi")
            .unwrap();
        conn.stream.shutdown(Shutdown::Write).unwrap();
        let replies = replies_until_close(&mut conn);
        assert_eq!(replies.len(), 2, "{model}: {replies:?}");
        assert_eq!(replies[0], json!({"id": 1, "ok": true}));
        assert_eq!(replies[1]["error"]["code"], "BadRequest", "{model}");
    }
}

#[test]
fn a_burst_of_instant_and_database_requests_is_answered_at_once() {
    let suite = Suite::new();
    let table = table(&suite);
    for model in MODELS {
        for pipeline in ["64", "1"] {
            // A short request timeout: a server that waits for more input before taking the lines
            // it already has would close the connection with a false RequestTimeout.
            let server = ServerProcess::serve(
                &suite,
                &[
                    "--model",
                    model,
                    "--pipeline",
                    pipeline,
                    "--request-timeout",
                    "3",
                ],
            );
            let mut conn = server.connect();
            let mut burst = String::new();
            for i in 0..200 {
                let request = if i < 150 {
                    json!({"id": i, "op": "ping"})
                } else {
                    json!({"id": i, "op": "put", "table": table, "item": {"id": format!("{model}-{pipeline}-{i}")}})
                };
                burst.push_str(&format!("{request}\n"));
            }
            for i in 200..210 {
                let request = json!({"id": i, "op": "get", "table": table, "key": {"id": format!("{model}-{pipeline}-{}", i - 50)}});
                burst.push_str(&format!("{request}\n"));
            }
            let started = Instant::now();
            conn.stream.write_all(burst.as_bytes()).unwrap();
            for i in 0..210 {
                let reply = conn.recv();
                assert_eq!(reply["id"], i, "{model} --pipeline {pipeline}: {reply}");
                assert_eq!(reply["ok"], true, "{model} --pipeline {pipeline}: {reply}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(3),
                "{model} --pipeline {pipeline}: answered only after {:?}",
                started.elapsed()
            );
            // Still open and usable: no timeout closed it.
            assert_eq!(conn.call(json!({"id": "after", "op": "ping"}))["ok"], true);
        }
    }
}

/// A table of 100 KB items: a Scan page is 1 MB of them.
fn big_items_table(suite: &Suite) -> String {
    let table = table(suite);
    let file = suite.dir().join("big.ndjson");
    let mut records = String::new();
    for i in 0..12 {
        let text = format!("{i:02}").repeat(50_000);
        records.push_str(&format!(
            "{}\n",
            json!({"id": format!("big{i:02}"), "text": text})
        ));
    }
    std::fs::write(&file, records).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);
    table
}

/// A client that pipelines 64 full scans of `table` and reads none of the replies (yet).
fn unread_scans(server: &ServerProcess, table: &str) -> common::serve::Conn {
    let mut greedy = server.connect();
    let burst: String = (0..64)
        .map(|id| format!("{}\n", json!({"id": id, "op": "scan", "table": table})))
        .collect();
    greedy.stream.write_all(burst.as_bytes()).unwrap();
    greedy
}

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("VmRSS in /proc/PID/status")
}

#[test]
#[cfg(target_os = "linux")]
fn replies_nobody_reads_hold_no_more_than_the_reply_budget() {
    let suite = Suite::new();
    let table = big_items_table(&suite);
    let scan = |id: usize| json!({"id": id, "op": "scan", "table": table});
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model, "--reply-buffer", "4194304"]);
        // Warm up: one scan read in full, so the engine's and the SDK's own buffers are counted
        // in the baseline.
        let mut warm = Some(server.connect());
        for id in 0..3 {
            let reply = warm.as_mut().unwrap().call(scan(id));
            assert!(!reply["items"].as_array().unwrap().is_empty(), "{reply}");
        }
        if model == "blocking" {
            // It serves one client at a time: the greedy one is next only once this one leaves.
            warm = None;
            std::thread::sleep(Duration::from_millis(100));
        }
        let before = rss_kib(server.child.id());
        let mut greedy = unread_scans(&server, &table);
        // The server works until the budget (or, for the thread models, the socket) is full.
        let mut peak = before;
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            peak = peak.max(rss_kib(server.child.id()));
            std::thread::sleep(Duration::from_millis(50));
        }
        let growth_mib = peak.saturating_sub(before) / 1024;
        eprintln!("{model}: RSS {before} KiB before, {peak} KiB at the peak");
        // 4 MiB of replies plus one page being parsed; 64 pages would be over 80 MiB.
        assert!(
            growth_mib < 24,
            "{model}: RSS grew {growth_mib} MiB with 64 unread scans"
        );
        // The greedy client still gets every reply once it reads.
        greedy
            .stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        for id in 0..64 {
            // Each reply is a megabyte of JSON: its head says enough.
            let mut line = String::new();
            std::io::BufRead::read_line(&mut greedy.reader, &mut line).unwrap();
            assert!(
                line.starts_with(&format!("{{\"id\":{id},\"ok\":true,")),
                "{model}: {}",
                &line[..line.len().min(80)]
            );
        }
        if let Some(mut warm) = warm {
            // And others were served all along.
            assert_eq!(warm.call(json!({"id": 9, "op": "ping"}))["ok"], true);
        }
    }
}

#[test]
fn requests_waiting_at_shutdown_are_answered_not_dropped() {
    let suite = Suite::new();
    let table = big_items_table(&suite);
    for model in MODELS {
        let server = ServerProcess::serve(&suite, &["--model", model, "--pipeline", "1"]);
        let mut conn = server.connect();
        let mut burst = String::new();
        for id in 0..100 {
            let request = json!({"id": id, "op": "scan", "table": table, "limit": 3});
            burst.push_str(&format!("{request}\n"));
        }
        conn.stream.write_all(burst.as_bytes()).unwrap();
        std::thread::sleep(Duration::from_millis(100));
        std::process::Command::new("kill")
            .args(["-TERM", &server.child.id().to_string()])
            .status()
            .unwrap();
        let replies = replies_until_close(&mut conn);
        // Replies are a prefix of the requests, in order: a request with no reply was not done.
        let mut shutting_down = 0;
        for (i, reply) in replies.iter().enumerate() {
            assert_eq!(reply["id"], i, "{model}: {reply}");
            if reply["ok"] == false {
                assert_eq!(reply["error"]["code"], "ShuttingDown", "{model}: {reply}");
                shutting_down += 1;
            } else {
                assert_eq!(
                    shutting_down, 0,
                    "{model}: a request ran after one was refused"
                );
            }
        }
        if model == "async" {
            // Everything it had read is answered, done or not.
            assert_eq!(replies.len(), 100, "{model}");
            assert!(
                shutting_down > 0,
                "{model}: the scans all finished before SIGTERM"
            );
        }
        let (status, log) = server.terminate();
        assert!(status.success(), "{model}: {log}");
    }
}
#[test]
fn an_empty_token_is_a_usage_error_not_an_open_door() {
    let suite = Suite::new();
    for (args, env) in [
        (vec!["--token", ""], None),
        (vec!["--token", "  "], None),
        (vec![], Some("")),
    ] {
        let mut command = suite.ddb();
        command
            .args(["serve", "--listen", "0.0.0.0:0"])
            .args(&args)
            .env_remove("DDB_SERVE_TOKEN");
        if let Some(value) = env {
            command.env("DDB_SERVE_TOKEN", value);
        }
        let out = command.output().unwrap();
        let stderr = common::stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?} {env:?}: {stderr}");
        assert!(
            stderr.contains("is empty") || stderr.contains("give --token"),
            "{args:?} {env:?}: {stderr}"
        );
    }
    // On loopback too: an empty token must not turn into a server that accepts an empty auth.
    let out = suite.run(&["serve", "--listen", "127.0.0.1:0", "--token", ""]);
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
}

/// Reply memory just big enough for one page: whoever holds it makes everyone else wait.
const ONE_PAGE: &str = "1572864";

#[test]
fn a_client_that_stops_reading_is_closed_and_gives_its_reply_memory_back() {
    let suite = Suite::new();
    let table = big_items_table(&suite);
    for model in ["threads", "async"] {
        let server = ServerProcess::serve(
            &suite,
            &[
                "--model",
                model,
                "--reply-memory",
                ONE_PAGE,
                "--request-timeout",
                "1",
            ],
        );
        let greedy = unread_scans(&server, &table);
        std::thread::sleep(Duration::from_millis(300));
        let started = Instant::now();
        let mut other = server.connect();
        let reply = other.call(json!({"id": "other", "op": "scan", "table": table, "limit": 3}));
        assert_eq!(reply["ok"], true, "{model}: {reply}");
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{model}: waited {:?} for the greedy client",
            started.elapsed()
        );
        // The server gives up on the greedy client after its 1 s request timeout; dropping the
        // client before that would end the connection with a reset instead (a different log
        // line), so the test waits for the server's word first (bounded).
        let stalled = |log: &str| {
            log.contains("read nothing")
                || log.contains("Resource temporarily unavailable")
                || log.contains("timed out")
        };
        let waiting = Instant::now();
        while !stalled(&server.stderr.lock().unwrap())
            && waiting.elapsed() < Duration::from_secs(15)
        {
            std::thread::sleep(Duration::from_millis(50));
        }
        drop(greedy);
        let (_, log) = server.terminate();
        assert!(
            stalled(&log),
            "{model}: the stalled client is logged: {log}"
        );
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_call_waiting_for_reply_memory_reads_nothing_more_meanwhile() {
    let suite = Suite::new();
    let table = big_items_table(&suite);
    let server = ServerProcess::serve(
        &suite,
        &[
            "--model",
            "async",
            "--reply-memory",
            ONE_PAGE,
            "--request-timeout",
            "60",
        ],
    );
    let greedy = unread_scans(&server, &table);
    std::thread::sleep(Duration::from_millis(300));
    let before = rss_kib(server.child.id());
    // A scan that must wait for the greedy client's memory, then 64 MiB with no newline.
    let mut flood = server.connect().stream;
    flood
        .set_write_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    let request = format!(
        "{}\n",
        json!({"id": 1, "op": "scan", "table": table, "limit": 3})
    );
    flood.write_all(request.as_bytes()).unwrap();
    let sender = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1024 * 1024];
        for _ in 0..64 {
            if flood.write_all(&chunk).is_err() {
                break;
            }
        }
        flood
    });
    let flood = sender.join().unwrap();
    let growth_mib = rss_kib(server.child.id()).saturating_sub(before) / 1024;
    assert!(
        growth_mib < 24,
        "the server took in {growth_mib} MiB while the call waited"
    );
    drop((flood, greedy));
}
