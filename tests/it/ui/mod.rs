//! `ddb ui`, on the suite's target: the server and its guard ([`api`]), the Query and Scan form
//! and the item editor through the API ([`forms`]), table actions through the API ([`tables`]),
//! and the page in headless Chromium ([`browser`]). What they share: requests to the server, and
//! the server itself.

mod api;
mod browser;
mod forms;
mod tables;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::Value;

use crate::common::{ServerProcess, Suite};

pub const BIG: &str = "12345678901234567890123456789012345678";

/// One GET with these headers (Host is added unless given): status, headers, body.
pub fn get(port: u16, path: &str, headers: &[(&str, &str)]) -> (u16, String, String) {
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
    response(stream)
}

/// The whole answer on a connection the request asked to close: status, headers, body.
fn response(mut stream: TcpStream) -> (u16, String, String) {
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_string(), body.to_string())
}

/// The port of the URL `ddb ui` printed.
pub fn port_of(url: &str) -> u16 {
    url.trim_start_matches("http://127.0.0.1:")
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

pub struct Ui {
    pub server: ServerProcess,
    pub port: u16,
    pub secret: String,
}

impl Ui {
    pub fn start(suite: &Suite, extra: &[&str]) -> Ui {
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

    pub fn api(&self, path: &str) -> (u16, Value) {
        let (status, _, body) = get(self.port, path, &[("X-Ddb-Secret", &self.secret)]);
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }
}

/// Every page of a read through the API (items or query), with the path's parameters.
pub fn all_pages(ui: &Ui, path: &str) -> (Vec<Value>, u64) {
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

pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// (year, title) of typed items, sorted.
pub fn movie_keys(items: &[Value]) -> Vec<(String, String)> {
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

/// A PUT or DELETE of one item through the API: status and body.
pub fn change(ui: &Ui, method: &str, table: &str, body: &Value) -> (u16, Value) {
    send(ui, method, &format!("/api/tables/{table}/item"), body)
}

/// One request with a JSON body and the secret: status and body.
pub fn send(ui: &Ui, method: &str, path: &str, body: &Value) -> (u16, Value) {
    let mut stream = TcpStream::connect(("127.0.0.1", ui.port)).unwrap();
    // Creating a table waits until it is ACTIVE; the server lets a request outlive its
    // connection's 2 minutes, so this waits longer.
    stream
        .set_read_timeout(Some(Duration::from_secs(300)))
        .unwrap();
    let body = body.to_string();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Ddb-Secret: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        ui.port,
        ui.secret,
        body.len()
    )
    .unwrap();
    let (status, _, body) = response(stream);
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}
