//! Query and scan: pagination that neither skips nor repeats, parallel scans, counts, order.

use crate::common;

use std::collections::BTreeSet;

use common::{keys, ndjson, stderr, stdout, Suite};
use serde_json::Value;

/// Reads with `--max-items`, resuming from the printed key each time, until the end.
fn read_in_runs(suite: &Suite, base: &[&str], max: u32) -> (Vec<Value>, usize) {
    let mut all = Vec::new();
    let mut start: Option<String> = None;
    let mut runs = 0;
    loop {
        runs += 1;
        let max_text = max.to_string();
        let mut args: Vec<&str> = base.to_vec();
        args.extend(["--max-items", &max_text, "--page-size", "7"]);
        if let Some(key) = &start {
            args.extend(["--start-key", key.as_str()]);
        }
        let out = suite.run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let items = ndjson(&stdout(&out));
        assert!(items.len() <= max as usize);
        all.extend(items);
        match stderr(&out).split("resume with --start-key '").nth(1) {
            Some(rest) => start = Some(rest.split("'\n").next().unwrap().to_string()),
            None => return (all, runs),
        }
    }
}

#[test]
fn query_and_scan_resume_without_skipping_or_repeating() {
    let suite = Suite::new();
    let table = suite.loaded_movies_table();
    let full_query = ndjson(&suite.run_ok(&["query", &table, "--pk", "1990"]));
    assert!(full_query.len() > 20, "enough items for several runs");
    // 10 items a run with 7-item pages: most runs stop in the middle of a page.
    let (resumed, runs) = read_in_runs(&suite, &["query", &table, "--pk", "1990"], 10);
    assert_eq!(keys(&resumed), keys(&full_query));
    assert!(runs > 2);

    let mut full_scan = keys(&suite.items(&table));
    let (scanned, _) = read_in_runs(
        &suite,
        &[
            "scan", &table, "--filter", "#y < :y", "--names", "#y=year", "--values", ":y=1925",
        ],
        13,
    );
    let mut scanned = keys(&scanned);
    full_scan.retain(|(y, _)| *y < 1925);
    full_scan.sort();
    scanned.sort();
    assert_eq!(scanned, full_scan);
}

#[test]
fn json_output_carries_the_resume_key_and_counts() {
    let suite = Suite::new();
    let table = suite.loaded_movies_table();
    let out: Value = serde_json::from_str(&suite.run_ok(&[
        "query",
        &table,
        "--pk",
        "1990",
        "--max-items",
        "3",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(out["items"].as_array().unwrap().len(), 3);
    let last = &out["items"][2];
    assert_eq!(
        out["last_evaluated_key"],
        serde_json::json!({"year": 1990, "title": last["title"]})
    );
    let done: Value =
        serde_json::from_str(&suite.run_ok(&["query", &table, "--pk", "1990", "-o", "json"]))
            .unwrap();
    assert_eq!(done["last_evaluated_key"], Value::Null);
    assert_eq!(
        done["count"].as_u64().unwrap() as usize,
        done["items"].as_array().unwrap().len()
    );
}

#[test]
fn a_parallel_scan_prints_every_item_exactly_once() {
    let suite = Suite::new();
    let table = suite.loaded_movies_table();
    let sequential = keys(&suite.items(&table));
    let parallel = keys(&ndjson(&suite.run_ok(&[
        "scan",
        &table,
        "--segments",
        "4",
        "--page-size",
        "100",
    ])));
    assert_eq!(
        parallel.len(),
        sequential.len(),
        "no item twice, none missing"
    );
    let a: BTreeSet<_> = sequential.into_iter().collect();
    let b: BTreeSet<_> = parallel.into_iter().collect();
    assert_eq!(a, b);
    assert_eq!(a.len(), 4000);
}

#[test]
fn counts_sort_order_and_sort_key_conditions_agree_with_the_data() {
    let suite = Suite::new();
    let table = suite.loaded_movies_table();
    let year: Vec<Value> = ndjson(&suite.run_ok(&["query", &table, "--pk", "1970"]));
    let count: Value = serde_json::from_str(&suite.run_ok(&[
        "query", &table, "--pk", "1970", "--select", "count", "-o", "json",
    ]))
    .unwrap();
    assert_eq!(count["count"].as_u64().unwrap() as usize, year.len());
    let titles: Vec<String> = year
        .iter()
        .map(|m| m["title"].as_str().unwrap().to_string())
        .collect();
    let desc: Vec<String> = ndjson(&suite.run_ok(&["query", &table, "--pk", "1970", "--desc"]))
        .iter()
        .map(|m| m["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(desc, titles.iter().rev().cloned().collect::<Vec<_>>());
    let from_m: Vec<String> =
        ndjson(&suite.run_ok(&["query", &table, "--pk", "1970", "--sk", ">= M"]))
            .iter()
            .map(|m| m["title"].as_str().unwrap().to_string())
            .collect();
    assert_eq!(
        from_m,
        titles
            .iter()
            .filter(|t| t.as_str() >= "M")
            .cloned()
            .collect::<Vec<_>>()
    );
    let the: Vec<String> =
        ndjson(&suite.run_ok(&["query", &table, "--pk", "1970", "--sk-begins-with", "The "]))
            .iter()
            .map(|m| m["title"].as_str().unwrap().to_string())
            .collect();
    assert_eq!(
        the,
        titles
            .iter()
            .filter(|t| t.starts_with("The "))
            .cloned()
            .collect::<Vec<_>>()
    );
    // A filter reads the same items and returns fewer: ScannedCount against Count.
    let filtered: Value = serde_json::from_str(&suite.run_ok(&[
        "query",
        &table,
        "--pk",
        "1970",
        "--filter",
        "info.rating > :r",
        "--values",
        ":r=5",
        "--select",
        "count",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(
        filtered["scanned_count"].as_u64().unwrap() as usize,
        year.len()
    );
    let expected = year
        .iter()
        .filter(|m| m["info"]["rating"].as_f64().unwrap() > 5.0)
        .count();
    assert_eq!(filtered["count"].as_u64().unwrap() as usize, expected);
}

#[test]
fn a_scan_costs_the_whole_table_and_a_query_its_partition() {
    let suite = Suite::new();
    let table = suite.loaded_movies_table();
    let capacity = |args: &[&str]| -> f64 {
        let mut all = args.to_vec();
        all.extend(["--select", "count", "--consumed-capacity", "-o", "json"]);
        let v: Value = serde_json::from_str(&suite.run_ok(&all)).unwrap();
        v["consumed_capacity"].as_f64().unwrap()
    };
    let query = capacity(&["query", &table, "--pk", "1970"]);
    let scan = capacity(&[
        "scan", &table, "--filter", "#y = :y", "--names", "#y=year", "--values", ":y=1970",
    ]);
    assert!(query > 0.0);
    assert!(scan > 20.0 * query, "scan {scan} against query {query}");
}
