//! `ddb delete` of many items: by filter (a writer changing a matching item between the read and
//! the delete keeps it), by key condition on an index, by a keys file; and `--dry-run`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::{json, Value};

use crate::common::{self, forward, operation, stderr, Suite};

fn load(suite: &Suite, table: &str, n: usize) {
    let lines: String = (0..n)
        .map(|i| json!({"id": format!("i{i:02}"), "state": if i % 2 == 0 { "old" } else { "live" }, "kind": format!("k{}", i % 3)}).to_string() + "\n")
        .collect();
    let file = suite.dir().join(format!("{table}.ndjson"));
    std::fs::write(&file, lines).unwrap();
    suite.run_ok(&["put", table, "--file", file.to_str().unwrap()]);
}

fn ids(suite: &Suite, table: &str) -> Vec<String> {
    let mut ids: Vec<String> = suite
        .items(table)
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn dry_run_then_delete_by_filter_and_by_index_key_condition() {
    let suite = Suite::new();
    let table = suite.table_name("BulkDel");
    suite.run_ok(&[
        "create-table",
        &table,
        "--pk",
        "id:S",
        "--gsi",
        "ByKind:kind:S:keys",
    ]);
    load(&suite, &table, 30);
    let filter = [
        "--filter", "#s = :s", "--names", "#s=state", "--values", ":s=old",
    ];
    let dry = suite.run(&[&["delete", table.as_str(), "--dry-run"][..], &filter].concat());
    assert!(dry.status.success(), "{}", stderr(&dry));
    let keys = common::ndjson(&String::from_utf8_lossy(&dry.stdout));
    assert_eq!(keys.len(), 15);
    assert!(
        keys.iter().all(|k| k.as_object().unwrap().len() == 1),
        "keys only: {keys:?}"
    );
    assert!(
        stderr(&dry).contains("15 items would be deleted"),
        "{}",
        stderr(&dry)
    );
    assert_eq!(ids(&suite, &table).len(), 30, "a dry run deletes nothing");
    // A script without --yes: refused, nothing deleted.
    let refused = suite.run(&[&["delete", table.as_str()][..], &filter].concat());
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("without --yes"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(ids(&suite, &table).len(), 30);
    suite.run_ok(&[&["delete", table.as_str(), "--yes"][..], &filter].concat());
    assert_eq!(ids(&suite, &table).len(), 15);
    // Through an index: every remaining item of kind k1.
    let out = suite.run(&[
        "delete",
        &table,
        "--yes",
        "--index",
        "ByKind",
        "--key-condition",
        "kind = :k",
        "--values",
        ":k=k1",
    ]);
    assert!(stderr(&out).contains("deleted 5 of 5"), "{}", stderr(&out));
    assert!(suite
        .items(&table)
        .iter()
        .all(|i| i["kind"] != "k1" && i["state"] == "live"));
}

#[test]
fn an_item_changed_between_read_and_delete_is_kept() {
    let suite = Suite::new();
    let (_server, upstream) = common::upstream(&suite);
    let direct = format!("http://{upstream}");
    let table = suite.table_name("Race");
    let first = Arc::new(AtomicBool::new(true));
    let via_proxy = {
        let (upstream, first, table) = (upstream.clone(), first.clone(), table.clone());
        common::proxy(move |head, body| {
            if operation(head) == "DeleteItem" && first.swap(false, Ordering::SeqCst) {
                // Another writer gets there first: the item no longer matches the filter.
                let request: Value = serde_json::from_slice(body).unwrap();
                let mut item = request["Key"].clone();
                item["state"] = json!({"S": "changed"});
                let put_head: Vec<String> = head
                    .iter()
                    .map(|h| {
                        if h.to_ascii_lowercase().starts_with("x-amz-target:") {
                            "X-Amz-Target: DynamoDB_20120810.PutItem".to_string()
                        } else {
                            h.clone()
                        }
                    })
                    .collect();
                let put = json!({"TableName": table, "Item": item});
                forward(&upstream, &put_head, put.to_string().as_bytes());
            }
            forward(&upstream, head, body)
        })
    };
    let on = |url: &str| suite.at(url);
    let lines: String = (0..10)
        .map(|i| format!("{{\"id\": \"i{i}\", \"state\": \"old\"}}\n"))
        .collect();
    suite.id_table_at(&direct, &table, &lines);
    let out = on(&via_proxy)
        .args([
            "delete", &table, "--yes", "--filter", "#s = :s", "--names", "#s=state", "--values",
            ":s=old",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("deleted 9 of 10 items") && stderr(&out).contains("1 kept"),
        "{}",
        stderr(&out)
    );
    let left = common::ndjson(&String::from_utf8_lossy(
        &on(&direct).args(["scan", &table]).output().unwrap().stdout,
    ));
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["state"], "changed");
}

#[test]
fn a_keys_file_names_missing_keys_and_failed_conditions() {
    let suite = Suite::new();
    let table = suite.table_name("KeysDel");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    load(&suite, &table, 6);
    let keys = suite.dir().join("keys.ndjson");
    std::fs::write(
        &keys,
        "{\"id\": \"i00\"}\n{\"id\": \"i01\"}\n{\"id\": \"nope\"}\n",
    )
    .unwrap();
    let out = suite.run(&[
        "delete",
        &table,
        "--yes",
        "--keys-file",
        keys.to_str().unwrap(),
        "--condition",
        "#s = :s",
        "--names",
        "#s=state",
        "--values",
        ":s=old",
    ]);
    assert_eq!(out.status.code(), Some(3), "i01 is live: {}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("deleted 1 of 3") && err.contains("kept: {\"id\":\"i01\"}"),
        "{err}"
    );
    assert!(err.contains("not found: {\"id\":\"nope\"}"), "{err}");
    assert_eq!(ids(&suite, &table), ["i01", "i02", "i03", "i04", "i05"]);
    std::fs::write(&keys, "{\"id\": \"i02\", \"state\": \"x\"}\n").unwrap();
    let out = suite.run(&[
        "delete",
        &table,
        "--yes",
        "--keys-file",
        keys.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("line 1: state is not a key attribute"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        ids(&suite, &table).len(),
        5,
        "a bad keys file deletes nothing"
    );
}
