//! Bad input: each case checks the message (what and where), the exit code, and that nothing
//! was written. Where DynamoDB Local words a message differently from DynamoDB (and the embedded
//! engine, which follows DynamoDB), the test says so and accepts both.

use crate::common;

use common::{stderr, Suite};

/// Runs ddb, expects `code`, and returns stderr.
fn fails(suite: &Suite, args: &[&str], code: i32) -> String {
    let out = suite.run(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(code), "ddb {args:?}: {err}");
    assert!(
        out.stdout.is_empty(),
        "nothing on stdout on failure: {}",
        common::stdout(&out)
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.starts_with("ddb: error: "), "{err}");
    err
}

#[test]
fn malformed_json_says_where() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let err = fails(&suite, &["put", &table, r#"{"year": 1, "title": "x",}"#], 1);
    assert!(
        err.contains("ITEM: malformed JSON at line 1, column 26: trailing comma"),
        "{err}"
    );
    let caret_line = err.lines().nth(2).unwrap();
    assert_eq!(caret_line.find('^'), Some("  ITEM ".len() + 25), "{err}");
    assert_eq!(suite.count(&table), 0);
}

#[test]
fn a_missing_or_mistyped_key_is_refused() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let err = fails(&suite, &["put", &table, r#"{"year": 1}"#], 1);
    // DynamoDB (and the embedded engine): "Missing the key title in the item";
    // DynamoDB Local: "One of the required keys was not given a value".
    assert!(
        err.contains("Missing the key title")
            || err.contains("required keys was not given a value"),
        "{err}"
    );
    assert!(
        err.contains(&format!("hint: `ddb describe-table {table}`")),
        "{err}"
    );
    let err = fails(
        &suite,
        &["put", &table, r#"{"year": "1999", "title": "x"}"#],
        1,
    );
    assert!(err.contains("Type mismatch for key"), "{err}");
    let err = fails(&suite, &["get", &table, "nineteen", "x"], 1);
    assert!(
        err.contains("\"nineteen\" is not a number, and the key attribute year is of type N"),
        "{err}"
    );
    let err = fails(&suite, &["get", &table, "1999"], 2);
    assert!(
        err.contains("has the key year and title: give 2 value(s)"),
        "{err}"
    );
    assert_eq!(suite.count(&table), 0);
}

#[test]
fn an_unknown_table_is_named_with_the_endpoint() {
    let suite = Suite::new();
    let err = fails(&suite, &["scan", "NoSuchTable"], 1);
    let first = err.lines().next().unwrap();
    assert!(
        first.starts_with("ddb: error: table NoSuchTable does not exist at "),
        "{err}"
    );
    if !suite.on_dynamodb_local() {
        assert!(first.contains("the embedded engine"), "{err}");
    }
    assert!(err.contains("hint: `ddb list-tables`"), "{err}");
    fails(&suite, &["put", "NoSuchTable", r#"{"a": 1}"#], 1);
}

#[test]
fn an_expression_syntax_error_points_at_the_token() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let err = fails(
        &suite,
        &[
            "scan",
            &table,
            "--filter",
            "rating = = :v",
            "--values",
            ":v=1",
        ],
        1,
    );
    assert!(err.contains("Syntax error; token: \"=\""), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[1], "  --filter rating = = :v");
    assert_eq!(
        lines[2].find('^'),
        Some("  --filter rating = ".len()),
        "{err}"
    );
}

#[test]
fn placeholders_used_but_not_given_or_given_but_unused() {
    let suite = Suite::new();
    let table = suite.movies_table();
    suite.run_ok(&["put", &table, r#"{"year": 1, "title": "keep", "a": 1}"#]);
    let err = fails(
        &suite,
        &[
            "scan",
            &table,
            "--filter",
            "a BETWEEN :lo AND :hi",
            "--values",
            ":lo=1",
        ],
        1,
    );
    assert!(
        err.contains("attribute value used in expression is not defined; attribute value: :hi"),
        "{err}"
    );
    assert!(
        err.contains("hint: give its value with --values ':hi=...'"),
        "{err}"
    );
    let err = fails(
        &suite,
        &["scan", &table, "--filter", "#n = :v", "--values", ":v=1"],
        1,
    );
    assert!(err.contains("attribute name: #n"), "{err}");
    let err = fails(
        &suite,
        &[
            "scan", &table, "--filter", "a = :v", "--values", ":v=1", "--values", ":w=2",
        ],
        1,
    );
    assert!(err.contains("unused in expressions: keys: {:w}"), "{err}");
    assert!(err.contains("hint: remove it from --values"), "{err}");
    let err = fails(
        &suite,
        &[
            "conditional-delete",
            &table,
            "1",
            "keep",
            "--condition",
            "a = :missing",
        ],
        1,
    );
    assert!(err.contains("attribute value: :missing"), "{err}");
    assert_eq!(suite.count(&table), 1, "the item is still there");
}

#[test]
fn a_reserved_word_gets_the_alias_to_use() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let err = fails(
        &suite,
        &[
            "query",
            &table,
            "--key-condition",
            "year = :y",
            "--values",
            ":y=1985",
        ],
        1,
    );
    assert!(err.contains("reserved keyword: year"), "{err}");
    assert!(
        err.contains("  --key-condition year = :y\n                  ^"),
        "{err}"
    );
    assert!(err.contains("hint: \"year\" is a reserved word; use --names '#year=year' and write #year in the expression"), "{err}");
}

#[test]
fn an_item_over_400_kb_is_refused_before_sending() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let item =
        serde_json::json!({"year": 1, "title": "big", "blob": "x".repeat(410_000)}).to_string();
    let out = suite
        .ddb()
        .args(["put", &table, "-"])
        .write_stdin(item)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains(
            "stdin: the item is 410018 bytes, over DynamoDB's limit of 409600 bytes (400 KB)"
        ),
        "{err}"
    );
    assert_eq!(suite.count(&table), 0);
}

#[test]
fn an_unreachable_endpoint_is_one_line_and_a_hint() {
    let suite = Suite::new();
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = suite
        .bare()
        .args([
            "--endpoint-url",
            &format!("http://127.0.0.1:{port}"),
            "list-tables",
        ])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(err.lines().count(), 2, "one error line and one hint: {err}");
    assert!(
        err.starts_with(&format!(
            "ddb: error: cannot reach http://127.0.0.1:{port}: Connection refused"
        )),
        "{err}"
    );
    assert!(err.contains("hint: check --endpoint-url"), "{err}");
}

#[test]
fn argument_combinations_that_make_no_sense_are_usage_errors() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let err = fails(
        &suite,
        &["scan", &table, "--segments", "4", "--max-items", "10"],
        2,
    );
    assert!(
        err.contains("--segments reads segments side by side"),
        "{err}"
    );
    let err = fails(
        &suite,
        &[
            "query",
            &table,
            "--pk",
            "1",
            "--sk",
            "a",
            "--sk-begins-with",
            "b",
        ],
        2,
    );
    assert!(err.contains("cannot be used with"), "{err}");
    let err = fails(&suite, &["put", &table, "{}", "--names", "year=year"], 1);
    assert!(err.contains("--names: expected #yr=year"), "{err}");
}

#[test]
fn a_bulk_load_reports_bad_lines_keeps_them_and_writes_the_rest() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let input = suite.dir().join("in.ndjson");
    let big = format!(
        r#"{{"year": 5, "title": "big", "blob": "{}"}}"#,
        "x".repeat(410_000)
    );
    let lines = [
        r#"{"year": 1, "title": "ok one"}"#.to_string(),
        r#"{"year": 2, "title": "broken""#.to_string(),
        r#"{"year": 3}"#.to_string(),
        String::new(),
        r#"{"year": "4", "title": "wrong type"}"#.to_string(),
        big.clone(),
        r#"{"year": 6, "title": "ok two"}"#.to_string(),
    ];
    std::fs::write(&input, lines.join("\n")).unwrap();
    let out = suite.run(&["put", &table, "--file", input.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("ddb: line 2: malformed JSON at line 1, column 29"),
        "{err}"
    );
    assert!(
        err.contains("ddb: line 3: missing the key attribute title"),
        "{err}"
    );
    assert!(
        err.contains("ddb: line 5: the key attribute year must be of type N, found S"),
        "{err}"
    );
    assert!(
        err.contains("ddb: line 6: the item is 410018 bytes"),
        "{err}"
    );
    assert!(err.contains("wrote 2 items"), "{err}");
    assert!(
        err.contains("ddb: error: 4 of 6 records were not written"),
        "{err}"
    );
    let rejects = std::fs::read_to_string(format!("{}.rejects", input.display())).unwrap();
    let expected = [
        lines[1].as_str(),
        lines[2].as_str(),
        lines[4].as_str(),
        big.as_str(),
    ]
    .map(|l| format!("{l}\n"))
    .concat();
    assert_eq!(
        rejects, expected,
        "the rejects file holds the bad records as given"
    );
    assert_eq!(suite.count(&table), 2);
}

#[test]
fn a_dry_run_checks_everything_and_writes_nothing() {
    let suite = Suite::new();
    let table = suite.movies_table();
    let out = suite.run(&[
        "put",
        &table,
        "--file",
        &common::fixture("movies.ndjson"),
        "--dry-run",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("checked 4000 items for"),
        "{}",
        stderr(&out)
    );
    assert_eq!(suite.count(&table), 0);
}
