//! `ddb sql`: PartiQL with ExecuteStatement, following NextToken to the end (the paging every
//! SDK user has to remember), items streamed as `query` and `scan` print them. A script of
//! several statements (`--file`) runs one after another, as one transaction (`--tx`), or in
//! batches (`--batch`): see [`script`].

mod script;

use std::io::Write;

use anyhow::Result;
use aws_sdk_dynamodb::error::ProvideErrorMetadata;
use aws_sdk_dynamodb::operation::execute_statement::ExecuteStatementError;
use aws_sdk_dynamodb::types::{AttributeValue, ConsumedCapacity, ReturnConsumedCapacity};

use super::report_capacity;
use crate::client::{api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::error::{Outcome, UsageError};
use crate::expr;
use crate::output::ItemWriter;
use crate::partiql;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Run PartiQL statements, every page [API: ExecuteStatement, ExecuteTransaction, BatchExecuteStatement]",
    after_help = "\
Examples:
  ddb sql 'SELECT * FROM Movies WHERE \"year\" = 1992'
  ddb sql 'SELECT title FROM Movies WHERE \"year\" = ? AND title BETWEEN ? AND ?' --param 1992 --param A --param L
  ddb sql 'INSERT INTO Movies VALUE {'\\''year'\\'': 2030, '\\''title'\\'': '\\''Next'\\''}'
  ddb sql 'UPDATE Movies SET info.rating = 5 WHERE \"year\" = 2015 AND title = ?' --param 'The Big New Movie'
  ddb sql --file seed.sql                 # statements separated by ;  (-- starts a comment)
  ddb sql --file transfer.sql --tx        # all or nothing [ExecuteTransaction]
  ddb sql --file inserts.sql --batch      # 25 statements a request [BatchExecuteStatement]

A SELECT returns every page (DynamoDB hands back one page and a NextToken; ddb follows it).
Before a SELECT runs, ddb says on stderr when its WHERE clause does not fix the partition key
with = or IN (a full scan); --require-key refuses those. A write that fails its condition (an
UPDATE of a missing item, an INSERT of an existing key) exits 3. Parameters are JSON when they
parse as JSON, else strings; --typed reads them as DynamoDB JSON. With --file, the --param
values fill the ? of all statements in order."
)]
pub struct Args {
    /// The PartiQL statement
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub statement: Option<String>,
    /// Run the statements of a file (- for stdin), separated by `;`
    #[arg(long, short = 'f', value_name = "FILE")]
    pub file: Option<String>,
    /// Run the file's statements as one transaction: all or nothing (at most 100)
    #[arg(long, requires = "file", conflicts_with = "batch")]
    pub tx: bool,
    /// Send the file's statements 25 a request; each succeeds or fails on its own
    #[arg(long, requires = "file")]
    pub batch: bool,
    /// A value for the next `?` (repeatable, in order)
    #[arg(long = "param", value_name = "VALUE", allow_hyphen_values = true)]
    pub params: Vec<String>,
    /// Read --param values as DynamoDB JSON, and print items so
    #[arg(long)]
    pub typed: bool,
    /// Stop after this many items; stderr says how to go on (--next-token)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1..), conflicts_with = "file")]
    pub max_items: Option<i32>,
    /// Go on from where an earlier run stopped
    #[arg(long, value_name = "TOKEN", conflicts_with = "file")]
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
async fn scan_check(statement: &str, args: &Args, global: &GlobalArgs, db: &Db) -> Result<()> {
    let Some(select) = partiql::select(statement) else {
        return Ok(());
    };
    // The key schema first (remembered, or the engine's own), the table's size only for a scan.
    let (schema, description) = match db.remembered_schema(&select.table) {
        Some(schema) => (schema, None),
        None => match db.schema_and_description(&select.table).await {
            Ok(read) => read,
            Err(_) => return Ok(()), // the statement itself will say what is wrong
        },
    };
    let Ok(key) = schema.key_of(select.index.as_deref()) else {
        return Ok(()); // an index the statement names wrongly: the server says so
    };
    if select.fixes(&key.partition.name) {
        return Ok(());
    }
    let description = match description {
        Some(description) => description,
        None => match db.describe(&select.table).await {
            Ok(description) => description,
            Err(_) => return Ok(()),
        },
    };
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

/// The `--param` values, typed.
fn params(args: &Args) -> Result<Vec<AttributeValue>> {
    let values = args
        .params
        .iter()
        .enumerate()
        .map(|(i, text)| {
            expr::value_from_text(text, args.typed, &format!("--param {}", i + 1))
                .map_err(|e| UsageError(format!("--param {}: {e}", i + 1)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(values)
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let params = params(args)?;
    let Some(statement) = &args.statement else {
        return script::run(args, global, db, params).await;
    };
    scan_check(statement, args, global, db).await?;
    let mut writer = ItemWriter::new(global.output.resolve(true), args.typed, Vec::new())
        .with_columns(&global.columns);
    let mut capacity = None;
    let outcome = execute(statement, params, args, db, &mut writer, &mut capacity).await?;
    writer.finish(serde_json::Map::new())?;
    if let Execution::Wrote = outcome {
        report_write(statement, "", global);
    }
    report_capacity(global, "the statement's table", capacity.as_ref());
    std::io::stdout().flush()?;
    Ok(match outcome {
        Execution::ConditionNotMet => Outcome::ConditionNotMet,
        _ => Outcome::Done,
    })
}

/// How one statement ended.
enum Execution {
    /// Items printed, every page (or up to --max-items, with the way to go on said).
    Read,
    /// A write that DynamoDB accepted.
    Wrote,
    /// A write whose condition did not hold (said on stderr); nothing changed.
    ConditionNotMet,
}

/// Runs one statement with ExecuteStatement, every page, items into `writer`.
async fn execute(
    statement: &str,
    params: Vec<AttributeValue>,
    args: &Args,
    db: &Db,
    writer: &mut ItemWriter,
    capacity: &mut Option<ConsumedCapacity>,
) -> Result<Execution> {
    let table = partiql::table(statement).unwrap_or_default();
    let ctx = db.at(&table).expression("statement", Some(statement));
    let mut token = args.next_token.clone();
    let mut printed: i32 = 0;
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
            .statement(statement)
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
                    Some(
                        ExecuteStatementError::ConditionalCheckFailedException(_)
                            | ExecuteStatementError::DuplicateItemException(_)
                    )
                ) || err.code() == Some("DuplicateItem");
                let error = api_error(err, &ctx).context("run the statement");
                if failed_condition {
                    eprintln!("ddb: condition not met, nothing changed: {error:#}");
                    return Ok(Execution::ConditionNotMet);
                }
                return Err(error);
            }
        };
        *capacity = out.consumed_capacity().cloned().or(capacity.take());
        for item in out.items() {
            writer.write(item)?;
            printed += 1;
        }
        token = out.next_token().map(str::to_string);
        let stopped = args.max_items.is_some_and(|max| printed >= max);
        match &token {
            Some(next) if stopped => {
                eprintln!("ddb: stopped after {printed} items; resume with --next-token '{next}'");
                return Ok(Execution::Read);
            }
            Some(_) => {}
            None if partiql::verb(statement) == "SELECT" => return Ok(Execution::Read),
            None => return Ok(Execution::Wrote),
        }
    }
}

/// What a write that DynamoDB accepted changed, on stderr: a PartiQL write touches one item.
fn report_write(statement: &str, label: &str, global: &GlobalArgs) {
    if global.quiet {
        return;
    }
    let what = match partiql::verb(statement).as_str() {
        "INSERT" => "1 item inserted",
        "UPDATE" => "1 item updated",
        "DELETE" => {
            "the item deleted if it existed (DynamoDB does not say; RETURNING ALL OLD * shows it)"
        }
        _ => "done",
    };
    eprintln!("ddb: {label}{what}");
}
