//! The Query and Scan form return what `ddb query` and `ddb scan --filter` return; edits are
//! conditioned on the item as loaded.

use serde_json::{json, Value};

use super::{all_pages, change, encode, movie_keys, Ui, BIG};
use crate::common::Suite;

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

    // Plain JSON keeps what it cannot say: a set left as loaded stays a set, binary stays binary.
    let typed = json!({"id": {"S": "s"}, "tags": {"SS": ["a", "b"]}, "bin": {"B": "AAE="}});
    let (status, _) = change(
        &ui,
        "PUT",
        &table,
        &json!({"text": typed.to_string(), "typed": true, "expected": null}),
    );
    assert_eq!(status, 200);
    let (status, loaded) = ui.api(&format!(
        "/api/tables/{table}/item?key={}",
        encode(&json!({"id": {"S": "s"}}).to_string())
    ));
    assert_eq!(status, 200, "{loaded}");
    let loaded = loaded["item"].clone();
    let plain = r#"{"id": "s", "tags": ["a", "b"], "bin": "AAE=", "x": 1}"#;
    let (status, body) = change(
        &ui,
        "PUT",
        &table,
        &json!({"text": plain, "typed": false, "expected": loaded}),
    );
    assert_eq!(status, 200, "{body}");
    let saved = get("s").unwrap();
    assert_eq!(
        saved["tags"]["SS"].as_array().map(Vec::len),
        Some(2),
        "{saved}"
    );
    assert_eq!(saved["bin"], json!({"B": "AAE="}));
    assert_eq!(saved["x"], json!({"N": "1"}));
    // A delete names the loaded item's key; another key beside it is refused.
    let (status, _) = change(
        &ui,
        "DELETE",
        &table,
        &json!({"key": {"id": {"S": "other"}}, "expected": saved}),
    );
    assert_eq!(status, 400);
    let (status, _) = ui.api(&format!(
        "/api/tables/{table}/item?key={}",
        encode(&json!({"id": {"S": "nothing"}}).to_string())
    ));
    assert_eq!(status, 404);

    // --read-only writes nothing.
    let read_only = Ui::start(&suite, &["--read-only"]);
    let (status, _) = change(&read_only, "PUT", &table, &add);
    assert_eq!(status, 403);
    assert!(get("a").is_none());
}
