//! Items from a scan into the bulk writer's lanes: what `copy` (puts on another table) and
//! [`truncate`] (deletes of the keys read) share, and the checkpoint a copy resumes from. The scan runs in segments and hands its pages
//! through a bounded channel, the writer's lanes hold back the scan when they are full, and a
//! failure on either side is counted, never dropped.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Result;
use aws_sdk_dynamodb::operation::scan::builders::ScanFluentBuilder;
use aws_sdk_dynamodb::types::ReturnConsumedCapacity;
use indicatif::{ProgressBar, ProgressStyle};
use tokio::sync::mpsc;

use crate::batch::{self, Counts, Options as BatchOptions};
use crate::client::{api_error, Db, ErrorContext};
use crate::expr::Placeholders;
use crate::paginate::{self, Page, SegmentStart};
use crate::schema::KeySchema;

pub mod checkpoint;

use self::checkpoint::Checkpoint;

type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// Where the items go and how.
pub struct Sink<'a> {
    pub db: &'a Db,
    pub table: &'a str,
    pub key: &'a KeySchema,
    pub parallel: usize,
    /// Delete the keys read instead of putting the items.
    pub delete: bool,
    /// Capacity units a second, read and written, not to exceed (as the servers report them).
    pub rate: Option<Rate>,
}

/// `--rate RCU,WCU`: a ceiling on consumed capacity units per second, on each side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub read: f64,
    pub write: f64,
}

/// `RCU,WCU`, as `--rate` takes it.
pub fn parse_rate(text: &str) -> Result<Rate, String> {
    let usage = || {
        format!("expected RCU,WCU (capacity units a second, above 0) like 100,50, found {text:?}")
    };
    let (read, write) = text.split_once(',').ok_or_else(usage)?;
    let units = |t: &str| {
        t.trim()
            .parse::<f64>()
            .ok()
            .filter(|u| u.is_finite() && *u > 0.0)
    };
    Ok(Rate {
        read: units(read).ok_or_else(usage)?,
        write: units(write).ok_or_else(usage)?,
    })
}

/// What a transfer amounted to.
pub struct Moved {
    pub read: u64,
    pub read_capacity: f64,
    pub counts: Counts,
    pub seconds: f64,
    /// The scan's error, when it stopped before the end.
    pub scan_error: Option<anyhow::Error>,
    /// One failed item's reason, when some failed.
    pub failure: Option<String>,
    /// Ctrl-C stopped it (only when it keeps a checkpoint).
    pub interrupted: bool,
}

/// Items a scan page holds at most here: the writer is slower than the scan, so pages wait in the
/// channel, and a full 1 MB page of parsed items takes some 10 MB (a 100,000-item copy peaked at
/// 250 MB with whole pages).
const PAGE_ITEMS: i32 = 500;

/// Runs `request` (a Scan, filter and projection set) in `segments`, at most `max_items` items,
/// into the sink.
pub async fn scan_into(
    request: ScanFluentBuilder,
    ctx: ErrorContext,
    segments: i32,
    max_items: Option<u64>,
    sink: Sink<'_>,
    bar: &ProgressBar,
    mut checkpoint: Option<&mut Checkpoint>,
) -> Result<Moved> {
    let fetch = segment_fetch(request.limit(PAGE_ITEMS), ctx, segments);
    let (failures_tx, mut failures_rx) = mpsc::unbounded_channel();
    let writer = batch::Writer::start(
        sink.db.client.clone(),
        sink.table.to_string(),
        &BatchOptions {
            parallel: sink.parallel.max(1),
            retry_for: Duration::from_secs(120),
        },
        failures_tx,
        Arc::new(|_: &Counts| {}),
    );
    let key_names = sink.key.names();
    let started = Instant::now();
    let starts = match &checkpoint {
        Some(checkpoint) => checkpoint.segments.clone(),
        None => (0..segments).map(|_| SegmentStart::From(None)).collect(),
    };
    let mut pages = paginate::segment_pages_from(starts, fetch);
    let (mut read, mut read_capacity, mut scan_error) = (0u64, 0.0, None);
    let interrupt = tokio::signal::ctrl_c();
    tokio::pin!(interrupt);
    let mut interrupted = false;
    'pages: loop {
        let next = tokio::select! {
            next = pages.recv() => next,
            _ = &mut interrupt, if checkpoint.is_some() => {
                interrupted = true;
                break;
            }
        };
        let Some((segment, page)) = next else {
            break;
        };
        let page = match page {
            Ok(page) => page,
            Err(error) => {
                scan_error = Some(error);
                break;
            }
        };
        let last_key = page.last_key.clone();
        read_capacity += page.capacity;
        pace(sink.rate, started, read_capacity, read, &writer).await;
        for item in page.items {
            if max_items.is_some_and(|max| read >= max) {
                break 'pages;
            }
            read += 1;
            if read % batch::BATCH_SIZE as u64 == 0 {
                pace(sink.rate, started, read_capacity, read, &writer).await;
            }
            match batch::prepare(read, String::new(), item, sink.key) {
                Ok(pending) if sink.delete => writer.send(pending.into_delete(&key_names)).await,
                Ok(pending) => writer.send(pending).await,
                Err((_, reason)) => {
                    scan_error = Some(anyhow::anyhow!(
                        "an item does not fit table {}: {reason}",
                        sink.table
                    ));
                    break 'pages;
                }
            }
            bar.inc(1);
        }
        if let Some(checkpoint) = checkpoint.as_deref_mut() {
            checkpoint.page_sent(segment, last_key, read);
            // In this order: a lane counts a failure before it marks the position handled, so a
            // failure that moved resume_from past an item is seen as a failure here.
            let acknowledged = writer.tracker.resume_from();
            let failed = writer.counts.lock().map(|c| c.failed > 0).unwrap_or(true);
            checkpoint.advance(acknowledged, failed);
        }
    }
    drop(pages);
    let tracker = writer.tracker.clone();
    let counts = writer.finish().await;
    if let Some(checkpoint) = checkpoint {
        checkpoint.advance(tracker.resume_from(), counts.failed > 0);
    }
    bar.finish_and_clear();
    Ok(Moved {
        read,
        read_capacity,
        failure: failures_rx.try_recv().ok().map(|f| f.reason),
        counts,
        seconds: started.elapsed().as_secs_f64(),
        scan_error,
        interrupted,
    })
}

/// Deletes every item of `table` and keeps the table: a keys-only scan in `segments` feeding
/// BatchWriteItem deletes, `parallel` requests at once. Items written meanwhile may survive.
pub async fn truncate(
    db: &Db,
    table: &str,
    segments: i32,
    parallel: usize,
    rate: Option<Rate>,
    bar: &ProgressBar,
) -> Result<Moved> {
    let key = KeySchema::of(&db.describe(table).await?, None)?;
    // Keys only: every name aliased, so reserved words (year, name) need no care.
    let names: Vec<String> = key
        .names()
        .iter()
        .enumerate()
        .map(|(i, name)| format!("#k{i}={name}"))
        .collect();
    let placeholders = Placeholders::parse(&names, &[], false)?;
    let projection: Vec<String> = (0..names.len()).map(|i| format!("#k{i}")).collect();
    let request = db
        .client
        .scan()
        .table_name(table)
        .projection_expression(projection.join(", "))
        .set_expression_attribute_names(placeholders.names_or_none())
        .return_consumed_capacity(ReturnConsumedCapacity::Total);
    let sink = Sink {
        db,
        table,
        key: &key,
        parallel,
        delete: true,
        rate,
    };
    scan_into(request, db.at(table), segments, None, sink, bar, None).await
}

/// One page of one segment of `request`, as [`paginate::segment_pages`] asks for them.
pub fn segment_fetch(
    request: ScanFluentBuilder,
    ctx: ErrorContext,
    segments: i32,
) -> impl Fn(i32, Option<crate::item::Item>) -> BoxFuture<'static, Result<Page>> + Clone + Send + 'static
{
    move |segment, start| {
        let request = request
            .clone()
            .set_exclusive_start_key(start)
            .segment(segment)
            .total_segments(segments);
        let ctx = ctx.clone();
        Box::pin(async move {
            let out = request
                .send()
                .await
                .map_err(|e| api_error(e, &ctx).context("scan"))?;
            Ok(Page::from_scan(out))
        })
    }
}

/// Waits until the capacity consumed so far fits under `--rate`: reads as the scan pages report
/// them; writes as the writer's acknowledged requests report them, plus the items handed to the
/// lanes and not yet acknowledged at the mean units per item so far (at least one, a write's
/// least). Holding the scan back holds the segments back in turn.
async fn pace(
    rate: Option<Rate>,
    started: Instant,
    read_capacity: f64,
    sent: u64,
    writer: &batch::Writer,
) {
    let Some(rate) = rate else {
        return;
    };
    let (done, written) = writer
        .counts
        .lock()
        .map(|c| (c.written + c.failed, c.capacity))
        .unwrap_or((0, 0.0));
    let per_item = if done > 0 {
        (written / done as f64).max(1.0)
    } else {
        1.0
    };
    let expected = written + sent.saturating_sub(done) as f64 * per_item;
    let due = (read_capacity / rate.read).max(expected / rate.write);
    let elapsed = started.elapsed().as_secs_f64();
    if due > elapsed {
        tokio::time::sleep(Duration::from_secs_f64(due - elapsed)).await;
    }
}

/// A spinner counting items, or a hidden one when `visible` is false.
pub fn bar(visible: bool, verb: &str) -> ProgressBar {
    if !visible {
        return ProgressBar::hidden();
    }
    let template = format!("{{spinner}} {verb} {{pos}} items ({{per_sec}}) {{elapsed}}");
    let bar = ProgressBar::new_spinner()
        .with_style(ProgressStyle::with_template(&template).expect("valid template"));
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
