//! `ddb bench`: its figures checked by hand on a small table. Capacity units are recomputed from
//! the items' sizes by DynamoDB's rule (eventually consistent reads: half a unit per 4 KB read,
//! rounded up per response), which both targets follow.

use crate::common;

use common::{ServerProcess, Suite};
use ddb::bench::query_vs_scan::scratch_item;
use ddb::bench::Rng;
use serde_json::{json, Value};

fn units(bytes: usize) -> f64 {
    (bytes as f64 / 4096.0).ceil().max(1.0) / 2.0
}

#[test]
fn query_vs_scan_agrees_with_a_hand_check() {
    let suite = Suite::new();
    let (items, partitions, seed) = (60u64, 4u64, 9u64);
    let out = suite.run_ok(&[
        "bench",
        "query-vs-scan",
        "--items",
        &items.to_string(),
        "--partitions",
        &partitions.to_string(),
        "--repeat",
        "6",
        "--seed",
        &seed.to_string(),
        "--json",
    ]);
    let report: Value = serde_json::from_str(&out).unwrap();
    let size = &report["sizes"][0];
    assert_eq!(size["items"], items);
    // The same items the bench wrote: seeded from item 0 with the bench's seed.
    let mut rng = Rng::new(seed);
    let all: Vec<_> = (0..items)
        .map(|i| scratch_item(i, partitions, &mut rng))
        .collect();
    let sizes: Vec<usize> = all.iter().map(ddb::item::item_size).collect();
    let per_partition = items / partitions;
    let partition_bytes: Vec<usize> = (0..partitions)
        .map(|p| {
            (0..items)
                .filter(|i| i % partitions == p)
                .map(|i| sizes[i as usize])
                .sum()
        })
        .collect();
    // Every call reads one whole partition (Query) or the whole table (Scan), in one page.
    let query = &size["query"];
    assert_eq!(query["items_returned"], per_partition as f64);
    assert_eq!(query["items_examined"], per_partition as f64);
    assert_eq!(query["pages"], 1.0);
    let scan = &size["scan"];
    assert_eq!(scan["items_returned"], per_partition as f64);
    assert_eq!(
        scan["items_examined"], items as f64,
        "a scan examines every item"
    );
    let table_units = units(sizes.iter().sum());
    assert_eq!(
        scan["capacity_units"], table_units,
        "scan units come from the whole table's size"
    );
    // The query's mean depends on which partitions were drawn; it lies within theirs.
    let (lo, hi) = partition_bytes
        .iter()
        .fold((f64::MAX, 0f64), |(lo, hi), b| {
            (lo.min(units(*b)), hi.max(units(*b)))
        });
    let q = query["capacity_units"].as_f64().unwrap();
    assert!(q >= lo && q <= hi, "query units {q} within [{lo}, {hi}]");
    let ratio = size["scan_over_query"]["items_examined"].as_f64().unwrap();
    assert_eq!(ratio, partitions as f64);
    // Bytes returned are the items' own sizes.
    let mean_partition_bytes = partition_bytes.iter().sum::<usize>() as f64 / partitions as f64;
    let bytes = query["bytes"].as_f64().unwrap();
    assert!(
        (bytes - mean_partition_bytes).abs() < mean_partition_bytes * 0.2,
        "{bytes} against {mean_partition_bytes}"
    );
    // This run's scratch table (named after its seed, which no other test uses) is gone afterwards.
    let tables = suite.run_ok(&["list-tables", "-o", "text"]);
    assert!(!tables.contains(&format!("ddb-bench-{seed}-")), "{tables}");
}

#[test]
fn serve_load_reports_every_model_without_errors() {
    let suite = Suite::new();
    let out = suite.run_ok(&[
        "bench",
        "serve",
        "--workload",
        "ndjson",
        "--clients",
        "1,4",
        "--duration",
        "0.3",
        "--pipeline",
        "4",
        "--json",
    ]);
    let report: Value = serde_json::from_str(&out).unwrap();
    let points = report["points"].as_array().unwrap();
    assert_eq!(points.len(), 6, "three models, two client counts");
    for p in points {
        assert!(p["requests"].as_u64().unwrap() > 0, "{p}");
        assert_eq!(p["errors"], serde_json::json!({}), "{p}");
        assert_eq!(p["starved_clients"], 0, "{p}");
        if cfg!(target_os = "linux") {
            assert!(
                p["syn_drops"].is_u64(),
                "the kernel's drop count is read: {p}"
            );
        }
    }
    let caps = suite.run_ok(&[
        "bench",
        "serve",
        "--workload",
        "caps",
        "--models",
        "async",
        "--clients",
        "8",
        "--duration",
        "0.3",
        "--json",
    ]);
    let caps: Value = serde_json::from_str(&caps).unwrap();
    assert!(
        caps["points"][0]["requests"].as_u64().unwrap() > 0,
        "{caps}"
    );
}

#[test]
fn gets_through_the_gateway_are_measured_next_to_direct_sdk_calls() {
    let suite = Suite::new();
    let out = suite.run_ok(&[
        "bench",
        "serve",
        "--workload",
        "ndjson",
        "--get-put",
        "--models",
        "async",
        "--clients",
        "2",
        "--duration",
        "0.3",
        "--direct",
        "--seed",
        "77",
        "--json",
    ]);
    let report: Value = serde_json::from_str(&out).unwrap();
    let points = report["points"].as_array().unwrap();
    let servers: Vec<&str> = points
        .iter()
        .map(|p| p["server"].as_str().unwrap())
        .collect();
    assert_eq!(servers, ["async", "direct SDK, no server"]);
    for p in points {
        assert!(p["requests"].as_u64().unwrap() > 0, "{p}");
        assert_eq!(p["errors"], serde_json::json!({}), "{p}");
    }
    let tables = suite.run_ok(&["list-tables", "-o", "text"]);
    assert!(
        !tables.contains("ddb-bench-serve-77-"),
        "this run's scratch table (seed 77, used by no other test) is dropped: {tables}"
    );
}

#[test]
fn idle_connections_get_a_line_of_their_own_not_an_empty_table_row() {
    let suite = Suite::new();
    let out = suite.run_ok(&[
        "bench",
        "serve",
        "--workload",
        "ndjson",
        "--models",
        "async",
        "--clients",
        "2",
        "--duration",
        "0.3",
        "--idle",
        "50",
    ]);
    assert!(!out.contains("null"), "no row without figures:\n{out}");
    let rows = out.lines().filter(|l| l.contains("│ async")).count();
    assert_eq!(rows, 1, "one measured row:\n{out}");
    assert!(
        out.contains("async: 50 idle connections held"),
        "the idle figure:\n{out}"
    );
}

#[test]
#[cfg(target_os = "linux")]
fn pinned_server_and_clients_measure_and_one_cpu_is_refused() {
    let suite = Suite::new();
    let args = [
        "bench",
        "serve",
        "--pin",
        "--workload",
        "ndjson",
        "--models",
        "async,threads",
        "--clients",
        "4",
        "--duration",
        "0.3",
        "--pipeline",
        "4",
        "--json",
    ];
    if std::thread::available_parallelism().map_or(0, |n| n.get()) >= 2 {
        let report: Value = serde_json::from_str(&suite.run_ok(&args)).unwrap();
        assert_eq!(report["pinned"], true, "{report}");
        for point in report["points"].as_array().unwrap() {
            assert!(point["requests"].as_u64().unwrap() > 0, "{point}");
            assert_eq!(point["errors"], serde_json::json!({}), "{point}");
        }
    }
    let one_cpu = std::process::Command::new("taskset")
        .args(["-c", "0"])
        .arg(assert_cmd::cargo::cargo_bin("ddb"))
        .args(suite.target_args())
        .args(args)
        .env("HOME", suite.dir())
        .output()
        .unwrap();
    assert_eq!(one_cpu.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&one_cpu.stderr).contains("--pin needs two CPUs"),
        "{}",
        String::from_utf8_lossy(&one_cpu.stderr)
    );
}

#[test]
fn bench_plots_measure_an_existing_table_and_load_a_running_server() {
    let suite = Suite::new();
    let plot = suite.dir().join("qvs.svg");
    let table = suite.table_name("Bench");
    suite.run_ok(&[
        "bench",
        "query-vs-scan",
        "--items",
        "60",
        "--partitions",
        "3",
        "--repeat",
        "2",
        "--plot",
        plot.to_str().unwrap(),
        "--json",
    ]);
    let svg = std::fs::read_to_string(&plot).unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("</svg>"),
        "an SVG plot"
    );

    suite.run_ok(&["create-table", &table, "--pk", "year:N", "--sk", "title:S"]);
    for year in [2001, 2002] {
        for title in ["a", "b", "c"] {
            let item = json!({"year": year, "title": title}).to_string();
            suite.run_ok(&["put", &table, &item]);
        }
    }
    let measured: Value = serde_json::from_str(&suite.run_ok(&[
        "bench",
        "query-vs-scan",
        "--table",
        &table,
        "--repeat",
        "2",
        "--json",
    ]))
    .unwrap();
    let size = &measured["sizes"][0];
    assert_eq!(size["items"], 6, "{measured}");
    assert_eq!(
        suite.count(&table),
        6,
        "an existing table is measured, not changed"
    );

    let server = ServerProcess::serve(&suite, &["--log-level", "off"]);
    let loaded: Value = serde_json::from_str(&suite.run_ok(&[
        "bench",
        "serve",
        "--connect",
        &server.address,
        "--server-pid",
        &server.child.id().to_string(),
        "--workload",
        "ndjson",
        "--clients",
        "2",
        "--duration",
        "0.3",
        "--json",
    ]))
    .unwrap();
    let point = &loaded["points"][0];
    assert!(point["requests"].as_u64().unwrap() > 0, "{point}");
    assert!(
        point["rss_mib"].as_f64().unwrap() > 0.0,
        "the server's memory: {point}"
    );
}

#[test]
fn query_vs_scan_on_an_index_reads_one_genre() {
    let suite = Suite::new();
    let (items, genres) = (80u64, 4u64);
    let out = suite.run_ok(&[
        "bench",
        "query-vs-scan",
        "--index",
        "--items",
        &items.to_string(),
        "--partitions",
        &genres.to_string(),
        "--repeat",
        "6",
        "--json",
    ]);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["index"], "ByGenre");
    let size = &report["sizes"][0];
    let (query, scan) = (&size["query"], &size["scan"]);
    // The bench itself checks that both return the same items; here, how many and at what cost.
    let per_genre: Vec<u64> = (0..genres)
        .map(|g| {
            let genre = format!("genre-{g:03}");
            (0..items)
                .filter(|i| {
                    ddb::bench::query_vs_scan::scratch_genre(*i, genres)
                        == aws_sdk_dynamodb::types::AttributeValue::S(genre.clone())
                })
                .count() as u64
        })
        .collect();
    assert_eq!(per_genre.iter().sum::<u64>(), items);
    let returned = query["items_returned"].as_f64().unwrap();
    let (lo, hi) = (
        *per_genre.iter().min().unwrap(),
        *per_genre.iter().max().unwrap(),
    );
    assert!(
        returned >= lo as f64 && returned <= hi as f64,
        "{returned} within [{lo}, {hi}]"
    );
    assert_eq!(
        query["items_examined"], query["items_returned"],
        "the index reads only the genre"
    );
    assert_eq!(scan["items_returned"], query["items_returned"]);
    assert_eq!(
        scan["items_examined"], items as f64,
        "the scan reads every item"
    );
    assert!(scan["capacity_units"].as_f64() > query["capacity_units"].as_f64());
}
