//! `ddb get TABLE --keys-file FILE`: many items by key with BatchGetItem, 100 keys a request,
//! `UnprocessedKeys` retried with the bulk writer's backoff, items printed in the order of the
//! keys and every key not found named on stderr (exit 4). Up to 8 requests are in flight; memory
//! holds their worth, whatever the number of keys.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use aws_sdk_dynamodb::types::{KeysAndAttributes, ReturnConsumedCapacity};

use super::Args;
use crate::batch::{self, Pending};
use crate::client::{api_error, Db};
use crate::commands::args::GlobalArgs;
use crate::error::Outcome;
use crate::expr::{self, Placeholders};
use crate::input::{self, CsvTypes, InputFormat};
use crate::item::{self, Item};
use crate::output::ItemWriter;
use crate::schema::KeySchema;

/// DynamoDB's limit of keys in one BatchGetItem.
const KEYS_PER_REQUEST: usize = 100;
/// Requests in flight at once, as the bulk writer's lanes.
const IN_FLIGHT: usize = 8;
/// How long one request's unprocessed keys may keep being retried.
const RETRY_FOR: Duration = Duration::from_secs(120);

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db, path: &str) -> Result<Outcome> {
    let table = &args.table;
    let schema = db.schema(table).await?.key;
    let key_names = schema.names();
    let mut placeholders = Placeholders::parse(&args.expr.names, &args.expr.values, args.typed)?;
    let projection = match &args.projection {
        // The key attributes must come back, so each item can be put in its key's place; those
        // the projection does not name already are added (naming one twice is refused).
        Some(p) => {
            let named: Vec<String> = p
                .split(',')
                .map(|path| {
                    let top: String = path
                        .trim()
                        .chars()
                        .take_while(|c| *c != '.' && *c != '[')
                        .collect();
                    placeholders.names.get(&top).cloned().unwrap_or(top)
                })
                .collect();
            let mut text = p.clone();
            for (i, name) in key_names.iter().enumerate() {
                if !named.contains(name) {
                    let alias = placeholders.generated_name(&format!("#ddbk{i}"), name)?;
                    text.push_str(&format!(", {alias}"));
                }
            }
            Some(text)
        }
        None => None,
    };
    let ctx = db
        .at(table)
        .expression("--projection", args.projection.as_deref());
    expr::check_placeholders(&ctx.expressions, &placeholders)?;
    let opened = input::open(
        path,
        Some(InputFormat::Ndjson),
        args.typed,
        CsvTypes::default(),
    )
    .with_context(|| format!("cannot read {path}"))?;
    let format = global.output.resolve(true);
    let mut writer =
        ItemWriter::new(format, args.typed, key_names.clone()).with_columns(&global.columns);
    let mut missing = 0u64;
    // Up to IN_FLIGHT requests at once, their items printed in the order of the keys.
    let mut chunks: Vec<Vec<Pending>> = vec![Vec::with_capacity(KEYS_PER_REQUEST)];
    let mut records = opened.records;
    loop {
        let record = records
            .next()
            .transpose()
            .with_context(|| format!("reading {path}"))?;
        let end = record.is_none();
        if let Some(record) = record {
            let key = record
                .item
                .map_err(|e| anyhow::anyhow!("{path}: line {}: {e}", record.position))?;
            let pending = only_key(record.position, record.raw, key, &schema)
                .map_err(|e| anyhow::anyhow!("{path}: line {}: {e}", record.position))?;
            if chunks.last().is_some_and(|c| c.len() == KEYS_PER_REQUEST) {
                chunks.push(Vec::with_capacity(KEYS_PER_REQUEST));
            }
            chunks.last_mut().expect("one chunk at least").push(pending);
        }
        let full =
            chunks.len() == IN_FLIGHT && chunks.last().is_some_and(|c| c.len() == KEYS_PER_REQUEST);
        if full || (end && chunks.iter().any(|c| !c.is_empty())) {
            let found =
                futures_util::future::try_join_all(chunks.iter().map(|chunk| {
                    fetch(db, args, &ctx, chunk, &projection, &placeholders, &schema)
                }))
                .await?;
            for (chunk, found) in chunks.drain(..).zip(found) {
                for pending in chunk {
                    match found.get(pending.key_text()) {
                        Some(it) => writer.write(it)?,
                        None => {
                            missing += 1;
                            if !global.quiet {
                                eprintln!(
                                    "ddb: {path}: line {}: no item in {table} has the key {}",
                                    pending.position,
                                    item::key_to_json(&pending.item, &key_names)
                                );
                            }
                        }
                    }
                }
            }
            chunks.push(Vec::with_capacity(KEYS_PER_REQUEST));
        }
        if end {
            break;
        }
    }
    writer.finish(serde_json::Map::new())?;
    Ok(if missing > 0 {
        Outcome::NotFound
    } else {
        Outcome::Done
    })
}

/// A line of the keys file as a key: exactly the table's key attributes, of their types.
fn only_key(position: u64, raw: String, key: Item, schema: &KeySchema) -> Result<Pending> {
    let names = schema.names();
    if let Some(extra) = key.keys().find(|k| !names.contains(k)) {
        bail!(
            "{extra} is not a key attribute (the key is {})",
            names.join(", ")
        );
    }
    batch::prepare(position, raw, key, schema).map_err(|(_, reason)| anyhow::anyhow!(reason))
}

/// One BatchGetItem of `chunk`'s distinct keys, retried until every key is answered; the items
/// found, by their key text.
async fn fetch(
    db: &Db,
    args: &Args,
    ctx: &crate::client::ErrorContext,
    chunk: &[Pending],
    projection: &Option<String>,
    placeholders: &Placeholders,
    schema: &KeySchema,
) -> Result<HashMap<String, Item>> {
    let table = &args.table;
    // DynamoDB refuses a request that names one key twice.
    let mut keys: Vec<Item> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for pending in chunk {
        if seen.insert(pending.key_text()) {
            keys.push(pending.item.clone());
        }
    }
    let mut found = HashMap::new();
    let started = Instant::now();
    let mut attempt = 0;
    while !keys.is_empty() {
        let request = KeysAndAttributes::builder()
            .set_keys(Some(std::mem::take(&mut keys)))
            .set_projection_expression(projection.clone())
            .set_expression_attribute_names(placeholders.names_or_none())
            .consistent_read(args.consistent)
            .build()
            .context("a BatchGetItem request")?;
        let out = db
            .client
            .batch_get_item()
            .request_items(table, request)
            .return_consumed_capacity(ReturnConsumedCapacity::Total)
            .send()
            .await
            .map_err(|e| api_error(e, ctx).context(format!("get from {table}")))?;
        for it in out
            .responses
            .unwrap_or_default()
            .remove(table)
            .unwrap_or_default()
        {
            let key: Item = schema
                .names()
                .iter()
                .filter_map(|n| it.get(n).map(|v| (n.clone(), v.clone())))
                .collect();
            if let Ok(pending) = batch::prepare(0, String::new(), key, schema) {
                found.insert(pending.key_text().to_string(), it);
            }
        }
        keys = out
            .unprocessed_keys
            .unwrap_or_default()
            .remove(table)
            .map(|k| k.keys)
            .unwrap_or_default();
        if !keys.is_empty() {
            if started.elapsed() > RETRY_FOR {
                bail!(
                    "get from {table}: {} keys were still unprocessed after {RETRY_FOR:?} of retries",
                    keys.len()
                );
            }
            tokio::time::sleep(batch::backoff(attempt)).await;
            attempt += 1;
        }
    }
    Ok(found)
}
