//! Export and import: `scan --typed` followed by `put --file --typed` into another table
//! reproduces every item exactly, including sets, binary, 38-digit numbers and nesting.

mod common;

use common::{stderr, Suite};
use serde_json::{json, Value};

#[test]
fn a_typed_export_and_import_reproduces_every_item() {
    let suite = Suite::new();
    let source = suite.movies_table();
    let lines: String = (0..300)
        .map(|i| {
            let item = json!({
                "year": {"N": (1900 + i % 7).to_string()},
                "title": {"S": format!("title {i} ünïcødé")},
                "big": {"N": format!("{}{:0>30}", i + 1, 0)},
                "tags": {"SS": [format!("t{i}"), "common"]},
                "scores": {"NS": ["1.5", (i * 3).to_string()]},
                "blob": {"B": "AAEC/w=="},
                "blobs": {"BS": ["AQ==", "Ag=="]},
                "nested": {"M": {"list": {"L": [{"S": "x"}, {"NULL": true}, {"M": {"deep": {"BOOL": i % 2 == 0}}}]}}}
            });
            format!("{item}\n")
        })
        .collect();
    let input = suite.dir().join("typed.ndjson");
    std::fs::write(&input, lines).unwrap();
    suite.run_ok(&["put", &source, "--file", input.to_str().unwrap(), "--typed"]);

    let exported = suite.run_ok(&[
        "scan",
        &source,
        "--typed",
        "--segments",
        "3",
        "--output",
        "ndjson",
    ]);
    let export_file = suite.dir().join("export.ndjson");
    std::fs::write(&export_file, &exported).unwrap();
    let copy = suite.movies_table();
    let out = suite.run(&[
        "put",
        &copy,
        "--file",
        export_file.to_str().unwrap(),
        "--typed",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let normalise = |text: &str| -> Vec<Value> {
        let mut items: Vec<Value> = common::ndjson(text).into_iter().map(sort_sets).collect();
        items.sort_by_key(|i| i["title"]["S"].as_str().unwrap().to_string());
        items
    };
    let original = normalise(&exported);
    let copied = normalise(&suite.run_ok(&["scan", &copy, "--typed", "--output", "ndjson"]));
    assert_eq!(original.len(), 300);
    assert_eq!(copied, original, "every item, exactly");
    assert!(
        exported.contains(r#""big":{"N":"1000000000000000000000000000000"}"#),
        "31 digits kept as text"
    );
}

/// Sets have no order in DynamoDB: compare them sorted.
fn sort_sets(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let v = match (k.as_str(), v) {
                        ("SS" | "NS" | "BS", Value::Array(mut items)) => {
                            items.sort_by_key(|x| x.to_string());
                            Value::Array(items)
                        }
                        (_, other) => sort_sets(other),
                    };
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(sort_sets).collect()),
        other => other,
    }
}
