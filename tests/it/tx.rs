//! `ddb tx`: all-or-nothing writes with the reason of a cancellation on the right line, reads in
//! one snapshot, and what it refuses.

use serde_json::{json, Value};

use crate::common::{self, stderr, Suite};

fn accounts(suite: &Suite) -> String {
    let table = suite.table_name("Accounts");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    suite.run_ok(&["put", &table, r#"{"id": "alice", "balance": 100}"#]);
    suite.run_ok(&["put", &table, r#"{"id": "bob", "balance": 0}"#]);
    suite.run_ok(&["put", &table, r#"{"id": "bank"}"#]);
    table
}

fn file(suite: &Suite, name: &str, lines: &[Value]) -> String {
    let path = suite.dir().join(name);
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn balances(suite: &Suite, table: &str) -> Vec<(String, i64)> {
    let mut all: Vec<(String, i64)> = suite
        .items(table)
        .iter()
        .filter_map(|it| Some((it["id"].as_str()?.to_string(), it["balance"].as_i64()?)))
        .collect();
    all.sort();
    all
}

#[test]
fn a_transfer_is_all_or_nothing_and_a_cancellation_names_its_line() {
    let suite = Suite::new();
    let table = accounts(&suite);
    let transfer = |amount: i64| {
        vec![
            json!({"update": {"table": table, "key": {"id": "alice"}, "add": {"balance": -amount},
                              "condition": "balance >= :amt", "values": {":amt": amount}}}),
            json!({"update": {"table": table, "key": {"id": "bob"}, "add": {"balance": amount}}}),
            json!({"check": {"table": table, "key": {"id": "bank"}, "condition": "attribute_exists(id)"}}),
        ]
    };
    let path = file(&suite, "ok.ndjson", &transfer(30));
    suite.run_ok(&["tx", "--file", &path]);
    assert_eq!(
        balances(&suite, &table),
        [("alice".into(), 70), ("bob".into(), 30)]
    );

    let path = file(&suite, "too-much.ndjson", &transfer(500));
    let out = suite.run(&["tx", "--file", &path]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("line 1: ConditionalCheckFailed"), "{err}");
    assert!(
        !err.contains("line 2:"),
        "only the failing action is named: {err}"
    );
    assert_eq!(
        balances(&suite, &table),
        [("alice".into(), 70), ("bob".into(), 30)],
        "nothing written"
    );

    let path = file(
        &suite,
        "mixed.ndjson",
        &[
            json!({"put": {"table": table, "item": {"id": "carol", "balance": 5}}}),
            json!({"delete": {"table": table, "key": {"id": "bob"}, "condition": "balance = :b", "values": {":b": 30}}}),
        ],
    );
    suite.run_ok(&["tx", "--file", &path]);
    assert_eq!(
        balances(&suite, &table),
        [("alice".into(), 70), ("carol".into(), 5)]
    );
}

#[test]
fn reads_in_one_snapshot_come_back_in_order() {
    let suite = Suite::new();
    let table = accounts(&suite);
    let path = file(
        &suite,
        "get.ndjson",
        &[
            json!({"table": table, "key": {"id": "bob"}}),
            json!({"table": table, "key": {"id": "nobody"}}),
            json!({"table": table, "key": {"id": "alice"}}),
        ],
    );
    let out = suite.run(&["tx", "--get", "--file", &path, "-o", "ndjson"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let ids: Vec<String> = common::ndjson(&common::stdout(&out))
        .iter()
        .map(|it| it["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["bob", "alice"]);
    assert!(
        stderr(&out).contains("line 2: no such item"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_transactions_are_refused_with_their_line() {
    let suite = Suite::new();
    let table = accounts(&suite);
    let too_many: Vec<Value> = (0..101)
        .map(|i| json!({"put": {"table": table, "item": {"id": format!("x{i}")}}}))
        .collect();
    for (lines, words) in [
        (
            vec![json!(["not", "an", "object"])],
            "line 1: an action is a JSON object",
        ),
        (
            vec![json!({"frob": {"table": table}})],
            "line 1: no action \"frob\"",
        ),
        (
            vec![
                json!({"put": {"table": table, "item": {"id": "y"}}}),
                json!({"update": {"table": table, "key": {"id": "alice"}, "set": {"id": "z"}}}),
            ],
            "line 2: id is part of the table's key",
        ),
        (
            vec![json!({"check": {"table": table, "key": {"id": "bob"}}})],
            "needs \"condition\"",
        ),
        (
            vec![
                json!({"update": {"table": table, "key": {"id": "bob"}, "expression": "SET a = :a", "set": {"b": 1}}}),
            ],
            "not both",
        ),
        (too_many, "at most 100 actions"),
    ] {
        let path = file(&suite, "bad.ndjson", &lines);
        let out = suite.run(&["tx", "--file", &path]);
        assert_eq!(out.status.code(), Some(1), "{words}: {}", stderr(&out));
        assert!(stderr(&out).contains(words), "{words}: {}", stderr(&out));
    }
    assert_eq!(suite.count(&table), 3, "nothing written");
}
