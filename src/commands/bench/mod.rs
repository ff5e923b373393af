//! `ddb bench query-vs-scan` and `ddb bench serve`: the measurements of [`crate::bench`], with
//! their command lines, progress, tables, JSON and plots.
//! One file per bench: `query_vs_scan.rs` and `serve.rs`.

mod query_vs_scan;
mod serve;

use anyhow::Result;
use indicatif::{ProgressBar, ProgressStyle};

use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;

pub use self::query_vs_scan::QueryVsScanArgs;
pub use self::serve::ServeArgs;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Measure Query against Scan as tables grow, or load-test serve's models [API: Query, Scan, BatchWriteItem]",
    after_help = "\
Examples:
  ddb bench query-vs-scan                                   # 1,000 / 10,000 / 100,000 items, embedded engine
  ddb bench query-vs-scan --items 100,1000,10000 --plot qvs.svg --json > qvs.json
  ddb --endpoint-url http://localhost:8000 bench query-vs-scan --repeat 5
  ddb bench serve --workload caps --clients 1,10,100,1000
  ddb bench serve --workload ndjson --pipeline 16 --models async --clients 1,16
  ddb bench serve --connect 127.0.0.1:12000 --workload caps  # any running server, e.g. the lecture's"
)]
pub struct Args {
    #[command(subcommand)]
    pub bench: Bench,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum Bench {
    /// Query one partition against Scan + filter for the same items, as the table grows
    #[command(
        about = "Query one partition against Scan + filter for the same items, as the table grows [API: BatchWriteItem, Query, Scan]",
        after_help = "\
Examples:
  ddb bench query-vs-scan                                   # 1,000 / 10,000 / 100,000 items, 100 partitions
  ddb bench query-vs-scan --items 1000,10000 --repeat 5 --plot qvs.svg --json > qvs.json
  ddb --endpoint-url http://127.0.0.1:8000 bench query-vs-scan --table Movies --keep

Seeds a scratch table (dropped afterwards unless --keep), prints the seed, and checks that the
Query and the Scan returned the same items."
    )]
    QueryVsScan(QueryVsScanArgs),
    /// Many clients against serve's models (or a running server) for a fixed time
    #[command(
        about = "Many clients against serve's models (or a running server) for a fixed time [API: GetItem, PutItem through ddb serve]",
        after_help = "\
Examples:
  ddb bench serve --workload caps --clients 1,10,100,1000   # each model in-process on a loopback port
  ddb bench serve --workload ndjson --pipeline 16 --models async --clients 16
  ddb bench serve --workload ndjson --get-put --direct --clients 1,16
  ddb bench serve --connect 127.0.0.1:12000 --server-pid 4242   # any running server, e.g. the lecture's

Reports requests/s, p50/p99/max latency, errors by kind, clients that completed nothing, SYNs the
kernel dropped (Linux), and the server's memory and threads."
    )]
    Serve(ServeArgs),
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    match &args.bench {
        Bench::QueryVsScan(a) => query_vs_scan::run(a, global, db).await,
        Bench::Serve(a) => serve::run(a, global, db).await,
    }
}

pub(super) fn bar(global: &GlobalArgs, len: u64, what: &str) -> ProgressBar {
    if !global.shows_progress() {
        return ProgressBar::hidden();
    }
    ProgressBar::new(len)
        .with_style(
            ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} {per_sec} ETA {eta}")
                .expect("valid template"),
        )
        .with_message(what.to_string())
}
