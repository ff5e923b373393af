//! The page is small and served with its security headers; the API refuses requests without
//! the secret, for another host (DNS rebinding) or from another origin or site; a table of 250
//! items pages through the API with nothing skipped or repeated and a 38-digit number exact;
//! `--tables` limits what is shown; remote access needs a real token.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpStream;

use serde_json::{json, Value};

use super::{get, port_of, Ui, BIG};
use crate::common::{stderr, ServerProcess, Suite};

#[test]
fn the_page_and_api_guard_and_page_through_a_table() {
    let suite = Suite::new();
    let table = suite.table_name("UiItems");
    let other = suite.table_name("UiOther");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    suite.run_ok(&["create-table", &other, "--pk", "id:S"]);
    let file = suite.dir().join("items.ndjson");
    // Keys that need escaping on their way back as a start key: + & % é and a space.
    let mut lines: String = (0..248)
        .map(|i| format!("{{\"id\": \"k{i:03}+&%é {i}\", \"n\": {i}}}\n"))
        .collect();
    lines.push_str(&format!("{{\"id\": \"big\", \"n\": {BIG}}}\n"));
    lines.push_str("{\"id\": \"constructor\", \"constructor\": 1}\n");
    std::fs::write(&file, lines).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);

    let ui = Ui::start(&suite, &[]);
    // The page: small, and served with headers that keep other pages out.
    let mut size = 0;
    for path in ["/", "/app.js", "/app.css"] {
        let (status, head, body) = get(ui.port, path, &[]);
        assert_eq!(status, 200, "{path}");
        assert!(head
            .to_ascii_lowercase()
            .contains("content-security-policy: default-src 'self'"));
        assert!(head.to_ascii_lowercase().contains("x-frame-options: deny"));
        size += body.len();
    }
    assert!(size < 100 * 1024, "first load {size} bytes");

    // Who may ask.
    let secret = ui.secret.as_str();
    let refused = [
        (vec![], 401),
        (
            vec![("X-Ddb-Secret", "0123456789abcdef0123456789abcdef")],
            401,
        ),
        (
            vec![("Host", "attacker.example:80"), ("X-Ddb-Secret", secret)],
            421,
        ),
        (
            vec![
                ("Origin", "http://attacker.example"),
                ("X-Ddb-Secret", secret),
            ],
            403,
        ),
        (
            vec![("Sec-Fetch-Site", "cross-site"), ("X-Ddb-Secret", secret)],
            403,
        ),
    ];
    for (headers, expected) in refused {
        let (status, _, body) = get(ui.port, "/api/tables", &headers);
        assert_eq!(status, expected, "{headers:?}: {body}");
        assert!(!body.contains(&table), "nothing shown: {body}");
    }
    let (status, _, _) = get(ui.port, "/", &[("Host", "attacker.example:80")]);
    assert_eq!(status, 421, "a rebinding page cannot even load the page");

    let (status, body) = ui.api("/api/tables");
    assert_eq!(status, 200, "{body}");
    let listed = body["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == json!(table))
        .cloned()
        .unwrap_or_else(|| panic!("{table} listed: {body}"));
    assert_eq!(listed["key"]["partition"]["name"], "id");

    // 250 items, 100 a page: three pages, every item once, the big number exact.
    let mut seen = Vec::new();
    let mut start: Option<Value> = None;
    let mut pages = 0;
    loop {
        let mut path = format!("/api/tables/{table}/items?limit=100");
        if let Some(key) = &start {
            let text = key.to_string();
            let encoded: String = text
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            path.push_str(&format!("&start={encoded}"));
        }
        let (status, page) = ui.api(&path);
        assert_eq!(status, 200, "{page}");
        pages += 1;
        assert!(page["count"].as_u64().unwrap() <= 100);
        assert!(page["scanned_count"].as_u64().is_some());
        seen.extend(page["items"].as_array().unwrap().iter().cloned());
        match &page["last_evaluated_key"] {
            Value::Null => break,
            key => start = Some(key.clone()),
        }
        assert!(pages < 10);
    }
    let ids: BTreeSet<String> = seen
        .iter()
        .map(|i| i["id"]["S"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(seen.len(), 250, "nothing repeated");
    assert_eq!(ids.len(), 250, "nothing skipped");
    assert!(pages >= 3);
    let big = seen
        .iter()
        .find(|i| i["id"] == json!({"S": "big"}))
        .unwrap();
    assert_eq!(big["n"], json!({ "N": BIG }), "38 digits, as stored");

    // Errors are JSON with a status: a missing table, a bad limit, a write.
    let (status, body) = ui.api("/api/tables/NoSuchTableHere/items");
    assert_eq!(status, 404, "{body}");
    assert!(body["error"].as_str().unwrap().contains("NoSuchTableHere"));
    let (status, _) = ui.api(&format!("/api/tables/{table}/items?limit=0"));
    assert_eq!(status, 400);
    let (status, _) = ui.api(&format!("/api/tables/{table}/items?start=nonsense"));
    assert_eq!(status, 400);
    let (status, _) = ui.api("/api/nothing");
    assert_eq!(status, 404);
    // GET, POST, PUT and DELETE only; the same origin and an upper-case host pass; no Host does not.
    let (status, _, _) = get(ui.port, "/api/tables", &[("X-Ddb-Secret", secret)]);
    assert_eq!(status, 200);
    let mut stream = TcpStream::connect(("127.0.0.1", ui.port)).unwrap();
    write!(
        stream,
        "PATCH /api/tables HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Ddb-Secret: {secret}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}",
        ui.port
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 405"), "{response}");
    let own = format!("http://localhost:{}", ui.port);
    let host = format!("LOCALHOST:{}", ui.port);
    let (status, _, body) = get(
        ui.port,
        "/api/tables",
        &[
            ("Host", &host),
            ("Origin", &own),
            ("Sec-Fetch-Site", "same-origin"),
            ("X-Ddb-Secret", secret),
        ],
    );
    assert_eq!(status, 200, "{body}");
    let mut stream = TcpStream::connect(("127.0.0.1", ui.port)).unwrap();
    write!(
        stream,
        "GET /api/tables HTTP/1.0\r\nX-Ddb-Secret: {secret}\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(
        response.starts_with("HTTP/1.0 421") || response.starts_with("HTTP/1.1 421"),
        "no Host: {response}"
    );

    // --tables: only those are shown or read.
    let narrow = Ui::start(&suite, &["--tables", &table]);
    let (_, body) = narrow.api("/api/tables");
    let names: Vec<&str> = body["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec![table.as_str()]);
    let (status, _) = narrow.api(&format!("/api/tables/{other}/items"));
    assert_eq!(status, 404);
    let (status, _) = narrow.api(&format!("/api/tables/{other}"));
    assert_eq!(status, 404);
    let (exit, log) = narrow.server.terminate();
    assert!(exit.success(), "{log}");
    drop(ui);
}

#[test]
fn remote_access_needs_a_real_token() {
    let suite = Suite::new();
    // With a token (from the environment), any host name is answered, but only with the token.
    let mut command = suite.bare_std();
    command
        .args(suite.target_args())
        .args(["ui", "--port", "0", "--allow-remote"])
        .env("DDB_UI_TOKEN", "a-token-of-20-chars");
    let remote = ServerProcess::spawn(&mut command, "ddb ui: open ");
    let port = port_of(&remote.address);
    let (status, _, _) = get(port, "/api/tables", &[("Host", "my-machine:8001")]);
    assert_eq!(status, 401);
    let (status, _, _) = get(
        port,
        "/api/tables",
        &[
            ("Host", "my-machine:8001"),
            ("X-Ddb-Secret", "a-token-of-20-chars"),
        ],
    );
    assert_eq!(status, 200);
    drop(remote);
    let out = suite.run(&["ui", "--allow-remote", "--port", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = suite.run(&["ui", "--allow-remote", "--token", "short", "--port", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--token"));
}

/// The signal handlers are in place before the page's address is printed: a SIGTERM sent right
/// after that line stops the server cleanly (exit 0) instead of killing it.
#[test]
fn a_sigterm_right_after_the_address_stops_it_cleanly() {
    let suite = Suite::new();
    for _ in 0..10 {
        let (status, log) = Ui::start(&suite, &[]).server.terminate();
        assert!(status.success(), "{status:?}: {log}");
        assert!(log.contains("ddb ui: stopped"), "{log}");
    }
}
