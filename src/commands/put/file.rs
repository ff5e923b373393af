//! `ddb put --file`: a streaming bulk load. Records are read on a blocking thread, checked
//! against the table's key schema, and handed to the [`batch`] writer; bad records are reported
//! by position and kept in a rejects file; Ctrl-C stops cleanly and says where to resume.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use tokio::sync::mpsc;

use super::Args;
use crate::batch::{self, Failure, Options};
use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::{Outcome, UsageError};
use crate::input::{self, CsvTypes, InputFormat, Record};

/// How many bad records are listed on stderr before the rest are only counted.
const LISTED_REJECTS: u64 = 20;

/// The options of a bulk load.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Bulk load (--file)")]
pub struct BulkArgs {
    /// Load every item of a file (NDJSON, a JSON array or CSV), or - for standard input
    #[arg(long, value_name = "PATH")]
    pub file: Option<String>,
    /// Input format [default: .csv files are CSV; otherwise a leading [ means a JSON array, else NDJSON]
    #[arg(long, value_enum, requires = "file")]
    pub format: Option<InputFormat>,
    /// CSV column types, e.g. 'year=N,rating=N' (S, N, B, BOOL, JSON); other columns are inferred
    #[arg(long, value_name = "COLUMN=TYPE,...", requires = "file")]
    pub csv_types: Option<CsvTypes>,
    /// BatchWriteItem requests in flight at once
    #[arg(long, value_name = "N", default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256), requires = "file")]
    pub parallel: u16,
    /// Where bad records are written, as given [default: INPUT.rejects beside a file input]
    #[arg(long, value_name = "FILE", requires = "file")]
    pub rejects: Option<PathBuf>,
    /// Check every record and write nothing
    #[arg(long, requires = "file")]
    pub dry_run: bool,
    /// Skip the records before this line (element number for a JSON array), as printed on a stop
    #[arg(long, value_name = "LINE", requires = "file")]
    pub resume_from: Option<u64>,
    /// Seconds a batch may keep retrying throttling and unprocessed items before they count as failed
    #[arg(long, value_name = "SECONDS", default_value_t = 120, requires = "file")]
    pub retry_timeout: u64,
}

/// The rejects file, opened at the first bad record.
struct Rejects {
    path: Option<PathBuf>,
    file: Option<File>,
    csv_header: Option<String>,
    count: u64,
    quiet: bool,
}

impl Rejects {
    fn add(&mut self, position: u64, raw: &str, reason: &str) -> Result<()> {
        self.count += 1;
        if !self.quiet && self.count <= LISTED_REJECTS {
            eprintln!("ddb: line {position}: {reason}");
        }
        // A record too long to keep has no text: it is reported, and nothing is written for it.
        let (Some(path), false) = (&self.path, raw.is_empty()) else {
            return Ok(());
        };
        if self.file.is_none() {
            let mut file = File::create(path)
                .with_context(|| format!("cannot create the rejects file {}", path.display()))?;
            if let Some(header) = &self.csv_header {
                writeln!(file, "{header}")?;
            }
            self.file = Some(file);
        }
        let file = self.file.as_mut().expect("opened above");
        writeln!(file, "{raw}").with_context(|| format!("cannot write to {}", path.display()))?;
        Ok(())
    }
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let bulk = &args.bulk;
    let path = bulk.file.as_deref().expect("run only with --file");
    if args.condition.is_some() {
        return Err(UsageError(
            "--condition applies to a single put; BatchWriteItem takes no conditions".into(),
        )
        .into());
    }
    let schema = db.schema(&args.table).await?.key;
    let csv_types = bulk.csv_types.clone().unwrap_or_default();
    let opened = input::open(path, bulk.format, args.typed, csv_types)
        .with_context(|| format!("cannot read {path}"))?;
    let csv_header = match opened.format {
        InputFormat::Csv => Some(csv_header(path)?),
        _ => None,
    };
    let rejects_path = bulk
        .rejects
        .clone()
        .or_else(|| (path != "-").then(|| PathBuf::from(format!("{path}.rejects"))));
    let mut rejects = Rejects {
        // --explain sends nothing, so no record is rejected for want of an answer.
        path: rejects_path.filter(|_| !db.explain.is_on()),
        file: None,
        csv_header,
        count: 0,
        quiet: global.quiet,
    };

    let bar = progress_bar(global, opened.size);
    let started = Instant::now();
    let bytes_read = opened.bytes_read.clone();
    let (records_tx, mut records_rx) = mpsc::channel::<std::io::Result<Record>>(1024);
    let mut records = opened.records;
    tokio::task::spawn_blocking(move || {
        for record in records.by_ref() {
            if records_tx.blocking_send(record).is_err() {
                return;
            }
        }
    });

    let (failures_tx, mut failures_rx) = mpsc::unbounded_channel::<Failure>();
    let shown = Arc::new(Progress {
        bar: bar.clone(),
        bytes_read: bytes_read.clone(),
        sent: AtomicU64::new(0),
        read_all: AtomicBool::new(false),
        started,
    });
    let progress = {
        let shown = shown.clone();
        Arc::new(move |c: &batch::Counts| shown.update(c))
            as Arc<dyn Fn(&batch::Counts) + Send + Sync>
    };
    let options = Options {
        parallel: bulk.parallel.into(),
        retry_for: Duration::from_secs(bulk.retry_timeout),
    };
    let writer = batch::Writer::start(
        db.client.clone(),
        args.table.clone(),
        &options,
        failures_tx,
        progress,
    );
    let mut checked = 0u64;
    let mut read_error = None;
    let mut interrupted = false;
    let mut explained = false;
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        tokio::select! {
            record = records_rx.recv() => {
                let Some(record) = record else { break };
                let record = match record {
                    Ok(r) => r,
                    Err(e) => { read_error = Some(e); break; }
                };
                if bulk.resume_from.is_some_and(|from| record.position < from) {
                    writer.tracker.handled(record.position);
                    continue;
                }
                checked += 1;
                let prepared = match record.item {
                    Ok(item) => batch::prepare(record.position, record.raw, item, &schema),
                    Err(reason) => Err((record.raw, reason)),
                };
                match prepared {
                    Ok(_) if bulk.dry_run => writer.tracker.handled(record.position),
                    Ok(pending) => {
                        shown.sent.fetch_add(1, Ordering::Relaxed);
                        writer.send(pending).await;
                    }
                    Err((raw, reason)) => {
                        writer.tracker.handled(record.position);
                        rejects.add(record.position, &raw, &reason)?;
                    }
                }
            }
            Some(failure) = failures_rx.recv() => {
                if db.explain.explained() {
                    // --explain: the first request was printed; the rest were never meant to go.
                    explained = true;
                    break;
                }
                rejects.add(failure.position, &failure.raw, &failure.reason)?;
            }
            _ = &mut ctrl_c => { interrupted = true; break; }
        }
    }
    drop(records_rx);
    shown.read_all.store(true, Ordering::Relaxed);
    shown.update(&writer.counts.lock().expect("counts lock").clone());
    let resume_from = writer.tracker.clone();
    let counts = if interrupted || explained {
        writer.abort().await
    } else {
        writer.finish().await
    };
    if db.explain.explained() {
        bar.finish_and_clear();
        return Ok(Outcome::Done);
    }
    while let Ok(failure) = failures_rx.try_recv() {
        rejects.add(failure.position, &failure.raw, &failure.reason)?;
    }
    bar.finish_and_clear();
    let elapsed = started.elapsed().as_secs_f64();
    let rate = counts.written as f64 / elapsed.max(1e-9);
    let rejected = rejects.count - counts.failed;
    // A load's result is its summary line on stderr; stdout carries it only when asked for.
    if global.output == crate::output::OutputFormat::Json {
        crate::output::print_value(
            crate::output::Format::Json,
            &json!({
                "table": args.table, "checked": checked, "written": counts.written, "rejected": rejected,
                "failed": counts.failed, "retried_requests": counts.retried, "duplicates_collapsed": counts.collapsed,
                "consumed_capacity": counts.capacity, "requests": counts.requests, "elapsed_seconds": elapsed,
                "items_per_second": rate, "dry_run": bulk.dry_run, "interrupted": interrupted,
            }),
        )?;
    }
    if !global.quiet {
        let verb = if bulk.dry_run { "checked" } else { "wrote" };
        let done = if bulk.dry_run {
            checked - rejected
        } else {
            counts.written
        };
        eprintln!(
            "ddb: {verb} {done} items {} {} in {elapsed:.2} s ({rate:.0} items/s); {rejected} rejected, {} failed, \
             {} requests retried, {} duplicate keys collapsed, {} capacity units",
            if bulk.dry_run { "for" } else { "to" },
            args.table,
            counts.failed,
            counts.retried,
            counts.collapsed,
            counts.capacity
        );
        if rejects.count > LISTED_REJECTS {
            eprintln!(
                "ddb: ... and {} more bad records",
                rejects.count - LISTED_REJECTS
            );
        }
        if let (Some(path), true) = (&rejects.path, rejects.count > 0) {
            eprintln!(
                "ddb: the {} bad records are in {}",
                rejects.count,
                path.display()
            );
        }
    }
    let resume = resume_from.resume_from();
    if let Some(e) = read_error {
        bail!("reading {path} stopped: {e}; everything before line {resume} is handled: fix the input and rerun with --resume-from {resume}");
    }
    if interrupted {
        eprintln!("ddb: interrupted; every record before line {resume} is written or reported: continue with --resume-from {resume}");
        return Ok(Outcome::Interrupted);
    }
    if rejects.count > 0 {
        bail!("{} of {checked} records were not written", rejects.count);
    }
    Ok(Outcome::Done)
}

/// The header row of a CSV file, for the rejects file (which must stay loadable as CSV).
fn csv_header(path: &str) -> Result<String> {
    if path == "-" {
        return Ok(String::new());
    }
    let mut reader = csv::Reader::from_reader(
        crate::input::open_plain(path).with_context(|| format!("cannot read {path}"))?,
    );
    let header = reader
        .headers()
        .with_context(|| format!("cannot read the header of {path}"))?
        .clone();
    let mut out = Vec::new();
    csv::Writer::from_writer(&mut out).write_record(&header)?;
    Ok(String::from_utf8_lossy(&out).trim_end().to_string())
}

/// What the progress bar says: the items the server acknowledged and their rate while the input
/// is read, then how many are still on their way, so the bar does not sit at 100% in silence.
struct Progress {
    bar: ProgressBar,
    bytes_read: Arc<AtomicU64>,
    /// Items handed to the writer.
    sent: AtomicU64,
    /// The whole input is read.
    read_all: AtomicBool,
    started: Instant,
}

impl Progress {
    fn update(&self, counts: &batch::Counts) {
        self.bar
            .set_position(self.bytes_read.load(Ordering::Relaxed));
        let done = counts.written + counts.failed + counts.collapsed;
        let rate = counts.written as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
        let mut message = if self.read_all.load(Ordering::Relaxed) {
            let left = self.sent.load(Ordering::Relaxed).saturating_sub(done);
            format!(
                "input read; writing the last {} items ({} written)",
                thousands(left),
                thousands(counts.written)
            )
        } else {
            format!(
                "{} items written, {} items/s",
                thousands(counts.written),
                thousands(rate.round() as u64)
            )
        };
        if counts.retried > 0 {
            message.push_str(&format!(", {} retried", thousands(counts.retried)));
        }
        self.bar.set_message(message);
    }
}

/// 1234567 as "1,234,567".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn progress_bar(global: &GlobalArgs, size: Option<u64>) -> ProgressBar {
    if !global.shows_progress() {
        return ProgressBar::hidden();
    }
    match size {
        Some(len) => ProgressBar::new(len).with_style(
            ProgressStyle::with_template("{bar:30} {percent:>3}% {msg}, ETA {eta}")
                .expect("valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("valid template"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(157_173), "157,173");
        assert_eq!(thousands(12_345_678), "12,345,678");
    }

    #[test]
    fn the_bar_says_items_per_second_then_what_is_left() {
        let shown = Progress {
            bar: ProgressBar::hidden(),
            bytes_read: Arc::new(AtomicU64::new(0)),
            sent: AtomicU64::new(5000),
            read_all: AtomicBool::new(false),
            started: Instant::now() - Duration::from_secs(2),
        };
        let counts = batch::Counts {
            written: 3000,
            ..Default::default()
        };
        shown.update(&counts);
        let reading = shown.bar.message();
        assert!(reading.starts_with("3,000 items written, 1,"), "{reading}");
        assert!(reading.ends_with(" items/s"), "{reading}");
        shown.read_all.store(true, Ordering::Relaxed);
        shown.update(&counts);
        assert_eq!(
            shown.bar.message(),
            "input read; writing the last 2,000 items (3,000 written)"
        );
    }
}
