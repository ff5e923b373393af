//! The page in a real browser: headless Chromium renders it (read only: the change controls
//! hidden), and a DevTools-protocol driver (tests/ui/browser.mjs) pages, queries, scans, edits
//! against another client and deletes, then creates a table from the form, changes its TTL and
//! indexes in the details, and truncates and deletes it with its name typed.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::{Ui, BIG};
use crate::common::{stderr, Suite};

/// The browser the page is tested in: Debian's `chromium`. Without one the test says so and
/// passes, except under CI (`CI` set), where .ci/run installs it and its absence is a failure.
fn chromium() -> Option<String> {
    let found = ["chromium", "chromium-browser"].into_iter().find(|name| {
        std::process::Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but no chromium is installed"
        );
        eprintln!("skipped: no chromium on this machine (apt-get install chromium)");
    }
    found.map(str::to_string)
}

/// The DOM after the page's script ran, in headless Chromium.
fn rendered(browser: &str, profile: &std::path::Path, url: &str) -> String {
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", url])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_page_renders_tables_and_a_page_of_items_in_a_real_browser() {
    let Some(browser) = chromium() else { return };
    let suite = Suite::new();
    let table = suite.table_name("UiPage");
    let small = suite.table_name("UiBig");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    suite.run_ok(&["create-table", &small, "--pk", "id:S"]);
    let file = suite.dir().join("items.ndjson");
    let lines: String = (0..150)
        .map(|i| format!("{{\"id\": \"k{i:03}\", \"n\": {i}}}\n"))
        .collect();
    std::fs::write(&file, lines).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);
    suite.run_ok(&["put", &small, &format!("{{\"id\": \"big\", \"n\": {BIG}}}")]);
    let ui = Ui::start(
        &suite,
        &["--tables", &format!("{table},{small}"), "--read-only"],
    );
    let url = format!("http://127.0.0.1:{}/#secret={}", ui.port, ui.secret);

    let tables = rendered(&browser, &suite.dir().join("chromium"), &url);
    assert!(tables.contains(&format!(">{table}</a>")), "{tables}");
    assert!(tables.contains("id (S)"), "the key schema is shown");
    // Read only: the controls that would change something carry the hidden attribute.
    for id in [
        "new-table",
        "new-item",
        "delete-selected",
        "save",
        "delete-item",
        "ttl-form",
        "gsi-form",
        "gsi-drop-form",
        "danger",
    ] {
        let tag = tables
            .split(&format!("id=\"{id}\""))
            .nth(1)
            .and_then(|rest| rest.split('>').next())
            .unwrap_or_else(|| panic!("no #{id}"));
        assert!(tag.contains("hidden"), "#{id} is shown read-only: {tag}");
    }

    let items = rendered(
        &browser,
        &suite.dir().join("chromium"),
        &format!("{url}&table={table}"),
    );
    let body = items
        .split("id=\"items\"")
        .nth(1)
        .and_then(|t| t.split("<tbody>").nth(1))
        .expect("the items table");
    let rows = body
        .split("</tbody>")
        .next()
        .unwrap()
        .matches("<tr>")
        .count();
    assert_eq!(rows, 100, "one page of 100 items");
    assert!(items.contains("page 1, 100 items"), "{items}");
    assert!(
        items.contains("Scan: read 100 items to return 100"),
        "the cost line: {items}"
    );
    // A 38-digit number is shown as stored, not as a rounded float.
    let big = rendered(
        &browser,
        &suite.dir().join("chromium"),
        &format!("{url}&table={small}"),
    );
    assert!(big.contains(&format!(">{BIG}</td>")), "{big}");
}

/// Node, for the DevTools-protocol driver (tests/ui/browser.mjs); like chromium, required under CI.
fn node() -> bool {
    let found = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but node is missing"
        );
        eprintln!("skipped: no node on this machine");
    }
    found
}

#[test]
fn a_person_pages_queries_edits_and_deletes_in_a_real_browser() {
    let Some(browser) = chromium() else { return };
    if !node() {
        return;
    }
    let suite = Suite::new();
    let table = suite.table_name("UiClick");
    let fresh = suite.table_name("UiFresh");
    suite.run_ok(&["create-table", &table, "--pk", "id:S"]);
    let file = suite.dir().join("items.ndjson");
    let lines: String = (0..250)
        .map(|i| format!("{{\"id\": \"k{i:03}\", \"n\": {i}}}\n"))
        .collect();
    std::fs::write(&file, lines).unwrap();
    suite.run_ok(&["put", &table, "--file", file.to_str().unwrap()]);
    let ui = Ui::start(&suite, &["--tables", &format!("{table},{fresh}")]);
    let url = format!("http://127.0.0.1:{}/#secret={}", ui.port, ui.secret);
    let mut ddb = vec![assert_cmd::cargo::cargo_bin("ddb").display().to_string()];
    ddb.extend(suite.target_args());
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/browser.mjs");
    let mut command = std::process::Command::new("node");
    suite.clean_env(&mut command);
    let mut child = command
        .arg("--experimental-websocket")
        .arg(&script)
        .arg(&browser)
        .arg(suite.dir().join("cdp-profile"))
        .arg(&url)
        .arg(&table)
        .arg(serde_json::to_string(&ddb).unwrap())
        .args([&fresh, BIG])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The driver bounds itself (180 s); this bounds the driver.
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(200) {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let seen: Value = serde_json::from_str(text.trim())
        .unwrap_or_else(|_| panic!("the driver printed: {text}\n{}", stderr(&out)));
    assert!(seen.get("error").is_none(), "{seen}");
    eprintln!(
        "browser timings (debug build, not asserted): {}",
        seen["timing"]
    );
    assert_eq!(seen["timing"]["rows"], 100);
    assert_eq!(seen["hidden_display"], "none");

    // Next, Next: 100 + 100 + 50, every item once.
    let pages: Vec<Vec<String>> = serde_json::from_value(seen["pages"].clone()).unwrap();
    assert_eq!(
        pages.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![100, 100, 50]
    );
    let all: BTreeSet<&String> = pages.iter().flatten().collect();
    assert_eq!(all.len(), 250, "nothing repeated or skipped");
    // The Query reads one item for one item; the Scan reads a page's worth.
    assert_eq!(seen["query"]["ids"], json!(["k007"]));
    assert!(
        seen["query"]["cost"]
            .as_str()
            .unwrap()
            .starts_with("Query: read 1 items to return 1"),
        "{seen}"
    );
    assert!(
        seen["scan"]
            .as_str()
            .unwrap()
            .starts_with("Scan: read 100 items to return 100"),
        "{seen}"
    );
    // The conflict was shown with the other client's change, which stands.
    let id = seen["conflict"]["id"].as_str().unwrap();
    assert!(
        seen["conflict"]["message"]
            .as_str()
            .unwrap()
            .contains("changed since it was loaded"),
        "{seen}"
    );
    assert!(seen["conflict"]["now"].as_str().unwrap().contains("other"));
    let item = crate::common::ndjson(&suite.run_ok(&["get", &table, id, "-o", "ndjson"]));
    assert_eq!(item[0]["by"], "other");
    assert_ne!(item[0]["n"], 999, "the page's edit was not written");
    // The deleted item is gone.
    let deleted = seen["deleted"].as_str().unwrap();
    assert_eq!(suite.run(&["get", &table, deleted]).status.code(), Some(4));

    // Previous goes back to the same items.
    assert_eq!(seen["previous"], json!(pages[1]));

    // The table made from the form, with an item typed as plain JSON: the number exact.
    assert!(
        seen["listed"].as_array().unwrap().contains(&json!(fresh)),
        "{seen}"
    );
    assert_eq!(seen["cells"], json!([["2001", "Big", BIG]]), "{seen}");
    // Details: TTL and the index the form asked for; TTL off; an index added, then dropped.
    let summary = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        summary(&seen["details"]["summary"]).contains(&"TTL: ENABLED (expires)".to_string()),
        "{seen}"
    );
    assert!(
        summary(&seen["details"]["summary"]).contains(&"Key: year (N), title (S)".to_string()),
        "{seen}"
    );
    assert_eq!(seen["details"]["indexes"], json!(["ByGenre"]));
    assert!(
        !summary(&seen["ttl_off"]["summary"])
            .iter()
            .any(|l| l.starts_with("TTL: ENABL")),
        "{seen}"
    );
    assert_eq!(seen["added"], json!(["ByGenre", "ByTitle"]));
    assert_eq!(seen["dropped"], json!(["ByGenre"]));
    // Truncate and delete waited for the name; then the table went, items first.
    assert_eq!(seen["disabled_before"], true);
    assert_eq!(seen["disabled_misspelt"], true);
    assert!(
        seen["truncated"]["message"]
            .as_str()
            .unwrap()
            .starts_with("1 items deleted"),
        "{seen}"
    );
    assert_eq!(seen["truncated"]["rows"], 0);
    assert!(
        !seen["after_delete"]
            .as_array()
            .unwrap()
            .contains(&json!(fresh)),
        "{seen}"
    );
    let listed: Vec<String> =
        serde_json::from_str(&suite.run_ok(&["list-tables", "-o", "json"])).unwrap();
    assert!(!listed.contains(&fresh));
}
