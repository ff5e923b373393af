//! `ddb tx --file FILE`: up to 100 writes, all or nothing (TransactWriteItems), one action a line;
//! with `--get`, up to 100 reads in one snapshot (TransactGetItems). When DynamoDB cancels a
//! transaction, each reason is printed next to the line of the action it belongs to.

use anyhow::{bail, Context, Result};
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{
    ConditionCheck, Delete, Get, Put, ReturnConsumedCapacity, TransactGetItem, TransactWriteItem,
    Update,
};
use serde_json::{Map, Value};

use crate::client::{api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::error::{Diagnostic, Outcome};
use crate::expr::Placeholders;
use crate::input::{self, CsvTypes, InputFormat};
use crate::item::{self, Item};
use crate::output::ItemWriter;
use crate::update;

/// DynamoDB's limit of actions in one transaction.
const MAX_ACTIONS: usize = 100;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Write up to 100 items all or nothing, or read them in one snapshot [API: TransactWriteItems, TransactGetItems]",
    after_help = "\
Examples:
  ddb tx --file transfer.ndjson
  ddb tx --get --file keys.ndjson

Each line of a write transaction is one action:
  {\"put\": {\"table\": \"T\", \"item\": {...}, \"condition\": \"...\", \"names\": {...}, \"values\": {...}}}
  {\"update\": {\"table\": \"T\", \"key\": {...}, \"set\": {\"path\": 1}, \"add\": {\"n\": 1}, \"remove\": [\"p\"], \"condition\": \"...\"}}
  {\"update\": {\"table\": \"T\", \"key\": {...}, \"expression\": \"SET #a = :a\", \"names\": {...}, \"values\": {...}}}
  {\"delete\": {\"table\": \"T\", \"key\": {...}, \"condition\": \"...\"}}
  {\"check\": {\"table\": \"T\", \"key\": {...}, \"condition\": \"...\"}}
A read transaction (--get) has {\"table\": \"T\", \"key\": {...}} on each line and prints the items in
that order. When DynamoDB cancels a transaction nothing is written, and each reason is shown with
its line; exit code 3 when every reason is a condition that did not hold."
)]
pub struct Args {
    /// The actions, one JSON object per line, or - for standard input
    #[arg(long, value_name = "FILE")]
    pub file: String,
    /// Read the lines with TransactGetItems instead
    #[arg(long)]
    pub get: bool,
    /// Make the transaction idempotent: a retry with the same token within 10 minutes does nothing
    #[arg(long, value_name = "TOKEN")]
    pub client_token: Option<String>,
    /// Keys, items and values are DynamoDB JSON, and items are printed so
    #[arg(long)]
    pub typed: bool,
}

/// One line of the file, with its number.
struct Line {
    number: u64,
    action: Map<String, Value>,
}

fn lines(path: &str) -> Result<Vec<Line>> {
    let opened = input::open(path, Some(InputFormat::Ndjson), false, CsvTypes::default())
        .with_context(|| format!("cannot read {path}"))?;
    let mut out = Vec::new();
    for record in opened.records {
        let record = record.with_context(|| format!("reading {path}"))?;
        let Ok(Value::Object(action)) = item::parse_json(&record.raw) else {
            bail!(
                "{path}: line {}: an action is a JSON object",
                record.position
            );
        };
        out.push(Line {
            number: record.position,
            action,
        });
        if out.len() > MAX_ACTIONS {
            bail!("{path}: a transaction holds at most {MAX_ACTIONS} actions");
        }
    }
    if out.is_empty() {
        bail!("{path}: no action");
    }
    Ok(out)
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let lines = lines(&args.file)?;
    if args.get {
        return get(args, global, db, &lines).await;
    }
    let mut actions = Vec::with_capacity(lines.len());
    for line in &lines {
        let action = write_action(db, line, args.typed)
            .await
            .with_context(|| format!("{}: line {}", args.file, line.number))?;
        actions.push(action);
    }
    let result = db
        .client
        .transact_write_items()
        .set_transact_items(Some(actions))
        .set_client_request_token(args.client_token.clone())
        .return_consumed_capacity(ReturnConsumedCapacity::Total)
        .send()
        .await;
    match result {
        Ok(_) => {
            if !global.quiet {
                eprintln!("ddb: {} actions written, all together", lines.len());
            }
            Ok(Outcome::Done)
        }
        Err(err) => {
            if let Some(TransactWriteItemsError::TransactionCanceledException(canceled)) =
                err.as_service_error()
            {
                let labels = lines
                    .iter()
                    .map(|line| format!("{}: line {}", args.file, line.number));
                if report_cancellation(labels, canceled.cancellation_reasons()) {
                    eprintln!("ddb: transaction canceled, nothing written");
                    return Ok(Outcome::ConditionNotMet);
                }
                bail!("transaction canceled, nothing written (reasons above)");
            }
            Err(api_error(err, &db.at("the transaction")).context("transaction"))
        }
    }
}

/// Whether a per-statement error code is a condition that did not hold: a failed condition, or
/// an INSERT of a key that exists (DuplicateItem on DynamoDB Local, DuplicateItemException
/// elsewhere).
pub(crate) fn condition_code(code: &str) -> bool {
    code == "ConditionalCheckFailed" || code.starts_with("DuplicateItem")
}

/// Prints each cancellation reason next to the label of the action (or statement) it belongs
/// to; whether every reason given is a condition that did not hold.
pub(crate) fn report_cancellation(
    labels: impl Iterator<Item = String>,
    reasons: &[aws_sdk_dynamodb::types::CancellationReason],
) -> bool {
    let mut only_conditions = true;
    let mut any_condition = false;
    for (label, reason) in labels.zip(reasons) {
        let code = reason.code().unwrap_or("None");
        if code == "None" {
            continue;
        }
        let condition = condition_code(code);
        only_conditions &= condition;
        any_condition |= condition;
        eprintln!(
            "ddb: {label}: {code}{}",
            reason
                .message()
                .map(|m| format!(": {m}"))
                .unwrap_or_default()
        );
    }
    only_conditions && any_condition
}

/// The table, key and expressions of an action, as the request wants them.
struct Parts {
    table: String,
    key: Option<Item>,
    condition: Option<String>,
    placeholders: Placeholders,
}

fn parts(body: &Map<String, Value>, typed: bool) -> Result<Parts, Diagnostic> {
    let text = |field: &str| body.get(field).and_then(Value::as_str).map(str::to_string);
    let table = text("table").ok_or_else(|| Diagnostic::new("the action needs \"table\""))?;
    let key = match body.get("key") {
        Some(key) => Some(
            item::item_from_json(key, typed).map_err(|e| Diagnostic::new(format!("key: {e}")))?,
        ),
        None => None,
    };
    let as_arg = |field: &str| {
        body.get(field)
            .filter(|v| !v.is_null())
            .map(|v| vec![v.to_string()])
            .unwrap_or_default()
    };
    let placeholders = Placeholders::parse(&as_arg("names"), &as_arg("values"), typed)?;
    Ok(Parts {
        table,
        key,
        condition: text("condition"),
        placeholders,
    })
}

async fn write_action(db: &Db, line: &Line, typed: bool) -> Result<TransactWriteItem> {
    let [(kind, Value::Object(body))] = line.action.iter().collect::<Vec<_>>()[..] else {
        bail!("an action is one of {{\"put\": ...}}, {{\"update\": ...}}, {{\"delete\": ...}}, {{\"check\": ...}}");
    };
    let mut p = parts(body, typed)?;
    let needs_key =
        |key: Option<Item>| key.ok_or_else(|| anyhow::anyhow!("a {kind} needs \"key\""));
    Ok(match kind.as_str() {
        "put" => {
            let it = body
                .get("item")
                .ok_or_else(|| anyhow::anyhow!("a put needs \"item\""))?;
            let it = item::item_from_json(it, typed).map_err(|e| anyhow::anyhow!("item: {e}"))?;
            TransactWriteItem::builder()
                .put(
                    Put::builder()
                        .table_name(&p.table)
                        .set_item(Some(it))
                        .set_condition_expression(p.condition)
                        .set_expression_attribute_names(p.placeholders.names_or_none())
                        .set_expression_attribute_values(p.placeholders.values_or_none())
                        .build()?,
                )
                .build()
        }
        "update" => {
            let key = needs_key(p.key)?;
            let changes = update::from_json(body, typed)?;
            let expression = match body.get("expression").and_then(Value::as_str) {
                Some(_) if !changes.is_empty() => bail!(
                    "an update has \"expression\" or changes (set, add, remove, ...), not both"
                ),
                Some(expression) => expression.to_string(),
                None => {
                    let schema = db.schema(&p.table).await?.key;
                    update::expression(&changes, &schema, &mut p.placeholders)?
                }
            };
            TransactWriteItem::builder()
                .update(
                    Update::builder()
                        .table_name(&p.table)
                        .set_key(Some(key))
                        .update_expression(expression)
                        .set_condition_expression(p.condition)
                        .set_expression_attribute_names(p.placeholders.names_or_none())
                        .set_expression_attribute_values(p.placeholders.values_or_none())
                        .build()?,
                )
                .build()
        }
        "delete" => TransactWriteItem::builder()
            .delete(
                Delete::builder()
                    .table_name(&p.table)
                    .set_key(Some(needs_key(p.key)?))
                    .set_condition_expression(p.condition)
                    .set_expression_attribute_names(p.placeholders.names_or_none())
                    .set_expression_attribute_values(p.placeholders.values_or_none())
                    .build()?,
            )
            .build(),
        "check" => TransactWriteItem::builder()
            .condition_check(
                ConditionCheck::builder()
                    .table_name(&p.table)
                    .set_key(Some(needs_key(p.key)?))
                    .condition_expression(
                        p.condition
                            .ok_or_else(|| anyhow::anyhow!("a check needs \"condition\""))?,
                    )
                    .set_expression_attribute_names(p.placeholders.names_or_none())
                    .set_expression_attribute_values(p.placeholders.values_or_none())
                    .build()?,
            )
            .build(),
        other => bail!("no action {other:?}; actions are put, update, delete, check"),
    })
}

/// `--get`: every line's item in one snapshot, printed in the lines' order.
async fn get(args: &Args, global: &GlobalArgs, db: &Db, lines: &[Line]) -> Result<Outcome> {
    let mut reads = Vec::with_capacity(lines.len());
    for line in lines {
        let p = parts(&line.action, args.typed)
            .with_context(|| format!("{}: line {}", args.file, line.number))?;
        let key = p.key.with_context(|| {
            format!("{}: line {}: a read needs \"key\"", args.file, line.number)
        })?;
        reads.push(
            TransactGetItem::builder()
                .get(
                    Get::builder()
                        .table_name(p.table)
                        .set_key(Some(key))
                        .build()?,
                )
                .build(),
        );
    }
    let out = db
        .client
        .transact_get_items()
        .set_transact_items(Some(reads))
        .send()
        .await
        .map_err(|e| api_error(e, &db.at("the transaction")).context("transaction"))?;
    let mut writer = ItemWriter::new(global.output.resolve(true), args.typed, Vec::new())
        .with_columns(&global.columns);
    let mut missing = false;
    for (line, response) in lines.iter().zip(out.responses()) {
        match response.item().filter(|it| !it.is_empty()) {
            Some(it) => writer.write(it)?,
            None => {
                missing = true;
                if !global.quiet {
                    eprintln!("ddb: {}: line {}: no such item", args.file, line.number);
                }
            }
        }
    }
    writer.finish(Map::new())?;
    Ok(if missing {
        Outcome::NotFound
    } else {
        Outcome::Done
    })
}
