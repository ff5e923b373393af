//! Every op of `ddb serve`'s ndjson protocol, its replies and its errors, against the suite's
//! target (the ops do not depend on the model; the async one serves them here).

use std::io::Write;

use serde_json::{json, Value};

use crate::common::{ServerProcess, Suite};

fn orders(suite: &Suite) -> String {
    let table = suite.table_name("Ops");
    suite.run_ok(&["create-table", &table, "--pk", "customer:S", "--sk", "n:N"]);
    table
}

#[test]
fn describe_table_list_tables_and_errors_of_the_envelope() {
    let suite = Suite::new();
    let table = orders(&suite);
    let server = ServerProcess::serve(&suite, &[]);
    let mut conn = server.connect();
    let described = conn.call(json!({"id": 1, "op": "describe-table", "table": table}));
    assert_eq!(described["ok"], true, "{described}");
    assert_eq!(described["table"]["name"], table.as_str());
    assert_eq!(
        described["table"]["key"],
        json!({"partition": {"name": "customer", "type": "S"}, "sort": {"name": "n", "type": "N"}})
    );
    let listed = conn.call(json!({"id": 2, "op": "list-tables"}));
    assert!(
        listed["tables"].as_array().unwrap().contains(&json!(table)),
        "{listed}"
    );
    for (request, code, words) in [
        (json!({"id": 3}), "InvalidRequest", "needs \"op\""),
        (
            json!({"id": 4, "op": "frob"}),
            "UnknownOp",
            "ops are ping, put, get",
        ),
        (
            json!({"id": 5, "op": "describe-table"}),
            "InvalidRequest",
            "needs \"table\"",
        ),
        (
            json!({"id": 6, "op": "get", "table": table}),
            "InvalidRequest",
            "needs \"key\"",
        ),
        (
            json!({"id": 7, "op": "scan", "table": table, "limit": 0}),
            "InvalidRequest",
            "limit",
        ),
        (
            json!({"id": 8, "op": "scan", "table": table, "names": ["#a"]}),
            "InvalidRequest",
            "names",
        ),
        (
            json!({"id": 9, "op": "put", "table": table}),
            "InvalidRequest",
            "needs \"item\"",
        ),
        (
            json!({"id": 10, "op": "query", "table": table}),
            "InvalidRequest",
            "key_condition",
        ),
    ] {
        let reply = conn.call(request.clone());
        assert_eq!(reply["id"], request["id"], "{reply}");
        assert_eq!(reply["ok"], false, "{reply}");
        assert_eq!(reply["error"]["code"], code, "{request}: {reply}");
        let message = reply["error"]["message"].as_str().unwrap();
        assert!(message.contains(words), "{request}: {message}");
    }
}

#[test]
fn query_pages_with_start_keys_and_scan_filters() {
    let suite = Suite::new();
    let table = orders(&suite);
    let server = ServerProcess::serve(&suite, &[]);
    let mut conn = server.connect();
    for n in 1..=5 {
        let put = conn.call(json!({"id": n, "op": "put", "table": table, "item": {"customer": "ada", "n": n, "even": n % 2 == 0}}));
        assert_eq!(put["ok"], true, "{put}");
    }
    conn.call(json!({"id": 9, "op": "put", "table": table, "item": {"customer": "bob", "n": 1}}));
    let query = |start_key: Value| {
        json!({"id": "q", "op": "query", "table": table, "key_condition": "#c = :c",
               "names": {"#c": "customer"}, "values": {":c": "ada"}, "limit": 2, "start_key": start_key})
    };
    let mut seen = Vec::new();
    let mut start = Value::Null;
    for _ in 0..5 {
        let page = conn.call(query(start.clone()));
        assert_eq!(page["ok"], true, "{page}");
        for item in page["items"].as_array().unwrap() {
            seen.push(item["n"].as_i64().unwrap());
        }
        start = page["last_evaluated_key"].clone();
        if start.is_null() {
            break;
        }
    }
    assert_eq!(seen, [1, 2, 3, 4, 5], "every item once, in sort-key order");
    let desc = conn.call(
        json!({"id": "d", "op": "query", "table": table, "key_condition": "customer = :c",
                                "values": {":c": "ada"}, "desc": true, "limit": 1}),
    );
    assert_eq!(desc["items"][0]["n"], 5, "{desc}");
    let scan = conn.call(
        json!({"id": "s", "op": "scan", "table": table, "filter": "even = :t",
                                "values": {":t": true}, "typed": false}),
    );
    assert_eq!(scan["count"], 2, "{scan}");
    assert_eq!(scan["scanned_count"], 6, "{scan}");
    let typed = conn.call(
        json!({"id": "t", "op": "get", "table": table, "typed": true,
                                 "key": {"customer": "bob", "n": 1}}),
    );
    assert_eq!(typed["item"]["n"], json!({"N": "1"}), "{typed}");
}

#[test]
fn delete_with_and_without_a_condition() {
    let suite = Suite::new();
    let table = orders(&suite);
    let server = ServerProcess::serve(&suite, &[]);
    let mut conn = server.connect();
    let key = json!({"customer": "ada", "n": 1});
    conn.call(json!({"id": 1, "op": "put", "table": table, "item": {"customer": "ada", "n": 1, "amount": 10}}));
    let refused = conn.call(json!({"id": 2, "op": "delete", "table": table, "key": key,
                                   "condition": "amount > :t", "values": {":t": 50}}));
    assert_eq!(
        refused["error"]["code"], "ConditionalCheckFailedException",
        "{refused}"
    );
    let kept = conn.call(json!({"id": 3, "op": "get", "table": table, "key": key}));
    assert_eq!(
        kept["item"]["amount"], 10,
        "a refused delete keeps the item"
    );
    let deleted = conn.call(json!({"id": 4, "op": "delete", "table": table, "key": key,
                                   "condition": "amount = :t", "values": {":t": 10}}));
    assert_eq!(
        deleted,
        json!({"id": 4, "ok": true, "item": {"customer": "ada", "n": 1, "amount": 10}})
    );
    let gone = conn.call(json!({"id": 5, "op": "get", "table": table, "key": key}));
    assert_eq!(gone, json!({"id": 5, "ok": true, "item": null}));
    let again = conn.call(json!({"id": 6, "op": "delete", "table": table, "key": key}));
    assert_eq!(
        again,
        json!({"id": 6, "ok": true, "item": null}),
        "deleting nothing is no error"
    );
}

#[test]
fn numbers_of_38_digits_go_through_the_server_exactly() {
    let suite = Suite::new();
    let table = orders(&suite);
    let server = ServerProcess::serve(&suite, &[]);
    let mut conn = server.connect();
    let line = format!(
        r#"{{"id": 1, "op": "put", "table": "{table}", "item": {{"customer": "big", "n": 1, "total": 12345678901234567890123456789012345678}}}}"#
    );
    conn.stream
        .write_all(format!("{line}\n").as_bytes())
        .unwrap();
    let put = conn.recv();
    assert_eq!(put["ok"], true, "{put}");
    conn.stream
        .write_all(
            format!(
                r#"{{"id": 2, "op": "get", "table": "{table}", "key": {{"customer": "big", "n": 1}}}}
"#
            )
            .as_bytes(),
        )
        .unwrap();
    let mut raw = String::new();
    std::io::BufRead::read_line(&mut conn.reader, &mut raw).unwrap();
    assert!(
        raw.contains("\"total\":12345678901234567890123456789012345678"),
        "{raw}"
    );
}

#[test]
fn before_a_valid_auth_even_a_malformed_line_closes_the_connection() {
    let suite = Suite::new();
    let server = ServerProcess::serve(&suite, &["--token", "s3cret"]);
    for line in [&b"not json\n"[..], b"[1, 2]\n", b"{\"op\": \"frob\"}\n"] {
        let mut conn = server.connect();
        conn.stream.write_all(line).unwrap();
        let reply = conn.recv();
        assert_eq!(reply["error"]["code"], "Unauthorized", "{reply}");
        assert!(conn.closed(), "{}", String::from_utf8_lossy(line));
    }
}
