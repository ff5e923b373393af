//! Following a table's stream: DescribeStream for its shards (again while following, so shards
//! that appear are picked up), GetShardIterator and GetRecords on each, a child shard only after
//! its parent is read to its end, so records of one key come out in the order they were written.
//! Records come back as [`Record`]s with the table's attribute values; what to print is the
//! command's business (`ddb tail`).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use aws_sdk_dynamodb::types::AttributeValue;
use aws_sdk_dynamodbstreams::types::{AttributeValue as StreamValue, ShardIteratorType};
use aws_sdk_dynamodbstreams::Client;

use crate::client::{api_error, ErrorContext};
use crate::item::Item;

/// How often the shard list is read again when no shard has ended (AWS splits shards about every
/// four hours; a child shard is read from its start, so finding it late loses nothing). A shard
/// that ends has its children listed at once.
const SHARD_REFRESH: Duration = Duration::from_secs(30);

/// The least time between two GetRecords on one shard: AWS allows five a second per shard.
const READ_GAP: Duration = Duration::from_millis(250);

/// One change to one item.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// INSERT, MODIFY or REMOVE.
    pub event: String,
    pub keys: Item,
    pub new: Option<Item>,
    pub old: Option<Item>,
    pub sequence: String,
    /// When the change was made, RFC 3339, to the precision the service gives.
    pub time: Option<String>,
}

/// Where reading starts in the shards open when following begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Start {
    /// The oldest record still kept (24 hours on AWS).
    TrimHorizon,
    /// Only changes made from now on.
    Latest,
}

#[derive(Debug)]
struct Shard {
    id: String,
    parent: Option<String>,
    /// Where to read next; None before the first read and once the shard is closed and read.
    iterator: Option<String>,
    /// Where a new iterator starts (the first, or one that replaces an expired iterator).
    position: Position,
    done: bool,
    /// Not read again before this.
    due: Instant,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Position {
    TrimHorizon,
    Latest,
    After(String),
}

/// Reads one stream's records across its shards.
pub struct Follower {
    client: Client,
    arn: String,
    start: Start,
    shards: Vec<Shard>,
    refreshed: Option<Instant>,
    /// A shard ended since the last refresh: its children may be waiting.
    shard_ended: bool,
    /// The last DescribeStream said DISABLED: once every shard is read, nothing more will come.
    disabled: bool,
    context: ErrorContext,
}

impl Follower {
    pub fn new(client: Client, arn: &str, start: Start, context: ErrorContext) -> Follower {
        Follower {
            client,
            arn: arn.to_string(),
            start,
            shards: Vec::new(),
            refreshed: None,
            shard_ended: false,
            disabled: false,
            context,
        }
    }

    /// The records that are ready, one GetRecords per shard that is due; empty when there are
    /// none yet (the caller decides how long to wait before asking again); None once the stream
    /// is turned off and every record of it has been read.
    pub async fn poll(&mut self) -> Result<Option<Vec<Record>>> {
        if self.shard_ended
            || self
                .refreshed
                .is_none_or(|at| at.elapsed() >= SHARD_REFRESH)
        {
            self.shard_ended = false;
            self.refresh().await?;
        }
        if self.disabled && self.shards.iter().all(|s| s.done) {
            return Ok(None);
        }
        let mut records = Vec::new();
        let now = Instant::now();
        for index in 0..self.shards.len() {
            let shard = &self.shards[index];
            if shard.done || shard.due > now || !self.parent_done(index) {
                continue;
            }
            records.extend(self.read(index).await?);
        }
        Ok(Some(records))
    }

    /// A shard is read once its parent, when this stream still lists it, has been read through.
    fn parent_done(&self, index: usize) -> bool {
        let Some(parent) = &self.shards[index].parent else {
            return true;
        };
        self.shards
            .iter()
            .find(|s| &s.id == parent)
            .is_none_or(|s| s.done)
    }

    /// DescribeStream, every page; shards not seen before are added, to be read from their start
    /// unless they were open when following began and `--from latest` asked for new changes only.
    async fn refresh(&mut self) -> Result<()> {
        let first = self.refreshed.is_none();
        let mut start_after: Option<String> = None;
        loop {
            let out = self
                .client
                .describe_stream()
                .stream_arn(&self.arn)
                .set_exclusive_start_shard_id(start_after)
                .send()
                .await
                .map_err(|e| api_error(e, &self.context).context("describe the stream"))?;
            let description = out.stream_description().context("no stream description")?;
            self.disabled = description
                .stream_status()
                .is_some_and(|s| *s == aws_sdk_dynamodbstreams::types::StreamStatus::Disabled);
            for shard in description.shards() {
                let Some(id) = shard.shard_id() else {
                    continue;
                };
                if self.shards.iter().any(|s| s.id == id) {
                    continue;
                }
                self.shards.push(Shard {
                    id: id.to_string(),
                    parent: shard.parent_shard_id().map(str::to_string),
                    iterator: None,
                    position: if first && self.start == Start::Latest {
                        Position::Latest
                    } else {
                        Position::TrimHorizon
                    },
                    done: false,
                    due: Instant::now(),
                });
            }
            start_after = description.last_evaluated_shard_id().map(str::to_string);
            if start_after.is_none() {
                break;
            }
        }
        self.refreshed = Some(Instant::now());
        Ok(())
    }

    /// GetRecords once on a shard, getting an iterator first where needed (again after one
    /// expired, from after the last record read).
    async fn read(&mut self, index: usize) -> Result<Vec<Record>> {
        let iterator = match self.shards[index].iterator.clone() {
            Some(iterator) => iterator,
            None => match self.iterator(index).await? {
                Some(iterator) => iterator,
                None => return Ok(Vec::new()),
            },
        };
        self.shards[index].due = Instant::now() + READ_GAP;
        let out = match self
            .client
            .get_records()
            .shard_iterator(&iterator)
            .send()
            .await
        {
            Ok(out) => out,
            Err(err)
                if err
                    .as_service_error()
                    .is_some_and(|e| e.is_expired_iterator_exception()) =>
            {
                self.shards[index].iterator = None;
                return Ok(Vec::new());
            }
            // Trimmed away (older than 24 hours) since it was listed: nothing more to read there.
            Err(err)
                if err.as_service_error().is_some_and(|e| {
                    e.is_trimmed_data_access_exception() || e.is_resource_not_found_exception()
                }) =>
            {
                self.end(index);
                return Ok(Vec::new());
            }
            Err(err) => return Err(api_error(err, &self.context).context("read the stream")),
        };
        self.shards[index].iterator = out.next_shard_iterator().map(str::to_string);
        if self.shards[index].iterator.is_none() {
            self.end(index);
        }
        let shard = &mut self.shards[index];
        let mut records = Vec::new();
        for record in out.records() {
            let Some(change) = record.dynamodb() else {
                continue;
            };
            let sequence = change.sequence_number().unwrap_or_default().to_string();
            shard.position = Position::After(sequence.clone());
            records.push(Record {
                event: record.event_name().map_or("?", |e| e.as_str()).to_string(),
                keys: item(change.keys())?,
                new: change.new_image().map(|i| item(Some(i))).transpose()?,
                old: change.old_image().map(|i| item(Some(i))).transpose()?,
                sequence,
                time: change
                    .approximate_creation_date_time()
                    .and_then(|t| t.fmt(aws_smithy_types::date_time::Format::DateTime).ok()),
            });
        }
        Ok(records)
    }

    fn end(&mut self, index: usize) {
        self.shards[index].done = true;
        self.shard_ended = true;
    }

    /// A new iterator for the shard, None when the shard is trimmed away.
    async fn iterator(&mut self, index: usize) -> Result<Option<String>> {
        let shard = &self.shards[index];
        let request = self
            .client
            .get_shard_iterator()
            .stream_arn(&self.arn)
            .shard_id(&shard.id);
        let request = match &shard.position {
            Position::TrimHorizon => request.shard_iterator_type(ShardIteratorType::TrimHorizon),
            Position::Latest => request.shard_iterator_type(ShardIteratorType::Latest),
            Position::After(sequence) => request
                .shard_iterator_type(ShardIteratorType::AfterSequenceNumber)
                .sequence_number(sequence),
        };
        let out = match request.send().await {
            Ok(out) => out,
            Err(err)
                if err.as_service_error().is_some_and(|e| {
                    e.is_trimmed_data_access_exception() || e.is_resource_not_found_exception()
                }) =>
            {
                self.end(index);
                return Ok(None);
            }
            Err(err) => {
                let id = &self.shards[index].id;
                return Err(api_error(err, &self.context).context(format!("open shard {id}")));
            }
        };
        let shard = &self.shards[index];
        let iterator = out
            .shard_iterator()
            .with_context(|| format!("no iterator for shard {}", shard.id))?
            .to_string();
        self.shards[index].iterator = Some(iterator.clone());
        Ok(Some(iterator))
    }
}

fn item(image: Option<&HashMap<String, StreamValue>>) -> Result<Item> {
    image
        .into_iter()
        .flatten()
        .map(|(name, value)| Ok((name.clone(), value_of(value)?)))
        .collect()
}

/// A stream's attribute value as the table's: the two SDK crates each have their own type.
fn value_of(value: &StreamValue) -> Result<AttributeValue> {
    Ok(match value {
        StreamValue::S(s) => AttributeValue::S(s.clone()),
        StreamValue::N(n) => AttributeValue::N(n.clone()),
        StreamValue::B(b) => AttributeValue::B(b.clone()),
        StreamValue::Bool(b) => AttributeValue::Bool(*b),
        StreamValue::Null(n) => AttributeValue::Null(*n),
        StreamValue::Ss(v) => AttributeValue::Ss(v.clone()),
        StreamValue::Ns(v) => AttributeValue::Ns(v.clone()),
        StreamValue::Bs(v) => AttributeValue::Bs(v.clone()),
        StreamValue::L(v) => AttributeValue::L(v.iter().map(value_of).collect::<Result<_>>()?),
        StreamValue::M(m) => AttributeValue::M(
            m.iter()
                .map(|(k, v)| Ok((k.clone(), value_of(v)?)))
                .collect::<Result<_>>()?,
        ),
        other => {
            anyhow::bail!("a stream record holds a value of a type ddb does not know: {other:?}")
        }
    })
}
