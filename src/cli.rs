//! The command line, as clap derives it.
//!
//! Conventions: global options are declared once here with `global = true`; each subcommand's
//! `Args` lives in its own file under `commands/` next to its `run`, with `about` naming the
//! DynamoDB API it calls and `after_help` ending in examples. Argument groups shared by several
//! subcommands (keys, expressions, reads) are defined here once. Closed sets are `ValueEnum`s.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::commands::{
    bench, completions, conditional_delete, create_table, delete, delete_table, describe_table,
    get, list_tables, local, put, query, scan, serve,
};
use crate::output::OutputFormat;

const EXAMPLES: &str = "\
Examples:
  ddb create-table Movies --pk year:N --sk title:S --rcu 10 --wcu 10
  ddb put Movies '{\"year\": 2015, \"title\": \"The Big New Movie\", \"info\": {\"rating\": 0}}'
  ddb get Movies 2015 'The Big New Movie'
  ddb query Movies --pk 1992 --sk-between A L
  ddb scan Movies --filter '#yr BETWEEN :lo AND :hi' --names '#yr=year' --values ':lo=1950' --values ':hi=1959'
  ddb --endpoint-url http://localhost:8000 list-tables

Targets: --endpoint-url, then --local, then a configured region (AWS); with none of them
ddb uses its embedded engine. Exit codes: 0 ok, 1 error, 2 usage, 3 condition not met, 4 no such item, 130 interrupted.";

/// ddb: administer DynamoDB tables from the terminal.
#[derive(Debug, Parser)]
#[command(
    name = "ddb",
    version,
    about = "Administer Amazon DynamoDB tables: AWS, DynamoDB Local, or the embedded engine",
    after_help = EXAMPLES,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Send requests to this DynamoDB-compatible endpoint (e.g. DynamoDB Local)
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's)
    #[arg(long, global = true)]
    pub region: Option<String>,
    /// Named profile from the AWS shared config and credentials files
    #[arg(long, global = true)]
    pub profile: Option<String>,
    /// Use the embedded engine
    #[arg(long, global = true, env = "DDB_LOCAL", hide_env_values = true, value_parser = clap::builder::BoolishValueParser::new())]
    pub local: bool,
    /// The embedded engine's data directory [default: the platform data directory]/ddb
    #[arg(
        long,
        global = true,
        env = "DDB_DATA_DIR",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub data_dir: Option<PathBuf>,
    /// Use the embedded engine with nothing kept on disk
    #[arg(long, global = true)]
    pub in_memory: bool,
    /// Output format
    #[arg(long, short = 'o', global = true, value_enum, default_value_t = OutputFormat::Auto)]
    pub output: OutputFormat,
    /// Print nothing on stderr but errors
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Draw no progress bars
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Report the capacity units each request consumed
    #[arg(long, global = true)]
    pub consumed_capacity: bool,
}

impl GlobalArgs {
    /// The options that choose where requests go.
    pub fn target(&self) -> crate::target::TargetOptions {
        crate::target::TargetOptions {
            endpoint_url: self.endpoint_url.clone(),
            region: self.region.clone(),
            profile: self.profile.clone(),
            local: self.local,
            data_dir: self.data_dir.clone(),
            in_memory: self.in_memory,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    CreateTable(create_table::Args),
    DescribeTable(describe_table::Args),
    ListTables(list_tables::Args),
    DeleteTable(delete_table::Args),
    Put(put::Args),
    Get(get::Args),
    Delete(delete::Args),
    ConditionalDelete(conditional_delete::Args),
    Query(query::Args),
    Scan(scan::Args),
    Serve(serve::Args),
    Bench(bench::Args),
    Local(local::Args),
    Completions(completions::Args),
}

/// A table and an item's key: one JSON object, or the key values typed from the table's schema.
#[derive(Debug, Clone, Args)]
pub struct KeyArgs {
    /// Table name
    pub table: String,
    /// The key: a JSON object ('{"year": 2015, "title": "X"}'), or the partition key value and
    /// then the sort key value, typed from the table's key schema
    #[arg(required = true, num_args = 1..=2, value_name = "KEY")]
    pub key: Vec<String>,
}

/// `--names` and `--values` for expressions.
#[derive(Debug, Clone, Default, Args)]
pub struct ExprArgs {
    /// Expression attribute name: '#yr=year', or a JSON object '{"#yr": "year"}' (repeatable)
    #[arg(long = "names", value_name = "#NAME=ATTR")]
    pub names: Vec<String>,
    /// Expression attribute value: ':v=10', ':t=Drama', or a JSON object (repeatable)
    #[arg(long = "values", value_name = ":NAME=VALUE")]
    pub values: Vec<String>,
}

/// What `query` and `scan` share: filter, projection, paging.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Table name
    pub table: String,
    /// Filter expression, applied after items are read (they still cost capacity)
    #[arg(long, value_name = "EXPR")]
    pub filter: Option<String>,
    /// Projection expression: the attributes to return
    #[arg(long, value_name = "EXPR")]
    pub projection: Option<String>,
    #[command(flatten)]
    pub expr: ExprArgs,
    /// Read a global or local secondary index
    #[arg(long)]
    pub index: Option<String>,
    /// Strongly consistent reads
    #[arg(long)]
    pub consistent: bool,
    /// Return only the count of matching items
    #[arg(long, value_enum)]
    pub select: Option<Select>,
    /// Items read per request (DynamoDB's Limit, counted before the filter)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1..))]
    pub page_size: Option<i32>,
    /// Stop after N items and print how to resume
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_items: Option<u64>,
    /// Start after this key (the resume key ddb printed)
    #[arg(long, value_name = "JSON")]
    pub start_key: Option<String>,
    /// Read and write DynamoDB JSON ({"S": "x"}) instead of plain JSON
    #[arg(long)]
    pub typed: bool,
}

/// `--select` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Select {
    /// Only the number of matching items
    Count,
}
