//! `ddb query` and the commands that take a key (get, delete, conditional-delete) remember a
//! table's key schema per endpoint, so the next one is one round trip,
//! and recovers when the table behind the name changed. Requests go through a counting proxy to
//! a real target: DynamoDB Local, or the embedded engine served by `ddb local` (the embedded
//! target itself reads key schemas without a round trip and remembers nothing).

use crate::common;

use std::sync::{Arc, Mutex};

use common::{stderr, stdout, Suite};
use serde_json::Value;

/// A proxy before the real target that records the operation of every request it passes.
fn counting_proxy(
    suite: &Suite,
) -> (
    Option<common::ServerProcess>,
    String,
    Arc<Mutex<Vec<String>>>,
) {
    let (server, upstream) = common::upstream(suite);
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let url = {
        let seen = seen.clone();
        common::proxy(move |head, body| {
            seen.lock().unwrap().push(common::operation(head));
            common::forward(&upstream, head, body)
        })
    };
    (server, url, seen)
}

#[test]
fn reads_take_one_round_trip_once_the_schema_is_known_and_survive_a_changed_table() {
    let suite = Suite::new();
    let (_server, url, seen) = counting_proxy(&suite);
    let ddb = |args: &[&str]| {
        let out = suite
            .bare()
            .args(["--endpoint-url", &url, "--output", "ndjson"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    let operations = |run: &dyn Fn()| {
        seen.lock().unwrap().clear();
        run();
        seen.lock().unwrap().clone()
    };
    let items = |text: String| -> Vec<Value> {
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let table = suite.table_name("Remember");
    let recreate = |key: &[&str], item: &str| {
        let _ = suite
            .bare()
            .args(["--endpoint-url", &url, "delete-table", &table, "--yes"])
            .output();
        let mut create = vec!["create-table", table.as_str()];
        create.extend_from_slice(key);
        ddb(&create);
        ddb(&["put", &table, item]);
    };

    recreate(&["--pk", "id:S"], r#"{"id": "a", "v": 1}"#);
    assert_eq!(
        operations(&|| assert_eq!(items(ddb(&["query", &table, "--pk", "a"])).len(), 1)),
        ["DescribeTable", "Query"],
        "the first query learns the key"
    );
    assert_eq!(
        operations(&|| assert_eq!(items(ddb(&["query", &table, "--pk", "a"])).len(), 1)),
        ["Query"],
        "the next one goes straight to Query"
    );

    // The same name, another key, three times: each way a remembered key can be wrong.
    recreate(
        &["--pk", "year:N", "--sk", "title:S"],
        r#"{"year": 1985, "title": "X"}"#,
    );
    let found = items(ddb(&["query", &table, "--pk", "1985", "--sk", "X"]));
    assert_eq!(
        found,
        [serde_json::json!({"year": 1985, "title": "X"})],
        "the remembered key had no sort key"
    );
    recreate(&["--pk", "name:S"], r#"{"name": "bob"}"#);
    let found = items(ddb(&["query", &table, "--pk", "bob"]));
    assert_eq!(
        found,
        [serde_json::json!({"name": "bob"})],
        "\"bob\" is no year"
    );
    recreate(&["--pk", "id:N"], r#"{"id": 7}"#);
    assert_eq!(
        operations(&|| {
            let found = items(ddb(&["query", &table, "--pk", "7"]));
            assert_eq!(
                found,
                [serde_json::json!({"id": 7})],
                "the server refused name = \"7\""
            );
        }),
        ["Query", "DescribeTable", "Query"],
        "refused once, then asked and answered"
    );
    assert_eq!(
        operations(&|| assert_eq!(items(ddb(&["query", &table, "--pk", "7"])).len(), 1)),
        ["Query"],
        "and remembered again"
    );

    // A get by positional values uses the same memory.
    assert_eq!(
        operations(&|| assert!(ddb(&["get", &table, "7"]).contains("7"))),
        ["GetItem"]
    );
    recreate(&["--pk", "k:S", "--sk", "n:N"], r#"{"k": "a", "n": 1}"#);
    assert_eq!(
        operations(&|| {
            let found: Value = serde_json::from_str(&ddb(&["get", &table, "a", "1"])).unwrap();
            assert_eq!(found, serde_json::json!({"k": "a", "n": 1}));
        }),
        ["DescribeTable", "GetItem"],
        "two values for a one-attribute key: the table changed"
    );

    // Deletes by positional values too; a refused key deletes nothing, so trying again is safe.
    assert_eq!(
        operations(&|| assert!(ddb(&["delete", &table, "a", "1"]).contains("\"a\""))),
        ["DeleteItem"]
    );
    recreate(&["--pk", "id:S"], r#"{"id": "z", "v": 1}"#);
    assert_eq!(
        operations(&|| {
            ddb(&[
                "conditional-delete",
                &table,
                "z",
                "--condition",
                "v = :v",
                "--values",
                ":v=1",
            ]);
        }),
        ["DescribeTable", "DeleteItem"]
    );
    assert_eq!(ddb(&["scan", &table]), "", "deleted");
}

/// A SELECT that scans, with nothing remembered: the DescribeTable that gives the key schema
/// also gives the item count of the warning, so it is sent once.
#[test]
fn a_scanning_select_reads_the_table_once_with_nothing_remembered() {
    let suite = Suite::new();
    let (_server, url, seen) = counting_proxy(&suite);
    let table = suite.table_name("ScanOnce");
    let ddb = |cache: &str, args: &[&str]| {
        let out = suite
            .bare()
            .env("XDG_CACHE_HOME", suite.dir().join(cache))
            .args(["--endpoint-url", &url, "--output", "ndjson"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        out
    };
    ddb("setup", &["create-table", &table, "--pk", "id:S"]);
    ddb("setup", &["put", &table, r#"{"id": "a", "v": 1}"#]);
    seen.lock().unwrap().clear();
    let statement = format!(r#"SELECT * FROM "{table}" WHERE v = 1"#);
    let out = ddb("cold", &["sql", &statement]);
    assert!(
        stderr(&out).contains("scans the whole table"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 1);
    assert_eq!(
        seen.lock().unwrap().clone(),
        ["DescribeTable", "ExecuteStatement"]
    );
    // And the key it learned is remembered for the next command.
    seen.lock().unwrap().clear();
    let got = ddb("cold", &["get", &table, "a"]);
    assert_eq!(stdout(&got).lines().count(), 1);
    assert_eq!(seen.lock().unwrap().clone(), ["GetItem"]);
}
