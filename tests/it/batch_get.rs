//! `ddb get --keys-file`: many keys, some missing, in input order; and every key answered once
//! through a proxy that returns half of each request as UnprocessedKeys.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde_json::{json, Value};

use crate::common::{self, forward, operation, stderr, Suite};

fn keyed_table(suite: &Suite, endpoint_args: &[String]) -> String {
    let table = suite.table_name("Batch");
    let created = suite
        .bare()
        .args(endpoint_args)
        .args(["create-table", &table, "--pk", "id:S", "--sk", "n:N"])
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", stderr(&created));
    let items: String = (0..200)
        .map(|i| {
            format!(
                "{}\n",
                json!({"id": format!("k{}", i % 7), "n": i, "v": i * 10})
            )
        })
        .collect();
    let file = suite.dir().join("items.ndjson");
    std::fs::write(&file, items).unwrap();
    let loaded = suite
        .bare()
        .args(endpoint_args)
        .args(["put", &table, "--file", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    table
}

/// 250 keys: the 200 items in a shuffled order, 50 that do not exist, some keys twice.
fn keys_file(suite: &Suite) -> (std::path::PathBuf, Vec<Option<i64>>) {
    let mut rng = fastrand::Rng::with_seed(7);
    let mut wanted: Vec<i64> = (0..250)
        .map(|i| if i < 200 { i } else { 1000 + i })
        .collect();
    rng.shuffle(&mut wanted);
    wanted.extend([3, 3, 17]);
    let text: String = wanted
        .iter()
        .map(|&n| {
            let id = if n < 200 {
                format!("k{}", n % 7)
            } else {
                "missing".into()
            };
            format!("{}\n", json!({"id": id, "n": n}))
        })
        .collect();
    let path = suite.dir().join("keys.ndjson");
    std::fs::write(&path, text).unwrap();
    let expected = wanted.iter().map(|&n| (n < 200).then_some(n)).collect();
    (path, expected)
}

fn check(out: &std::process::Output, expected: &[Option<i64>]) {
    assert_eq!(
        out.status.code(),
        Some(4),
        "some keys are missing: {}",
        stderr(out)
    );
    let got: Vec<i64> = common::ndjson(&common::stdout(out))
        .iter()
        .map(|it| it["n"].as_i64().unwrap())
        .collect();
    let want: Vec<i64> = expected.iter().flatten().copied().collect();
    assert_eq!(
        got, want,
        "items in the order of the keys, repeats included"
    );
    let named = stderr(out).matches("no item in").count();
    assert_eq!(
        named,
        expected.iter().filter(|e| e.is_none()).count(),
        "{}",
        stderr(out)
    );
    assert!(stderr(out).contains("line "), "{}", stderr(out));
}

#[test]
fn keys_from_a_file_come_back_in_order_and_the_missing_are_named() {
    let suite = Suite::new();
    let table = keyed_table(&suite, &suite.target_args());
    let (keys, expected) = keys_file(&suite);
    let out = suite.run(&[
        "get",
        &table,
        "--keys-file",
        keys.to_str().unwrap(),
        "-o",
        "ndjson",
    ]);
    check(&out, &expected);
    let projected = suite.run(&[
        "get",
        &table,
        "--keys-file",
        keys.to_str().unwrap(),
        "--projection",
        "v",
        "-o",
        "ndjson",
    ]);
    let first: Value = common::ndjson(&common::stdout(&projected))[0].clone();
    assert_eq!(
        first.as_object().unwrap().len(),
        3,
        "v and the key: {first}"
    );
}

#[test]
fn unprocessed_keys_are_retried_until_every_key_is_answered_once() {
    let suite = Suite::new();
    let (_server, upstream) = common::upstream(&suite);
    let direct = vec!["--endpoint-url".to_string(), format!("http://{upstream}")];
    let table = keyed_table(&suite, &direct);
    let halved = Arc::new(AtomicU64::new(0));
    let via_proxy = {
        let (upstream, halved) = (upstream.clone(), halved.clone());
        common::proxy(move |head, body| {
            if operation(head) != "BatchGetItem" {
                return forward(&upstream, head, body);
            }
            let mut request: Value = serde_json::from_slice(body).unwrap();
            let items = request["RequestItems"].as_object_mut().unwrap();
            let (table, wanted) = items.iter_mut().next().unwrap();
            let table = table.clone();
            let keys = wanted["Keys"].as_array().unwrap().clone();
            if keys.len() < 2 {
                return forward(&upstream, head, body);
            }
            halved.fetch_add(1, Ordering::Relaxed);
            let (sent, kept) = keys.split_at(keys.len() / 2);
            wanted["Keys"] = Value::Array(sent.to_vec());
            let mut unprocessed = wanted.clone();
            unprocessed["Keys"] = Value::Array(kept.to_vec());
            let (rhead, rbody) = forward(&upstream, head, &serde_json::to_vec(&request).unwrap());
            let mut response: Value = serde_json::from_slice(&rbody).unwrap();
            response["UnprocessedKeys"] = json!({ table: unprocessed });
            (rhead, serde_json::to_vec(&response).unwrap())
        })
    };
    let (keys, expected) = keys_file(&suite);
    let out = suite
        .bare()
        .args(["--endpoint-url", &via_proxy, "get", &table, "--keys-file"])
        .arg(&keys)
        .args(["-o", "ndjson"])
        .output()
        .unwrap();
    check(&out, &expected);
    assert!(
        halved.load(Ordering::Relaxed) >= 3,
        "the proxy cut requests"
    );
}
