//! `ddb sql`: PartiQL SELECTs return every page (compared with query and scan), `?` parameters,
//! `--max-items` and `--next-token` neither skip nor repeat, and writes (a failed condition: 3).

use std::collections::BTreeSet;

use crate::common::{self, stderr, Suite};

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
