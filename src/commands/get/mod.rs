//! `ddb get`: GetItem by key; with `--keys-file`, many items with BatchGetItem (see [`batch`]).

mod batch;

use anyhow::Result;
use aws_sdk_dynamodb::types::ReturnConsumedCapacity;

use super::key::{with_key, Attempt};
use super::report_capacity;
use crate::client::{api_error, Db};
use crate::commands::args::{ExprArgs, GlobalArgs, KeyArgs};
use crate::error::Outcome;
use crate::expr::{self, Placeholders};
use crate::item::{self, Item};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Read one item by its key, or many from a file of keys [API: GetItem, BatchGetItem]",
    after_help = "\
Examples:
  ddb get Movies 2015 'The Big New Movie'
  ddb get Movies '{\"year\": 2015, \"title\": \"The Big New Movie\"}' --projection 'title, info.rating'
  ddb get Movies 1992 Alien --projection '#yr, title' --names '#yr=year' --consistent
  ddb get Movies --keys-file keys.ndjson > items.ndjson     # one key per line, items in that order
  ddb scan Movies --projection '#y, title' --names '#y=year' -o ndjson | ddb get Movies --keys-file -

Exit code 4, with nothing on stdout, when there is no such item. With --keys-file every key not
found is named on stderr (by line) and the exit code is 4 if any was missing."
)]
pub struct Args {
    /// Table name
    pub table: String,
    /// The key: a JSON object ('{"year": 2015, "title": "X"}'), or the partition key value and
    /// then the sort key value, typed from the table's key schema
    #[arg(
        num_args = 1..=2,
        value_name = "KEY",
        required_unless_present = "keys_file",
        conflicts_with = "keys_file"
    )]
    pub key: Vec<String>,
    /// Read many items: one key per line (NDJSON, plain or --typed), or - for standard input
    #[arg(long, value_name = "FILE")]
    pub keys_file: Option<String>,
    /// The attributes to return
    #[arg(long, value_name = "EXPR")]
    pub projection: Option<String>,
    #[command(flatten)]
    pub expr: ExprArgs,
    /// Strongly consistent read
    #[arg(long)]
    pub consistent: bool,
    /// Print DynamoDB JSON ({"S": "x"})
    #[arg(long)]
    pub typed: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    if let Some(path) = &args.keys_file {
        return batch::run(args, global, db, path).await;
    }
    let key = KeyArgs {
        table: args.table.clone(),
        key: args.key.clone(),
    };
    with_key(&key, db, async |key| get(args, global, db, key).await).await
}

async fn get(
    args: &Args,
    global: &GlobalArgs,
    db: &Db,
    (key, key_names): (Item, Vec<String>),
) -> Result<Outcome, Attempt> {
    let table = &args.table;
    let placeholders = Placeholders::parse(&args.expr.names, &args.expr.values, args.typed)?;
    let ctx = db
        .at(table)
        .expression("--projection", args.projection.as_deref());
    expr::check_placeholders(&ctx.expressions, &placeholders)?;
    let out = db
        .client
        .get_item()
        .table_name(table)
        .set_key(Some(key.clone()))
        .set_projection_expression(args.projection.clone())
        .set_expression_attribute_names(placeholders.names_or_none())
        .consistent_read(args.consistent)
        .return_consumed_capacity(ReturnConsumedCapacity::Total)
        .send()
        .await
        .map_err(|e| Attempt::refused(api_error(e, &ctx).context(format!("get from {table}"))))?;
    report_capacity(global, table, out.consumed_capacity());
    match out.item() {
        Some(found) => {
            crate::output::print_value(
                global.output.resolve(false),
                &item::item_to_json(found, &key_names, args.typed),
            )?;
            Ok(Outcome::Done)
        }
        None => {
            if !global.quiet {
                eprintln!(
                    "ddb: no item in {table} has the key {}",
                    item::key_to_json(&key, &key_names)
                );
            }
            Ok(Outcome::NotFound)
        }
    }
}
