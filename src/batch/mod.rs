//! Writing many items with BatchWriteItem: 25 to a request, several requests in flight, retrying
//! unprocessed items and throttling with capped exponential backoff and full jitter, until every
//! item is written or its time runs out; nothing is dropped without being reported.
//!
//! Items are routed to lanes by a hash of their key, and each lane sends one request at a time:
//! two puts of the same key therefore always reach the server in input order, and the later one
//! wins, as with sequential puts. Inside one request DynamoDB refuses duplicate keys, so a lane
//! collapses them before sending (the later item wins there too) and counts them.
//!
//! The [`Tracker`] knows which positions are not yet acknowledged, so an interrupted load can say
//! from which input position to resume without a gap. [`key`] checks an item's key and gives
//! it the canonical text lanes are chosen by.

mod key;

pub use key::prepare;

use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aws_sdk_dynamodb::error::ProvideErrorMetadata;
use aws_sdk_dynamodb::error::SdkError;
use aws_sdk_dynamodb::types::{DeleteRequest, PutRequest, ReturnConsumedCapacity, WriteRequest};
use aws_sdk_dynamodb::Client;
use aws_smithy_types::retry::RetryConfig;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::item::Item;

/// DynamoDB's limit of write requests in one BatchWriteItem.
pub const BATCH_SIZE: usize = 25;

/// How a load is written.
#[derive(Debug, Clone)]
pub struct Options {
    /// Requests in flight at once (lanes).
    pub parallel: usize,
    /// How long one batch may keep retrying before its items are reported as failed.
    pub retry_for: Duration,
}

/// One item on its way, with where it came from.
#[derive(Debug, Clone)]
pub struct Pending {
    pub position: u64,
    pub raw: String,
    /// The item to put, or for a delete the key.
    pub item: Item,
    key: String,
    delete: bool,
}

impl Pending {
    /// This item's key deleted instead of the item put (BatchWriteItem's DeleteRequest).
    pub fn into_delete(mut self, key_names: &[String]) -> Pending {
        self.item = crate::item::project(&self.item, key_names);
        self.delete = true;
        self
    }

    /// The key as a canonical text: equal keys ("1" and "1.0" for a number) give equal texts.
    pub fn key_text(&self) -> &str {
        &self.key
    }
}

/// An item that could not be written, and why.
#[derive(Debug, Clone)]
pub struct Failure {
    pub position: u64,
    pub raw: String,
    pub reason: String,
}

/// Counts for the summary; shared by the lanes.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Counts {
    pub written: u64,
    pub failed: u64,
    /// Requests sent again (throttled, failed transiently, or with unprocessed items).
    pub retried: u64,
    /// Items replaced by a later item with the same key in the same request.
    pub collapsed: u64,
    pub capacity: f64,
    pub requests: u64,
}

/// The counts and the tracker are plain numbers and sets, whole after every update: a lane that
/// panicked while holding one (its progress callback, say) leaves nothing half-written to fear.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Which input positions are handed to the writer and not yet acknowledged.
#[derive(Debug, Default)]
pub struct Tracker {
    state: Mutex<TrackerState>,
}

#[derive(Debug, Default)]
struct TrackerState {
    in_flight: BTreeSet<u64>,
    highest: u64,
}

impl Tracker {
    fn dispatch(&self, position: u64) {
        let mut s = lock(&self.state);
        s.in_flight.insert(position);
        s.highest = s.highest.max(position);
    }

    fn done(&self, positions: impl IntoIterator<Item = u64>) {
        let mut s = lock(&self.state);
        for p in positions {
            s.in_flight.remove(&p);
        }
    }

    /// Marks a position handled without sending it (rejected, or skipped).
    pub fn handled(&self, position: u64) {
        let mut s = lock(&self.state);
        s.highest = s.highest.max(position);
    }

    /// Every position handed out and not acknowledged, in order.
    fn unacknowledged(&self) -> Vec<u64> {
        let s = lock(&self.state);
        s.in_flight.iter().copied().collect()
    }

    /// The first position not known to be handled: every earlier one was written or reported.
    pub fn resume_from(&self) -> u64 {
        let s = lock(&self.state);
        s.in_flight.first().copied().unwrap_or(s.highest + 1)
    }
}

/// The lanes of a load in progress.
pub struct Writer {
    lanes: Vec<mpsc::Sender<Pending>>,
    tasks: JoinSet<()>,
    pub counts: Arc<Mutex<Counts>>,
    pub tracker: Arc<Tracker>,
    failures: mpsc::UnboundedSender<Failure>,
}

impl Writer {
    /// Starts the lanes. Failures are sent on `failures`; `on_progress` sees the counts after
    /// every acknowledged request.
    pub fn start(
        client: Client,
        table: String,
        options: &Options,
        failures: mpsc::UnboundedSender<Failure>,
        on_progress: Arc<dyn Fn(&Counts) + Send + Sync>,
    ) -> Writer {
        let counts = Arc::new(Mutex::new(Counts::default()));
        let tracker = Arc::new(Tracker::default());
        let mut lanes = Vec::new();
        let mut tasks = JoinSet::new();
        for _ in 0..options.parallel.max(1) {
            let (tx, rx) = mpsc::channel::<Pending>(4 * BATCH_SIZE);
            lanes.push(tx);
            let lane = Lane {
                client: client.clone(),
                table: table.clone(),
                retry_for: options.retry_for,
                counts: counts.clone(),
                tracker: tracker.clone(),
                failures: failures.clone(),
                on_progress: on_progress.clone(),
            };
            tasks.spawn(lane.run(rx));
        }
        Writer {
            lanes,
            tasks,
            counts,
            tracker,
            failures,
        }
    }

    /// Hands an item to the lane of its key; waits while that lane is full.
    pub async fn send(&self, pending: Pending) {
        let mut hasher = DefaultHasher::new();
        pending.key.hash(&mut hasher);
        let lane = (hasher.finish() % self.lanes.len() as u64) as usize;
        self.tracker.dispatch(pending.position);
        // A lane stops early only when it failed; the item is then reported, not lost.
        if let Err(mpsc::error::SendError(pending)) = self.lanes[lane].send(pending).await {
            self.lost(vec![(pending.position, pending.raw)]);
        }
    }

    /// Lets every lane write what it holds, then returns the counts. Items a failed lane held are
    /// reported as failures: a load never ends "done" with items unaccounted for.
    pub async fn finish(mut self) -> Counts {
        self.lanes.clear();
        let mut failed_lane = false;
        while let Some(joined) = self.tasks.join_next().await {
            failed_lane |= joined.is_err();
        }
        if failed_lane {
            let unacknowledged = self.tracker.unacknowledged();
            self.lost(
                unacknowledged
                    .into_iter()
                    .map(|p| (p, String::new()))
                    .collect(),
            );
        }
        let counts = lock(&self.counts).clone();
        counts
    }

    /// Reports items a failed lane held. Their text is known only when they never reached it.
    fn lost(&self, items: Vec<(u64, String)>) {
        lock(&self.counts).failed += items.len() as u64;
        self.tracker
            .done(items.iter().map(|(position, _)| *position));
        for (position, raw) in items {
            let _ = self.failures.send(Failure {
                position,
                raw,
                reason:
                    "a writer lane failed before the item was acknowledged; it may not be written"
                        .into(),
            });
        }
    }

    /// Stops at once: requests in flight are abandoned and their items stay unacknowledged.
    pub async fn abort(mut self) -> Counts {
        self.tasks.abort_all();
        while self.tasks.join_next().await.is_some() {}
        let counts = lock(&self.counts).clone();
        counts
    }
}

struct Lane {
    client: Client,
    table: String,
    retry_for: Duration,
    counts: Arc<Mutex<Counts>>,
    tracker: Arc<Tracker>,
    failures: mpsc::UnboundedSender<Failure>,
    on_progress: Arc<dyn Fn(&Counts) + Send + Sync>,
}

impl Lane {
    async fn run(self, mut rx: mpsc::Receiver<Pending>) {
        while let Some(first) = rx.recv().await {
            let mut batch = vec![first];
            // Fill the batch from what is already waiting; a slow producer gets a short grace.
            let deadline = tokio::time::Instant::now() + Duration::from_millis(20);
            while batch.len() < BATCH_SIZE {
                match rx.try_recv() {
                    Ok(p) => batch.push(p),
                    Err(mpsc::error::TryRecvError::Empty) => {
                        match tokio::time::timeout_at(deadline, rx.recv()).await {
                            Ok(Some(p)) => batch.push(p),
                            _ => break,
                        }
                    }
                    Err(mpsc::error::TryRecvError::Disconnected) => break,
                }
            }
            self.write(batch).await;
        }
    }

    async fn write(&self, batch: Vec<Pending>) {
        // Collapse duplicate keys: the later item replaces the earlier one.
        let mut order: Vec<String> = Vec::new();
        let mut by_key: HashMap<String, Pending> = HashMap::new();
        let mut collapsed_positions = Vec::new();
        for p in batch {
            if let Some(earlier) = by_key.insert(p.key.clone(), p.clone()) {
                collapsed_positions.push(earlier.position);
            } else {
                order.push(p.key);
            }
        }
        let collapsed = collapsed_positions.len() as u64;
        let mut remaining: Vec<Pending> = order
            .into_iter()
            .map(|k| by_key.remove(&k).expect("key kept"))
            .collect();
        let started = Instant::now();
        let mut attempt = 0u32;
        loop {
            let requests: Vec<WriteRequest> = remaining
                .iter()
                .map(|p| match p.delete {
                    true => WriteRequest::builder()
                        .delete_request(
                            DeleteRequest::builder()
                                .set_key(Some(p.item.clone()))
                                .build()
                                .expect("key set"),
                        )
                        .build(),
                    false => WriteRequest::builder()
                        .put_request(
                            PutRequest::builder()
                                .set_item(Some(p.item.clone()))
                                .build()
                                .expect("item set"),
                        )
                        .build(),
                })
                .collect();
            let result = self
                .client
                .batch_write_item()
                .request_items(&self.table, requests)
                .return_consumed_capacity(ReturnConsumedCapacity::Total)
                .customize()
                .config_override(
                    aws_sdk_dynamodb::Config::builder().retry_config(RetryConfig::disabled()),
                )
                .send()
                .await;
            let mut retry = false;
            match result {
                Ok(out) => {
                    let unprocessed: Vec<Item> = out
                        .unprocessed_items()
                        .and_then(|u| u.get(&self.table))
                        .map(|reqs| {
                            reqs.iter()
                                .filter_map(|r| {
                                    r.put_request()
                                        .map(|p| p.item().clone())
                                        .or_else(|| r.delete_request().map(|d| d.key().clone()))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let capacity: f64 = out
                        .consumed_capacity()
                        .iter()
                        .filter_map(|c| c.capacity_units())
                        .sum();
                    let (done, left): (Vec<Pending>, Vec<Pending>) = if unprocessed.is_empty() {
                        (std::mem::take(&mut remaining), Vec::new())
                    } else {
                        std::mem::take(&mut remaining)
                            .into_iter()
                            .partition(|p| !unprocessed.contains(&p.item))
                    };
                    let progress = {
                        let mut c = lock(&self.counts);
                        c.requests += 1;
                        c.capacity += capacity;
                        c.written += done.len() as u64;
                        c.clone()
                    };
                    self.tracker.done(done.iter().map(|p| p.position));
                    (self.on_progress)(&progress);
                    remaining = left;
                    retry = !remaining.is_empty();
                }
                Err(err) if is_retryable(&err) => {
                    lock(&self.counts).requests += 1;
                    retry = true;
                }
                Err(err) => {
                    let reason = error_text(&err);
                    self.fail(std::mem::take(&mut remaining), &reason);
                }
            }
            if !retry {
                break;
            }
            if started.elapsed() >= self.retry_for {
                let reason = format!(
                    "still not written after {} s of retries",
                    self.retry_for.as_secs()
                );
                self.fail(std::mem::take(&mut remaining), &reason);
                break;
            }
            lock(&self.counts).retried += 1;
            tokio::time::sleep(backoff(attempt)).await;
            attempt += 1;
        }
        let mut c = lock(&self.counts);
        c.collapsed += collapsed;
        drop(c);
        self.tracker.done(collapsed_positions);
    }

    fn fail(&self, items: Vec<Pending>, reason: &str) {
        lock(&self.counts).failed += items.len() as u64;
        self.tracker.done(items.iter().map(|p| p.position));
        for p in items {
            let _ = self.failures.send(Failure {
                position: p.position,
                raw: p.raw,
                reason: reason.to_string(),
            });
        }
    }
}

/// Capped exponential backoff with full jitter: a random pause up to 25 ms × 2^attempt, at most 2 s.
/// Capped exponential backoff with full jitter, for every retry of a batch request.
pub fn backoff(attempt: u32) -> Duration {
    let ceiling = Duration::from_millis(25)
        .saturating_mul(1 << attempt.min(16))
        .min(Duration::from_secs(2));
    ceiling.mul_f64(fastrand::f64())
}

fn is_retryable<E, R>(err: &SdkError<E, R>) -> bool
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    if crate::client::Explain::stopped(err) {
        return false;
    }
    match err {
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) | SdkError::ResponseError(_) => {
            true
        }
        SdkError::ServiceError(e) => matches!(
            e.err().code(),
            Some(
                "ProvisionedThroughputExceededException"
                    | "ThrottlingException"
                    | "RequestLimitExceeded"
                    | "InternalServerError"
                    | "ServiceUnavailable"
                    | "LimitExceededException"
            )
        ),
        _ => false,
    }
}

fn error_text<E: ProvideErrorMetadata, R>(err: &SdkError<E, R>) -> String {
    match (err.code(), err.message()) {
        (Some(code), Some(message)) => format!("{code}: {message}"),
        (Some(code), None) => code.to_string(),
        _ => "the request failed".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{KeyAttribute, KeySchema};
    use aws_sdk_dynamodb::types::ScalarAttributeType;

    /// A lane that dies (here: its progress callback panics) must not make its items vanish.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn items_of_a_failed_lane_are_reported_as_failed() {
        let options = crate::target::TargetOptions {
            in_memory: true,
            ..Default::default()
        };
        let db = crate::client::Db::connect(&options)
            .await
            .expect("the engine starts");
        use aws_sdk_dynamodb::types::{
            AttributeDefinition, BillingMode, KeySchemaElement, KeyType,
        };
        db.client
            .create_table()
            .table_name("Lanes")
            .key_schema(
                KeySchemaElement::builder()
                    .attribute_name("id")
                    .key_type(KeyType::Hash)
                    .build()
                    .unwrap(),
            )
            .attribute_definitions(
                AttributeDefinition::builder()
                    .attribute_name("id")
                    .attribute_type(ScalarAttributeType::S)
                    .build()
                    .unwrap(),
            )
            .billing_mode(BillingMode::PayPerRequest)
            .send()
            .await
            .unwrap();
        let schema = KeySchema {
            partition: KeyAttribute {
                name: "id".into(),
                kind: ScalarAttributeType::S,
            },
            sort: None,
        };
        let (failures_tx, mut failures_rx) = mpsc::unbounded_channel();
        let options = Options {
            parallel: 2,
            retry_for: Duration::from_secs(5),
        };
        let writer = Writer::start(
            db.client.clone(),
            "Lanes".into(),
            &options,
            failures_tx,
            Arc::new(|_: &Counts| panic!("a lane fails after its first request")),
        );
        for position in 1..=200u64 {
            let raw = format!(r#"{{"id": "{position}"}}"#);
            let it = crate::item::item_from_json(&crate::item::parse_json(&raw).unwrap(), false)
                .unwrap();
            writer
                .send(prepare(position, raw, it, &schema).unwrap())
                .await;
        }
        let counts = writer.finish().await;
        let mut reported = Vec::new();
        while let Ok(failure) = failures_rx.try_recv() {
            reported.push(failure.position);
        }
        assert_eq!(counts.failed, reported.len() as u64);
        assert_eq!(
            counts.written + counts.failed,
            200,
            "every item is written or reported: {counts:?}"
        );
        assert!(counts.failed > 0, "{counts:?}");
    }

    #[test]
    fn the_tracker_resumes_at_the_first_unacknowledged_position() {
        let t = Tracker::default();
        for p in 1..=5 {
            t.dispatch(p);
        }
        t.done([1, 2, 4]);
        assert_eq!(t.resume_from(), 3);
        t.done([3, 5]);
        assert_eq!(t.resume_from(), 6);
        t.handled(9);
        assert_eq!(t.resume_from(), 10);
    }

    #[test]
    fn backoff_stays_under_its_cap() {
        for attempt in 0..40 {
            assert!(backoff(attempt) <= Duration::from_secs(2));
        }
    }
}
