//! `ddb ui`'s server and API, on the suite's target: the page is small and served with its
//! security headers; the API refuses requests without the secret, for another host (DNS
//! rebinding) or from another origin or site; a table of 250 items pages through the API with
//! nothing skipped or repeated and a 38-digit number exact; `--tables` limits what is shown.

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::{json, Value};

use crate::common::{stderr, ServerProcess, Suite};

const BIG: &str = "12345678901234567890123456789012345678";

/// One GET with these headers (Host is added unless given): status, headers, body.
fn get(port: u16, path: &str, headers: &[(&str, &str)]) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut request = format!("GET {path} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        request.push_str(&format!("Host: 127.0.0.1:{port}\r\n"));
    }
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_string(), body.to_string())
}

/// The port of the URL `ddb ui` printed.
fn port_of(url: &str) -> u16 {
    url.trim_start_matches("http://127.0.0.1:")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

struct Ui {
    server: ServerProcess,
    port: u16,
    secret: String,
}

impl Ui {
    fn start(suite: &Suite, extra: &[&str]) -> Ui {
        let mut command = suite.bare_std();
        command
            .args(suite.target_args())
            .args(["ui", "--port", "0"])
            .args(extra);
        let server = ServerProcess::spawn(&mut command, "ddb ui: open ");
        let url = server.address.clone();
        let port = port_of(&url);
        let secret = url.split("#secret=").nth(1).unwrap().to_string();
        Ui {
            server,
            port,
            secret,
        }
    }

    fn api(&self, path: &str) -> (u16, Value) {
        let (status, _, body) = get(self.port, path, &[("X-Ddb-Secret", &self.secret)]);
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }
}

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
    // Only reads so far; the same origin and an upper-case host pass; no Host does not.
    let (status, _, _) = get(ui.port, "/api/tables", &[("X-Ddb-Secret", secret)]);
    assert_eq!(status, 200);
    let mut stream = TcpStream::connect(("127.0.0.1", ui.port)).unwrap();
    write!(
        stream,
        "POST /api/tables HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Ddb-Secret: {secret}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}",
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

/// The browser the page is tested in: Debian's `chromium`. Without one the test says so and
/// passes, except under CI (`CI` set), where .ci/run installs it and its absence is a failure.
fn chromium() -> Option<String> {
    let found = ["chromium", "chromium-browser"].into_iter().find(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but no chromium is installed"
        );
        eprintln!("skipped: no chromium on this machine (apt-get install chromium)");
    }
    found.map(str::to_string)
}

/// The DOM after the page's script ran, in headless Chromium.
fn rendered(browser: &str, profile: &std::path::Path, url: &str) -> String {
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", url])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_page_renders_tables_and_a_page_of_items_in_a_real_browser() {
    let Some(browser) = chromium() else { return };
    let suite = Suite::new();
    let table = suite.table_name("UiPage");
    let small = suite.table_name("UiBig");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    suite.run_ok(&["create-table", &small, "--pk", "id:S"]);
    let file = suite.dir().join("items.ndjson");
    let lines: String = (0..150)
        .map(|i| format!("{{\"id\": \"k{i:03}\", \"n\": {i}}}\n"))
        .collect();
    std::fs::write(&file, lines).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);
    suite.run_ok(&["put", &small, &format!("{{\"id\": \"big\", \"n\": {BIG}}}")]);
    let ui = Ui::start(&suite, &["--tables", &format!("{table},{small}")]);
    let url = format!("http://127.0.0.1:{}/#secret={}", ui.port, ui.secret);

    let tables = rendered(&browser, &suite.dir().join("chromium"), &url);
    assert!(tables.contains(&format!(">{table}</a>")), "{tables}");
    assert!(tables.contains("id (S)"), "the key schema is shown");

    let items = rendered(
        &browser,
        &suite.dir().join("chromium"),
        &format!("{url}&table={table}"),
    );
    let body = items.split("<tbody>").nth(2).expect("the items table");
    let rows = body
        .split("</tbody>")
        .next()
        .unwrap()
        .matches("<tr>")
        .count();
    assert_eq!(rows, 100, "one page of 100 items");
    assert!(items.contains("page 1, 100 items"), "{items}");
    assert!(
        items.contains("Scan: read 100 items to return 100"),
        "the cost line: {items}"
    );
    // A 38-digit number is shown as stored, not as a rounded float.
    let big = rendered(
        &browser,
        &suite.dir().join("chromium"),
        &format!("{url}&table={small}"),
    );
    assert!(big.contains(&format!(">{BIG}</td>")), "{big}");
}

/// Every page of a read through the API (items or query), with the path's parameters.
fn all_pages(ui: &Ui, path: &str) -> (Vec<Value>, u64) {
    let mut items = Vec::new();
    let mut scanned = 0;
    let mut start: Option<Value> = None;
    for _ in 0..100 {
        let mut url = format!("{path}&limit=200");
        if let Some(key) = &start {
            url.push_str(&format!("&start={}", encode(&key.to_string())));
        }
        let (status, page) = ui.api(&url);
        assert_eq!(status, 200, "{url}: {page}");
        scanned += page["scanned_count"].as_u64().unwrap();
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match &page["last_evaluated_key"] {
            Value::Null => return (items, scanned),
            key => start = Some(key.clone()),
        }
    }
    panic!("more than 100 pages");
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// (year, title) of typed items, sorted.
fn movie_keys(items: &[Value]) -> Vec<(String, String)> {
    let mut keys: Vec<_> = items
        .iter()
        .map(|i| {
            (
                i["year"]["N"].as_str().unwrap().to_string(),
                i["title"]["S"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    keys.sort();
    keys
}

#[test]
fn the_query_and_scan_forms_return_what_the_commands_return() {
    let suite = Suite::new();
    let table = suite.table_name("UiMovies");
    suite.run_ok(&[
        "create-table",
        &table,
        "--pk",
        "year:N",
        "--sk",
        "title:S",
        "--gsi",
        "ByGenre:genre:S:year:N",
    ]);
    suite.run_ok(&[
        "put",
        &table,
        "--file",
        &crate::common::fixture("movies.ndjson"),
    ]);
    let ui = Ui::start(&suite, &[]);
    let cli = |args: &[&str]| -> Vec<(String, String)> {
        let out = suite.run_ok(&[args, &["--typed", "-o", "ndjson"]].concat());
        movie_keys(&crate::common::ndjson(&out))
    };
    let base = format!("/api/tables/{table}");

    // A Query on the table's key, with a sort key range.
    let (items, scanned) = all_pages(
        &ui,
        &format!("{base}/query?pk=1992&sk_op=between&sk=A&sk2=L"),
    );
    let expected = cli(&["query", &table, "--pk", "1992", "--sk-between", "A", "L"]);
    assert!(!expected.is_empty());
    assert_eq!(movie_keys(&items), expected);
    assert_eq!(
        scanned as usize,
        expected.len(),
        "a Query reads what it returns"
    );
    // On the index.
    let (items, _) = all_pages(
        &ui,
        &format!("{base}/query?index=ByGenre&pk=Western&sk_op=ge&sk=1950"),
    );
    let expected = cli(&[
        "query", &table, "--index", "ByGenre", "--pk", "Western", "--sk", ">= 1950",
    ]);
    assert!(!expected.is_empty());
    assert_eq!(movie_keys(&items), expected);

    // A Scan with filter rows of several kinds (one on a reserved word, which the form needs no
    // help with), against the same filter written by hand.
    let rows = json!([
        {"attr": "info.rating", "op": ">", "type": "N", "value": "6.5"},
        {"attr": "title", "op": "begins_with", "type": "S", "value": "The"},
        {"attr": "year", "op": "between", "type": "N", "value": "1950", "value2": "1999"},
        {"attr": "info.genres", "op": "contains", "type": "S", "value": "Drama"},
        {"attr": "info.missing", "op": "not_exists"},
    ]);
    let (items, scanned) = all_pages(
        &ui,
        &format!("{base}/items?filter={}", encode(&rows.to_string())),
    );
    let expected = cli(&[
        "scan",
        &table,
        "--filter",
        "info.rating > :r AND begins_with(title, :t) AND #y BETWEEN :lo AND :hi AND contains(info.genres, :g) AND attribute_not_exists(info.#m)",
        "--names",
        "#y=year",
        "--names",
        "#m=missing",
        "--values",
        r#"{":r": {"N": "6.5"}, ":t": {"S": "The"}, ":lo": {"N": "1950"}, ":hi": {"N": "1999"}, ":g": {"S": "Drama"}}"#,
    ]);
    assert!(!expected.is_empty());
    assert_eq!(movie_keys(&items), expected);
    assert!(scanned >= 4000, "a Scan reads every item: {scanned}");

    // Projection and typed values: a boolean and null compare as such.
    let (status, page) = ui.api(&format!("{base}/query?pk=1992&projection=title&limit=5"));
    assert_eq!(status, 200, "{page}");
    let first = &page["items"][0];
    assert!(
        first["title"].is_object() && first.get("info").is_none(),
        "{first}"
    );

    // Bad forms are named, and nothing is sent.
    for (path, says) in [
        (format!("{base}/query?sk_op=eq&sk=A"), "partition key value"),
        (format!("{base}/query?pk=nineteen"), "pk"),
        (
            format!("{base}/query?pk=1992&sk_op=near&sk=A"),
            "sort key condition near",
        ),
        (
            format!(
                "{base}/items?filter={}",
                encode(r#"[{"attr": "a", "op": "=", "type": "N", "value": "x"}]"#)
            ),
            "filter row 1",
        ),
        (format!("{base}/items?filter=nonsense"), "filter"),
    ] {
        let (status, body) = ui.api(&path);
        assert_eq!(status, 400, "{path}: {body}");
        assert!(
            body["error"].as_str().unwrap().contains(says),
            "{path}: {body}"
        );
    }
}

/// A PUT or DELETE of one item through the API: status and body.
fn change(ui: &Ui, method: &str, table: &str, body: &Value) -> (u16, Value) {
    let mut stream = TcpStream::connect(("127.0.0.1", ui.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let body = body.to_string();
    write!(
        stream,
        "{method} /api/tables/{table}/item HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Ddb-Secret: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        ui.port,
        ui.secret,
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

#[test]
fn edits_are_conditioned_on_the_item_as_loaded() {
    let suite = Suite::new();
    let table = suite.table_name("UiEdit");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let ui = Ui::start(&suite, &[]);
    let get = |id: &str| -> Option<Value> {
        let out = suite.run(&["get", &table, id, "--typed", "-o", "ndjson"]);
        crate::common::ndjson(&String::from_utf8_lossy(&out.stdout))
            .into_iter()
            .next()
    };

    // Add, in plain JSON with a 38-digit number: stored exactly. Adding it again is a conflict.
    let text = format!("{{\"id\": \"a\", \"n\": {BIG}, \"tags\": [\"x\"]}}");
    let add = json!({"text": text, "typed": false, "expected": null});
    let (status, body) = change(&ui, "PUT", &table, &add);
    assert_eq!(status, 200, "{body}");
    let loaded = get("a").unwrap();
    assert_eq!(loaded["n"], json!({ "N": BIG }));
    let (status, body) = change(&ui, "PUT", &table, &add);
    assert_eq!(status, 409, "{body}");
    assert!(body["error"].as_str().unwrap().contains("exists"));

    // Another client changes the item after the page loaded it: the save is refused, the
    // other client's change stays, and the answer shows the item as it now is.
    suite.run_ok(&["update", &table, "a", "--set", "by=other"]);
    let edited = json!({"id": {"S": "a"}, "n": {"N": "1"}}).to_string();
    let (status, body) = change(
        &ui,
        "PUT",
        &table,
        &json!({"text": edited, "typed": true, "expected": loaded}),
    );
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["current"]["by"], json!({"S": "other"}));
    assert_eq!(
        get("a").unwrap()["by"],
        json!({"S": "other"}),
        "not overwritten"
    );
    // Saved against what is there now, it goes through.
    let now = get("a").unwrap();
    let (status, body) = change(
        &ui,
        "PUT",
        &table,
        &json!({"text": edited, "typed": true, "expected": now}),
    );
    assert_eq!(status, 200, "{body}");
    let saved = get("a").unwrap();
    assert_eq!(saved, json!({"id": {"S": "a"}, "n": {"N": "1"}}));
    // The key cannot change under a save; a missing key attribute is named.
    let other_key = json!({"id": {"S": "b"}}).to_string();
    let (status, _) = change(
        &ui,
        "PUT",
        &table,
        &json!({"text": other_key, "typed": true, "expected": saved}),
    );
    assert_eq!(status, 400);
    let (status, body) = change(
        &ui,
        "PUT",
        &table,
        &json!({"text": "{\"n\": 1}", "typed": false, "expected": null}),
    );
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("id"), "{body}");

    // Delete: refused when the item changed since it was loaded, done when it did not.
    suite.run_ok(&["update", &table, "a", "--add", "n=1"]);
    let key = json!({"id": {"S": "a"}});
    let (status, _) = change(
        &ui,
        "DELETE",
        &table,
        &json!({"key": key, "expected": saved}),
    );
    assert_eq!(status, 409);
    assert!(get("a").is_some(), "kept");
    let now = get("a").unwrap();
    let (status, body) = change(&ui, "DELETE", &table, &json!({"key": key, "expected": now}));
    assert_eq!(status, 200, "{body}");
    assert!(get("a").is_none(), "deleted");

    // --read-only writes nothing.
    let read_only = Ui::start(&suite, &["--read-only"]);
    let (status, _) = change(&read_only, "PUT", &table, &add);
    assert_eq!(status, 403);
    assert!(get("a").is_none());
}

/// Node, for the DevTools-protocol driver (tests/ui/browser.mjs); like chromium, required under CI.
fn node() -> bool {
    let found = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but node is missing"
        );
        eprintln!("skipped: no node on this machine");
    }
    found
}

#[test]
fn a_person_pages_queries_edits_and_deletes_in_a_real_browser() {
    let Some(browser) = chromium() else { return };
    if !node() {
        return;
    }
    let suite = Suite::new();
    let table = suite.table_name("UiClick");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let file = suite.dir().join("items.ndjson");
    let lines: String = (0..250)
        .map(|i| format!("{{\"id\": \"k{i:03}\", \"n\": {i}}}\n"))
        .collect();
    std::fs::write(&file, lines).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);
    let ui = Ui::start(&suite, &["--tables", &table]);
    let url = format!("http://127.0.0.1:{}/#secret={}", ui.port, ui.secret);
    let mut ddb = vec![assert_cmd::cargo::cargo_bin("ddb").display().to_string()];
    ddb.extend(suite.target_args());
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/browser.mjs");
    let mut command = std::process::Command::new("node");
    suite.clean_env(&mut command);
    let out = command
        .arg("--experimental-websocket")
        .arg(&script)
        .arg(&browser)
        .arg(suite.dir().join("cdp-profile"))
        .arg(&url)
        .arg(&table)
        .arg(serde_json::to_string(&ddb).unwrap())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let seen: Value = serde_json::from_str(text.trim())
        .unwrap_or_else(|_| panic!("the driver printed: {text}\n{}", stderr(&out)));
    assert!(seen.get("error").is_none(), "{seen}");

    // Next, Next: 100 + 100 + 50, every item once.
    let pages: Vec<Vec<String>> = serde_json::from_value(seen["pages"].clone()).unwrap();
    assert_eq!(
        pages.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![100, 100, 50]
    );
    let all: BTreeSet<&String> = pages.iter().flatten().collect();
    assert_eq!(all.len(), 250, "nothing repeated or skipped");
    // The Query reads one item for one item; the Scan reads a page's worth.
    assert_eq!(seen["query"]["ids"], json!(["k007"]));
    assert!(
        seen["query"]["cost"]
            .as_str()
            .unwrap()
            .starts_with("Query: read 1 items to return 1"),
        "{seen}"
    );
    assert!(
        seen["scan"]
            .as_str()
            .unwrap()
            .starts_with("Scan: read 100 items to return 100"),
        "{seen}"
    );
    // The conflict was shown with the other client's change, which stands.
    let id = seen["conflict"]["id"].as_str().unwrap();
    assert!(
        seen["conflict"]["message"]
            .as_str()
            .unwrap()
            .contains("changed since it was loaded"),
        "{seen}"
    );
    assert!(seen["conflict"]["now"].as_str().unwrap().contains("other"));
    let item = crate::common::ndjson(&suite.run_ok(&["get", &table, id, "-o", "ndjson"]));
    assert_eq!(item[0]["by"], "other");
    assert_ne!(item[0]["n"], 999, "the page's edit was not written");
    // The deleted item is gone.
    let deleted = seen["deleted"].as_str().unwrap();
    assert_eq!(suite.run(&["get", &table, deleted]).status.code(), Some(4));
}
