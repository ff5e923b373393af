//! The lecture's DynamoDB walkthrough, step by step, with ddb on the Movies table: the same
//! steps the README shows. Expected results are computed from the fixture file.

use crate::common;

use std::collections::BTreeSet;

use common::{fixture, ndjson, stderr, stdout, Suite};
use serde_json::{json, Value};

fn fixture_movies() -> Vec<Value> {
    ndjson(&std::fs::read_to_string(fixture("movies.ndjson")).unwrap())
}

fn titles(items: &[Value]) -> BTreeSet<(i64, String)> {
    common::keys(items).into_iter().collect()
}

#[test]
fn the_lecture_walkthrough_runs_as_written() {
    let suite = Suite::new();
    // Create the table: year (N) partition key, title (S) sort key, 10/10 provisioned.
    let table = suite.table_name("Movies");
    let created = suite.run_ok(&[
        "create-table",
        &table,
        "--pk",
        "year:N",
        "--sk",
        "title:S",
        "--rcu",
        "10",
        "--wcu",
        "10",
        "-o",
        "json",
    ]);
    let created: Value = serde_json::from_str(&created).unwrap();
    assert_eq!(created["status"], "ACTIVE");
    assert_eq!(
        created["key"]["partition"],
        json!({"name": "year", "type": "N"})
    );
    assert_eq!(created["read_capacity_units"], 10);

    // Put "The Big New Movie".
    let movie = json!({"year": 2015, "title": "The Big New Movie", "info": {"plot": "Nothing happens at all.", "rating": 0}});
    suite.run_ok(&["put", &table, &movie.to_string()]);

    // Get it back by its key, positionally typed from the schema.
    let got: Value = serde_json::from_str(&suite.run_ok(&[
        "get",
        &table,
        "2015",
        "The Big New Movie",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(got, movie);

    // Load the sample, then all movies of 1985: one partition.
    suite.run_ok(&[
        "put",
        &table,
        "--file",
        &fixture("movies.ndjson"),
        "--rejects",
        &suite.dir().join("r").display().to_string(),
    ]);
    let all = fixture_movies();
    let of_1985: Vec<Value> = all.iter().filter(|m| m["year"] == 1985).cloned().collect();
    assert!(!of_1985.is_empty(), "the fixture has movies of 1985");
    let queried = ndjson(&suite.run_ok(&["query", &table, "--pk", "1985"]));
    assert_eq!(titles(&queried), titles(&of_1985));
    let sorted: Vec<&str> = queried
        .iter()
        .map(|m| m["title"].as_str().unwrap())
        .collect();
    assert!(
        sorted.windows(2).all(|w| w[0] < w[1]),
        "items come in sort-key order"
    );

    // 1992, titles A to L, projecting year, title, genres and the lead actor.
    let projected = ndjson(&suite.run_ok(&[
        "query",
        &table,
        "--pk",
        "1992",
        "--sk-between",
        "A",
        "L",
        "--projection",
        "#yr, title, info.genres, info.actors[0]",
        "--names",
        "#yr=year",
    ]));
    let expected: Vec<&Value> = all
        .iter()
        .filter(|m| {
            m["year"] == 1992
                && m["title"].as_str().unwrap() >= "A"
                && m["title"].as_str().unwrap() <= "L"
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(projected.len(), expected.len());
    for item in &projected {
        let source = expected
            .iter()
            .find(|m| m["title"] == item["title"])
            .expect("a fixture movie");
        assert_eq!(
            item,
            &json!({"year": 1992, "title": source["title"], "info": {
                "actors": [source["info"]["actors"][0]], "genres": source["info"]["genres"]}})
        );
    }

    // Scan for 1950..1959 across pages: every partition is read.
    let out = suite.run(&[
        "scan",
        &table,
        "--filter",
        "#yr BETWEEN :lo AND :hi",
        "--names",
        "#yr=year",
        "--values",
        ":lo=1950",
        "--values",
        ":hi=1959",
        "--page-size",
        "300",
        "--consumed-capacity",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let fifties: Vec<Value> = all
        .iter()
        .filter(|m| (1950..=1959).contains(&m["year"].as_i64().unwrap()))
        .cloned()
        .collect();
    assert_eq!(titles(&ndjson(&stdout(&out))), titles(&fifties));
    let pages: u64 = stderr(&out)
        .split(" over ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        pages >= 14,
        "4001 items at 300 a page take at least 14 pages, got {pages}"
    );

    // Westerns of the 1950s: the table's key cannot answer that; an index keyed by genre and
    // sorted by year can, once it is backfilled from the items already there.
    let indexed: Value = serde_json::from_str(&suite.run_ok(&[
        "update-table",
        &table,
        "--add-gsi",
        "ByGenre:genre:S:year:N",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(indexed["global_secondary_indexes"][0]["status"], "ACTIVE");
    let westerns = ndjson(&suite.run_ok(&[
        "query",
        &table,
        "--index",
        "ByGenre",
        "--pk",
        "Western",
        "--sk-between",
        "1950",
        "1959",
    ]));
    let expected: Vec<Value> = fifties
        .iter()
        .filter(|m| m["genre"] == "Western")
        .cloned()
        .collect();
    assert!(
        !expected.is_empty(),
        "the fixture has Westerns of the 1950s"
    );
    assert_eq!(titles(&westerns), titles(&expected));
    let years: Vec<i64> = westerns
        .iter()
        .map(|m| m["year"].as_i64().unwrap())
        .collect();
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "in year order");

    // Conditional delete: rating 0 is not <= -1, so the item is kept and exit code is 3.
    let out = suite.run(&[
        "conditional-delete",
        &table,
        "2015",
        "The Big New Movie",
        "--condition",
        "info.rating <= :val",
        "--values",
        ":val=-1",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("condition not met, item kept"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("(:val = -1); now info.rating = 0"),
        "{}",
        stderr(&out)
    );
    suite.run_ok(&["get", &table, "2015", "The Big New Movie"]);

    // And when it holds (0 <= 10): deleted, and printed.
    let deleted = suite.run_ok(&[
        "conditional-delete",
        &table,
        "2015",
        "The Big New Movie",
        "--condition",
        "info.rating <= :val",
        "--values",
        ":val=10",
        "-o",
        "json",
    ]);
    assert_eq!(serde_json::from_str::<Value>(&deleted).unwrap(), movie);
    let out = suite.run(&["get", &table, "2015", "The Big New Movie"]);
    assert_eq!(out.status.code(), Some(4));
    assert!(out.stdout.is_empty());

    // The tutorial's updates, on the movie put back: rating, plot and actors; an atomic counter;
    // remove the first actor only while there are more than two.
    suite.run_ok(&["put", &table, &movie.to_string()]);
    let movie_key = [&table as &str, "2015", "The Big New Movie"];
    let updated = suite.run_ok(
        &[
            &["update"][..],
            &movie_key,
            &[
                "--set",
                "info.rating=5.5",
                "--set",
                "info.plot=Everything happens all at once.",
                "--set",
                r#"info.actors=["Larry","Moe","Curly"]"#,
                "-o",
                "json",
            ],
        ]
        .concat(),
    );
    let updated: Value = serde_json::from_str(&updated).unwrap();
    assert_eq!(updated["info"]["rating"], 5.5);
    assert_eq!(
        updated["info"]["actors"],
        serde_json::json!(["Larry", "Moe", "Curly"])
    );
    let counted = suite.run_ok(
        &[
            &["update"][..],
            &movie_key,
            &["--add", "info.rating=1", "-o", "json"],
        ]
        .concat(),
    );
    assert_eq!(
        serde_json::from_str::<Value>(&counted).unwrap()["info"]["rating"],
        6.5
    );
    let remove_first = [
        "--remove",
        "info.actors[0]",
        "--condition",
        "size(info.actors) > :num",
        "--values",
        ":num=2",
        "-o",
        "json",
    ];
    let removed = suite.run_ok(&[&["update"][..], &movie_key, &remove_first].concat());
    assert_eq!(
        serde_json::from_str::<Value>(&removed).unwrap()["info"]["actors"],
        serde_json::json!(["Moe", "Curly"])
    );
    // Two actors left: the condition no longer holds, exit 3, nothing changed.
    let out = suite.run(&[&["update"][..], &movie_key, &remove_first].concat());
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(r#"now info.actors = ["Moe","Curly"]"#),
        "{}",
        stderr(&out)
    );
}
