//! Tables over their life: every create-table option, `--if-not-exists` against the whole
//! definition, each update-table change (an index backfilled over 2,000 items), TTL and deletion
//! protection; and the helpers `recreate.rs` shares.

use serde_json::{json, Value};

use crate::common::{self, Suite};

pub(crate) fn describe(suite: &Suite, table: &str) -> Value {
    serde_json::from_str(&suite.run_ok(&["describe-table", table, "-o", "json"])).unwrap()
}

pub(crate) fn as_create(suite: &Suite, table: &str) -> Vec<String> {
    let line = suite.run_ok(&["describe-table", table, "--as", "create"]);
    assert_eq!(line.lines().count(), 1, "one command line: {line}");
    shlex::split(line.trim()).expect("a shell line")
}

/// Runs a printed `ddb create-table ...` line under another table name on `command`'s target.
pub(crate) fn recreate(
    command: assert_cmd::Command,
    words: &[String],
    name: &str,
) -> std::process::Output {
    let mut command = command;
    assert_eq!(words[0], "ddb");
    assert_eq!(words[1], "create-table");
    command.arg("create-table").arg(name).args(&words[3..]);
    command.output().expect("ddb runs")
}

/// `--as create` of `original`, run under a new name, prints back the same line.
pub(crate) fn round_trip(suite: &Suite, original: &str) -> Vec<String> {
    let words = as_create(suite, original);
    let copy = suite.table_name("Copy");
    let out = recreate(suite.ddb(), &words, &copy);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let mut again = as_create(suite, &copy);
    again[2] = original.to_string();
    assert_eq!(
        again, words,
        "the recreated table describes as the original"
    );
    words
}

pub(crate) fn create(suite: &Suite, args: &[&str]) -> String {
    let table = suite.table_name("Life");
    let mut all = vec!["create-table", table.as_str()];
    all.extend_from_slice(args);
    suite.run_ok(&all);
    table
}

#[test]
fn every_create_table_option_is_described() {
    let suite = Suite::new();
    let table = create(
        &suite,
        &[
            "--pk",
            "year:N",
            "--sk",
            "title:S",
            "--rcu",
            "5",
            "--wcu",
            "4",
            "--gsi",
            "ByGenre:genre:S:year:N:include=rating,plot",
            "--gsi-capacity",
            "ByGenre=2,3",
            "--lsi",
            "ByRating:rating:N:keys",
            "--stream",
            "new-and-old",
            "--ttl",
            "expires",
            "--tag",
            "team=core",
            "--deletion-protection",
            "--table-class",
            "infrequent-access",
        ],
    );
    let d = describe(&suite, &table);
    assert_eq!(d["billing_mode"], "PROVISIONED");
    assert_eq!(
        (
            d["read_capacity_units"].clone(),
            d["write_capacity_units"].clone()
        ),
        (json!(5), json!(4))
    );
    let gsi = &d["global_secondary_indexes"][0];
    assert_eq!(gsi["name"], "ByGenre");
    assert_eq!(
        gsi["key"]["partition"],
        json!({"name": "genre", "type": "S"})
    );
    assert_eq!(gsi["key"]["sort"], json!({"name": "year", "type": "N"}));
    assert_eq!(gsi["projection"], "INCLUDE");
    assert_eq!(gsi["included"], json!(["rating", "plot"]));
    assert_eq!(gsi["status"], "ACTIVE");
    assert_eq!(
        (
            gsi["read_capacity_units"].clone(),
            gsi["write_capacity_units"].clone()
        ),
        (json!(2), json!(3))
    );
    let lsi = &d["local_secondary_indexes"][0];
    assert_eq!(lsi["key"]["partition"]["name"], "year");
    assert_eq!(lsi["key"]["sort"], json!({"name": "rating", "type": "N"}));
    assert_eq!(lsi["projection"], "KEYS_ONLY");
    assert_eq!(d["stream"]["enabled"], true);
    assert_eq!(d["stream"]["view_type"], "NEW_AND_OLD_IMAGES");
    assert!(d["stream"]["arn"].as_str().unwrap().contains(&table));
    assert_eq!(
        d["ttl"],
        json!({"status": "ENABLED", "attribute": "expires"})
    );
    assert_eq!(d["deletion_protection"], true);
    if suite.on_dynamodb_local() {
        // Known differences: DynamoDB Local has no tagging and keeps no table class.
        assert!(d.get("tags").is_none(), "{d}");
        assert_eq!(d["table_class"], "STANDARD");
    } else {
        assert_eq!(d["tags"], json!({"team": "core"}));
        assert_eq!(d["table_class"], "STANDARD_INFREQUENT_ACCESS");
    }
    // Protected: delete-table is refused with the way out, and the table stays.
    let out = suite.run(&["delete-table", &table, "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(err.contains("protected against deletion"), "{err}");
    assert!(
        err.contains(&format!(
            "ddb update-table {table} --deletion-protection off"
        )),
        "{err}"
    );
    assert_eq!(describe(&suite, &table)["status"], "ACTIVE");
    suite.run_ok(&["update-table", &table, "--deletion-protection", "off"]);
    suite.run_ok(&["delete-table", &table, "--yes"]);
}

#[test]
fn if_not_exists_compares_the_whole_definition() {
    let suite = Suite::new();
    let spec = [
        "--pk",
        "id:S",
        "--gsi",
        "ByOwner:owner:S:keys",
        "--stream",
        "keys",
    ];
    let table = create(&suite, &spec);
    let again = |extra: &[&str]| {
        let mut args = vec!["create-table", table.as_str(), "--if-not-exists"];
        args.extend_from_slice(extra);
        suite.run(&args)
    };
    let same = again(&spec);
    assert!(same.status.success(), "{}", common::stderr(&same));
    for (other, named) in [
        (
            vec![
                "--pk",
                "id:S",
                "--gsi",
                "ByOwner:owner:S",
                "--stream",
                "keys",
            ],
            "projects keys, not all",
        ),
        (
            vec!["--pk", "id:S", "--stream", "keys"],
            "has a global index ByOwner too",
        ),
        (
            vec!["--pk", "id:S", "--gsi", "ByOwner:owner:S:keys"],
            "its stream is keys, not off",
        ),
        (
            vec![
                "--pk",
                "id:S",
                "--gsi",
                "ByOwner:owner:S:keys",
                "--stream",
                "keys",
                "--rcu",
                "1",
                "--wcu",
                "1",
            ],
            "it is on-demand, not provisioned",
        ),
    ] {
        let out = again(&other);
        assert_eq!(out.status.code(), Some(1), "{other:?}");
        let err = common::stderr(&out);
        assert!(err.contains(named), "{other:?}: {err}");
        assert!(err.contains("already exists"), "{err}");
    }
}

#[test]
fn an_added_index_is_backfilled_and_queryable_then_dropped() {
    let suite = Suite::new();
    let table = create(&suite, &["--pk", "id:S"]);
    let items: String = (0..2000)
        .map(|i| {
            format!(
                "{{\"id\": \"m{i}\", \"genre\": \"g{}\", \"year\": {}}}\n",
                i % 8,
                1900 + i % 100
            )
        })
        .collect();
    let file = suite.dir().join("items.ndjson");
    std::fs::write(&file, items).unwrap();
    suite.run_ok(&["put", &table, "--file", &file.display().to_string()]);
    let after = suite.run_ok(&[
        "update-table",
        &table,
        "--add-gsi",
        "ByGenre:genre:S:year:N",
        "-o",
        "json",
    ]);
    let after: Value = serde_json::from_str(&after).unwrap();
    let index = &after["global_secondary_indexes"][0];
    assert_eq!(index["status"], "ACTIVE", "update-table waited: {after}");
    assert_eq!(index["backfilling"], false);
    // A second index of that name is refused before anything is sent.
    let out = suite.run(&["update-table", &table, "--add-gsi", "ByGenre:year:N"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out).contains("already has an index named ByGenre"),
        "{}",
        common::stderr(&out)
    );
    let found = common::ndjson(&suite.run_ok(&[
        "query", &table, "--index", "ByGenre", "--pk", "g3", "-o", "ndjson",
    ]));
    assert_eq!(found.len(), 250, "every item of genre g3, backfilled");
    assert!(found.iter().all(|i| i["genre"] == "g3"));
    let years: Vec<i64> = found.iter().map(|i| i["year"].as_i64().unwrap()).collect();
    assert!(
        years.windows(2).all(|w| w[0] <= w[1]),
        "sorted by the index's sort key"
    );
    let dropped = suite.run_ok(&[
        "update-table",
        &table,
        "--drop-gsi",
        "ByGenre",
        "-o",
        "json",
    ]);
    let dropped: Value = serde_json::from_str(&dropped).unwrap();
    assert!(
        dropped.get("global_secondary_indexes").is_none(),
        "{dropped}"
    );
    let out = suite.run(&["query", &table, "--index", "ByGenre", "--pk", "g3"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn update_table_makes_one_change_per_call_and_says_so_before_sending() {
    let suite = Suite::new();
    let table = create(&suite, &["--pk", "id:S"]);
    let out = suite.run(&[
        "update-table",
        &table,
        "--add-gsi",
        "ByA:a:S",
        "--stream",
        "keys",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = common::stderr(&out);
    assert!(
        err.contains("one change per call") && err.contains("--add-gsi and --stream"),
        "{err}"
    );
    let out = suite.run(&["update-table", &table]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("nothing to change"));
    let d = describe(&suite, &table);
    assert!(
        d.get("global_secondary_indexes").is_none(),
        "nothing was sent: {d}"
    );
    assert_eq!(d["stream"]["enabled"], false);
    let out = suite.run(&["update-table", &table, "--drop-gsi", "Nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(common::stderr(&out).contains("no global secondary index named Nope"));
}

#[test]
fn capacity_stream_and_class_changes() {
    let suite = Suite::new();
    let table = create(&suite, &["--pk", "id:S", "--gsi", "ByA:a:S"]);
    let d: Value = serde_json::from_str(&suite.run_ok(&[
        "update-table",
        &table,
        "--rcu",
        "3",
        "--wcu",
        "2",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(d["billing_mode"], "PROVISIONED");
    assert_eq!(d["read_capacity_units"], 3);
    // Known difference: the embedded engine accepts an index's capacity (switching to
    // provisioned, or --gsi-capacity) but keeps reporting 0 for it.
    let index_capacity =
        |d: &Value| d["global_secondary_indexes"][0]["write_capacity_units"].clone();
    let expected = |units: i64| {
        if suite.on_dynamodb_local() {
            json!(units)
        } else {
            json!(0)
        }
    };
    assert_eq!(
        index_capacity(&d),
        expected(2),
        "switching gave the index the table's capacity"
    );
    let d: Value = serde_json::from_str(&suite.run_ok(&[
        "update-table",
        &table,
        "--gsi-capacity",
        "ByA=1,1",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(index_capacity(&d), expected(1));
    let d: Value =
        serde_json::from_str(&suite.run_ok(&["update-table", &table, "--on-demand", "-o", "json"]))
            .unwrap();
    assert_eq!(d["billing_mode"], "PAY_PER_REQUEST");
    assert!(
        d.get("read_capacity_units").is_none(),
        "no capacity shown for on-demand: {d}"
    );
    assert!(d["global_secondary_indexes"][0]
        .get("read_capacity_units")
        .is_none());
    let d: Value = serde_json::from_str(&suite.run_ok(&[
        "update-table",
        &table,
        "--stream",
        "old",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(d["stream"]["view_type"], "OLD_IMAGE");
    let out = suite.run(&["update-table", &table, "--stream", "new"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        common::stderr(&out).contains("--stream off"),
        "{}",
        common::stderr(&out)
    );
    let d: Value = serde_json::from_str(&suite.run_ok(&[
        "update-table",
        &table,
        "--stream",
        "off",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(d["stream"]["enabled"], false);
    // An on-demand table that was provisioned: its recreation has no capacity anywhere.
    let words = round_trip(&suite, &table);
    assert!(
        !words
            .iter()
            .any(|w| w.contains("cu") || w.contains("capacity")),
        "{words:?}"
    );
}

#[test]
fn ttl_on_and_off() {
    let suite = Suite::new();
    let table = create(&suite, &["--pk", "id:S"]);
    let ttl = |args: &[&str]| -> Value {
        let mut all = vec!["ttl", table.as_str(), "-o", "json"];
        all.extend_from_slice(args);
        serde_json::from_str(&suite.run_ok(&all)).unwrap()
    };
    assert_eq!(ttl(&[])["status"], "DISABLED");
    let on = ttl(&["--attr", "expires"]);
    assert_eq!(on["attribute"], "expires");
    assert!(
        matches!(on["status"].as_str(), Some("ENABLED" | "ENABLING")),
        "{on}"
    );
    assert_eq!(
        ttl(&["--attr", "expires"])["attribute"],
        "expires",
        "the same attribute again changes nothing"
    );
    let out = suite.run(&["ttl", &table, "--attr", "other"]);
    assert_eq!(out.status.code(), Some(1));
    let err = common::stderr(&out);
    assert!(
        err.contains("one TTL change per table per hour") && err.contains("--off"),
        "{err}"
    );
    assert_eq!(describe(&suite, &table)["ttl"]["attribute"], "expires");
    let off = ttl(&["--off"]);
    assert!(
        matches!(off["status"].as_str(), Some("DISABLED" | "DISABLING")),
        "{off}"
    );
}
