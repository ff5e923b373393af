//! What every integration test shares: running the real `ddb` binary against the suite's target.
//!
//! The target is the embedded engine (a fresh data directory per test) unless
//! `DDB_TEST_ENDPOINT` names a DynamoDB-compatible endpoint, such as the real DynamoDB Local that
//! `.ci/run` starts. Tests make their own uniquely named tables, so they run in parallel.

#![allow(dead_code)] // Each test binary uses its own part of this module.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicU32, Ordering};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

pub struct Suite {
    dir: TempDir,
    endpoint: Option<String>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl Suite {
    pub fn new() -> Suite {
        Suite {
            dir: tempfile::tempdir().expect("temporary directory"),
            endpoint: std::env::var("DDB_TEST_ENDPOINT")
                .ok()
                .filter(|e| !e.is_empty()),
        }
    }

    /// Whether the target is the real DynamoDB Local (where some answers differ; tests name them).
    pub fn on_dynamodb_local(&self) -> bool {
        self.endpoint.is_some()
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The global options that select the suite's target.
    pub fn target_args(&self) -> Vec<String> {
        match &self.endpoint {
            Some(url) => vec!["--endpoint-url".into(), url.clone()],
            None => vec![
                "--local".into(),
                "--data-dir".into(),
                self.data_dir().display().to_string(),
            ],
        }
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `ddb` with the target selected and an environment that knows nothing of AWS.
    pub fn ddb(&self) -> Command {
        let mut cmd = self.bare();
        cmd.args(self.target_args());
        cmd
    }

    /// `ddb` with no target options, in a clean environment.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::cargo_bin("ddb").expect("the ddb binary");
        for var in [
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_PROFILE",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_DYNAMODB",
            "DDB_LOCAL",
            "DDB_DATA_DIR",
        ] {
            cmd.env_remove(var);
        }
        // No shared AWS config from the machine running the tests.
        cmd.env("AWS_CONFIG_FILE", self.dir.path().join("no-aws-config"));
        cmd.env(
            "AWS_SHARED_CREDENTIALS_FILE",
            self.dir.path().join("no-aws-credentials"),
        );
        cmd.env("HOME", self.dir.path());
        cmd.env("XDG_DATA_HOME", self.dir.path().join("xdg-data"));
        cmd.timeout(std::time::Duration::from_secs(120));
        cmd
    }

    /// A table name no other test uses.
    pub fn table_name(&self, prefix: &str) -> String {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        format!("{prefix}-{}-{n}-{nanos}", std::process::id())
    }

    /// Creates a Movies-shaped table (year N, title S) and returns its name.
    pub fn movies_table(&self) -> String {
        let name = self.table_name("Movies");
        self.run_ok(&[
            "create-table",
            &name,
            "--pk",
            "year:N",
            "--sk",
            "title:S",
            "--rcu",
            "10",
            "--wcu",
            "10",
        ]);
        name
    }

    /// Creates a table from the Movies fixture.
    pub fn loaded_movies_table(&self) -> String {
        let name = self.movies_table();
        self.run_ok(&[
            "put",
            &name,
            "--file",
            &fixture("movies.ndjson"),
            "--rejects",
            &self.dir().join("rejects").display().to_string(),
        ]);
        name
    }

    /// Runs ddb with `args` and asserts it succeeded; returns stdout.
    pub fn run_ok(&self, args: &[&str]) -> String {
        let out = self.ddb().args(args).output().expect("ddb runs");
        assert!(
            out.status.success(),
            "ddb {args:?} failed with {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 stdout")
    }

    /// Runs ddb with `args`, whatever the outcome.
    pub fn run(&self, args: &[&str]) -> Output {
        self.ddb().args(args).output().expect("ddb runs")
    }

    /// The table's items as JSON values, in scan order.
    pub fn items(&self, table: &str) -> Vec<Value> {
        ndjson(&self.run_ok(&["scan", table, "--output", "ndjson"]))
    }

    pub fn count(&self, table: &str) -> u64 {
        let out = self.run_ok(&[
            "scan",
            table,
            "--select",
            "count",
            "--output",
            "json",
            "--consistent",
        ]);
        serde_json::from_str::<Value>(&out).unwrap()["count"]
            .as_u64()
            .unwrap()
    }
}

pub fn ndjson(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad ndjson line {l:?}: {e}")))
        .collect()
}

pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
        .display()
        .to_string()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}
