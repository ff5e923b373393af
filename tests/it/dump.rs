//! `ddb dump` and `ddb restore`: dump → restore (renamed, or into the other target) → dump gives
//! the same definition and the same items.

use std::io::Read;
use std::path::Path;

use serde_json::Value;

use crate::common::{self, stderr, Suite};
use crate::copy::source_table;

/// A dumped table's definition (its name left out) and its items, sorted.
fn dumped(dir: &Path, table: &str) -> (Value, Vec<String>) {
    let mut definition: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(table).join("table.json")).unwrap())
            .unwrap();
    definition["Table"]["TableName"] = Value::Null;
    let mut text = String::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(dir.join(table).join("items.ndjson.gz")).unwrap(),
    )
    .read_to_string(&mut text)
    .unwrap();
    let mut items: Vec<String> = common::ndjson(&text)
        .into_iter()
        .map(|i| common::sort_sets(i).to_string())
        .collect();
    items.sort();
    (definition, items)
}

#[test]
fn dump_restore_dump_is_the_same() {
    let suite = Suite::new();
    let table = source_table(&suite, || suite.ddb(), !suite.on_dynamodb_local());
    let first = suite.dir().join("first");
    suite.run_ok(&["dump", first.to_str().unwrap(), &table]);
    let restored = suite.table_name("Restored");
    suite.run_ok(&[
        "restore",
        first.to_str().unwrap(),
        "--rename",
        &format!("{table}={restored}"),
    ]);
    let second = suite.dir().join("second");
    suite.run_ok(&["dump", second.to_str().unwrap(), &restored]);
    let (definition, items) = dumped(&first, &table);
    assert_eq!(items.len(), 3000);
    assert_eq!(
        definition["TimeToLiveDescription"]["AttributeName"],
        "expires"
    );
    assert_eq!(dumped(&second, &restored), (definition, items));
    // Restoring over an existing table: refused unless --if-not-exists finds it the same.
    let again = suite.run(&[
        "restore",
        first.to_str().unwrap(),
        "--rename",
        &format!("{table}={restored}"),
    ]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    suite.run_ok(&[
        "restore",
        first.to_str().unwrap(),
        "--rename",
        &format!("{table}={restored}"),
        "--if-not-exists",
        "--schema-only",
    ]);
}

#[test]
fn a_dump_of_the_embedded_engine_restores_into_dynamodb_local() {
    let suite = Suite::new();
    if !suite.on_dynamodb_local() {
        return; // needs DynamoDB Local beside the embedded engine
    }
    let table = source_table(&suite, || suite.embedded(), true);
    let first = suite.dir().join("embedded");
    let out = suite
        .embedded()
        .args(["dump", first.to_str().unwrap(), &table])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    suite.run_ok(&["restore", first.to_str().unwrap()]);
    let second = suite.dir().join("local");
    suite.run_ok(&["dump", second.to_str().unwrap(), &table]);
    let (mut from_embedded, items) = dumped(&first, &table);
    let (mut from_local, local_items) = dumped(&second, &table);
    // Known differences: DynamoDB Local keeps no tags and no table class.
    for definition in [&mut from_embedded, &mut from_local] {
        definition["Tags"] = Value::Null;
        definition["Table"]["TableClassSummary"] = Value::Null;
    }
    assert_eq!(from_local, from_embedded);
    assert_eq!(local_items, items);
}

#[test]
fn a_mistyped_rename_and_a_second_dump_in_the_other_form() {
    let suite = Suite::new();
    let table = suite.table_name("Forms");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    suite.run_ok(&["put", &table, r#"{"id": "a"}"#]);
    let dir = suite.dir().join("forms");
    suite.run_ok(&["dump", dir.to_str().unwrap(), &table]);
    suite.run_ok(&["dump", dir.to_str().unwrap(), &table, "--no-gzip"]);
    assert!(dir.join(&table).join("items.ndjson").exists());
    assert!(
        !dir.join(&table).join("items.ndjson.gz").exists(),
        "the older form is gone"
    );
    let out = suite.run(&[
        "restore",
        dir.to_str().unwrap(),
        "--rename",
        "Nope=Other",
        "--data-only",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Nope is not among the tables restored"),
        "{}",
        stderr(&out)
    );
}
