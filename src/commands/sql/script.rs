//! `ddb sql --file`: the statements of a script, one after another (stopping at the first that
//! fails), as one ExecuteTransaction (`--tx`), or 25 at a time with BatchExecuteStatement
//! (`--batch`, where each statement succeeds or fails on its own). Every message names the
//! statement by number and by the line it starts on.

use std::io::{Read, Write};

use anyhow::{bail, Context, Result};
use aws_sdk_dynamodb::operation::execute_transaction::ExecuteTransactionError;
use aws_sdk_dynamodb::types::{
    AttributeValue, BatchStatementRequest, ParameterizedStatement, ReturnConsumedCapacity,
};

use super::{execute, report_write, scan_check, Args, Execution};
use crate::client::{api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::commands::report_capacity;
use crate::commands::tx::{condition_code, report_cancellation};
use crate::error::{Outcome, UsageError};
use crate::output::ItemWriter;
use crate::partiql::{self, Statement};

/// What ExecuteTransaction takes at most.
const MAX_TRANSACTION: usize = 100;
/// What BatchExecuteStatement takes at most.
const BATCH: usize = 25;

/// A statement of the script with the `?` values that belong to it.
struct Step {
    statement: Statement,
    params: Vec<AttributeValue>,
    /// "FILE: statement N (line L)", for messages.
    label: String,
}

impl Step {
    /// The parameters as a request wants them: none rather than an empty list.
    fn parameters(&self) -> Option<Vec<AttributeValue>> {
        (!self.params.is_empty()).then(|| self.params.clone())
    }
}

pub(super) async fn run(
    args: &Args,
    global: &GlobalArgs,
    db: &Db,
    params: Vec<AttributeValue>,
) -> Result<Outcome> {
    let path = args.file.as_deref().expect("clap: --file or a statement");
    let steps = steps(path, params)?;
    let mut writer = ItemWriter::new(global.output.resolve(true), args.typed, Vec::new())
        .with_columns(&global.columns);
    let outcome = if args.tx {
        transaction(&steps, global, db, &mut writer).await?
    } else if args.batch {
        batches(&steps, args, global, db, &mut writer).await?
    } else {
        one_by_one(&steps, args, global, db, &mut writer).await?
    };
    writer.finish(serde_json::Map::new())?;
    std::io::stdout().flush()?;
    Ok(outcome)
}

/// The script's statements, each with its share of the `--param` values.
fn steps(path: &str, params: Vec<AttributeValue>) -> Result<Vec<Step>> {
    let (name, text) = if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read statements from stdin")?;
        ("stdin".to_string(), text)
    } else {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
        (path.to_string(), text)
    };
    let statements = partiql::split(&text).map_err(|e| UsageError(format!("{name}: {e}")))?;
    if statements.is_empty() {
        return Err(UsageError(format!("{name}: no statement")).into());
    }
    let wanted: usize = statements.iter().map(|s| s.params).sum();
    if !params.is_empty() && wanted != params.len() {
        return Err(UsageError(format!(
            "{name}: the statements hold {wanted} ? but {} --param values were given",
            params.len()
        ))
        .into());
    }
    let mut params = params.into_iter();
    Ok(statements
        .into_iter()
        .enumerate()
        .map(|(i, statement)| Step {
            label: format!("{name}: statement {} (line {})", i + 1, statement.line),
            params: params.by_ref().take(statement.params).collect(),
            statement,
        })
        .collect())
}

/// DynamoDB refuses a transaction or a batch that both reads and writes: said before sending,
/// naming a statement of each kind.
fn same_kind(steps: &[Step], what: &str) -> Result<()> {
    let is_read = |step: &&Step| partiql::verb(&step.statement.text) == "SELECT";
    if let (Some(read), Some(write)) = (
        steps.iter().find(is_read),
        steps.iter().find(|s| !is_read(s)),
    ) {
        return Err(UsageError(format!(
            "{what} cannot both read and write (DynamoDB refuses it): {} is a SELECT, {} is not",
            read.label, write.label
        ))
        .into());
    }
    Ok(())
}

/// One ExecuteStatement run after another; the first failure stops the script. With
/// `--explain`, each statement's first request is printed.
async fn one_by_one(
    steps: &[Step],
    args: &Args,
    global: &GlobalArgs,
    db: &Db,
    writer: &mut ItemWriter,
) -> Result<Outcome> {
    let mut capacity = None;
    for step in steps {
        db.explain.start(global.explain);
        let text = &step.statement.text;
        scan_check(text, args, global, db)
            .await
            .with_context(|| step.label.clone())?;
        match execute(text, step.params.clone(), args, db, writer, &mut capacity).await {
            Ok(Execution::Read) => {}
            Ok(Execution::Wrote) => report_write(text, &format!("{}: ", step.label), global),
            Ok(Execution::ConditionNotMet) => {
                eprintln!("ddb: {}: stopped here", step.label);
                return Ok(Outcome::ConditionNotMet);
            }
            // --explain: the request was printed instead of sent, so there is no answer.
            Err(_) if db.explain.explained() => {}
            Err(err) => return Err(err.context(step.label.clone())),
        }
    }
    report_capacity(global, "the last statement's table", capacity.as_ref());
    Ok(Outcome::Done)
}

/// All the statements as one ExecuteTransaction: every write happens, or none. A cancellation
/// prints each reason next to its statement; exit 3 when they are all failed conditions.
async fn transaction(
    steps: &[Step],
    global: &GlobalArgs,
    db: &Db,
    writer: &mut ItemWriter,
) -> Result<Outcome> {
    if steps.len() > MAX_TRANSACTION {
        return Err(UsageError(format!(
            "a transaction holds at most {MAX_TRANSACTION} statements; this script has {}",
            steps.len()
        ))
        .into());
    }
    same_kind(steps, "a transaction")?;
    let statements = steps
        .iter()
        .map(|step| {
            ParameterizedStatement::builder()
                .statement(&step.statement.text)
                .set_parameters(step.parameters())
                .build()
                .context("a transaction statement")
        })
        .collect::<Result<Vec<_>>>()?;
    let result = db
        .client
        .execute_transaction()
        .set_transact_statements(Some(statements))
        .return_consumed_capacity(ReturnConsumedCapacity::Total)
        .send()
        .await;
    let out = match result {
        Ok(out) => out,
        Err(err) => {
            if let Some(ExecuteTransactionError::TransactionCanceledException(canceled)) =
                err.as_service_error()
            {
                let labels = steps.iter().map(|step| step.label.clone());
                if report_cancellation(labels, canceled.cancellation_reasons()) {
                    eprintln!("ddb: transaction canceled, nothing written");
                    return Ok(Outcome::ConditionNotMet);
                }
                bail!("transaction canceled, nothing written (reasons above)");
            }
            return Err(api_error(err, &db.at("the transaction")).context("transaction"));
        }
    };
    for response in out.responses() {
        if let Some(item) = response.item() {
            writer.write(item)?;
        }
    }
    let reads = steps
        .iter()
        .all(|step| partiql::verb(&step.statement.text) == "SELECT");
    if !global.quiet && !reads {
        eprintln!("ddb: {} statements run, all together", steps.len());
    }
    let capacity = out.consumed_capacity().first().cloned();
    report_capacity(global, "the transaction's first table", capacity.as_ref());
    Ok(Outcome::Done)
}

/// The statements 25 a request with BatchExecuteStatement. Each succeeds or fails on its own:
/// every failure is named by its statement, and the run exits 3 when they all are failed
/// conditions, 1 otherwise.
async fn batches(
    steps: &[Step],
    args: &Args,
    global: &GlobalArgs,
    db: &Db,
    writer: &mut ItemWriter,
) -> Result<Outcome> {
    // Every request is checked before the first is sent: a refusal writes nothing.
    for chunk in steps.chunks(BATCH) {
        same_kind(chunk, "a batch")?;
    }
    let (mut failed, mut conditions, mut succeeded) = (0usize, 0usize, 0usize);
    for chunk in steps.chunks(BATCH) {
        let requests = chunk
            .iter()
            .map(|step| {
                BatchStatementRequest::builder()
                    .statement(&step.statement.text)
                    .set_parameters(step.parameters())
                    .set_consistent_read(args.consistent.then_some(true))
                    .build()
                    .context("a batch statement")
            })
            .collect::<Result<Vec<_>>>()?;
        let out = db
            .client
            .batch_execute_statement()
            .set_statements(Some(requests))
            .return_consumed_capacity(ReturnConsumedCapacity::Total)
            .send()
            .await
            .map_err(|e| api_error(e, &db.at("the batch")))
            .with_context(|| format!("{} to {}", chunk[0].label, chunk[chunk.len() - 1].label))?;
        for (step, response) in chunk.iter().zip(out.responses()) {
            match response.error() {
                Some(error) => {
                    let code = error.code().map_or("Error", |c| c.as_str());
                    failed += 1;
                    if condition_code(code) {
                        conditions += 1;
                    }
                    eprintln!(
                        "ddb: {}: {code}{}",
                        step.label,
                        error
                            .message()
                            .map(|m| format!(": {m}"))
                            .unwrap_or_default()
                    );
                }
                None => {
                    succeeded += 1;
                    if let Some(item) = response.item() {
                        writer.write(item)?;
                    }
                }
            }
        }
    }
    if !global.quiet {
        eprintln!("ddb: {succeeded} statements succeeded, {failed} failed");
    }
    match failed {
        0 => Ok(Outcome::Done),
        n if n == conditions => Ok(Outcome::ConditionNotMet),
        n => bail!("{n} of {} statements failed (named above)", steps.len()),
    }
}
