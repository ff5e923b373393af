//! Table actions through the API make the tables the commands make: a table created from the
//! page is the one `create-table` makes from the same definition (`describe-table --as create`
//! of both); TTL and indexes change as `ttl` and `update-table` change them; truncate and delete
//! need the name typed again and do nothing without it; `--read-only`, `--tables` and the
//! secret hold for every action.

use serde_json::{json, Value};

use super::{send, Ui};
use crate::common::{stdout, Suite};

/// `describe-table --as create` with the table's own name taken out, to compare two tables.
fn definition(suite: &Suite, table: &str) -> String {
    stdout(&suite.run(&["describe-table", table, "--as", "create"])).replace(table, "T")
}

fn tables(suite: &Suite) -> Vec<String> {
    serde_json::from_str(&stdout(&suite.run(&["list-tables", "-o", "json"]))).unwrap()
}

/// Waits until the table and its indexes are ACTIVE (a dropped index gone), as the page's
/// details follow them.
fn settled(ui: &Ui, path: &str) {
    for _ in 0..300 {
        let (status, d) = ui.api(path);
        assert_eq!(status, 200, "{d}");
        let indexes = d["global_secondary_indexes"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if d["status"] == "ACTIVE" && indexes.iter().all(|i| i["status"] == "ACTIVE") {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{path} did not settle in 30 s");
}

#[test]
fn tables_are_created_changed_truncated_and_deleted_as_the_commands_do() {
    let suite = Suite::new();
    let table = suite.table_name("UiMade");
    let twin = suite.table_name("UiTwin");
    let ui = Ui::start(&suite, &[]);

    // Created from the page and from the command line, the same definition makes the same table.
    let form = json!({
        "name": table, "pk": "year:N", "sk": "title:S", "rcu": 5, "wcu": 4,
        "gsi": ["ByGenre:genre:S:year:N:include=rating"], "lsi": ["ByRating:rating:N:keys"],
        "ttl": "expires",
    });
    let (status, body) = send(&ui, "POST", "/api/tables", &form);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "ACTIVE", "{body}");
    suite.run_ok(&[
        "create-table",
        &twin,
        "--pk",
        "year:N",
        "--sk",
        "title:S",
        "--rcu",
        "5",
        "--wcu",
        "4",
        "--gsi",
        "ByGenre:genre:S:year:N:include=rating",
        "--lsi",
        "ByRating:rating:N:keys",
        "--ttl",
        "expires",
    ]);
    let made = definition(&suite, &table);
    assert!(made.contains("--ttl expires"), "{made}");
    assert_eq!(made, definition(&suite, &twin));
    let (status, body) = send(&ui, "POST", "/api/tables", &form);
    assert_eq!(status, 409, "{body}");

    // A bad form names the field and creates nothing.
    let bad = suite.table_name("UiBad");
    for (form, field) in [
        (json!({"name": bad, "pk": "id:X"}), "pk:"),
        (json!({"name": bad, "pk": "id:S", "rcu": 5}), "rcu, wcu:"),
        (
            json!({"name": bad, "pk": "id:S", "gsi": ["ByX:x"]}),
            "gsi ByX:x:",
        ),
        (
            json!({"name": bad, "pk": "id:S", "gsi": ["ById:id:N"]}),
            "id",
        ),
    ] {
        let (status, body) = send(&ui, "POST", "/api/tables", &form);
        assert_eq!(status, 400, "{form}: {body}");
        assert!(body["error"].as_str().unwrap().contains(field), "{body}");
    }
    assert!(!tables(&suite).contains(&bad));

    // TTL: the details show it, the page turns it off and on as `ddb ttl` does.
    let path = format!("/api/tables/{table}");
    let (status, details) = ui.api(&path);
    assert_eq!(status, 200);
    assert_eq!(details["ttl"]["attribute"], "expires", "{details}");
    let ttl = |suite: &Suite| -> Value {
        serde_json::from_str(&stdout(&suite.run(&["ttl", &table, "-o", "json"]))).unwrap()
    };
    // Saying nothing, or on without an attribute, changes nothing.
    for unclear in [
        json!({}),
        json!({"enabled": true}),
        json!({"enabled": true, "attribute": " "}),
    ] {
        let (status, body) = send(&ui, "PUT", &format!("{path}/ttl"), &unclear);
        assert_eq!(status, 400, "{unclear}: {body}");
    }
    assert_eq!(ttl(&suite)["attribute"], "expires");
    let (status, body) = send(
        &ui,
        "PUT",
        &format!("{path}/ttl"),
        &json!({"enabled": false}),
    );
    assert_eq!(status, 200, "{body}");
    assert!(!ttl(&suite)["status"].as_str().unwrap().starts_with("ENABL"));
    let on = json!({"enabled": true, "attribute": " gone_at "});
    let (status, body) = send(&ui, "PUT", &format!("{path}/ttl"), &on);
    assert_eq!(status, 200, "{body}");
    assert_eq!(ttl(&suite)["attribute"], "gone_at");

    // Indexes: added as update-table --add-gsi adds one, dropped only with its name typed.
    let (status, body) = send(
        &ui,
        "POST",
        &format!("{path}/indexes"),
        &json!({"spec": "ByTitle:title:S:keys"}),
    );
    assert_eq!(status, 200, "{body}");
    suite.run_ok(&["update-table", &twin, "--add-gsi", "ByTitle:title:S:keys"]);
    let gsis = |t: &str| -> Vec<String> {
        let d: Value =
            serde_json::from_str(&stdout(&suite.run(&["describe-table", t, "-o", "json"])))
                .unwrap();
        let mut names: Vec<String> = d["global_secondary_indexes"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|i| i["name"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    };
    assert_eq!(gsis(&table), ["ByGenre", "ByTitle"]);
    // The same index (key, projection) as update-table's; TTL differs on purpose by now.
    let without_ttl = |t: &str| {
        let words: Vec<String> = definition(&suite, t)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let ttl = words.iter().position(|w| w == "--ttl");
        words
            .iter()
            .enumerate()
            .filter(|(i, _)| ttl.is_none_or(|t| *i != t && *i != t + 1))
            .map(|(_, w)| w.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(without_ttl(&table), without_ttl(&twin));
    assert!(without_ttl(&table)
        .iter()
        .any(|w| w.contains("ByTitle:title:S")));
    // DynamoDB refuses to drop an index while it is being created (DynamoDB Local keeps a new
    // one CREATING for a moment): wait until the details say ACTIVE.
    settled(&ui, &path);
    let (status, body) = send(
        &ui,
        "POST",
        &format!("{path}/indexes"),
        &json!({"spec": "ByTitle:title:S"}),
    );
    assert_eq!(status, 400, "an index of that name exists: {body}");
    let drop = format!("{path}/indexes/ByTitle");
    let (status, _) = send(&ui, "DELETE", &drop, &json!({"confirm": "ByGenre"}));
    assert_eq!(status, 400);
    assert_eq!(gsis(&table), ["ByGenre", "ByTitle"]);
    let (status, body) = send(&ui, "DELETE", &drop, &json!({"confirm": "ByTitle"}));
    assert_eq!(status, 200, "{body}");
    settled(&ui, &path);
    assert_eq!(gsis(&table), ["ByGenre"]);
    let (status, _) = send(
        &ui,
        "DELETE",
        &format!("{path}/indexes/Nope"),
        &json!({"confirm": "Nope"}),
    );
    assert_eq!(status, 404);

    // Truncate: nothing without the name; with it, every item goes and the table stays.
    let file = suite.dir().join("movies.ndjson");
    let lines: String = (0..60)
        .map(|i| format!("{{\"year\": {}, \"title\": \"t{i}\"}}\n", 1990 + i % 7))
        .collect();
    std::fs::write(&file, lines).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);
    let truncate = format!("{path}/truncate");
    for wrong in [json!({}), json!({"confirm": twin})] {
        let (status, body) = send(&ui, "POST", &truncate, &wrong);
        assert_eq!(status, 400, "{body}");
        assert!(body["error"].as_str().unwrap().contains(&table), "{body}");
    }
    assert_eq!(suite.count(&table), 60);
    let (status, body) = send(&ui, "POST", &truncate, &json!({"confirm": table}));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["deleted"], 60);
    assert_eq!(suite.count(&table), 0);
    assert!(
        definition(&suite, &table).contains("ByGenre"),
        "the table stays as it was"
    );

    // Delete: nothing without the name; with it, the table is gone.
    for wrong in [json!({}), json!({"confirm": "x"})] {
        let (status, _) = send(&ui, "DELETE", &path, &wrong);
        assert_eq!(status, 400);
    }
    assert!(tables(&suite).contains(&table));
    let (status, body) = send(&ui, "DELETE", &path, &json!({"confirm": table}));
    assert_eq!(status, 200, "{body}");
    assert!(!tables(&suite).contains(&table));
    let (status, _) = send(&ui, "DELETE", &path, &json!({"confirm": table}));
    assert_eq!(status, 404);
}

#[test]
fn read_only_tables_and_the_secret_hold_for_table_actions() {
    let suite = Suite::new();
    let shown = suite.table_name("UiShown");
    let other = suite.table_name("UiOther");
    suite.run_ok(&["create-table", &shown, "--pk", "id:S"]);
    suite.run_ok(&["create-table", &other, "--pk", "id:S"]);
    suite.run_ok(&["put", &shown, r#"{"id": "a"}"#]);

    suite.run_ok(&["update-table", &shown, "--add-gsi", "ByG:g:S"]);
    suite.run_ok(&["update-table", &other, "--add-gsi", "ByG:g:S"]);
    let definitions =
        || [&shown, &other].map(|t| stdout(&suite.run(&["describe-table", t, "--as", "create"])));
    let before = definitions();
    let fresh = suite.table_name("UiFresh");
    // Every table action on a table; the create names the fresh one.
    let actions = |table: &str| {
        [
            (
                "POST",
                "/api/tables".to_string(),
                json!({"name": fresh, "pk": "id:S"}),
            ),
            (
                "POST",
                format!("/api/tables/{table}/truncate"),
                json!({"confirm": table}),
            ),
            (
                "DELETE",
                format!("/api/tables/{table}"),
                json!({"confirm": table}),
            ),
            (
                "PUT",
                format!("/api/tables/{table}/ttl"),
                json!({"enabled": true, "attribute": "x"}),
            ),
            (
                "POST",
                format!("/api/tables/{table}/indexes"),
                json!({"spec": "G:g:S"}),
            ),
            (
                "DELETE",
                format!("/api/tables/{table}/indexes/ByG"),
                json!({"confirm": "ByG"}),
            ),
        ]
    };
    let read_only = Ui::start(&suite, &["--read-only"]);
    for (method, path, body) in actions(&shown) {
        let (status, body) = send(&read_only, method, &path, &body);
        assert_eq!(status, 403, "{method} {path}: {body}");
    }
    drop(read_only);

    // --tables: the other table is not there for any action, and a table outside the list is
    // not created.
    let limited = Ui::start(&suite, &["--tables", &shown]);
    for (method, path, body) in actions(&other) {
        let (status, body) = send(&limited, method, &path, &body);
        let expected = if path == "/api/tables" { 403 } else { 404 };
        assert_eq!(status, expected, "{method} {path}: {body}");
    }
    // Without the secret nothing happens, whatever the body says.
    let mut no_secret = Ui {
        secret: String::new(),
        ..limited
    };
    let (status, _) = send(
        &no_secret,
        "POST",
        &format!("/api/tables/{shown}/truncate"),
        &json!({"confirm": shown}),
    );
    assert_eq!(status, 401);
    no_secret.secret = "0".repeat(32);
    let (status, _) = send(
        &no_secret,
        "DELETE",
        &format!("/api/tables/{shown}"),
        &json!({"confirm": shown}),
    );
    assert_eq!(status, 401);
    let names = tables(&suite);
    assert!(names.contains(&shown) && names.contains(&other) && !names.contains(&fresh));
    assert_eq!(suite.count(&shown), 1);
    assert_eq!(definitions(), before, "no index, TTL or table changed");
}
