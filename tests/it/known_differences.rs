//! Where the two targets answer differently, and which one matches documented DynamoDB
//! behaviour. Each test asserts what its target does today, so a change on either side shows up
//! here first. The requests go over raw HTTP, past ddb's own checks.

use crate::common;

use common::{raw_request, ServerProcess, Suite};
use serde_json::Value;

/// The suite's target as an HTTP port: DynamoDB Local's, or a `ddb local` started for the test.
fn target_port(suite: &Suite) -> (u16, Option<ServerProcess>) {
    match suite.endpoint() {
        Some(url) => (
            url.rsplit(':')
                .next()
                .unwrap()
                .trim_end_matches('/')
                .parse()
                .unwrap(),
            None,
        ),
        None => {
            let server = ServerProcess::local(&["--in-memory"]);
            (server.port(), Some(server))
        }
    }
}

fn create(port: u16, table: &str) {
    let (status, out) = create_with(port, table);
    assert_eq!(status, 200, "{out}");
}

/// `operation` on a new table of the suite's target: `{"TableName": ..., FIELDS}`.
fn on_a_fresh_table(suite: &Suite, operation: &str, fields: &str) -> (u16, Value) {
    let (port, _server) = target_port(suite);
    let table = suite.table_name("Diff");
    create(port, &table);
    raw_request(
        port,
        operation,
        &format!(r#"{{"TableName": "{table}", {fields}}}"#),
    )
}

fn message(out: &Value) -> String {
    out.get("message")
        .or_else(|| out.get("Message"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// DynamoDB rejects a filter using an undefined `:value` before reading anything. The embedded
/// engine (dynoxide-rs 3.2) checks it only when it evaluates an item, so a scan of an empty table
/// succeeds. ddb checks placeholders itself, so ddb users see DynamoDB's error on both targets.
#[test]
fn an_undefined_value_on_an_empty_table() {
    let suite = Suite::new();
    let (status, out) = on_a_fresh_table(&suite, "Scan", r#""FilterExpression": "a = :v""#);
    if suite.on_dynamodb_local() {
        assert_eq!(status, 400, "DynamoDB Local matches DynamoDB: {out}");
        assert!(message(&out).contains("attribute value: :v"), "{out}");
    } else {
        assert_eq!(
            status, 200,
            "the embedded engine departs from DynamoDB here: {out}"
        );
    }
}

/// DynamoDB's documented message for a put without the sort key is "One or more parameter values
/// were invalid: Missing the key <name> in the item"; the embedded engine says exactly that,
/// DynamoDB Local says "One of the required keys was not given a value".
#[test]
fn the_wording_of_a_missing_key() {
    let suite = Suite::new();
    let (status, out) = on_a_fresh_table(&suite, "PutItem", r#""Item": {"a": {"S": "x"}}"#);
    assert_eq!(status, 400);
    if suite.on_dynamodb_local() {
        assert_eq!(
            message(&out),
            "One of the required keys was not given a value"
        );
    } else {
        assert_eq!(
            message(&out),
            "One or more parameter values were invalid: Missing the key id in the item"
        );
    }
}

/// A reserved word in a key condition: DynamoDB and DynamoDB Local prefix the message with
/// "Invalid KeyConditionExpression: "; the embedded engine leaves the prefix out. ddb finds the
/// word in whichever expression holds it, so its caret and hint are the same on both.
#[test]
fn the_wording_of_a_reserved_word_in_a_key_condition() {
    let suite = Suite::new();
    let (port, _server) = target_port(&suite);
    let table = suite.table_name("Diff");
    create(port, &table);
    let body = format!(
        r#"{{"TableName": "{table}", "KeyConditionExpression": "year = :y", "ExpressionAttributeValues": {{":y": {{"N": "1"}}}}}}"#
    );
    let (status, out) = raw_request(port, "Query", &body);
    assert_eq!(status, 400);
    let text = message(&out);
    assert!(
        text.ends_with("Attribute name is a reserved keyword; reserved keyword: year"),
        "{text}"
    );
    assert_eq!(
        text.starts_with("Invalid KeyConditionExpression: "),
        suite.on_dynamodb_local(),
        "{text}"
    );
}

/// A filtered scan that spans pages: DynamoDB Local's ScannedCount adds up to the table's size;
/// the embedded engine (dynoxide-rs 3.2) counts one item more per page boundary. `ddb bench`
/// reports the server's own count, so the extra items show in its "examined" column there.
#[test]
fn scanned_count_of_a_filtered_scan_across_a_page_boundary() {
    let suite = Suite::new();
    let out = suite.run_ok(&[
        "bench",
        "query-vs-scan",
        "--items",
        "10000",
        "--partitions",
        "10",
        "--repeat",
        "1",
        "--json",
    ]);
    let report: Value = serde_json::from_str(&out).unwrap();
    let scan = &report["sizes"][0]["scan"];
    assert!(scan["pages"].as_f64().unwrap() >= 2.0, "{scan}");
    let expected = if suite.on_dynamodb_local() {
        10000.0
    } else {
        10000.0 + scan["pages"].as_f64().unwrap() - 1.0
    };
    assert_eq!(scan["items_examined"].as_f64().unwrap(), expected, "{scan}");
}

fn create_with(port: u16, table: &str) -> (u16, Value) {
    let body = format!(
        r#"{{"TableName": "{table}", "KeySchema": [{{"AttributeName": "id", "KeyType": "HASH"}}],
            "AttributeDefinitions": [{{"AttributeName": "id", "AttributeType": "S"}}], "BillingMode": "PAY_PER_REQUEST"}}"#
    );
    raw_request(port, "CreateTable", &body)
}

fn put_and_count(port: u16, table: &str, id: &str) -> usize {
    let (status, out) = raw_request(
        port,
        "PutItem",
        &format!(r#"{{"TableName": "{table}", "Item": {{"id": {{"S": "{id}"}}}}}}"#),
    );
    assert_eq!(status, 200, "put into {table}: {out}");
    let (status, out) = raw_request(port, "Scan", &format!(r#"{{"TableName": "{table}"}}"#));
    assert_eq!(status, 200, "scan {table}: {out}");
    out["Items"].as_array().unwrap().len()
}

/// Table names that collide with the embedded engine's own storage, or with another table's when
/// case is ignored, and a seeded spread of other valid names. DynamoDB and DynamoDB Local treat
/// every one as an ordinary, distinct table. The embedded engine keeps tables as SQLite tables
/// beside its catalog, with names compared without case, and its CreateTable is not atomic: such a
/// name used to be registered anyway, and deleting it erased the catalog (every table) or another
/// table's items. ddb's front refuses them with a ValidationException that says why; every other
/// name behaves as on DynamoDB Local. DynamoDB Local, itself built on SQLite, answers
/// InternalFailure (500) for `sqlite_*` names and for a name that differs from an existing one
/// only in case, and keeps the other table whole.
#[test]
fn names_the_embedded_engine_cannot_hold() {
    let suite = Suite::new();
    let (port, _server) = target_port(&suite);
    let base = suite.table_name("Case");
    create(port, &base);
    assert_eq!(put_and_count(port, &base, "kept"), 1);
    let tag = base.trim_start_matches("Case");
    let mut rng = fastrand::Rng::with_seed(20261203);
    let alphabet: Vec<char> = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain(['_', '-', '.'])
        .collect();
    let mut names: Vec<(String, bool)> = vec![
        ("_tables".into(), true),
        ("_TABLES".into(), true),
        ("_config".into(), true),
        ("_stream_records".into(), true),
        ("sqlite_master".into(), true),
        ("sqlite_stat1".into(), true),
        (base.to_lowercase(), true),
        (base.to_uppercase(), true),
        (format!("_tables{tag}"), false),
        (format!("sqlite{tag}"), false),
    ];
    for _ in 0..20 {
        let len = rng.usize(3..40);
        let name: String = (0..len)
            .map(|_| alphabet[rng.usize(..alphabet.len())])
            .collect();
        names.push((format!("{name}{tag}"), false));
    }
    for (name, collides) in &names {
        if suite.on_dynamodb_local() {
            // The fixed names are shared by every run against one DynamoDB Local.
            raw_request(
                port,
                "DeleteTable",
                &format!(r#"{{"TableName": "{name}"}}"#),
            );
        }
        let (status, out) = create_with(port, name);
        let sqlite_would_clash = name.starts_with("sqlite_") || name.eq_ignore_ascii_case(&base);
        if suite.on_dynamodb_local() && sqlite_would_clash {
            // DynamoDB Local keeps its tables in SQLite too, and fails on these (DynamoDB does not).
            assert_eq!(status, 500, "{name}: {out}");
            assert!(
                out["__type"].as_str().unwrap().ends_with("InternalFailure"),
                "{out}"
            );
        } else if *collides && !suite.on_dynamodb_local() {
            assert_eq!(status, 400, "{name}: {out}");
            assert!(
                out["__type"]
                    .as_str()
                    .unwrap()
                    .ends_with("ValidationException"),
                "{out}"
            );
            assert!(
                message(&out).contains("the embedded engine"),
                "{name}: {out}"
            );
            let (status, _) = raw_request(
                port,
                "DeleteTable",
                &format!(r#"{{"TableName": "{name}"}}"#),
            );
            assert_eq!(status, 400, "{name} cannot be deleted either");
        } else {
            assert_eq!(status, 200, "{name}: {out}");
            assert_eq!(
                put_and_count(port, name, "x"),
                1,
                "{name} holds its own items"
            );
            let (status, out) = raw_request(
                port,
                "DeleteTable",
                &format!(r#"{{"TableName": "{name}"}}"#),
            );
            assert_eq!(status, 200, "{name}: {out}");
        }
        // Whatever happened, the other table and its item are still there.
        let (status, out) = raw_request(port, "Scan", &format!(r#"{{"TableName": "{base}"}}"#));
        assert_eq!(status, 200, "after {name}: {out}");
        assert_eq!(out["Items"].as_array().unwrap().len(), 1, "after {name}");
    }
}

/// `size > :s` with no parentheses: SIZE is one of DynamoDB's reserved words (its documented
/// list), so DynamoDB refuses it as a reserved keyword and wants `#size`. The embedded engine
/// refuses it too, as a syntax error (it reads `size` as the function); DynamoDB Local accepts it
/// and compares an attribute named `size`.
#[test]
fn a_bare_size_in_a_filter() {
    let suite = Suite::new();
    let (status, out) = on_a_fresh_table(
        &suite,
        "Scan",
        r#""FilterExpression": "size > :s", "ExpressionAttributeValues": {":s": {"N": "1"}}"#,
    );
    if suite.on_dynamodb_local() {
        assert_eq!(status, 200, "{out}");
    } else {
        assert_eq!(status, 400, "{out}");
        assert!(message(&out).to_lowercase().contains("syntax"), "{out}");
    }
}
