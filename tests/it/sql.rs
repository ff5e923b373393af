//! `ddb sql`: PartiQL SELECTs return every page (compared with query and scan), `?` parameters,
//! `--max-items` and `--next-token` neither skip nor repeat, and writes (a failed condition: 3).

use std::collections::BTreeSet;

use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::AttributeValue;
use aws_sdk_dynamodb::Client;
use base64::Engine as _;
use serde_json::{json, Value};

use crate::common::{self, sort_sets, stderr, Suite};

fn keys(text: &str) -> Vec<String> {
    common::ndjson(text)
        .iter()
        .map(|i| format!("{}|{}", i["year"], i["title"]))
        .collect()
}

#[test]
fn selects_page_to_the_end_and_resume_exactly() {
    let suite = Suite::new();
    let table = suite.loaded_movies_table();
    let sql = |args: &[&str]| suite.run_ok(&[&["sql"][..], args, &["-o", "ndjson"]].concat());
    let statement =
        format!("SELECT * FROM \"{table}\" WHERE \"year\" = ? AND title BETWEEN ? AND ?");
    let selected = keys(&sql(&[
        &statement, "--param", "1992", "--param", "A", "--param", "L",
    ]));
    let queried = keys(&suite.run_ok(&[
        "query",
        &table,
        "--pk",
        "1992",
        "--sk-between",
        "A",
        "L",
        "-o",
        "ndjson",
    ]));
    assert!(!queried.is_empty());
    assert_eq!(selected, queried);
    // The whole table: several pages, every item once.
    let everything = format!("SELECT * FROM \"{table}\"");
    let all = keys(&sql(&[&everything]));
    assert_eq!(all.len(), suite.count(&table) as usize);
    assert_eq!(all.iter().collect::<BTreeSet<_>>().len(), all.len());
    // Stop after 7, then go on with the token: the same items, none twice.
    let out = suite.run(&["sql", &everything, "--max-items", "7", "-o", "ndjson"]);
    let first = keys(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(first.len(), 7);
    let token = stderr(&out)
        .split("--next-token '")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_string();
    let rest = keys(&sql(&[&everything, "--next-token", &token]));
    let mut both: Vec<String> = first.into_iter().chain(rest).collect();
    assert_eq!(both.len(), all.len(), "nothing skipped or repeated");
    both.sort();
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(both, sorted);
}

#[test]
fn writes_and_a_failed_condition() {
    let suite = Suite::new();
    let table = suite.movies_table();
    suite.run_ok(&[
        "sql",
        &format!("INSERT INTO \"{table}\" VALUE {{'year': 2030, 'title': 'Next', 'rating': 1}}"),
    ]);
    suite.run_ok(&[
        "sql",
        &format!("UPDATE \"{table}\" SET rating = ? WHERE \"year\" = 2030 AND title = 'Next'"),
        "--param",
        "7.5",
    ]);
    let got = common::ndjson(&suite.run_ok(&["get", &table, "2030", "Next", "-o", "ndjson"]));
    assert_eq!(got[0]["rating"], 7.5);
    let out = suite.run(&[
        "sql",
        &format!("UPDATE \"{table}\" SET rating = 1 WHERE \"year\" = 1800 AND title = 'None'"),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(
        suite.count(&table),
        1,
        "nothing was created by the failed update"
    );
    let out = suite.run(&["sql", "SELEC nonsense"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("ValidationException") || stderr(&out).contains("statement"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_select_that_scans_is_named_before_it_runs() {
    let suite = Suite::new();
    let table = suite.loaded_movies_table();
    let run = |statement: &str, extra: &[&str]| {
        suite.run(&[&["sql", statement, "-o", "ndjson"][..], extra].concat())
    };
    for (statement, scans) in [
        (
            format!("SELECT * FROM \"{table}\" WHERE \"year\" = 1992"),
            false,
        ),
        (
            format!("SELECT * FROM \"{table}\" WHERE \"year\" IN [1990, 1991] AND title > 'M'"),
            false,
        ),
        (
            format!("SELECT * FROM \"{table}\" WHERE title = 'Pale Storm'"),
            true,
        ),
        (
            format!("SELECT * FROM \"{table}\" WHERE \"year\" = 1992 OR title = 'x'"),
            true,
        ),
        (format!("SELECT * FROM \"{table}\""), true),
    ] {
        let out = run(&statement, &[]);
        assert!(out.status.success(), "{statement}: {}", stderr(&out));
        assert_eq!(
            stderr(&out).contains("scans the whole table"),
            scans,
            "{statement}: {}",
            stderr(&out)
        );
        let refused = run(&statement, &["--require-key"]);
        assert_eq!(
            refused.status.code(),
            Some(if scans { 2 } else { 0 }),
            "{statement}"
        );
        if scans {
            assert!(refused.stdout.is_empty(), "nothing ran");
        }
    }
}

/// A typed value as the SDK takes it (written out here, not with ddb's own conversion).
fn attribute(typed: &Value) -> AttributeValue {
    let (kind, v) = typed.as_object().unwrap().iter().next().unwrap();
    let strings = || -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    match kind.as_str() {
        "S" => AttributeValue::S(v.as_str().unwrap().into()),
        "N" => AttributeValue::N(v.as_str().unwrap().into()),
        "B" => AttributeValue::B(Blob::new(
            base64::engine::general_purpose::STANDARD
                .decode(v.as_str().unwrap())
                .unwrap(),
        )),
        "BOOL" => AttributeValue::Bool(v.as_bool().unwrap()),
        "NULL" => AttributeValue::Null(true),
        "SS" => AttributeValue::Ss(strings()),
        "NS" => AttributeValue::Ns(strings()),
        "L" => AttributeValue::L(v.as_array().unwrap().iter().map(attribute).collect()),
        "M" => AttributeValue::M(
            v.as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), attribute(v)))
                .collect(),
        ),
        other => panic!("type {other}"),
    }
}

/// Every item a statement returns through the SDK's own ExecuteStatement, looped over NextToken,
/// as typed JSON.
fn sdk_select(
    client: &Client,
    statement: &str,
    params: &[Value],
    limit: Option<i32>,
) -> Vec<Value> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let mut items = Vec::new();
        let mut token = None;
        let mut pages = 0;
        loop {
            let out = client
                .execute_statement()
                .statement(statement)
                .set_parameters(
                    (!params.is_empty()).then(|| params.iter().map(attribute).collect()),
                )
                .set_next_token(token.take())
                .set_limit(limit)
                .send()
                .await
                .unwrap_or_else(|e| panic!("{statement}: {e:?}"));
            pages += 1;
            items.extend(
                out.items()
                    .iter()
                    .map(|item| ddb::item::item_to_json(item, &[], true)),
            );
            match out.next_token() {
                Some(next) => token = Some(next.to_string()),
                None => break,
            }
        }
        assert!(pages < 1000);
        items
    })
}

fn sdk_client(url: &str) -> Client {
    let config = aws_sdk_dynamodb::Config::builder()
        .behavior_version(aws_sdk_dynamodb::config::BehaviorVersion::latest())
        .region(aws_sdk_dynamodb::config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_dynamodb::config::Credentials::new(
            "ddblocal", "ddblocal", None, None, "test",
        ))
        .endpoint_url(url)
        .build();
    Client::from_conf(config)
}

fn sorted(mut items: Vec<Value>) -> Vec<Value> {
    items.sort_by_key(|i| format!("{}|{}", i["year"], i["title"]));
    items
}

#[test]
fn statements_return_what_the_sdks_own_paging_loop_returns() {
    let suite = Suite::new();
    let (_server, upstream) = common::upstream(&suite);
    let url = format!("http://{upstream}");
    let table = suite.table_name("SqlSdk");
    let run = |args: &[&str]| {
        let out = suite.at(&url).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    run(&[
        "create-table",
        &table,
        "--pk",
        "year:N",
        "--sk",
        "title:S",
        "--gsi",
        "ByGenre:genre:S:year:N",
    ]);
    run(&["put", &table, "--file", &common::fixture("movies.ndjson")]);
    // One item holding every type, written by a parameterised INSERT.
    let every_type = [
        json!({"N": "3000"}),
        json!({"S": "Every Type"}),
        json!({"B": "AAEC/w=="}),
        json!({"BOOL": true}),
        json!({"NULL": true}),
        json!({"SS": ["a", "b"]}),
        json!({"NS": ["1", "12345678901234567890123456789012345678"]}),
        json!({"L": [{"S": "x"}, {"N": "-1.5"}]}),
        json!({"M": {"k": {"S": "v"}, "n": {"M": {"deep": {"BOOL": false}}}}}),
    ];
    let insert = format!(
        "INSERT INTO \"{table}\" VALUE {{'year': ?, 'title': ?, 'b': ?, 'ok': ?, 'nothing': ?, 'ss': ?, 'ns': ?, 'l': ?, 'm': ?}}"
    );
    let params = |values: &[Value]| -> Vec<String> {
        values
            .iter()
            .flat_map(|v| ["--param".to_string(), v.to_string()])
            .collect()
    };
    let with = |statement: &str, values: &[Value], extra: &[&str]| -> Vec<String> {
        let mut args = vec!["sql".to_string(), statement.to_string(), "--typed".into()];
        args.extend(params(values));
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let args = with(&insert, &every_type, &[]);
    run(&args.iter().map(String::as_str).collect::<Vec<_>>());

    let client = sdk_client(&url);
    let t = |s: &str| s.replace("{T}", &format!("\"{table}\""));
    let cases: Vec<(String, Vec<Value>, Option<i32>)> = vec![
        (t("SELECT * FROM {T} WHERE \"year\" = ?"), vec![json!({"N": "1992"})], None),
        (
            t("SELECT title, info.rating FROM {T} WHERE \"year\" = ? AND title BETWEEN ? AND ?"),
            vec![json!({"N": "1992"}), json!({"S": "A"}), json!({"S": "M"})],
            None,
        ),
        (t("SELECT * FROM {T} WHERE \"year\" IN [1990, 1991, 1992]"), vec![], None),
        (
            t("SELECT \"year\", title FROM {T} WHERE \"year\" = 1992 AND begins_with(title, 'The')"),
            vec![],
            None,
        ),
        (
            t("SELECT * FROM {T}.\"ByGenre\" WHERE genre = ? AND \"year\" > ?"),
            vec![json!({"S": "Western"}), json!({"N": "1950"})],
            None,
        ),
        (
            t("SELECT * FROM {T} WHERE info.rating > ? AND contains(info.genres, ?)"),
            vec![json!({"N": "7.5"}), json!({"S": "Drama"})],
            Some(300),
        ),
        // Every page of the whole table, 700 items a request.
        (t("SELECT \"year\", title FROM {T}"), vec![], Some(700)),
        // A key lookup with parameters of every type it can compare.
        (
            t("SELECT * FROM {T} WHERE \"year\" = ? AND title = ? AND b = ? AND ok = ? AND ss = ? AND l = ? AND m = ?"),
            vec![
                every_type[0].clone(),
                every_type[1].clone(),
                every_type[2].clone(),
                every_type[3].clone(),
                every_type[5].clone(),
                every_type[7].clone(),
                every_type[8].clone(),
            ],
            None,
        ),
    ];
    for (statement, values, limit) in cases {
        let expected = sorted(sdk_select(&client, &statement, &values, limit));
        assert!(!expected.is_empty(), "{statement} finds items");
        let limit_text = limit.map(|l| l.to_string());
        let mut extra = vec!["-o", "ndjson"];
        if let Some(l) = &limit_text {
            extra.extend(["--page-size", l.as_str()]);
        }
        let args = with(&statement, &values, &extra);
        let printed = sorted(common::ndjson(&run(&args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>())));
        assert_eq!(printed.len(), expected.len(), "{statement}");
        assert_eq!(
            printed.into_iter().map(sort_sets).collect::<Vec<_>>(),
            expected.into_iter().map(sort_sets).collect::<Vec<_>>(),
            "{statement}"
        );
    }
    // The whole table came back whole: 4,000 movies and the one of every type.
    let all = sdk_select(
        &client,
        &t("SELECT \"year\", title FROM {T}"),
        &[],
        Some(700),
    );
    assert_eq!(all.len(), 4001);

    // Writes, then the table read both ways.
    let first = sdk_select(
        &client,
        &t("SELECT title FROM {T} WHERE \"year\" = 1992"),
        &[],
        None,
    );
    let title = first[0]["title"]["S"].as_str().unwrap().replace('\'', "''");
    for statement in [
        t(&format!("UPDATE {{T}} SET info.rating = 10 SET tags = ['x'] WHERE \"year\" = 1992 AND title = '{title}'")),
        t("DELETE FROM {T} WHERE \"year\" = 3000 AND title = 'Every Type'"),
        t("INSERT INTO {T} VALUE {'year': 3001, 'title': 'Second'}"),
    ] {
        let out = suite.at(&url).args(["sql", &statement]).output().unwrap();
        assert!(out.status.success(), "{statement}: {}", stderr(&out));
    }
    let select = t("SELECT * FROM {T} WHERE \"year\" IN [1992, 3000, 3001]");
    let args = with(&select, &[], &["-o", "ndjson"]);
    let printed = sorted(common::ndjson(&run(&args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>())));
    assert_eq!(printed, sorted(sdk_select(&client, &select, &[], None)));
    assert!(printed.iter().any(|i| i["title"] == json!({"S": "Second"})));
    assert!(printed
        .iter()
        .any(|i| i["tags"] == json!({"L": [{"S": "x"}]})));
    assert!(!printed
        .iter()
        .any(|i| i["title"] == json!({"S": "Every Type"})));
}

#[test]
fn scripts_run_in_order_as_a_transaction_or_in_batches() {
    let suite = Suite::new();
    let table = suite.table_name("SqlScript");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let script = |name: &str, text: &str| {
        let path = suite.dir().join(name);
        std::fs::write(&path, text.replace("{T}", &format!("\"{table}\""))).unwrap();
        path.display().to_string()
    };
    let ids = || -> BTreeSet<String> {
        suite
            .items(&table)
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    };
    // One after another, parameters shared out in order; SELECT output in between.
    let seed = script(
        "seed.sql",
        "-- seed the table\nINSERT INTO {T} VALUE {'id': 'a', 'n': 1};\nINSERT INTO {T} VALUE {'id': ?, 'n': ?};\n\nSELECT * FROM {T} WHERE id = 'a';\nUPDATE {T} SET n = 5 WHERE id = ?\n",
    );
    let out = suite.run_ok(&[
        "sql", "--file", &seed, "--param", "b", "--param", "2", "--param", "b", "-o", "ndjson",
    ]);
    assert_eq!(common::ndjson(&out), vec![json!({"id": "a", "n": 1})]);
    // The values went to the ? in order: b's n was 2, then the UPDATE of b set it to 5.
    let mut items = suite.items(&table);
    items.sort_by_key(|i| i["id"].to_string());
    assert_eq!(
        items,
        vec![json!({"id": "a", "n": 1}), json!({"id": "b", "n": 5})]
    );
    // Run again: statement 1 finds the key taken, and the script stops there (exit 3).
    let out = suite.run(&[
        "sql", "--file", &seed, "--param", "c", "--param", "2", "--param", "c",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("statement 1 (line 2)"),
        "{}",
        stderr(&out)
    );
    assert!(
        !ids().contains("c"),
        "nothing after the failed statement ran"
    );

    // A transaction is all or nothing: the failed condition of statement 3 keeps 1 and 2 out.
    let tx = script(
        "tx.sql",
        "INSERT INTO {T} VALUE {'id': 'x'};\nDELETE FROM {T} WHERE id = 'a';\nUPDATE {T} SET n = 9 WHERE id = 'missing'",
    );
    let out = suite.run(&["sql", "--file", &tx, "--tx"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("statement 3 (line 3): ConditionalCheckFailed"),
        "{err}"
    );
    assert!(
        !err.contains("statement 1"),
        "only the failing statement: {err}"
    );
    assert_eq!(ids(), BTreeSet::from(["a".to_string(), "b".to_string()]));
    let tx = script(
        "tx2.sql",
        "INSERT INTO {T} VALUE {'id': 'x'};\nDELETE FROM {T} WHERE id = 'a';\nUPDATE {T} SET n = 9 WHERE id = 'b'",
    );
    suite.run_ok(&["sql", "--file", &tx, "--tx"]);
    assert_eq!(ids(), BTreeSet::from(["b".to_string(), "x".to_string()]));
    // Reads and writes together are refused before anything is sent.
    let out = suite.run(&[
        "sql", "--file", &seed, "--tx", "--param", "q", "--param", "1", "--param", "q",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!ids().contains("q"));

    // Batches: 30 inserts (two requests), two of them duplicates, each failure named.
    let mut text = String::new();
    for i in 0..30 {
        let id = if i == 7 || i == 27 {
            "b".to_string()
        } else {
            format!("n{i}")
        };
        text.push_str(&format!("INSERT INTO {{T}} VALUE {{'id': '{id}'}};\n"));
    }
    let batch = script("batch.sql", &text);
    let out = suite.run(&["sql", "--file", &batch, "--batch"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("statement 8 (line 8): DuplicateItem"), "{err}");
    assert!(
        err.contains("statement 28 (line 28): DuplicateItem"),
        "{err}"
    );
    assert_eq!(ids().len(), 2 + 28);
    // An unclosed quote is named by its line, and nothing runs.
    let bad = script(
        "bad.sql",
        "INSERT INTO {T} VALUE {'id': 'z'};\nSELECT * FROM {T} WHERE id = 'open\n",
    );
    let out = suite.run(&["sql", "--file", &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("line 2: the ' opened here is not closed"),
        "{}",
        stderr(&out)
    );
    assert!(!ids().contains("z"));
}
