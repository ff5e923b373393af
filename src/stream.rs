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

/// How often the shard list is read again while records keep coming (AWS splits shards about
/// every four hours; a new one found a second late loses nothing: it is read from its start).
const SHARD_REFRESH: Duration = Duration::from_secs(1);

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
            context,
        }
    }

    /// The records that are ready, one GetRecords per readable shard; empty when there are none
    /// yet (the caller decides how long to wait before asking again).
    pub async fn poll(&mut self) -> Result<Vec<Record>> {
        if self
            .refreshed
            .is_none_or(|at| at.elapsed() >= SHARD_REFRESH)
        {
            self.refresh().await?;
        }
        let mut records = Vec::new();
        for index in 0..self.shards.len() {
            if self.shards[index].done || !self.parent_done(index) {
                continue;
            }
            records.extend(self.read(index).await?);
        }
        Ok(records)
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
            None => self.iterator(index).await?,
        };
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
            Err(err) => return Err(api_error(err, &self.context).context("read the stream")),
        };
        let shard = &mut self.shards[index];
        shard.iterator = out.next_shard_iterator().map(str::to_string);
        if shard.iterator.is_none() {
            shard.done = true;
        }
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

    async fn iterator(&mut self, index: usize) -> Result<String> {
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
        let out = request
            .send()
            .await
            .map_err(|e| api_error(e, &self.context).context(format!("open shard {}", shard.id)))?;
        let iterator = out
            .shard_iterator()
            .with_context(|| format!("no iterator for shard {}", shard.id))?
            .to_string();
        self.shards[index].iterator = Some(iterator.clone());
        Ok(iterator)
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
