//! Query against Scan as a table grows. A Query reads one partition, so its cost follows the
//! partition's size; a Scan reads every item, so its cost follows the table's. With an index the
//! question is one the table's key cannot answer ("movies of one genre"): a Query on a global
//! secondary index keyed by genre against a Scan filtering on genre. Every figure
//! (items returned, ScannedCount, pages, capacity units) comes from the server's answers, so the
//! bench tells the truth about whichever target it runs on; bytes are the returned items' sizes.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, GlobalSecondaryIndex, KeySchemaElement,
    KeyType, Projection, ProjectionType, ReturnConsumedCapacity, ScalarAttributeType,
};
use aws_sdk_dynamodb::Client;
use serde_json::{json, Value};
use tokio::sync::mpsc;

use super::{Latencies, Rng};
use crate::batch::{self, Options as BatchOptions};
use crate::item::{self, Item};
use crate::schema::{KeyAttribute, KeySchema};

/// The partition and sort key of the scratch table.
pub const PARTITION_KEY: &str = "year";
pub const SORT_KEY: &str = "title";
/// The attribute the scratch table's index is keyed by, and the index's default name.
pub const GENRE: &str = "genre";
pub const GENRE_INDEX: &str = "ByGenre";

/// What one read selects by (the table's partition key, or an index's), and the table's key
/// attributes that identify the items it returns.
#[derive(Debug, Clone)]
pub struct Selector {
    pub key_names: Vec<String>,
    /// The attribute compared with the chosen value.
    pub attribute: String,
    /// The index a Query reads (a Scan always reads the table).
    pub index: Option<String>,
}

/// What to measure.
#[derive(Debug, Clone)]
pub struct Options {
    /// Table sizes to measure at, ascending; the scratch table grows from one to the next.
    pub sizes: Vec<u64>,
    pub partitions: u64,
    pub repeat: u32,
    pub seed: u64,
    /// Use this table and its data instead of a scratch table.
    pub table: Option<String>,
    pub parallel: usize,
    /// Query this global secondary index (on the scratch table: created keyed by genre).
    pub index: Option<String>,
}

/// One operation's figures at one table size, over all repeats.
#[derive(Default)]
pub struct OpStats {
    pub calls: u32,
    pub returned: u64,
    pub examined: u64,
    pub pages: u64,
    pub capacity: f64,
    pub bytes: u64,
    pub latency: Latencies,
}

impl OpStats {
    fn mean(&self, total: f64) -> f64 {
        total / f64::from(self.calls.max(1))
    }

    pub fn json(&self) -> Value {
        json!({
            "calls": self.calls,
            "items_returned": self.mean(self.returned as f64),
            "items_examined": self.mean(self.examined as f64),
            "pages": self.mean(self.pages as f64),
            "capacity_units": self.mean(self.capacity),
            "bytes": self.mean(self.bytes as f64),
            "latency": self.latency.json(),
        })
    }

    pub fn mean_capacity(&self) -> f64 {
        self.mean(self.capacity)
    }

    pub fn mean_examined(&self) -> f64 {
        self.mean(self.examined as f64)
    }

    pub fn mean_returned(&self) -> f64 {
        self.mean(self.returned as f64)
    }

    pub fn mean_pages(&self) -> f64 {
        self.mean(self.pages as f64)
    }

    pub fn mean_bytes(&self) -> f64 {
        self.mean(self.bytes as f64)
    }
}

/// The results at one table size.
pub struct SizeResult {
    pub items: u64,
    pub query: OpStats,
    pub scan: OpStats,
}

impl SizeResult {
    pub fn json(&self) -> Value {
        let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        json!({
            "items": self.items,
            "query": self.query.json(),
            "scan": self.scan.json(),
            "scan_over_query": {
                "capacity_units": ratio(self.scan.mean_capacity(), self.query.mean_capacity()),
                "items_examined": ratio(self.scan.mean_examined(), self.query.mean_examined()),
                "latency_p50": ratio(self.scan.latency.ms(0.5), self.query.latency.ms(0.5)),
            },
        })
    }
}

/// One Query or Scan read to its last page.
struct Read {
    keys: Vec<String>,
    examined: u64,
    pages: u64,
    capacity: f64,
    bytes: u64,
    elapsed: Duration,
}

/// A scratch-table item: `year` picks one of the partitions, `title` orders it inside.
pub fn scratch_item(i: u64, partitions: u64, rng: &mut Rng) -> Item {
    const WORDS: [&str; 12] = [
        "river", "city", "garden", "machine", "road", "winter", "harbor", "signal", "empire",
        "letter", "storm", "mirror",
    ];
    let plot: Vec<&str> = (0..16)
        .map(|_| WORDS[rng.below(WORDS.len() as u64) as usize])
        .collect();
    let info = HashMap::from([
        (
            "rating".to_string(),
            AttributeValue::N(format!("{}.{}", rng.below(10), rng.below(10))),
        ),
        ("plot".to_string(), AttributeValue::S(plot.join(" "))),
        ("rank".to_string(), AttributeValue::N(i.to_string())),
    ]);
    HashMap::from([
        (
            PARTITION_KEY.to_string(),
            AttributeValue::N((1900 + i % partitions).to_string()),
        ),
        (
            SORT_KEY.to_string(),
            AttributeValue::S(format!("movie-{i:09}")),
        ),
        ("info".to_string(), AttributeValue::M(info)),
    ])
}

/// The scratch item's genre: spread over as many values as there are partitions, independently
/// of the year, so a genre's movies sit in every partition of the table.
pub fn scratch_genre(i: u64, partitions: u64) -> AttributeValue {
    let mixed = i.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    AttributeValue::S(format!("genre-{:03}", mixed % partitions))
}

/// Creates the scratch table (on-demand), with a GSI on genre projecting everything when
/// `index` names one, and waits until it answers.
pub async fn create_scratch(client: &Client, table: &str, index: Option<&str>) -> Result<()> {
    let element = |name: &str, t: KeyType| {
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(t)
            .build()
            .expect("set")
    };
    let definition = |name: &str, t: ScalarAttributeType| {
        AttributeDefinition::builder()
            .attribute_name(name)
            .attribute_type(t)
            .build()
            .expect("set")
    };
    let mut request = client
        .create_table()
        .table_name(table)
        .key_schema(element(PARTITION_KEY, KeyType::Hash))
        .key_schema(element(SORT_KEY, KeyType::Range))
        .attribute_definitions(definition(PARTITION_KEY, ScalarAttributeType::N))
        .attribute_definitions(definition(SORT_KEY, ScalarAttributeType::S))
        .billing_mode(BillingMode::PayPerRequest);
    if let Some(index) = index {
        request = request
            .attribute_definitions(definition(GENRE, ScalarAttributeType::S))
            .global_secondary_indexes(
                GlobalSecondaryIndex::builder()
                    .index_name(index)
                    .key_schema(element(GENRE, KeyType::Hash))
                    .projection(
                        Projection::builder()
                            .projection_type(ProjectionType::All)
                            .build(),
                    )
                    .build()
                    .expect("name and key set"),
            );
    }
    request
        .send()
        .await
        .with_context(|| format!("create the scratch table {table}"))?;
    for _ in 0..600 {
        let out = client.describe_table().table_name(table).send().await?;
        let active = |status: Option<&str>| status == Some("ACTIVE");
        if out.table().is_some_and(|t| {
            active(t.table_status().map(|s| s.as_str()))
                && t.global_secondary_indexes()
                    .iter()
                    .all(|i| active(i.index_status().map(|s| s.as_str())))
        }) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    bail!("the scratch table {table} did not become ACTIVE")
}

/// Writes scratch items `from..to` with the bulk writer.
pub async fn seed(
    client: &Client,
    table: &str,
    from: u64,
    to: u64,
    options: &Options,
    on_item: &(dyn Fn() + Sync),
) -> Result<()> {
    let schema = KeySchema {
        partition: KeyAttribute {
            name: PARTITION_KEY.into(),
            kind: ScalarAttributeType::N,
        },
        sort: Some(KeyAttribute {
            name: SORT_KEY.into(),
            kind: ScalarAttributeType::S,
        }),
    };
    let (failures_tx, mut failures_rx) = mpsc::unbounded_channel();
    let batch_options = BatchOptions {
        parallel: options.parallel,
        retry_for: Duration::from_secs(120),
    };
    let writer = batch::Writer::start(
        client.clone(),
        table.to_string(),
        &batch_options,
        failures_tx,
        Arc::new(|_: &batch::Counts| {}),
    );
    let mut rng = Rng::new(options.seed ^ from);
    for i in from..to {
        let mut item = scratch_item(i, options.partitions, &mut rng);
        if options.index.is_some() {
            item.insert(GENRE.to_string(), scratch_genre(i, options.partitions));
        }
        let pending = batch::prepare(i + 1, String::new(), item, &schema)
            .map_err(|(_, reason)| anyhow::anyhow!("scratch item {i}: {reason}"))?;
        writer.send(pending).await;
        on_item();
    }
    let counts = writer.finish().await;
    if let Ok(failure) = failures_rx.try_recv() {
        bail!(
            "seeding failed: {} items not written, e.g. {}",
            counts.failed,
            failure.reason
        );
    }
    Ok(())
}

async fn read(
    client: &Client,
    table: &str,
    selector: &Selector,
    partition: &AttributeValue,
    scan: bool,
) -> Result<Read> {
    let key_names = &selector.key_names;
    let partition_key = selector.attribute.as_str();
    let started = Instant::now();
    let mut out = Read {
        keys: Vec::new(),
        examined: 0,
        pages: 0,
        capacity: 0.0,
        bytes: 0,
        elapsed: Duration::ZERO,
    };
    let mut start = None;
    loop {
        let (items, last, scanned, capacity) = if scan {
            let page = client
                .scan()
                .table_name(table)
                .filter_expression("#p = :p")
                .expression_attribute_names("#p", partition_key)
                .expression_attribute_values(":p", partition.clone())
                .return_consumed_capacity(ReturnConsumedCapacity::Total)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .context("Scan")?;
            (
                page.items,
                page.last_evaluated_key,
                page.scanned_count,
                page.consumed_capacity,
            )
        } else {
            let page = client
                .query()
                .table_name(table)
                .set_index_name(selector.index.clone())
                .key_condition_expression("#p = :p")
                .expression_attribute_names("#p", partition_key)
                .expression_attribute_values(":p", partition.clone())
                .return_consumed_capacity(ReturnConsumedCapacity::Total)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .context("Query")?;
            (
                page.items,
                page.last_evaluated_key,
                page.scanned_count,
                page.consumed_capacity,
            )
        };
        let items = items.unwrap_or_default();
        let capacity = capacity.and_then(|c| c.capacity_units).unwrap_or(0.0);
        out.pages += 1;
        out.examined += scanned.max(0) as u64;
        out.capacity += capacity;
        for it in &items {
            out.bytes += item::item_size(it) as u64;
            out.keys
                .push(item::key_to_json(&item::project(it, key_names), key_names).to_string());
        }
        match last {
            Some(key) => start = Some(key),
            None => break,
        }
    }
    out.elapsed = started.elapsed();
    out.keys.sort();
    Ok(out)
}

/// Measures `repeat` random partitions at the table's current size.
pub async fn measure(
    client: &Client,
    table: &str,
    selector: &Selector,
    partitions: &[AttributeValue],
    items: u64,
    options: &Options,
    on_call: &(dyn Fn() + Sync),
) -> Result<SizeResult> {
    let mut rng = Rng::new(options.seed.wrapping_add(items));
    let mut result = SizeResult {
        items,
        query: OpStats::default(),
        scan: OpStats::default(),
    };
    for _ in 0..options.repeat {
        let partition = &partitions[rng.below(partitions.len() as u64) as usize];
        let mut query = read(client, table, selector, partition, false).await?;
        let mut scan = read(client, table, selector, partition, true).await?;
        // A global index catches up with the table asynchronously (on AWS, within a second or
        // so of the writes): give it that long before calling the two different.
        let mut waited = 0;
        while query.keys != scan.keys && selector.index.is_some() && waited < 30 {
            tokio::time::sleep(Duration::from_secs(1)).await;
            waited += 1;
            query = read(client, table, selector, partition, false).await?;
            scan = read(client, table, selector, partition, true).await?;
        }
        if query.keys != scan.keys {
            bail!(
                "Query and Scan returned different items for partition {partition:?} ({} against {}): the comparison would be meaningless",
                query.keys.len(),
                scan.keys.len()
            );
        }
        for (stats, r) in [(&mut result.query, query), (&mut result.scan, scan)] {
            stats.calls += 1;
            stats.returned += r.keys.len() as u64;
            stats.examined += r.examined;
            stats.pages += r.pages;
            stats.capacity += r.capacity;
            stats.bytes += r.bytes;
            stats.latency.record(r.elapsed);
        }
        on_call();
    }
    Ok(result)
}

/// The distinct partition-key values of an existing table and its item count (one full scan).
pub async fn survey(
    client: &Client,
    table: &str,
    partition_key: &str,
) -> Result<(Vec<AttributeValue>, u64)> {
    let mut seen: Vec<AttributeValue> = Vec::new();
    let mut count = 0u64;
    let mut start = None;
    loop {
        let page = client
            .scan()
            .table_name(table)
            .projection_expression("#p")
            .expression_attribute_names("#p", partition_key)
            .set_exclusive_start_key(start.take())
            .send()
            .await
            .with_context(|| format!("scan {table}"))?;
        for it in page.items() {
            count += 1;
            if let Some(v) = it.get(partition_key) {
                if !seen.contains(v) {
                    seen.push(v.clone());
                }
            }
        }
        match page.last_evaluated_key {
            Some(key) => start = Some(key),
            None => return Ok((seen, count)),
        }
    }
}

/// The values a scratch-table read selects by: its years, or with an index its genres.
pub fn scratch_partitions(partitions: u64, index: bool) -> Vec<AttributeValue> {
    (0..partitions)
        .map(|p| match index {
            false => AttributeValue::N((1900 + p).to_string()),
            true => AttributeValue::S(format!("genre-{p:03}")),
        })
        .collect()
}
