//! `ddb truncate`: every item gone, the table's definition untouched, and no prompt in scripts.

use crate::common::{stderr, Suite};

#[test]
fn truncate_deletes_every_item_and_keeps_the_table() {
    let suite = Suite::new();
    let table = suite.table_name("Trunc");
    suite.run_ok(&[
        "create-table",
        &table,
        "--pk",
        "year:N",
        "--sk",
        "name:S",
        "--gsi",
        "ByKind:kind:S:keys",
        "--ttl",
        "expires",
    ]);
    let items: String = (0..5000)
        .map(|i| {
            format!(
                "{{\"year\": {}, \"name\": \"n{i}\", \"kind\": \"k{}\"}}\n",
                i % 40,
                i % 3
            )
        })
        .collect();
    let file = suite.dir().join("items.ndjson");
    std::fs::write(&file, items).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);
    let before = suite.run_ok(&["describe-table", &table, "--as", "create"]);
    // A script without --yes: refused, nothing deleted.
    let out = suite.run(&["truncate", &table]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("without --yes"), "{}", stderr(&out));
    assert_eq!(suite.count(&table), 5000);
    let out = suite.run_ok(&["truncate", &table, "--yes", "-o", "json"]);
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["deleted"], 5000);
    assert_eq!(suite.count(&table), 0);
    assert_eq!(
        suite.run_ok(&["describe-table", &table, "--as", "create"]),
        before
    );
}
