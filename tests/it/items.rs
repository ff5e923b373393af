//! Single-item commands: put, get, delete, conditional put, and exact values.

use crate::common;

use common::{stderr, stdout, Suite};
use serde_json::{json, Value};

fn json_out(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn a_38_digit_number_round_trips_unchanged() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let text = r#"{"year": 2000, "title": "n", "big": 12345678901234567890123456789012345678, "small": -0.00000000000000000000000000000000000001}"#;
    suite.run_ok(&["put", &table, text]);
    let got = suite.run_ok(&["get", &table, "2000", "n", "-o", "ndjson"]);
    assert!(
        got.contains(r#""big":12345678901234567890123456789012345678"#),
        "{got}"
    );
    assert!(
        got.contains(r#""small":-1E-38"#)
            || got.contains(r#""small":-0.00000000000000000000000000000000000001"#),
        "{got}"
    );
}

#[test]
fn typed_items_keep_sets_binary_and_nesting() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let typed = json!({
        "year": {"N": "2001"}, "title": {"S": "typed"},
        "tags": {"SS": ["a", "b"]}, "scores": {"NS": ["1", "2.5"]}, "blob": {"B": "AAEC/w=="},
        "blobs": {"BS": ["AQ==", "Ag=="]}, "flag": {"BOOL": true}, "none": {"NULL": true},
        "nested": {"M": {"list": {"L": [{"S": "x"}, {"N": "1"}, {"M": {"deep": {"SS": ["z"]}}}]}}}
    });
    suite.run_ok(&["put", &table, "--typed", &typed.to_string()]);
    let got = json_out(&suite.run_ok(&["get", &table, "2001", "typed", "--typed", "-o", "json"]));
    let sorted = |v: &Value, set: &str| -> Vec<String> {
        let mut s: Vec<String> = v[set]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect();
        s.sort();
        s
    };
    assert_eq!(sorted(&got["tags"], "SS"), ["a", "b"]);
    assert_eq!(sorted(&got["scores"], "NS"), ["1", "2.5"]);
    assert_eq!(sorted(&got["blobs"], "BS"), ["AQ==", "Ag=="]);
    assert_eq!(got["blob"], typed["blob"]);
    assert_eq!(got["nested"], typed["nested"]);
    assert_eq!(got["none"], typed["none"]);
}

#[test]
fn keys_may_be_positional_or_json_and_get_misses_exit_4_silently_on_stdout() {
    let suite = Suite::new();
    let table = suite.movies_table();
    suite.run_ok(&["put", &table, r#"{"year": 1999, "title": "Key", "v": 1}"#]);
    let positional = suite.run_ok(&["get", &table, "1999", "Key", "-o", "json"]);
    let json_key = suite.run_ok(&[
        "get",
        &table,
        r#"{"year": 1999, "title": "Key"}"#,
        "-o",
        "json",
    ]);
    let typed_key = suite.run_ok(&[
        "get",
        &table,
        r#"{"year": {"N": "1999"}, "title": {"S": "Key"}}"#,
        "-o",
        "json",
    ]);
    assert_eq!(positional, json_key);
    assert_eq!(positional, typed_key);
    let out = suite.run(&["get", &table, "1999", "Nothing"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("no item in"), "{}", stderr(&out));
}

#[test]
fn put_reads_standard_input_and_reports_capacity() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let out = suite
        .ddb()
        .args(["put", &table, "-", "--consumed-capacity"])
        .write_stdin(r#"{"year": 2002, "title": "stdin"}"#)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("consumed capacity: 1 capacity units on"),
        "{}",
        stderr(&out)
    );
    suite.run_ok(&["get", &table, "2002", "stdin"]);
}

#[test]
fn a_false_put_condition_exits_3_and_keeps_the_stored_item() {
    let suite = Suite::new();
    let table = suite.movies_table();
    suite.run_ok(&["put", &table, r#"{"year": 2003, "title": "c", "v": 1}"#]);
    let out = suite.run(&[
        "put",
        &table,
        r#"{"year": 2003, "title": "c", "v": 2}"#,
        "--condition",
        "attribute_not_exists(title)",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("condition not met, nothing written"),
        "{}",
        stderr(&out)
    );
    let got = json_out(&suite.run_ok(&["get", &table, "2003", "c", "-o", "json"]));
    assert_eq!(got["v"], 1);
}

#[test]
fn delete_prints_what_it_deleted_and_nothing_for_a_missing_item() {
    let suite = Suite::new();
    let table = suite.movies_table();
    suite.run_ok(&[
        "put",
        &table,
        r#"{"year": 2004, "title": "d", "v": "gone"}"#,
    ]);
    let deleted = json_out(&suite.run_ok(&["delete", &table, "2004", "d", "-o", "json"]));
    assert_eq!(deleted, json!({"year": 2004, "title": "d", "v": "gone"}));
    let again = suite.run(&["delete", &table, "2004", "d"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(again.stdout.is_empty());
}

#[test]
fn output_formats_show_the_same_item() {
    let suite = Suite::new();
    let table = suite.movies_table();
    suite.run_ok(&[
        "put",
        &table,
        r#"{"year": 2005, "title": "fmt", "genre": "Drama"}"#,
    ]);
    let table_out = suite.run_ok(&["get", &table, "2005", "fmt", "-o", "table"]);
    assert!(
        table_out.contains("genre") && table_out.contains("Drama") && table_out.contains("2005"),
        "{table_out}"
    );
    let text = suite.run_ok(&["get", &table, "2005", "fmt", "-o", "text"]);
    assert_eq!(text, "year=2005\ttitle=fmt\tgenre=Drama\n");
    let ndjson = suite.run_ok(&["get", &table, "2005", "fmt", "-o", "ndjson"]);
    assert_eq!(
        ndjson, "{\"year\":2005,\"title\":\"fmt\",\"genre\":\"Drama\"}\n",
        "key attributes first, then sorted"
    );
    let auto = suite.run_ok(&["get", &table, "2005", "fmt"]);
    assert_eq!(
        json_out(&auto),
        json_out(&ndjson),
        "auto is json when stdout is not a terminal"
    );
}

#[test]
fn tables_are_listed_described_and_deleted() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let listed = suite.run_ok(&["list-tables", "-o", "text"]);
    assert!(listed.lines().any(|l| l == table), "{listed}");
    let described = json_out(&suite.run_ok(&["describe-table", &table, "-o", "json"]));
    assert_eq!(described["name"], table.as_str());
    assert_eq!(
        described["key"]["sort"],
        json!({"name": "title", "type": "S"})
    );
    // The table a terminal shows reads the key as a person would.
    let shown = suite.run_ok(&["describe-table", &table, "-o", "table"]);
    assert!(
        shown.contains("year N (partition), title S (sort)"),
        "{shown}"
    );
    // A script without --yes gets an error, never a prompt, and the table stays.
    let out = suite.run(&["delete-table", &table]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("without --yes"), "{}", stderr(&out));
    suite.run_ok(&["describe-table", &table]);
    suite.run_ok(&["delete-table", &table, "--yes"]);
    let out = suite.run(&["describe-table", &table]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("table {table} does not exist")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn create_table_if_not_exists_accepts_only_the_same_key() {
    let suite = Suite::new();
    let table = suite.movies_table();
    suite.run_ok(&[
        "create-table",
        &table,
        "--pk",
        "year:N",
        "--sk",
        "title:S",
        "--rcu",
        "10",
        "--wcu",
        "10",
        "--if-not-exists",
    ]);
    let out = suite.run(&[
        "create-table",
        &table,
        "--pk",
        "year:S",
        "--rcu",
        "10",
        "--wcu",
        "10",
        "--if-not-exists",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("its key is year N (partition), title S (sort), not year S (partition)"),
        "{}",
        stderr(&out)
    );
    let out = suite.run(&["create-table", &table, "--pk", "year:N", "--sk", "title:S"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
}

#[test]
fn a_gsi_can_be_created_and_queried() {
    let suite = Suite::new();
    let table = suite.table_name("Orders");
    suite.run_ok(&[
        "create-table",
        &table,
        "--pk",
        "customer:S",
        "--sk",
        "placed:N",
        "--gsi",
        "ByStatus:status:S:placed:N",
    ]);
    for (c, p, s) in [("a", 1, "open"), ("b", 2, "open"), ("a", 3, "shipped")] {
        suite.run_ok(&[
            "put",
            &table,
            &json!({"customer": c, "placed": p, "status": s}).to_string(),
        ]);
    }
    let open =
        common::ndjson(&suite.run_ok(&["query", &table, "--index", "ByStatus", "--pk", "open"]));
    let placed: Vec<i64> = open.iter().map(|o| o["placed"].as_i64().unwrap()).collect();
    assert_eq!(placed, [1, 2]);
    // Resuming an index query needs the index key and the table key.
    let out = suite.run(&[
        "query",
        &table,
        "--index",
        "ByStatus",
        "--pk",
        "open",
        "--max-items",
        "1",
    ]);
    let resume = stderr(&out);
    assert!(
        resume.contains("\"customer\":\"a\"")
            && resume.contains("\"status\":\"open\"")
            && resume.contains("\"placed\":1"),
        "{resume}"
    );
    assert_eq!(common::ndjson(&stdout(&out)).len(), 1);
}

#[test]
fn create_and_delete_table_without_waiting() {
    let suite = Suite::new();
    let table = suite.table_name("NoWait");
    suite.run_ok(&["create-table", &table, "--pk", "id:S", "--no-wait"]);
    // The table exists at once (CREATING or ACTIVE); wait until it takes items.
    let mut ready = false;
    for _ in 0..50 {
        if suite
            .run(&["put", &table, r#"{"id": "x"}"#])
            .status
            .success()
        {
            ready = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(ready, "the table became usable");
    suite.run_ok(&["delete-table", &table, "--yes", "--no-wait"]);
    let mut gone = false;
    for _ in 0..50 {
        let listed = suite.run_ok(&["list-tables", "-o", "text"]);
        if !listed.lines().any(|l| l == table) {
            gone = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(gone, "the table went away");
}
