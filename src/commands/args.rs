//! Argument groups several subcommands share: the global options (and the target they choose),
//! a table and key, expression placeholders, and what `query` and `scan` have in common.

use std::path::PathBuf;

use clap::Args;

use crate::output::OutputFormat;
use crate::target::TargetOptions;

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
    /// Columns of csv and tsv output, document paths allowed (default: the key attributes, then
    /// the other top-level attributes of the first 1,000 items, sorted)
    #[arg(
        long,
        global = true,
        value_delimiter = ',',
        value_name = "A,B,info.rating"
    )]
    pub columns: Vec<String>,
    /// Print nothing on stderr but errors
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Draw no progress bars
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Report the capacity units each request consumed
    #[arg(long, global = true)]
    pub consumed_capacity: bool,
    /// Print the request the command would send (operation and body in DynamoDB's JSON wire
    /// format, one line) and send nothing; DescribeTable is still read where a key schema is needed
    #[arg(long, global = true)]
    pub explain: bool,
}

impl GlobalArgs {
    /// Whether progress may be drawn: stderr is a terminal and neither --quiet nor --no-progress.
    pub fn shows_progress(&self) -> bool {
        use std::io::IsTerminal;
        !self.quiet && !self.no_progress && std::io::stderr().is_terminal()
    }

    /// Takes the options that choose where requests go from `other`, keeping the rest.
    pub fn set_target_from(&mut self, other: &GlobalArgs) {
        self.endpoint_url.clone_from(&other.endpoint_url);
        self.region.clone_from(&other.region);
        self.profile.clone_from(&other.profile);
        self.local = other.local;
        self.data_dir.clone_from(&other.data_dir);
        self.in_memory = other.in_memory;
    }

    /// The options that choose where requests go.
    pub fn target(&self) -> TargetOptions {
        TargetOptions {
            endpoint_url: self.endpoint_url.clone(),
            region: self.region.clone(),
            profile: self.profile.clone(),
            local: self.local,
            data_dir: self.data_dir.clone(),
            in_memory: self.in_memory,
        }
    }
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

/// A second target (copy's destination): the global target options' names prefixed `--to-`.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Destination (default: the source's target)")]
pub struct ToTargetArgs {
    /// Write to this DynamoDB-compatible endpoint
    #[arg(long, value_name = "URL")]
    pub to_endpoint_url: Option<String>,
    /// Write to AWS DynamoDB in this region
    #[arg(long, value_name = "REGION")]
    pub to_region: Option<String>,
    /// Write with this named profile
    #[arg(long, value_name = "PROFILE")]
    pub to_profile: Option<String>,
    /// Write to the embedded engine
    #[arg(long)]
    pub to_local: bool,
    /// The embedded engine's data directory for --to-local
    #[arg(long, value_name = "DIR", requires = "to_local")]
    pub to_data_dir: Option<PathBuf>,
}

impl ToTargetArgs {
    /// The destination's target options, None when no `--to-` option is given (the source's).
    pub fn target(&self) -> Option<TargetOptions> {
        let given = self.to_endpoint_url.is_some()
            || self.to_region.is_some()
            || self.to_profile.is_some()
            || self.to_local;
        given.then(|| TargetOptions {
            endpoint_url: self.to_endpoint_url.clone(),
            region: self.to_region.clone(),
            profile: self.to_profile.clone(),
            local: self.to_local,
            data_dir: self.to_data_dir.clone(),
            in_memory: false,
        })
    }
}
