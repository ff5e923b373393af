//! What users read: `--help` of every subcommand (golden files), completions (fresh), and the
//! embedded engine's notice. Refresh golden files with `DDB_UPDATE_GOLDEN=1 cargo test --test cli`
//! and review the diff.

use crate::common;

use std::path::Path;

use clap::CommandFactory;
use clap_complete::Shell;
use common::{stderr, Suite};
use ddb::cli::Cli;
use ddb::commands::completions;

fn updating() -> bool {
    std::env::var_os("DDB_UPDATE_GOLDEN").is_some()
}

/// Compares `actual` with the golden file, or rewrites it when updating.
fn golden(path: &Path, actual: &str) {
    if updating() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run DDB_UPDATE_GOLDEN=1 cargo test --test cli",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} is stale: run DDB_UPDATE_GOLDEN=1 cargo test --test cli and review the diff\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

fn subcommands() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .filter(|n| n != "help")
        .collect()
}

#[test]
fn every_subcommand_help_matches_its_golden_file_and_ends_with_examples() {
    let suite = Suite::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/help");
    let mut names = subcommands();
    assert!(names.len() >= 12, "{names:?}");
    names.push(String::new());
    names.extend(["bench query-vs-scan".to_string(), "bench serve".to_string()]);
    for name in names {
        let mut cmd = suite.bare();
        cmd.args(name.split_whitespace());
        let out = cmd.arg("--help").env("COLUMNS", "100").output().unwrap();
        assert!(out.status.success());
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("\nExamples:\n"), "{name} --help has examples");
        let file = if name.is_empty() {
            "ddb.txt".to_string()
        } else {
            format!("{}.txt", name.replace(' ', "-"))
        };
        golden(&root.join(file), &help);
    }
}

#[test]
fn data_commands_name_the_dynamodb_api_they_call() {
    for sub in Cli::command().get_subcommands() {
        // These call no API of their own (the shell runs the other commands).
        if ["local", "completions", "help", "shell"].contains(&sub.get_name()) {
            continue;
        }
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        assert!(about.contains("[API: "), "{}: {about}", sub.get_name());
    }
}

#[test]
fn committed_completions_are_fresh() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ] {
        let script = completions::script(shell, &mut Cli::command());
        assert!(
            script.contains("conditional-delete"),
            "{shell} completes subcommands"
        );
        golden(&dir.join(completions::file_name(shell)), &script);
    }
}

#[test]
fn completions_print_on_stdout() {
    let suite = Suite::new();
    let out = suite.bare().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        completions::script(Shell::Bash, &mut Cli::command())
    );
}

#[test]
fn with_nothing_configured_the_embedded_engine_is_used_and_said_so() {
    let suite = Suite::new();
    let out = suite.bare().args(["list-tables"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "ddb: no AWS region or endpoint is configured, so ddb uses its embedded engine"
        ),
        "{err}"
    );
    assert!(
        err.contains("xdg-data/ddb/ddb.sqlite3"),
        "the platform data directory: {err}"
    );
    assert!(err.contains("--region or AWS_REGION targets AWS"), "{err}");
    // Said once, when the data directory is first used: a script's next command is quiet.
    let again = suite.bare().args(["list-tables"]).output().unwrap();
    assert!(again.status.success());
    assert!(again.stderr.is_empty(), "{}", stderr(&again));
    let fresh = Suite::new();
    let quiet = fresh
        .bare()
        .args(["--quiet", "list-tables"])
        .output()
        .unwrap();
    assert!(quiet.status.success());
    assert!(quiet.stderr.is_empty(), "{}", stderr(&quiet));
    // Asking for the engine explicitly needs no notice either.
    let local = suite
        .bare()
        .args(["--in-memory", "list-tables"])
        .output()
        .unwrap();
    assert!(local.stderr.is_empty(), "{}", stderr(&local));
}

#[test]
fn usage_errors_exit_2_in_ddbs_error_format() {
    let suite = Suite::new();
    let out = suite.bare().args(["query", "Movies"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("ddb: error: the following required arguments were not provided"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_closed_stdout_ends_quietly_with_exit_0() {
    let suite = Suite::new();
    for args in [
        vec!["completions", "bash"],
        vec![
            "bench",
            "query-vs-scan",
            "--items",
            "20",
            "--repeat",
            "1",
            "--partitions",
            "2",
        ],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("ddb"))
            .args(suite.target_args())
            .args(&args)
            .env("HOME", suite.dir())
            .stdout(writer)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}
