//! `ddb bench query-vs-scan`: its command line, progress, table, JSON and plot.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};
use serde_json::{json, Value};

use crate::bench::plot::{self, Panel, Series};
use crate::bench::query_vs_scan::{self as qvs, SizeResult};
use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::{Outcome, UsageError};

use super::bar;

#[derive(Debug, Clone, clap::Args)]
pub struct QueryVsScanArgs {
    /// Table sizes to measure at (items)
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
    pub items: Vec<u64>,
    /// Partition-key values the items are spread over
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..))]
    pub partitions: u64,
    /// Queries and scans per size (random partitions)
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub repeat: u32,
    /// Seed of the data and of the partitions chosen
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Measure this existing table and its data instead of a scratch table
    #[arg(long)]
    pub table: Option<String>,
    /// Keep the scratch table afterwards
    #[arg(long)]
    pub keep: bool,
    /// BatchWriteItem requests in flight while seeding
    #[arg(long, default_value_t = 8)]
    pub parallel: usize,
    /// Print the results as JSON on stdout
    #[arg(long)]
    pub json: bool,
    /// Draw capacity units and latency against table size (log-log) into an SVG file
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
    /// Query a global secondary index instead of the table's key: "movies of one genre" on an
    /// index keyed by genre, against a Scan filtering on genre (with --table: the index named)
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = qvs::GENRE_INDEX)]
    pub index: Option<String>,
}

pub async fn run(args: &QueryVsScanArgs, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let mut sizes = args.items.clone();
    sizes.sort_unstable();
    sizes.dedup();
    if sizes.first() == Some(&0) {
        return Err(UsageError("--items sizes are at least 1".into()).into());
    }
    let options = qvs::Options {
        sizes: sizes.clone(),
        partitions: args.partitions,
        repeat: args.repeat,
        seed: args.seed,
        table: args.table.clone(),
        parallel: args.parallel.max(1),
        index: args.index.clone(),
    };
    let query_label = match &args.index {
        Some(index) => format!("Query on index {index}"),
        None => "Query (one partition)".to_string(),
    };
    if !global.quiet {
        eprintln!(
            "ddb bench: query-vs-scan on {} with seed {} ({} partitions, {} calls per size){}",
            db.endpoint,
            args.seed,
            args.partitions,
            args.repeat,
            match &args.index {
                Some(index) => format!("; Query on index {index} against Scan + filter"),
                None => String::new(),
            }
        );
    }
    let mut results: Vec<SizeResult> = Vec::new();
    match &args.table {
        Some(table) => {
            let schema = db.schema(table).await?;
            let selector = qvs::Selector {
                key_names: schema.key.names(),
                attribute: schema.key_of(args.index.as_deref())?.partition.name.clone(),
                index: args.index.clone(),
            };
            let (partitions, count) = qvs::survey(&db.client, table, &selector.attribute).await?;
            if partitions.is_empty() {
                bail!("table {table} is empty: nothing to measure");
            }
            let calls = bar(global, u64::from(args.repeat), "measuring");
            results.push(
                qvs::measure(
                    &db.client,
                    table,
                    &selector,
                    &partitions,
                    count,
                    &options,
                    &|| calls.inc(1),
                )
                .await?,
            );
            calls.finish_and_clear();
        }
        None => {
            let table = format!("ddb-bench-{}-{}", args.seed, std::process::id());
            qvs::create_scratch(&db.client, &table, args.index.as_deref()).await?;
            let outcome = scratch_run(db, &table, &options, global, &mut results).await;
            if args.keep {
                if !global.quiet {
                    eprintln!("ddb bench: kept the scratch table {table}");
                }
            } else {
                db.client
                    .delete_table()
                    .table_name(&table)
                    .send()
                    .await
                    .with_context(|| format!("drop the scratch table {table}"))?;
            }
            outcome?;
        }
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        let report = json!({
            "bench": "query-vs-scan", "target": db.endpoint, "seed": args.seed, "partitions": args.partitions,
            "index": args.index, "repeat": args.repeat,
            "sizes": results.iter().map(SizeResult::json).collect::<Vec<Value>>(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        writeln!(out, "{}", qvs_table(&results, args.index.is_some()))?;
    }
    if let Some(path) = &args.plot {
        let line = |f: &dyn Fn(&SizeResult) -> f64, label: &str| Series {
            label: label.to_string(),
            points: results.iter().map(|r| (r.items as f64, f(r))).collect(),
        };
        plot::log_log(
            path,
            &[
                Panel {
                    title: "Read capacity units per operation".into(),
                    x_label: "items in the table".into(),
                    y_label: "capacity units".into(),
                    series: vec![
                        line(&|r| r.query.mean_capacity(), &query_label),
                        line(&|r| r.scan.mean_capacity(), "Scan + filter"),
                    ],
                },
                Panel {
                    title: "Latency per operation (p50)".into(),
                    x_label: "items in the table".into(),
                    y_label: "milliseconds".into(),
                    series: vec![
                        line(&|r| r.query.latency.ms(0.5), &query_label),
                        line(&|r| r.scan.latency.ms(0.5), "Scan + filter"),
                    ],
                },
            ],
        )?;
        if !global.quiet {
            eprintln!("ddb bench: plot written to {}", path.display());
        }
    }
    Ok(Outcome::Done)
}

async fn scratch_run(
    db: &Db,
    table: &str,
    options: &qvs::Options,
    global: &GlobalArgs,
    results: &mut Vec<SizeResult>,
) -> Result<()> {
    let partitions = qvs::scratch_partitions(options.partitions, options.index.is_some());
    let selector = qvs::Selector {
        key_names: vec![qvs::PARTITION_KEY.to_string(), qvs::SORT_KEY.to_string()],
        attribute: match options.index {
            Some(_) => qvs::GENRE,
            None => qvs::PARTITION_KEY,
        }
        .to_string(),
        index: options.index.clone(),
    };
    let mut seeded = 0u64;
    for &size in &options.sizes {
        let seeding = bar(global, size - seeded, &format!("seeding to {size} items"));
        qvs::seed(&db.client, table, seeded, size, options, &|| seeding.inc(1)).await?;
        seeding.finish_and_clear();
        seeded = size;
        let calls = bar(
            global,
            u64::from(options.repeat),
            &format!("measuring at {size} items"),
        );
        results.push(
            qvs::measure(
                &db.client,
                table,
                &selector,
                &partitions,
                size,
                options,
                &|| calls.inc(1),
            )
            .await?,
        );
        calls.finish_and_clear();
    }
    Ok(())
}

fn qvs_table(results: &[SizeResult], index: bool) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    t.set_header([
        "items",
        "operation",
        "returned",
        "examined",
        "pages",
        "capacity units",
        "KB returned",
        "p50 ms",
        "p95 ms",
        "p99 ms",
    ]);
    for r in results {
        let query = if index { "Query (index)" } else { "Query" };
        for (name, s) in [(query, &r.query), ("Scan", &r.scan)] {
            t.add_row(vec![
                r.items.to_string(),
                name.to_string(),
                format!("{:.1}", s.mean_returned()),
                format!("{:.0}", s.mean_examined()),
                format!("{:.1}", s.mean_pages()),
                format!("{:.1}", s.mean_capacity()),
                format!("{:.1}", s.mean_bytes() / 1024.0),
                format!("{:.2}", s.latency.ms(0.5)),
                format!("{:.2}", s.latency.ms(0.95)),
                format!("{:.2}", s.latency.ms(0.99)),
            ]);
        }
        let ratio = |a: f64, b: f64| {
            if b > 0.0 {
                format!("{:.0}x", a / b)
            } else {
                "-".into()
            }
        };
        t.add_row(vec![
            r.items.to_string(),
            "Scan/Query".to_string(),
            String::new(),
            ratio(r.scan.mean_examined(), r.query.mean_examined()),
            String::new(),
            ratio(r.scan.mean_capacity(), r.query.mean_capacity()),
            String::new(),
            ratio(r.scan.latency.ms(0.5), r.query.latency.ms(0.5)),
            String::new(),
            String::new(),
        ]);
    }
    t
}
