//! `ddb update`: every change kind, reserved words in paths, conditions that hold and fail,
//! `--must-exist`, `--return`, and the input it refuses before sending anything.

use serde_json::{json, Value};

use crate::common::{self, Suite};

fn movie(suite: &Suite) -> String {
    let table = suite.movies_table();
    suite.run_ok(&[
        "put",
        &table,
        r#"{"year": 2015, "title": "The Big New Movie", "info": {"plot": "Nothing happens at all.", "rating": 0}}"#,
    ]);
    table
}

fn update(suite: &Suite, table: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["update", table, "2015", "The Big New Movie", "-o", "json"];
    all.extend_from_slice(args);
    suite.run(&all)
}

fn item(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", common::stderr(out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_change_kind_and_reserved_words_in_paths() {
    let suite = Suite::new();
    let table = movie(&suite);
    let after = item(&update(
        &suite,
        &table,
        &[
            "--set",
            "info.rating=5.5",
            "--set",
            "info.plot=Everything happens all at once.",
            "--set",
            r#"info.actors=["Larry","Moe","Curly"]"#,
            "--set",
            "name=The name",
            "--set-if-absent",
            "status=new",
            "--add",
            r#"tags=["a","b"]"#,
            "--append",
            r#"log=["created"]"#,
        ],
    ));
    assert_eq!(after["info"]["rating"], 5.5);
    assert_eq!(after["info"]["plot"], "Everything happens all at once.");
    assert_eq!(after["info"]["actors"], json!(["Larry", "Moe", "Curly"]));
    assert_eq!(after["name"], "The name", "a reserved word as an attribute");
    assert_eq!(after["status"], "new");
    assert_eq!(after["log"], json!(["created"]));
    let counted = item(&update(
        &suite,
        &table,
        &["--add", "info.rating=1", "--return", "updated-new"],
    ));
    assert_eq!(counted["info"]["rating"], 6.5, "an atomic counter");
    if suite.on_dynamodb_local() {
        // A known difference: for a nested path DynamoDB Local returns the whole top-level
        // attribute; DynamoDB (and the embedded engine) only the updated path.
        assert!(counted["info"]["plot"].is_string(), "{counted}");
    } else {
        assert_eq!(counted, json!({"info": {"rating": 6.5}}));
    }
    let after = item(&update(
        &suite,
        &table,
        &[
            "--set-if-absent",
            "status=old",
            "--prepend",
            r#"log=["first"]"#,
            "--delete-from",
            r#"tags=["a"]"#,
            "--remove",
            "info.actors[0]",
        ],
    ));
    assert_eq!(after["status"], "new", "if_not_exists keeps what is there");
    assert_eq!(after["log"], json!(["first", "created"]));
    assert_eq!(after["info"]["actors"], json!(["Moe", "Curly"]));
    let typed = suite.run_ok(&["get", &table, "2015", "The Big New Movie", "--typed"]);
    let typed: Value = serde_json::from_str(&typed).unwrap();
    assert_eq!(
        typed["tags"],
        json!({"SS": ["b"]}),
        "a string set, one element left"
    );
    let own = item(&update(
        &suite,
        &table,
        &[
            "--expression",
            "SET #r = :r",
            "--names",
            "#r=rating",
            "--values",
            ":r=9",
        ],
    ));
    assert_eq!(own["rating"], 9);
}

#[test]
fn a_false_condition_or_a_missing_item_changes_nothing() {
    let suite = Suite::new();
    let table = movie(&suite);
    update(&suite, &table, &["--set", r#"info.actors=["Larry","Moe"]"#]);
    let refused = update(
        &suite,
        &table,
        &[
            "--remove",
            "info.actors[0]",
            "--condition",
            "size(info.actors) > :num",
            "--values",
            ":num=2",
        ],
    );
    assert_eq!(refused.status.code(), Some(3));
    let err = common::stderr(&refused);
    assert!(
        err.contains("condition not met, item unchanged") && err.contains("(:num = 2)"),
        "{err}"
    );
    assert!(
        err.contains(r#"now info.actors = ["Larry","Moe"]"#),
        "{err}"
    );
    assert!(refused.stdout.is_empty());
    let kept = suite.run_ok(&["get", &table, "2015", "The Big New Movie"]);
    assert!(kept.contains("Larry"), "{kept}");

    let missing = suite.run(&[
        "update",
        &table,
        "1999",
        "Nothing",
        "--set",
        "a=1",
        "--must-exist",
    ]);
    assert_eq!(
        missing.status.code(),
        Some(3),
        "{}",
        common::stderr(&missing)
    );
    assert!(common::stderr(&missing).contains("no item with this key"));
    let absent = suite.run(&["get", &table, "1999", "Nothing"]);
    assert_eq!(
        absent.status.code(),
        Some(4),
        "--must-exist created nothing"
    );

    let none = update(&suite, &table, &["--set", "x=1", "--return", "none"]);
    assert!(none.status.success() && none.stdout.is_empty());
    let old = item(&update(
        &suite,
        &table,
        &["--set", "x=2", "--return", "old"],
    ));
    assert_eq!(old["x"], 1, "--return old prints the item before");
}

#[test]
fn bad_changes_are_refused_before_anything_is_sent() {
    let suite = Suite::new();
    let table = movie(&suite);
    for (args, code, words) in [
        (vec![], 2, "no change given"),
        (
            vec!["--set", "a=1", "--expression", "SET b = :b"],
            2,
            "--expression",
        ),
        (
            vec!["--set", "year=2016"],
            1,
            "year is part of the table's key",
        ),
        (
            vec!["--set", "info.rating=1", "--remove", "info"],
            1,
            "info.rating and info overlap",
        ),
        (vec!["--set", "a..b=1"], 1, "an empty name"),
        (vec!["--add", "tags=[1, \"x\"]"], 1, "a set"),
        (vec!["--append", "log=x"], 1, "JSON array"),
    ] {
        let out = update(&suite, &table, &args);
        let err = common::stderr(&out);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
    let unchanged = suite.run_ok(&["get", &table, "2015", "The Big New Movie", "-o", "json"]);
    let unchanged: Value = serde_json::from_str(&unchanged).unwrap();
    assert_eq!(
        unchanged,
        json!({"year": 2015, "title": "The Big New Movie", "info": {"plot": "Nothing happens at all.", "rating": 0}})
    );
}

#[test]
fn put_if_absent_inserts_only_and_put_return_old_prints_what_it_replaced() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let first = r#"{"year": 2015, "title": "X", "v": 1}"#;
    suite.run_ok(&["put", &table, first, "--if-absent"]);
    let again = suite.run(&[
        "put",
        &table,
        r#"{"year": 2015, "title": "X", "v": 2}"#,
        "--if-absent",
    ]);
    assert_eq!(again.status.code(), Some(3), "{}", common::stderr(&again));
    assert!(common::stderr(&again).contains("already exists"));
    let kept = suite.run_ok(&["get", &table, "2015", "X", "-o", "json"]);
    assert_eq!(
        serde_json::from_str::<Value>(&kept).unwrap()["v"],
        1,
        "left as it was"
    );

    let replaced = suite.run_ok(&[
        "put",
        &table,
        r#"{"year": 2015, "title": "X", "v": 3}"#,
        "--return",
        "old",
        "-o",
        "json",
    ]);
    assert_eq!(
        serde_json::from_str::<Value>(&replaced).unwrap(),
        json!({"year": 2015, "title": "X", "v": 1})
    );
    let fresh = suite.run_ok(&[
        "put",
        &table,
        r#"{"year": 2016, "title": "Y"}"#,
        "--return",
        "old",
    ]);
    assert!(
        fresh.is_empty(),
        "nothing replaced, nothing printed: {fresh}"
    );
}

#[test]
fn typed_values_and_updated_old() {
    let suite = Suite::new();
    let table = movie(&suite);
    let typed = update(
        &suite,
        &table,
        &[
            "--typed",
            "--set",
            r#"tags={"SS": ["x", "y"]}"#,
            "--set",
            r#"info.rating={"N": "7"}"#,
            "--return",
            "updated-new",
        ],
    );
    let typed = item(&typed);
    assert_eq!(typed["tags"], json!({"SS": ["x", "y"]}), "{typed}");
    let before = item(&update(
        &suite,
        &table,
        &["--set", "info.plot=Later.", "--return", "updated-old"],
    ));
    assert_eq!(
        before["info"]["plot"], "Nothing happens at all.",
        "{before}"
    );
}
