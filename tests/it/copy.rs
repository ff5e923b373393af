//! `ddb copy`: definitions and items arrive whole (every attribute type, two GSIs, an LSI, TTL
//! and a stream), between names on one target and, when the suite runs against DynamoDB Local,
//! between the embedded engine and DynamoDB Local both ways; through throttling and
//! UnprocessedItems nothing is lost; and what it refuses.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use assert_cmd::Command;

use crate::common::{self, stderr, Suite};
use crate::faults;

const DEFINITION: &[&str] = &[
    "--pk",
    "id:S",
    "--sk",
    "n:N",
    "--gsi",
    "ByA:a:S:keys",
    "--gsi",
    "ByB:b:S:n:N:include=x",
    "--lsi",
    "ByC:c:N",
    "--ttl",
    "expires",
];

/// With a stream too, where the test is about carrying one: DynamoDB Local writes into a table with
/// a stream at about 80 items/s (5,000 puts: 63 s, against 0.8 s without), so only those tests pay.
const STREAMED: &[&str] = &["--stream", "new-and-old"];

/// 3,000 items with every attribute type, 38-digit numbers among them, as DynamoDB JSON lines.
fn every_type(suite: &Suite) -> std::path::PathBuf {
    let lines: String = (0..3000)
        .map(|i| {
            let n = if i % 7 == 0 { format!("{i}.000000000000000000000000000000001") } else { i.to_string() };
            serde_json::json!({
                "id": {"S": format!("p{}", i % 50)}, "n": {"N": n}, "a": {"S": format!("a{}", i % 5)},
                "b": {"S": "b"}, "c": {"N": (i % 9).to_string()}, "x": {"S": "included"},
                "ss": {"SS": ["x", "y"]}, "ns": {"NS": ["1", "2.5"]}, "bin": {"B": "AAEC"},
                "bs": {"BS": ["AA==", "AQ=="]}, "nul": {"NULL": true}, "bo": {"BOOL": i % 2 == 0},
                "l": {"L": [{"S": "q"}, {"N": "12345678901234567890123456789012345678"}]},
                "m": {"M": {"k": {"M": {"deep": {"S": "ü ☃"}}}}}
            })
            .to_string()
                + "\n"
        })
        .collect();
    let path = suite.dir().join("every-type.ndjson");
    std::fs::write(&path, lines).unwrap();
    path
}

pub(crate) fn source_table(suite: &Suite, ddb: impl Fn() -> Command, stream: bool) -> String {
    let table = suite.table_name("CopySrc");
    let run = |args: &[&str]| {
        let out = ddb().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    };
    let extra: &[&str] = if stream { STREAMED } else { &[] };
    run(&[&["create-table", &table][..], DEFINITION, extra].concat());
    run(&[
        "put",
        &table,
        "--file",
        every_type(suite).to_str().unwrap(),
        "--typed",
    ]);
    table
}

/// The table's items as sorted DynamoDB JSON lines, and its `--as create` line without the name.
pub(crate) fn contents(ddb: impl Fn() -> Command, table: &str) -> (Vec<String>, Vec<String>) {
    let out = ddb()
        .args(["scan", table, "--typed", "-o", "ndjson"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut items: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| common::sort_sets(serde_json::from_str(line).unwrap()).to_string())
        .collect();
    items.sort();
    let out = ddb()
        .args(["describe-table", table, "--as", "create"])
        .output()
        .unwrap();
    let mut words = shlex::split(String::from_utf8_lossy(&out.stdout).trim()).unwrap();
    words.remove(2);
    (items, words)
}

#[test]
fn a_copy_on_one_target_is_whole() {
    let suite = Suite::new();
    let source = source_table(&suite, || suite.ddb(), !suite.on_dynamodb_local());
    let copy = suite.table_name("CopyDst");
    suite.run_ok(&["copy", &source, &copy, "--segments", "3"]);
    let (items, definition) = contents(|| suite.ddb(), &source);
    assert_eq!(items.len(), 3000);
    assert_eq!(contents(|| suite.ddb(), &copy), (items, definition));
    // Again into the same table: refused, unless the definitions agree and --if-not-exists says so.
    let out = suite.run(&["copy", &source, &copy]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    suite.run_ok(&["copy", &source, &copy, "--if-not-exists", "--schema-only"]);
    let out = suite.run(&["copy", &source, &source]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn subsets_schema_only_and_data_only() {
    let suite = Suite::new();
    let source = source_table(&suite, || suite.ddb(), !suite.on_dynamodb_local());
    let empty = suite.table_name("CopySchema");
    suite.run_ok(&["copy", &source, &empty, "--schema-only"]);
    assert_eq!(suite.count(&empty), 0);
    suite.run_ok(&[
        "copy",
        &source,
        &empty,
        "--data-only",
        "--filter",
        "a = :a",
        "--values",
        ":a=a1",
    ]);
    assert_eq!(suite.count(&empty), 600);
    let sample = suite.table_name("CopySample");
    suite.run_ok(&[
        "copy",
        &source,
        &sample,
        "--max-items",
        "25",
        "--segments",
        "1",
    ]);
    assert_eq!(suite.count(&sample), 25);
    let out = suite.run(&["copy", &source, &suite.table_name("Missing"), "--data-only"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

#[test]
fn between_the_embedded_engine_and_dynamodb_local_both_ways() {
    let suite = Suite::new();
    let Some(endpoint) = suite.endpoint().map(str::to_string) else {
        return; // needs DynamoDB Local beside the embedded engine
    };
    let data_dir = suite.data_dir().display().to_string();
    let source = source_table(&suite, || suite.embedded(), true);
    let pushed = suite.table_name("Pushed");
    let out = suite
        .embedded()
        .args(["copy", &source, &pushed, "--to-endpoint-url", &endpoint])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let original = contents(|| suite.embedded(), &source);
    assert_eq!(
        contents(|| suite.ddb(), &pushed),
        original,
        "embedded -> DynamoDB Local"
    );
    let pulled = suite.table_name("Pulled");
    let out = suite
        .ddb()
        .args([
            "copy",
            &pushed,
            &pulled,
            "--to-local",
            "--to-data-dir",
            &data_dir,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        contents(|| suite.embedded(), &pulled),
        original,
        "DynamoDB Local -> embedded"
    );
}

#[test]
fn a_copy_through_throttling_and_unprocessed_items_loses_nothing() {
    let suite = Suite::new();
    let source = source_table(&suite, || suite.ddb(), !suite.on_dynamodb_local());
    let (_server, upstream) = common::upstream(&suite);
    let injected = Arc::new(faults::Injected::default());
    let via_proxy = {
        let (upstream, injected) = (upstream.clone(), injected.clone());
        common::proxy(move |head, body| faults::handle(&upstream, &injected, head, body))
    };
    let copy = suite.table_name("CopyFaults");
    let out = suite
        .ddb()
        .args(["copy", &source, &copy, "--to-endpoint-url", &via_proxy])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        injected.throttled.load(Ordering::Relaxed) > 0
            && injected.halved.load(Ordering::Relaxed) > 0
    );
    let direct = || suite.at(&format!("http://{upstream}"));
    assert_eq!(
        contents(direct, &copy).0,
        contents(|| suite.ddb(), &source).0
    );
}

#[test]
fn a_rate_holds_a_copy_under_its_write_capacity() {
    let suite = Suite::new();
    let table = suite.table_name("Rated");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let lines: String = (0..600)
        .map(|i| format!("{{\"id\": \"r{i}\"}}\n"))
        .collect();
    let file = suite.dir().join("rated.ndjson");
    std::fs::write(&file, lines).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);
    // 600 one-unit writes at 100 units a second: about 6 s, the last batch sent at 5.75 s. A
    // lower bound only: a slow machine makes it longer, never shorter.
    let started = std::time::Instant::now();
    let copy = suite.table_name("RatedCopy");
    suite.run_ok(&["copy", &table, &copy, "--rate", "10000,100"]);
    let elapsed = started.elapsed().as_secs_f64();
    assert!(
        elapsed >= 3.0,
        "600 write units at 100 a second took {elapsed:.2} s"
    );
    assert_eq!(suite.count(&copy), 600);
    let out = suite.run(&["copy", &table, &copy, "--rate", "0,5"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_copy_interrupted_at_random_resumes_with_every_item() {
    let suite = Suite::new();
    let table = suite.table_name("Resumed");
    suite.run_ok(&["create-table", &table, "--pk", "id:S", "--sk", "n:N"]);
    let lines: String = (0..4000)
        .map(|i| {
            format!(
                "{{\"id\": \"p{}\", \"n\": {i}, \"pad\": \"{}\"}}\n",
                i % 40,
                "x".repeat(200)
            )
        })
        .collect();
    let file = suite.dir().join("resume.ndjson");
    std::fs::write(&file, lines).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);
    let copy = suite.table_name("ResumedCopy");
    suite.run_ok(&["copy", &table, &copy, "--schema-only"]);
    // One lane, a slow pace: SIGINT lands mid-copy at a random moment.
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ddb"))
        .args(suite.target_args())
        .env("HOME", suite.dir())
        .env("XDG_CACHE_HOME", suite.dir().join("xdg-cache"))
        .args([
            "copy",
            &table,
            &copy,
            "--data-only",
            "--parallel",
            "1",
            "--rate",
            "100000,1500",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let delay = 300
        + std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_millis()
            % 1200;
    std::thread::sleep(std::time::Duration::from_millis(u64::from(delay)));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let first = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(130),
        "interrupted after {delay} ms: {first}"
    );
    assert!(first.contains("--resume"), "{first}");
    let copied_before = suite.count(&copy);
    assert!(
        copied_before < 4000,
        "the copy was still going after {delay} ms: {copied_before}"
    );
    let resumed = suite.run(&["copy", &table, &copy, "--resume"]);
    assert!(resumed.status.success(), "{}", stderr(&resumed));
    let read: u64 = stderr(&resumed)
        .split("; read ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        read < 4000,
        "the resumed copy goes on, it does not start over: read {read}"
    );
    assert_eq!(
        contents(|| suite.ddb(), &copy).0,
        contents(|| suite.ddb(), &table).0,
        "every item, once"
    );
    // Done: nothing left to resume.
    let again = suite.run(&["copy", &table, &copy, "--resume"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("no interrupted copy"),
        "{}",
        stderr(&again)
    );
}
