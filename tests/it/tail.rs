//! `ddb tail`: the records of writes made with put, update and delete, exactly and in order;
//! stopping by count and by time; and a table without a stream.

use serde_json::{json, Value};

use crate::common::{self, Suite};

fn streamed(suite: &Suite, view: &str) -> String {
    let table = suite.table_name("Tail");
    suite.run_ok(&[
        "create-table",
        &table,
        "--pk",
        "id:S",
        "--sk",
        "n:N",
        "--stream",
        view,
    ]);
    table
}

fn tail(suite: &Suite, table: &str, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["tail", table, "--from", "trim-horizon", "--timeout", "20"];
    all.extend_from_slice(args);
    common::ndjson(&suite.run_ok(&all))
}

#[test]
fn every_write_comes_out_once_in_order() {
    let suite = Suite::new();
    let table = streamed(&suite, "new-and-old");
    let writes = 12;
    for i in 0..writes / 3 {
        let n = i.to_string();
        suite.run_ok(&[
            "put",
            &table,
            &format!(r#"{{"id": "a", "n": {i}, "v": 1}}"#),
        ]);
        suite.run_ok(&["update", &table, "a", &n, "--set", "v=2"]);
        suite.run_ok(&["delete", &table, "a", &n]);
    }
    let records = tail(&suite, &table, &["--max-records", &writes.to_string()]);
    assert_eq!(records.len(), writes);
    for (i, chunk) in records.chunks(3).enumerate() {
        let keys = json!({"id": "a", "n": i});
        assert_eq!(chunk[0]["event"], "INSERT");
        assert_eq!(chunk[0]["keys"], keys);
        assert_eq!(chunk[0]["new"], json!({"id": "a", "n": i, "v": 1}));
        assert!(chunk[0].get("old").is_none());
        assert_eq!(chunk[1]["event"], "MODIFY");
        assert_eq!(chunk[1]["old"]["v"], 1);
        assert_eq!(chunk[1]["new"]["v"], 2);
        assert_eq!(chunk[2]["event"], "REMOVE");
        assert_eq!(chunk[2]["old"]["v"], 2);
        assert!(chunk[2].get("new").is_none());
    }
    let sequences: Vec<&str> = records.iter().map(|r| r["seq"].as_str().unwrap()).collect();
    let mut sorted = sequences.clone();
    sorted.sort_by_key(|s| (s.len(), *s));
    assert_eq!(sequences, sorted, "in sequence order");
    assert!(records.iter().all(|r| r["time"].is_string()));
    // A smaller count stops early; the timeout ends a follow that finds nothing more.
    assert_eq!(tail(&suite, &table, &["--max-records", "2"]).len(), 2);
    let out = suite.run(&["tail", &table, "--timeout", "1.5"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(out.stdout.is_empty(), "nothing new since now");
}

#[test]
fn keys_only_streams_carry_no_images_and_typed_keeps_types() {
    let suite = Suite::new();
    let table = streamed(&suite, "keys");
    suite.run_ok(&[
        "put",
        &table,
        r#"{"id": {"S": "k"}, "n": {"N": "1"}, "tags": {"SS": ["x"]}}"#,
        "--typed",
    ]);
    let records = tail(&suite, &table, &["--max-records", "1", "--typed"]);
    assert_eq!(
        records[0]["keys"],
        json!({"id": {"S": "k"}, "n": {"N": "1"}})
    );
    assert!(records[0].get("new").is_none() && records[0].get("old").is_none());
}

#[test]
fn a_table_without_a_stream_says_how_to_turn_one_on() {
    let suite = Suite::new();
    let table = suite.table_name("NoStream");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let out = suite.run(&["tail", &table, "--max-records", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(
        err.contains(&format!("ddb update-table {table} --stream new-and-old")),
        "{err}"
    );
    let out = suite.run(&["tail", &table, "--timeout", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", common::stderr(&out));
}

#[test]
fn changes_made_while_following_arrive() {
    use std::io::{BufRead, BufReader};
    let suite = Suite::new();
    let table = streamed(&suite, "new");
    suite.run_ok(&["put", &table, r#"{"id": "first", "n": 1}"#]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ddb"))
        .args(suite.target_args())
        .env("HOME", suite.dir())
        .args([
            "tail",
            &table,
            "--from",
            "trim-horizon",
            "--max-records",
            "3",
            "--timeout",
            "30",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first: Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    assert_eq!(first["keys"]["id"], "first");
    // The follower has read to the end of what there was; these come after.
    suite.run_ok(&["put", &table, r#"{"id": "second", "n": 2}"#]);
    suite.run_ok(&["update", &table, "second", "2", "--set", "v=1"]);
    let rest: Vec<Value> = lines
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    assert!(child.wait().unwrap().success());
    assert_eq!(rest.len(), 2, "{rest:?}");
    assert_eq!(rest[0]["event"], "INSERT");
    assert_eq!(rest[1]["event"], "MODIFY");
    assert_eq!(rest[1]["new"], json!({"id": "second", "n": 2, "v": 1}));
    assert!(
        rest[1].get("old").is_none(),
        "a NEW_IMAGE stream carries no old image"
    );
}

#[test]
fn from_latest_delivers_new_changes_and_skips_older_ones() {
    use std::io::Read;
    let suite = Suite::new();
    let table = streamed(&suite, "keys");
    suite.run_ok(&["put", &table, r#"{"id": "old", "n": 0}"#]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ddb"))
        .args(suite.target_args())
        .env("HOME", suite.dir())
        .args(["tail", &table, "--max-records", "1", "--timeout", "60"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // tail opens its iterators at some moment after it starts: write until it has seen one.
    let mut n = 1;
    while child.try_wait().unwrap().is_none() && n <= 100 {
        suite.run_ok(&["put", &table, &format!(r#"{{"id": "new", "n": {n}}}"#)]);
        std::thread::sleep(std::time::Duration::from_millis(200));
        n += 1;
    }
    assert!(child.wait().unwrap().success());
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let records = common::ndjson(&out);
    assert_eq!(records.len(), 1, "{out}");
    assert_eq!(
        records[0]["keys"]["id"], "new",
        "the change made before tail started is not shown"
    );
}
