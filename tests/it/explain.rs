//! `--explain`: every command prints the request it would send and sends nothing; the printed
//! request, sent as it is by a client without an SDK, does what ddb does without `--explain`.
//! Each case runs on two tables holding the same items: the printed request is replayed on the
//! first, ddb runs for real on the second, and the two must end equal (or return equal items).

use serde_json::{json, Value};

use crate::common::{self, raw_request, sort_sets, stderr, upstream, Suite};

const ITEMS: &str = r#"{"year": 1992, "title": "Alien 3", "rating": 5, "big": 12345678901234567890123456789012345678, "tags": ["a", "b"]}
{"year": 1992, "title": "Heat", "rating": 8, "info": {"plot": "x", "actors": ["A", "B", "C"]}}
{"year": 1992, "title": "Unforgiven", "rating": 9, "ok": true, "none": null}
{"year": 2015, "title": "The Big New Movie", "rating": 0}
"#;

/// Items in key order (attribute order inside an item is not compared by position).
fn key(item: &Value) -> String {
    format!("{}|{}", item["year"], item["title"])
}

struct Pair<'a> {
    suite: &'a Suite,
    url: String,
    port: u16,
    a: String,
    b: String,
}

impl Pair<'_> {
    /// `args` with `T` standing for the table: ddb's one printed line, as (operation, request).
    fn explain(&self, args: &[&str]) -> (String, Value) {
        let args: Vec<String> = args.iter().map(|a| a.replace("{T}", &self.a)).collect();
        let out = self
            .suite
            .at(&self.url)
            .arg("--explain")
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: one request, printed {text:?}");
        let line: Value = serde_json::from_str(lines[0]).unwrap();
        let operation = line["operation"].as_str().unwrap().to_string();
        (operation, line["request"].clone())
    }

    /// Sends the printed request as a plain HTTP client would, and returns the answer.
    fn replay(&self, operation: &str, request: &Value) -> Value {
        let (status, answer) = raw_request(self.port, operation, &request.to_string());
        assert_eq!(status, 200, "{operation} {request}: {answer}");
        answer
    }

    /// ddb without --explain on the second table.
    fn real(&self, args: &[&str]) -> String {
        let args: Vec<String> = args.iter().map(|a| a.replace("{T}", &self.b)).collect();
        let out = self.suite.at(&self.url).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    }

    fn items(&self, table: &str) -> Vec<Value> {
        let out = self
            .suite
            .at(&self.url)
            .args(["scan", table, "--typed", "-o", "ndjson", "--consistent"])
            .output()
            .unwrap();
        let mut items: Vec<Value> = common::ndjson(&String::from_utf8(out.stdout).unwrap())
            .into_iter()
            .map(sort_sets)
            .collect();
        items.sort_by_key(key);
        items
    }

    /// A write: nothing sent by --explain, then the replay and ddb leave equal, changed tables.
    fn write(&self, args: &[&str]) {
        let before = self.items(&self.a);
        let (operation, request) = self.explain(args);
        assert_eq!(
            self.items(&self.a),
            before,
            "{args:?}: --explain sent nothing"
        );
        self.replay(&operation, &request);
        self.real(args);
        let after = self.items(&self.a);
        assert_ne!(after, before, "{args:?} changed the table");
        assert_eq!(after, self.items(&self.b), "{args:?}: replay and ddb agree");
    }

    /// A read (with `--typed` among `args`): the replayed answer's items are the items ddb prints.
    fn read(&self, args: &[&str], expected_operation: &str) {
        let (operation, request) = self.explain(args);
        assert_eq!(operation, expected_operation, "{args:?}");
        let answer = self.replay(&operation, &request);
        let mut replayed: Vec<Value> = match &answer["Items"] {
            Value::Array(items) => items.clone(),
            _ => vec![answer["Item"].clone()],
        };
        let printed = self.real(&[args, &["-o", "ndjson"]].concat());
        let mut printed = common::ndjson(&printed);
        for items in [&mut replayed, &mut printed] {
            items.sort_by_key(key);
        }
        assert!(!printed.is_empty(), "{args:?} found items");
        assert_eq!(replayed, printed, "{args:?}");
    }
}

#[test]
fn every_command_explains_and_the_request_replays_to_the_same_result() {
    let suite = Suite::new();
    let (_server, upstream) = upstream(&suite);
    let port: u16 = upstream.rsplit(':').next().unwrap().parse().unwrap();
    let url = format!("http://{upstream}");
    let file = suite.dir().join("items.ndjson");
    std::fs::write(&file, ITEMS).unwrap();
    let pair = Pair {
        suite: &suite,
        url: url.clone(),
        port,
        a: suite.table_name("ExplainA"),
        b: suite.table_name("ExplainB"),
    };
    for table in [&pair.a, &pair.b] {
        let run = |args: &[&str]| {
            let out = suite.at(&url).args(args).output().unwrap();
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        };
        run(&["create-table", table, "--pk", "year:N", "--sk", "title:S"]);
        run(&["put", table, "--file", file.to_str().unwrap()]);
    }

    pair.read(&["get", "{T}", "1992", "Heat", "--typed"], "GetItem");
    pair.read(
        &[
            "query",
            "{T}",
            "--pk",
            "1992",
            "--sk-between",
            "A",
            "L",
            "--typed",
        ],
        "Query",
    );
    pair.read(
        &[
            "scan",
            "{T}",
            "--filter",
            "#r > :r",
            "--names",
            "#r=rating",
            "--values",
            r#":r={"N": "6"}"#,
            "--typed",
        ],
        "Scan",
    );
    pair.read(
        &[
            "sql",
            "SELECT * FROM \"{T}\" WHERE \"year\" = ? AND rating >= ?",
            "--param",
            r#"{"N": "1992"}"#,
            "--param",
            r#"{"N": "8"}"#,
            "--typed",
        ],
        "ExecuteStatement",
    );

    pair.write(&["put", "{T}", r#"{"year": 2001, "title": "New", "n": 1.5}"#]);
    pair.write(&[
        "update",
        "{T}",
        "1992",
        "Heat",
        "--set",
        "rating=10",
        "--add",
        "plays=1",
        "--remove",
        "info.actors[0]",
    ]);
    pair.write(&["delete", "{T}", "2015", "The Big New Movie"]);
    pair.write(&[
        "conditional-delete",
        "{T}",
        "1992",
        "Unforgiven",
        "--condition",
        "rating > :r",
        "--values",
        ":r=1",
    ]);
    pair.write(&[
        "sql",
        "UPDATE \"{T}\" SET rating = 1 WHERE \"year\" = 1992 AND title = 'Alien 3'",
    ]);

    // Tables: the request creates (or changes) what ddb creates.
    let describe = |table: &str| -> Value {
        let out = suite
            .at(&url)
            .args(["describe-table", table, "-o", "json"])
            .output()
            .unwrap();
        let mut d: Value = serde_json::from_slice(&out.stdout).unwrap();
        for volatile in [
            "name",
            "arn",
            "created",
            "item_count",
            "size_bytes",
            "status",
        ] {
            d.as_object_mut().unwrap().remove(volatile);
        }
        d
    };
    let (c, d) = (suite.table_name("ExplainC"), suite.table_name("ExplainD"));
    let create = |name: &str| {
        vec![
            "create-table".to_string(),
            name.to_string(),
            "--pk".into(),
            "id:S".into(),
            "--sk".into(),
            "n:N".into(),
            "--gsi".into(),
            "ByGenre:genre:S:n:N:keys".into(),
        ]
    };
    let args = create(&c);
    let (operation, request) = pair.explain(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(operation, "CreateTable");
    let listed = suite.at(&url).args(["list-tables"]).output().unwrap();
    assert!(
        !String::from_utf8_lossy(&listed.stdout).contains(&c),
        "not created"
    );
    pair.replay(&operation, &request);
    let args = create(&d);
    let out = suite
        .at(&url)
        .args(args.iter().map(String::as_str))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(describe(&c), describe(&d));

    let (operation, request) = pair.explain(&["update-table", &c, "--rcu", "4", "--wcu", "3"]);
    assert_eq!(operation, "UpdateTable");
    assert_eq!(describe(&c), describe(&d), "--explain changed nothing");
    pair.replay(&operation, &request);
    let out = suite
        .at(&url)
        .args(["update-table", &d, "--rcu", "4", "--wcu", "3"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let (dc, dd) = (describe(&c), describe(&d));
    assert_eq!(dc["billing_mode"], json!("PROVISIONED"));
    assert_eq!(dc, dd);
}

/// Bulk and destructive commands print their first request and change nothing, without asking.
#[test]
fn bulk_commands_print_their_first_request_and_change_nothing() {
    let suite = Suite::new();
    let table = suite.loaded_movies_table();
    let count = suite.count(&table);
    let more = suite.dir().join("more.ndjson");
    std::fs::write(
        &more,
        (0..60)
            .map(|i| format!("{{\"year\": 3000, \"title\": \"t{i}\"}}\n"))
            .collect::<String>(),
    )
    .unwrap();
    for args in [
        vec!["put", &table, "--file", more.to_str().unwrap()],
        vec!["truncate", &table],
        vec![
            "delete",
            &table,
            "--filter",
            "attribute_exists(info)",
            "--yes",
        ],
        vec!["delete-table", &table],
    ] {
        let out = suite.ddb().arg("--explain").args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.lines().count(), 1, "{args:?}: {text}");
        let line: Value = serde_json::from_str(text.trim()).unwrap();
        let request = &line["request"];
        match args[0] {
            "put" => {
                assert_eq!(line["operation"], json!("BatchWriteItem"));
                let puts = request["RequestItems"][&table].as_array().unwrap();
                assert!((1..=25).contains(&puts.len()), "{request}");
                assert_eq!(puts[0]["PutRequest"]["Item"]["year"], json!({"N": "3000"}));
            }
            "delete-table" => {
                assert_eq!(line["operation"], json!("DeleteTable"));
                assert_eq!(request["TableName"], json!(table));
            }
            _ => {
                assert_eq!(line["operation"], json!("Scan"), "{args:?}");
                assert_eq!(request["TableName"], json!(table));
            }
        }
    }
    assert_eq!(suite.count(&table), count);
    assert!(
        !suite.dir().join("more.ndjson.rejects").exists(),
        "the records not sent are not rejects"
    );
    // Commands whose requests depend on files or answers are refused, not half explained.
    let out = suite
        .ddb()
        .args([
            "--explain",
            "dump",
            suite.dir().join("d").to_str().unwrap(),
            &table,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--explain does not apply to dump"));
    assert!(!suite.dir().join("d").exists());
}
