//! Bulk loads under injected faults: a proxy between ddb and the real target throttles every
//! fourth BatchWriteItem outright and, for another fourth, forwards half the items and returns the
//! other half as UnprocessedItems. Afterwards every input item is in the table exactly as given,
//! and the summary's counts add up.

use crate::common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use common::{forward, operation, stderr, Suite};
use serde_json::{json, Value};

/// Counts of what the proxy did.
#[derive(Default)]
pub(crate) struct Injected {
    pub(crate) batches: AtomicU64,
    pub(crate) throttled: AtomicU64,
    pub(crate) halved: AtomicU64,
}

/// What the proxy does with one request: BatchWriteItem is throttled (every fourth) or half
/// refused as UnprocessedItems (another fourth); everything else is forwarded.
pub(crate) fn handle(
    upstream: &str,
    injected: &Injected,
    head: &[String],
    body: &[u8],
) -> (Vec<String>, Vec<u8>) {
    if operation(head) != "BatchWriteItem" {
        return forward(upstream, head, body);
    }
    let n = injected.batches.fetch_add(1, Ordering::Relaxed);
    match n % 4 {
        0 => {
            injected.throttled.fetch_add(1, Ordering::Relaxed);
            let error = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"injected throttle"}"#;
            let rhead = vec![
                "HTTP/1.1 400 Bad Request".to_string(),
                "Content-Type: application/x-amz-json-1.0".to_string(),
            ];
            (rhead, error.to_vec())
        }
        1 => {
            let mut request: Value = serde_json::from_slice(body).unwrap();
            let items = request["RequestItems"].as_object_mut().unwrap();
            let (table, writes) = items.iter_mut().next().unwrap();
            let table = table.clone();
            let all = writes.as_array().unwrap().clone();
            if all.len() < 2 {
                return forward(upstream, head, body);
            }
            injected.halved.fetch_add(1, Ordering::Relaxed);
            let (sent, kept) = all.split_at(all.len() / 2);
            *writes = Value::Array(sent.to_vec());
            let (rhead, rbody) = forward(upstream, head, &serde_json::to_vec(&request).unwrap());
            let mut response: Value = serde_json::from_slice(&rbody).unwrap();
            response["UnprocessedItems"] = json!({ table: kept });
            (rhead, serde_json::to_vec(&response).unwrap())
        }
        _ => forward(upstream, head, body),
    }
}

#[test]
fn a_bulk_load_through_throttling_and_unprocessed_items_loses_nothing() {
    let suite = Suite::new();
    // The real target behind the proxy: DynamoDB Local, or the embedded engine served by ddb local.
    let (_server, upstream) = common::upstream(&suite);
    let injected = Arc::new(Injected::default());
    let via_proxy = {
        let (upstream, injected) = (upstream.clone(), injected.clone());
        common::proxy(move |head, body| handle(&upstream, &injected, head, body))
    };
    let direct = format!("http://{upstream}");
    let table = suite.table_name("Faults");
    let created = suite
        .bare()
        .args([
            "--endpoint-url",
            &direct,
            "create-table",
            &table,
            "--pk",
            "id:S",
            "--sk",
            "n:N",
        ])
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));

    let items: Vec<Value> = (0..600).map(|i| json!({"id": format!("k{}", i % 37), "n": i, "v": format!("value {i}"), "tags": [i, "x"]})).collect();
    let input = suite.dir().join("faults.ndjson");
    std::fs::write(
        &input,
        items.iter().map(|i| format!("{i}\n")).collect::<String>(),
    )
    .unwrap();
    let out = suite
        .bare()
        .args([
            "--endpoint-url",
            &via_proxy,
            "put",
            &table,
            "--file",
            input.to_str().unwrap(),
            "--parallel",
            "4",
            "--output",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();

    let batches = injected.batches.load(Ordering::Relaxed);
    let faults =
        injected.throttled.load(Ordering::Relaxed) + injected.halved.load(Ordering::Relaxed);
    assert!(
        faults * 5 >= batches,
        "at least 20% of batches were faulty: {faults} of {batches}"
    );
    assert_eq!(summary["written"], 600, "{summary}");
    assert_eq!(summary["failed"], 0);
    assert_eq!(summary["rejected"], 0);
    assert_eq!(
        summary["requests"].as_u64().unwrap(),
        batches,
        "every request the proxy saw is counted: {summary}"
    );
    assert_eq!(
        summary["retried_requests"].as_u64().unwrap(),
        faults,
        "one retry per injected fault: {summary}"
    );

    let scanned = suite
        .bare()
        .args([
            "--endpoint-url",
            &direct,
            "scan",
            &table,
            "-o",
            "ndjson",
            "--consistent",
        ])
        .output()
        .unwrap();
    let mut stored: Vec<Value> = common::ndjson(&common::stdout(&scanned));
    stored.sort_by_key(|i| i["n"].as_u64().unwrap());
    assert_eq!(stored.len(), 600);
    for (got, want) in stored.iter().zip(&items) {
        assert_eq!(got, want, "every item exactly as given");
    }
}
