//! `ddb sql`: one PartiQL statement with ExecuteStatement, following NextToken to the end (the
//! paging every SDK user has to remember), items streamed as `query` and `scan` print them.

use std::io::Write;

use anyhow::Result;
use aws_sdk_dynamodb::operation::execute_statement::ExecuteStatementError;
use aws_sdk_dynamodb::types::ReturnConsumedCapacity;

use super::report_capacity;
use crate::client::{api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::error::{Outcome, UsageError};
use crate::expr;
use crate::output::ItemWriter;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Run a PartiQL statement, every page [API: ExecuteStatement]",
    after_help = "\
Examples:
  ddb sql 'SELECT * FROM Movies WHERE \"year\" = 1992'
  ddb sql 'SELECT title FROM Movies WHERE \"year\" = ? AND title BETWEEN ? AND ?' --param 1992 --param A --param L
  ddb sql 'INSERT INTO Movies VALUE {'\\''year'\\'': 2030, '\\''title'\\'': '\\''Next'\\''}'
  ddb sql 'UPDATE Movies SET info.rating = 5 WHERE \"year\" = 2015 AND title = ?' --param 'The Big New Movie'

A SELECT returns every page (DynamoDB hands back one page and a NextToken; ddb follows it).
A write that fails its condition exits 3. Parameters are JSON when they parse as JSON, else
strings; --typed reads them as DynamoDB JSON."
)]
pub struct Args {
    /// The PartiQL statement
    pub statement: String,
    /// A value for the next `?` (repeatable, in order)
    #[arg(long = "param", value_name = "VALUE", allow_hyphen_values = true)]
    pub params: Vec<String>,
    /// Read --param values as DynamoDB JSON, and print items so
    #[arg(long)]
    pub typed: bool,
    /// Stop after this many items; stderr says how to go on (--next-token)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1..))]
    pub max_items: Option<i32>,
    /// Go on from where an earlier run stopped
    #[arg(long, value_name = "TOKEN")]
    pub next_token: Option<String>,
    /// Items a request evaluates at most (DynamoDB's Limit)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1..))]
    pub page_size: Option<i32>,
    /// Read with strong consistency
    #[arg(long)]
    pub consistent: bool,
    /// Refuse (exit 2) a SELECT whose WHERE clause does not fix the partition key: a full scan
    #[arg(long)]
    pub require_key: bool,
}

/// Before a SELECT runs: when its WHERE clause does not fix the partition key of the table (or of
/// the index it names) with `=` or `IN`, DynamoDB reads every item. Said on stderr with the
/// table's approximate size, or refused with `--require-key`.
async fn scan_check(args: &Args, global: &GlobalArgs, db: &Db) -> Result<()> {
    let Some(select) = crate::partiql::select(&args.statement) else {
        return Ok(());
    };
    let Ok(description) = db.describe(&select.table).await else {
        return Ok(()); // the statement itself will say what is wrong with the table
    };
    let schema = crate::schema::Schema::from_description(&description)?;
    let key = schema.key_of(select.index.as_deref())?;
    if select.fixes(&key.partition.name) {
        return Ok(());
    }
    let source = match &select.index {
        Some(index) => format!("index {index} of {}", select.table),
        None => format!("table {}", select.table),
    };
    let message = format!(
        "this SELECT does not fix the partition key {} with = or IN, so DynamoDB scans the whole {source} (about {} items)",
        key.partition.name,
        description.item_count().unwrap_or(0)
    );
    if args.require_key {
        return Err(UsageError(format!("{message}; --require-key refuses it")).into());
    }
    if !global.quiet {
        eprintln!("ddb: {message}");
    }
    Ok(())
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let params = args
        .params
        .iter()
        .enumerate()
        .map(|(i, text)| {
            expr::value_from_text(text, args.typed, &format!("--param {}", i + 1))
                .map_err(|e| UsageError(format!("--param {}: {e}", i + 1)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    scan_check(args, global, db).await?;
    let ctx = db.at("").expression("statement", Some(&args.statement));
    let mut writer = ItemWriter::new(global.output.resolve(true), args.typed, Vec::new())
        .with_columns(&global.columns);
    let mut token = args.next_token.clone();
    let mut printed: i32 = 0;
    let mut capacity = None;
    loop {
        // With --max-items the last request asks for what is left, so its NextToken resumes
        // exactly after the last item printed.
        let left = args.max_items.map(|max| max - printed);
        let limit = match (left, args.page_size) {
            (Some(left), Some(page)) => Some(left.min(page)),
            (left, page) => left.or(page),
        };
        let result = db
            .client
            .execute_statement()
            .statement(&args.statement)
            .set_parameters((!params.is_empty()).then(|| params.clone()))
            .set_next_token(token.take())
            .set_limit(limit)
            .consistent_read(args.consistent)
            .return_consumed_capacity(ReturnConsumedCapacity::Total)
            .send()
            .await;
        let out = match result {
            Ok(out) => out,
            Err(err) => {
                let failed_condition = matches!(
                    err.as_service_error(),
                    Some(ExecuteStatementError::ConditionalCheckFailedException(_))
                );
                let error = api_error(err, &ctx).context("run the statement");
                if failed_condition {
                    eprintln!("ddb: condition not met, nothing changed: {error:#}");
                    return Ok(Outcome::ConditionNotMet);
                }
                return Err(error);
            }
        };
        capacity = out.consumed_capacity().cloned().or(capacity);
        for item in out.items() {
            writer.write(item)?;
            printed += 1;
        }
        token = out.next_token().map(str::to_string);
        let stopped = args.max_items.is_some_and(|max| printed >= max);
        match &token {
            Some(next) if stopped => {
                writer.finish(serde_json::Map::new())?;
                eprintln!("ddb: stopped after {printed} items; resume with --next-token '{next}'");
                return Ok(Outcome::Done);
            }
            Some(_) => {}
            None => break,
        }
    }
    writer.finish(serde_json::Map::new())?;
    report_capacity(global, "the statement's table", capacity.as_ref());
    std::io::stdout().flush()?;
    Ok(Outcome::Done)
}
