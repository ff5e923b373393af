//! Export and import: `scan --typed` followed by `put --file --typed` into another table
//! reproduces every item exactly, including sets, binary, 38-digit numbers and nesting.

use crate::common;

use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

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
        let mut items: Vec<Value> = common::ndjson(text)
            .into_iter()
            .map(common::sort_sets)
            .collect();
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

#[test]
fn csv_rows_of_the_wrong_width_reach_the_rejects_file_as_given() {
    let suite = Suite::new();
    let table = suite.table_name("Csv");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let input = suite.dir().join("mm.csv");
    std::fs::write(
        &input,
        "id,n,x\ngood1,1,ok\nshort,2\nlong,3,x,extra\nbadnum,abc,y\ngood2,4,fine\n",
    )
    .unwrap();
    let out = suite.run(&[
        "put",
        &table,
        "--file",
        input.to_str().unwrap(),
        "--csv-types",
        "n=N",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("line 3: CSV: the row has 2 fields, the header 3"),
        "{err}"
    );
    assert!(!err.contains("CSV: CSV"), "'CSV' is said once: {err}");
    let rejects = std::fs::read_to_string(suite.dir().join("mm.csv.rejects")).unwrap();
    assert_eq!(rejects, "id,n,x\nshort,2\nlong,3,x,extra\nbadnum,abc,y\n");
    assert_eq!(suite.count(&table), 2);
}

#[test]
#[cfg(target_os = "linux")]
fn an_endless_line_is_refused_with_flat_memory_and_the_load_goes_on() {
    use std::io::Write;
    use std::process::Stdio;
    let suite = Suite::new();
    let table = suite.table_name("Long");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ddb"))
        .args(suite.target_args())
        .args(["put", &table, "--file", "-", "--rejects"])
        .arg(suite.dir().join("rejects"))
        .env("HOME", suite.dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"{\"id\": \"before\"}\n").unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..128 {
        stdin.write_all(&zeros).unwrap();
    }
    // The 128 MiB went into ddb; what it holds of them is in its peak memory now. It may hold up
    // to 16 MiB of a line before refusing it, on top of its own 30 MiB or so.
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    let peak_kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap();
    stdin.write_all(b"\n{\"id\": \"after\"}\n").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("line 2: the record is 134217728 bytes long, over the 16 MiB"),
        "{err}"
    );
    assert!(
        peak_kib < 64 * 1024,
        "ddb held the endless line: peak {peak_kib} KiB"
    );
    assert_eq!(suite.count(&table), 2, "the records around it are written");
    let rejects = std::fs::read_to_string(suite.dir().join("rejects")).unwrap_or_default();
    assert!(rejects.is_empty(), "nothing half-kept: {rejects:?}");
}

fn summary(stdout: &[u8]) -> Value {
    serde_json::from_slice(stdout)
        .unwrap_or_else(|e| panic!("a JSON summary: {e}: {}", String::from_utf8_lossy(stdout)))
}

#[test]
#[cfg(unix)]
fn a_load_interrupted_by_sigint_resumes_with_every_item_exactly_once() {
    let suite = Suite::new();
    let table = suite.table_name("Resume");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let lines: Vec<String> = (1..=200)
        .map(|i| json!({"id": format!("i{i:03}"), "n": i}).to_string())
        .collect();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ddb"))
        .args(suite.target_args())
        .args(["put", &table, "--file", "-", "-o", "json"])
        .env("HOME", suite.dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for line in &lines[..80] {
        writeln!(stdin, "{line}").unwrap();
    }
    stdin.flush().unwrap();
    // The first 80 are read and sent; the rest never arrive before the interrupt.
    std::thread::sleep(Duration::from_millis(1500));
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    drop(stdin);
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(130), "{err}");
    let resume: u64 = err
        .split("--resume-from ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a resume line: {err}"));
    let first = summary(&out.stdout);
    assert_eq!(first["interrupted"], true, "{first}");
    let written_first = first["written"].as_u64().unwrap();
    assert_eq!(
        written_first,
        resume - 1,
        "everything before the resume line was written"
    );

    let file = suite.dir().join("all.ndjson");
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let resume_text = resume.to_string();
    let rest = suite.run(&[
        "put",
        &table,
        "--file",
        file.to_str().unwrap(),
        "--resume-from",
        &resume_text,
        "-o",
        "json",
    ]);
    assert!(rest.status.success(), "{}", common::stderr(&rest));
    let written_rest = summary(&rest.stdout)["written"].as_u64().unwrap();
    assert_eq!(
        written_first + written_rest,
        200,
        "no item written twice, none skipped"
    );
    assert_eq!(suite.count(&table), 200);
}

#[test]
fn a_json_array_load_keeps_bad_elements_as_given() {
    let suite = Suite::new();
    let table = suite.table_name("Array");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let file = suite.dir().join("items.json");
    std::fs::write(
        &file,
        "[\n  {\"id\": \"a\", \"n\": 1},\n  {\"n\": 2},\n  {\"id\": \"c\", \"tags\": [\"x\", \"y\"]}\n]\n",
    )
    .unwrap();
    let out = suite.run(&["put", &table, "--file", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    assert!(
        common::stderr(&out).contains("line 2: missing the key attribute id"),
        "{}",
        common::stderr(&out)
    );
    let rejects = std::fs::read_to_string(suite.dir().join("items.json.rejects")).unwrap();
    assert_eq!(rejects, "{\"n\": 2}\n");
    let ids: Vec<String> = suite
        .items(&table)
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
}

fn gzip(path: &std::path::Path, text: &str) {
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap();
}

#[test]
fn gzip_files_and_dynamodb_s3_export_lines_load_as_they_are() {
    let suite = Suite::new();
    let table = suite.table_name("Export");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    // DynamoDB's export to S3: {"Item": {...DynamoDB JSON...}} a line, gzipped, no flag needed.
    let exported: String = (0..200)
        .map(|i| {
            json!({"Item": {"id": {"S": format!("e{i}")}, "n": {"N": format!("{i}.5")},
                "tags": {"SS": ["a", "b"]}, "raw": {"B": "AAEC"}, "deep": {"M": {"l": {"L": [{"NULL": true}]}}}}})
            .to_string()
                + "\n"
        })
        .collect();
    let export = suite.dir().join("export-part-0000.json.gz");
    gzip(&export, &exported);
    suite.run_ok(&["put", &table, "--file", export.to_str().unwrap()]);
    let items = suite.items(&table);
    assert_eq!(items.len(), 200);
    let typed = common::ndjson(&suite.run_ok(&["get", &table, "e7", "--typed", "-o", "ndjson"]));
    assert_eq!(
        common::sort_sets(typed[0].clone()),
        json!({"id": {"S": "e7"}, "deep": {"M": {"l": {"L": [{"NULL": true}]}}}, "n": {"N": "7.5"},
            "raw": {"B": "AAEC"}, "tags": {"SS": ["a", "b"]}})
    );
    // A gzipped CSV: types by --csv-types, a bad row to the rejects file under the right header.
    let csv = suite.dir().join("rows.csv.gz");
    gzip(&csv, "id,n\nc1,1\nc2,2,extra\nc3,3\n");
    let rejects = suite.dir().join("rejects.csv");
    let out = suite.run(&[
        "put",
        &table,
        "--file",
        csv.to_str().unwrap(),
        "--csv-types",
        "n=N",
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    assert_eq!(suite.items(&table).len(), 202, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&rejects).unwrap(),
        "id,n\nc2,2,extra\n"
    );
}

#[test]
fn csv_and_tsv_output_and_a_csv_round_trip() {
    let suite = Suite::new();
    let table = suite.table_name("CsvOut");
    suite.run_ok(&["create-table", &table, "--pk", "id:S", "--sk", "n:N"]);
    let items = [
        json!({"id": "a,1", "n": 1, "text": "say \"hi\"\nthen go", "flag": true,
            "info": {"rating": 7.5, "tags": ["x", "y"]}, "big": 12345678901234567890123456789012345678u128}),
        json!({"id": "b\t2", "n": 2.5, "text": "back\\slash", "flag": false}),
    ];
    for item in &items {
        suite.run_ok(&["put", &table, &item.to_string()]);
    }
    let csv = suite.run_ok(&["scan", &table, "-o", "csv"]);
    assert!(csv.starts_with("id,n,big,flag,info,text\r\n"), "{csv}");
    assert!(csv.contains("\"a,1\",1,12345678901234567890123456789012345678,true,\"{\"\"rating\"\":7.5,\"\"tags\"\":[\"\"x\"\",\"\"y\"\"]}\",\"say \"\"hi\"\"\nthen go\"\r\n"), "{csv}");
    let tsv = suite.run_ok(&[
        "scan",
        &table,
        "-o",
        "tsv",
        "--columns",
        "id,info.rating,text",
    ]);
    assert!(tsv.contains("b\\t2\t\tback\\\\slash\n"), "{tsv}");
    // Back in through put --file: the same items.
    let file = suite.dir().join("out.csv");
    std::fs::write(&file, &csv).unwrap();
    let copy = suite.table_name("CsvIn");
    suite.run_ok(&["create-table", &copy, "--pk", "id:S", "--sk", "n:N"]);
    suite.run_ok(&[
        "put",
        &copy,
        "--file",
        file.to_str().unwrap(),
        "--csv-types",
        "id=S,n=N,big=N,flag=BOOL,info=JSON,text=S",
    ]);
    let sorted = |t: &str| {
        let mut v = common::ndjson(&suite.run_ok(&["scan", t, "--typed", "-o", "ndjson"]));
        v.sort_by_key(|i| i.to_string());
        v
    };
    assert_eq!(sorted(&copy), sorted(&table));
}

#[test]
fn csv_rows_read_before_a_failure_are_still_printed() {
    use std::sync::atomic::{AtomicU32, Ordering};
    let suite = Suite::new();
    let (_server, upstream) = common::upstream(&suite);
    let scans = std::sync::Arc::new(AtomicU32::new(0));
    let via_proxy = {
        let (upstream, scans) = (upstream.clone(), scans.clone());
        common::proxy(move |head, body| {
            if common::operation(head) == "Scan" && scans.fetch_add(1, Ordering::SeqCst) == 1 {
                let error = br#"{"__type":"com.amazonaws.dynamodb.v20120810#ValidationException","message":"injected failure"}"#;
                return (
                    vec![
                        "HTTP/1.1 400 Bad Request".into(),
                        "Content-Type: application/x-amz-json-1.0".into(),
                    ],
                    error.to_vec(),
                );
            }
            common::forward(&upstream, head, body)
        })
    };
    let on = |url: &str| suite.at(url);
    let direct = format!("http://{upstream}");
    let table = suite.table_name("CsvFail");
    let lines: String = (0..50)
        .map(|i| format!("{{\"id\": \"i{i:02}\", \"n\": {i}}}\n"))
        .collect();
    suite.id_table_at(&direct, &table, &lines);
    let out = on(&via_proxy)
        .args(["scan", &table, "--page-size", "10", "-o", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.lines().count(),
        11,
        "the header and the first page's 10 rows: {text}"
    );
    assert!(text.starts_with("id,n\r\n"), "{text}");
}
