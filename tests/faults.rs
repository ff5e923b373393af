//! Bulk loads under injected faults: a proxy between ddb and the real target throttles every
//! fourth BatchWriteItem outright and, for another fourth, forwards half the items and returns the
//! other half as UnprocessedItems. Afterwards every input item is in the table exactly as given,
//! and the summary's counts add up.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use common::{stderr, LocalServer, Suite};
use serde_json::{json, Value};

/// Counts of what the proxy did.
#[derive(Default)]
struct Injected {
    batches: AtomicU64,
    throttled: AtomicU64,
    halved: AtomicU64,
}

/// One HTTP/1.1 request or response: head lines and body.
fn read_message(reader: &mut BufReader<TcpStream>) -> Option<(Vec<String>, Vec<u8>)> {
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

fn write_message(out: &mut TcpStream, head: &[String], body: &[u8]) {
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
    out.write_all(text.as_bytes()).unwrap();
    out.write_all(body).unwrap();
}

/// Forwards one request to `upstream` and returns the response.
fn forward(upstream: &str, head: &[String], body: &[u8]) -> (Vec<String>, Vec<u8>) {
    let mut stream = TcpStream::connect(upstream).unwrap();
    write_message(&mut stream, head, body);
    let mut reader = BufReader::new(stream);
    read_message(&mut reader).expect("an upstream response")
}

fn serve_client(client: TcpStream, upstream: String, injected: Arc<Injected>) {
    let mut out = client.try_clone().unwrap();
    let mut reader = BufReader::new(client);
    while let Some((head, body)) = read_message(&mut reader) {
        let batch = head.iter().any(|h| {
            h.to_ascii_lowercase().starts_with("x-amz-target:") && h.ends_with("BatchWriteItem")
        });
        if !batch {
            let (rhead, rbody) = forward(&upstream, &head, &body);
            write_message(&mut out, &rhead, &rbody);
            continue;
        }
        let n = injected.batches.fetch_add(1, Ordering::Relaxed);
        match n % 4 {
            0 => {
                injected.throttled.fetch_add(1, Ordering::Relaxed);
                let error = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"injected throttle"}"#;
                let rhead = vec![
                    "HTTP/1.1 400 Bad Request".to_string(),
                    "Content-Type: application/x-amz-json-1.0".to_string(),
                ];
                write_message(&mut out, &rhead, error);
            }
            1 => {
                let mut request: Value = serde_json::from_slice(&body).unwrap();
                let items = request["RequestItems"].as_object_mut().unwrap();
                let (table, writes) = items.iter_mut().next().unwrap();
                let table = table.clone();
                let all = writes.as_array().unwrap().clone();
                if all.len() < 2 {
                    let (rhead, rbody) = forward(&upstream, &head, &body);
                    write_message(&mut out, &rhead, &rbody);
                    continue;
                }
                injected.halved.fetch_add(1, Ordering::Relaxed);
                let (sent, kept) = all.split_at(all.len() / 2);
                *writes = Value::Array(sent.to_vec());
                let (rhead, rbody) =
                    forward(&upstream, &head, &serde_json::to_vec(&request).unwrap());
                let mut response: Value = serde_json::from_slice(&rbody).unwrap();
                response["UnprocessedItems"] = json!({ table: kept });
                write_message(&mut out, &rhead, &serde_json::to_vec(&response).unwrap());
            }
            _ => {
                let (rhead, rbody) = forward(&upstream, &head, &body);
                write_message(&mut out, &rhead, &rbody);
            }
        }
    }
}

/// Starts the proxy in front of `upstream` (host:port); returns its URL.
fn proxy(upstream: String, injected: Arc<Injected>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let (upstream, injected) = (upstream.clone(), injected.clone());
            std::thread::spawn(move || serve_client(client, upstream, injected));
        }
    });
    url
}

#[test]
fn a_bulk_load_through_throttling_and_unprocessed_items_loses_nothing() {
    let suite = Suite::new();
    // The real target behind the proxy: DynamoDB Local, or the embedded engine served by ddb local.
    let (_server, upstream) = match suite.endpoint() {
        Some(url) => (
            None,
            url.trim_start_matches("http://")
                .trim_end_matches('/')
                .to_string(),
        ),
        None => {
            let server = LocalServer::start(&["--in-memory"]);
            let upstream = server.url.trim_start_matches("http://").to_string();
            (Some(server), upstream)
        }
    };
    let injected = Arc::new(Injected::default());
    let via_proxy = proxy(upstream.clone(), injected.clone());
    let direct = format!("http://{upstream}");
    let table = suite.table_name("Faults");
    let created = suite
        .bare()
        .args([
            "--endpoint-url",
            &direct,
            "create-table",
            &table,
            "--pk",
            "id:S",
            "--sk",
            "n:N",
        ])
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));

    let items: Vec<Value> = (0..600).map(|i| json!({"id": format!("k{}", i % 37), "n": i, "v": format!("value {i}"), "tags": [i, "x"]})).collect();
    let input = suite.dir().join("faults.ndjson");
    std::fs::write(
        &input,
        items.iter().map(|i| format!("{i}\n")).collect::<String>(),
    )
    .unwrap();
    let out = suite
        .bare()
        .args([
            "--endpoint-url",
            &via_proxy,
            "put",
            &table,
            "--file",
            input.to_str().unwrap(),
            "--parallel",
            "4",
            "--output",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();

    let batches = injected.batches.load(Ordering::Relaxed);
    let faults =
        injected.throttled.load(Ordering::Relaxed) + injected.halved.load(Ordering::Relaxed);
    assert!(
        faults * 5 >= batches,
        "at least 20% of batches were faulty: {faults} of {batches}"
    );
    assert_eq!(summary["written"], 600, "{summary}");
    assert_eq!(summary["failed"], 0);
    assert_eq!(summary["rejected"], 0);
    assert_eq!(
        summary["requests"].as_u64().unwrap(),
        batches,
        "every request the proxy saw is counted: {summary}"
    );
    assert_eq!(
        summary["retried_requests"].as_u64().unwrap(),
        faults,
        "one retry per injected fault: {summary}"
    );

    let scanned = suite
        .bare()
        .args([
            "--endpoint-url",
            &direct,
            "scan",
            &table,
            "-o",
            "ndjson",
            "--consistent",
        ])
        .output()
        .unwrap();
    let mut stored: Vec<Value> = common::ndjson(&common::stdout(&scanned));
    stored.sort_by_key(|i| i["n"].as_u64().unwrap());
    assert_eq!(stored.len(), 600);
    for (got, want) in stored.iter().zip(&items) {
        assert_eq!(got, want, "every item exactly as given");
    }
}
