//! `ddb list-tables`: ListTables, every page.

use anyhow::Result;
use serde_json::Value;

use crate::client::{all_table_names, api_error, Db, ErrorContext};
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "List the tables at the target, following every page [API: ListTables]",
    after_help = "\
Examples:
  ddb list-tables
  ddb --endpoint-url http://localhost:8000 list-tables --output text
  ddb --region eu-west-1 list-tables"
)]
pub struct Args {}

pub async fn run(_args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let ctx = ErrorContext {
        endpoint: db.endpoint.clone(),
        table: None,
        expressions: Vec::new(),
    };
    let names = all_table_names(&db.client)
        .await
        .map_err(|e| api_error(e, &ctx))?;
    let value = Value::Array(names.into_iter().map(Value::String).collect());
    crate::output::print_value(global.output.resolve(false), &value)?;
    Ok(Outcome::Done)
}
