//! Deleting many items: the keys a filter (Scan) or key condition (Query) finds, or those a file
//! lists, each deleted with its own DeleteItem so that a condition is checked on the item as it is
//! at that moment: an item found by `--filter` and changed before its delete so that it no
//! longer matches is kept, and counted as skipped. DeleteItem answers for each key, so missing
//! keys and failed conditions are counted and named (BatchWriteItem would say neither).

use anyhow::{bail, Context, Result};
use aws_sdk_dynamodb::types::ReturnConsumedCapacity;
use futures_util::stream::{self, StreamExt};

use super::{delete_item, Args, Deleted};
use crate::client::{api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;
use crate::expr::{self, Placeholders};
use crate::item::{self, Item};
use crate::paginate;

/// Keys named on stderr at most, of each kind.
const NAMED: usize = 10;

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let schema = db.schema(&args.table).await?;
    let key_names = schema.key.names();
    let condition = args
        .filter
        .as_deref()
        .or(args.key_condition.as_deref())
        .or(args.condition.as_deref());
    let placeholders = Placeholders::parse(&args.expr.names, &args.expr.values, args.typed)?;
    let keys = match &args.keys_file {
        Some(path) => keys_from_file(path, args.typed, &key_names)?,
        None => found_keys(args, db, &key_names, &placeholders).await?,
    };
    if args.dry_run {
        let mut out = std::io::stdout().lock();
        for key in &keys {
            use std::io::Write;
            writeln!(out, "{}", item::key_to_json(key, &key_names))?;
        }
        if !global.quiet {
            eprintln!(
                "ddb: {} items would be deleted from {} (dry run: nothing deleted)",
                keys.len(),
                args.table
            );
        }
        return Ok(Outcome::Done);
    }
    if !args.yes {
        let what = format!("Delete {} items of table", keys.len());
        crate::commands::confirm(db, &args.table, &what).await?;
    }
    let total = keys.len();
    let results: Vec<(Item, Result<Deleted>)> = stream::iter(keys)
        .map(|key| {
            let placeholders = &placeholders;
            async move {
                let result = delete_item(
                    db,
                    &args.table,
                    key.clone(),
                    condition.map(|c| (c, placeholders)),
                )
                .await
                .map_err(|e| e.into_error());
                (key, result)
            }
        })
        .buffer_unordered(usize::from(args.parallel))
        .collect()
        .await;
    let (mut deleted, mut skipped, mut missing, mut failed) =
        (0u64, Vec::new(), Vec::new(), Vec::new());
    for (key, result) in results {
        let text = item::key_to_json(&key, &key_names).to_string();
        match result {
            Ok(Deleted::Done(out)) if out.attributes().is_none() => missing.push(text),
            Ok(Deleted::Done(_)) => deleted += 1,
            // A failed condition with no item returned: there was no item.
            Ok(Deleted::ConditionFailed(None)) => missing.push(text),
            Ok(Deleted::ConditionFailed(Some(_))) => skipped.push(text),
            Err(error) => failed.push(format!("{text}: {error:#}")),
        }
    }
    if db.explain.explained() {
        return Ok(Outcome::Done);
    }
    if !global.quiet {
        eprintln!(
            "ddb: deleted {deleted} of {total} items from {}; {} kept (the condition no longer held), {} not found, {} failed",
            args.table,
            skipped.len(),
            missing.len(),
            failed.len()
        );
        for (what, keys) in [("kept", &skipped), ("not found", &missing)] {
            for key in keys.iter().take(NAMED) {
                eprintln!("ddb: {what}: {key}");
            }
        }
    }
    if let Some(first) = failed.first() {
        bail!("{} deletes failed, e.g. {first}", failed.len());
    }
    // A listed key whose condition failed is a condition not met; a filter's race is not.
    if args.keys_file.is_some() && args.condition.is_some() && !skipped.is_empty() {
        return Ok(Outcome::ConditionNotMet);
    }
    Ok(Outcome::Done)
}

/// The keys of the items `--filter` (a parallel Scan) or `--key-condition` (a Query) matches,
/// read as keys only.
async fn found_keys(
    args: &Args,
    db: &Db,
    key_names: &[String],
    placeholders: &Placeholders,
) -> Result<Vec<Item>> {
    // The key attributes under names of ddb's own, beside the user's.
    let mut reading = placeholders.clone();
    let projection: Vec<String> = key_names
        .iter()
        .enumerate()
        .map(|(i, name)| reading.generated_name(&format!("#ddbk{i}"), name))
        .collect::<Result<_, _>>()?;
    let ctx = db
        .at(&args.table)
        .expression("--filter", args.filter.as_deref())
        .expression("--key-condition", args.key_condition.as_deref());
    expr::check_placeholders(&ctx.expressions, placeholders)?;
    let mut keys = Vec::new();
    match &args.key_condition {
        None => {
            let request = db
                .client
                .scan()
                .table_name(&args.table)
                .set_filter_expression(args.filter.clone())
                .projection_expression(projection.join(", "))
                .set_expression_attribute_names(reading.names_or_none())
                .set_expression_attribute_values(reading.values_or_none())
                .return_consumed_capacity(ReturnConsumedCapacity::Total);
            let fetch = crate::transfer::segment_fetch(request, ctx, 4);
            let mut pages = paginate::segment_pages(4, fetch);
            while let Some((_, page)) = pages.recv().await {
                keys.extend(page?.items);
            }
        }
        Some(key_condition) => {
            let request = db
                .client
                .query()
                .table_name(&args.table)
                .set_index_name(args.index.clone())
                .key_condition_expression(key_condition)
                .projection_expression(projection.join(", "))
                .set_expression_attribute_names(reading.names_or_none())
                .set_expression_attribute_values(reading.values_or_none());
            let mut start = None;
            loop {
                let out = request
                    .clone()
                    .set_exclusive_start_key(start.take())
                    .send()
                    .await
                    .map_err(|e| api_error(e, &ctx).context(format!("query {}", args.table)))?;
                let page = paginate::Page::from_query(out);
                keys.extend(page.items);
                match page.last_key {
                    Some(key) => start = Some(key),
                    None => break,
                }
            }
        }
    }
    Ok(keys)
}

/// A key a line (`-` for standard input), plain JSON or with `--typed` DynamoDB JSON.
fn keys_from_file(path: &str, typed: bool, key_names: &[String]) -> Result<Vec<Item>> {
    let text = if path == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .context("cannot read standard input")?;
        text
    } else {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?
    };
    let mut keys = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |e: &dyn std::fmt::Display| format!("{path}: line {}: {e}", number + 1);
        let value = item::parse_json(line).map_err(|e| anyhow::anyhow!(at(&e)))?;
        let key = item::item_from_json(&value, typed).map_err(|e| anyhow::anyhow!(at(&e)))?;
        if let Some(name) = key_names.iter().find(|n| !key.contains_key(*n)) {
            bail!(at(&format!("the key has no {name}")));
        }
        if let Some(extra) = key.keys().find(|n| !key_names.contains(n)) {
            bail!(at(&format!(
                "{extra} is not a key attribute (the key is {})",
                key_names.join(", ")
            )));
        }
        keys.push(key);
    }
    Ok(keys)
}
