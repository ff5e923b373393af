//! `ddb bench query-vs-scan` and `ddb bench serve`: the measurements of [`crate::bench`], with
//! their command lines, progress, tables, JSON and plots.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{json, Value};

use crate::bench::plot::{self, Panel, Series};
use crate::bench::query_vs_scan::{self as qvs, SizeResult};
use crate::bench::serve_load::{self, Load, Mix, Workload};
use crate::cli::GlobalArgs;
use crate::client::Db;
use crate::error::{Outcome, UsageError};
use crate::serve::{self, Handler, Limits, LogLevel, Model, Policy, Protocol, Shared};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Measure Query against Scan as tables grow, or load-test serve's models [API: Query, Scan, BatchWriteItem]",
    after_help = "\
Examples:
  ddb bench query-vs-scan                                   # 1,000 / 10,000 / 100,000 items, embedded engine
  ddb bench query-vs-scan --items 100,1000,10000 --plot qvs.svg --json > qvs.json
  ddb --endpoint-url http://localhost:8000 bench query-vs-scan --repeat 5
  ddb bench serve --workload caps --clients 1,10,100,1000
  ddb bench serve --workload ndjson --pipeline 16 --models async --clients 1,16
  ddb bench serve --connect 127.0.0.1:12000 --workload caps  # any running server, e.g. the lecture's"
)]
pub struct Args {
    #[command(subcommand)]
    pub bench: Bench,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum Bench {
    /// Query one partition against Scan + filter for the same items, as the table grows
    #[command(
        about = "Query one partition against Scan + filter for the same items, as the table grows [API: BatchWriteItem, Query, Scan]",
        after_help = "\
Examples:
  ddb bench query-vs-scan                                   # 1,000 / 10,000 / 100,000 items, 100 partitions
  ddb bench query-vs-scan --items 1000,10000 --repeat 5 --plot qvs.svg --json > qvs.json
  ddb --endpoint-url http://127.0.0.1:8000 bench query-vs-scan --table Movies --keep

Seeds a scratch table (dropped afterwards unless --keep), prints the seed, and checks that the
Query and the Scan returned the same items."
    )]
    QueryVsScan(QueryVsScanArgs),
    /// Many clients against serve's models (or a running server) for a fixed time
    #[command(
        about = "Many clients against serve's models (or a running server) for a fixed time [API: GetItem, PutItem through ddb serve]",
        after_help = "\
Examples:
  ddb bench serve --workload caps --clients 1,10,100,1000   # each model in-process on a loopback port
  ddb bench serve --workload ndjson --pipeline 16 --models async --clients 16
  ddb bench serve --workload ndjson --get-put --direct --clients 1,16
  ddb bench serve --connect 127.0.0.1:12000 --server-pid 4242   # any running server, e.g. the lecture's

Reports requests/s, p50/p99/max latency, errors by kind, clients that completed nothing, SYNs the
kernel dropped (Linux), and the server's memory and threads."
    )]
    Serve(ServeArgs),
}

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
}

#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Server models to start in-process, one after the other
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "blocking,threads,async"
    )]
    pub models: Vec<Model>,
    /// Load a running server instead (loopback unless --allow-remote)
    #[arg(long, value_name = "HOST:PORT")]
    pub connect: Option<SocketAddr>,
    /// Allow --connect to another machine
    #[arg(long)]
    pub allow_remote: bool,
    /// With --connect: the server's process id, to report its memory and threads
    #[arg(long)]
    pub server_pid: Option<u32>,
    /// Concurrent clients, one measurement each
    #[arg(long, value_delimiter = ',', default_value = "1,10,100,1000")]
    pub clients: Vec<usize>,
    /// Seconds per measurement
    #[arg(long, default_value_t = 3.0)]
    pub duration: f64,
    /// caps: a connection per request (the lecture's client); ndjson: persistent connections
    #[arg(long, value_enum, default_value_t = Workload::Caps)]
    pub workload: Workload,
    /// ndjson: requests in flight per connection
    #[arg(long, default_value_t = 1)]
    pub pipeline: usize,
    /// ndjson: get/put on a scratch table instead of ping
    #[arg(long)]
    pub get_put: bool,
    /// ndjson with --get-put: percent of gets
    #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(u64).range(0..=100))]
    pub get_percent: u64,
    /// With --get-put: also issue the same requests straight through the SDK, without the server,
    /// so the gateway's own cost shows
    #[arg(long, requires = "get_put")]
    pub direct: bool,
    /// Also hold this many idle connections and report server memory per connection
    #[arg(long, value_name = "N")]
    pub idle: Option<usize>,
    /// Seed of the clients' request mix and keys (--get-put)
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print the results as JSON on stdout
    #[arg(long)]
    pub json: bool,
    /// Draw requests per second against clients into an SVG file
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    match &args.bench {
        Bench::QueryVsScan(a) => query_vs_scan(a, global, db).await,
        Bench::Serve(a) => serve_bench(a, global, db).await,
    }
}

fn bar(global: &GlobalArgs, len: u64, what: &str) -> ProgressBar {
    use std::io::IsTerminal;
    if global.quiet || global.no_progress || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    ProgressBar::new(len)
        .with_style(
            ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} {per_sec} ETA {eta}")
                .expect("valid template"),
        )
        .with_message(what.to_string())
}

async fn query_vs_scan(args: &QueryVsScanArgs, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
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
    };
    if !global.quiet {
        eprintln!(
            "ddb bench: query-vs-scan on {} with seed {} ({} partitions, {} calls per size)",
            db.endpoint, args.seed, args.partitions, args.repeat
        );
    }
    let mut results: Vec<SizeResult> = Vec::new();
    match &args.table {
        Some(table) => {
            let key_names = db.schema(table).await?.key.names();
            let (partitions, count) = qvs::survey(&db.client, table, &key_names[0]).await?;
            if partitions.is_empty() {
                bail!("table {table} is empty: nothing to measure");
            }
            let calls = bar(global, u64::from(args.repeat), "measuring");
            results.push(
                qvs::measure(
                    &db.client,
                    table,
                    &key_names,
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
            qvs::create_scratch(&db.client, &table).await?;
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
            "repeat": args.repeat, "sizes": results.iter().map(SizeResult::json).collect::<Vec<Value>>(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        writeln!(out, "{}", qvs_table(&results))?;
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
                        line(&|r| r.query.mean_capacity(), "Query (one partition)"),
                        line(&|r| r.scan.mean_capacity(), "Scan + filter"),
                    ],
                },
                Panel {
                    title: "Latency per operation (p50)".into(),
                    x_label: "items in the table".into(),
                    y_label: "milliseconds".into(),
                    series: vec![
                        line(&|r| r.query.latency.ms(0.5), "Query (one partition)"),
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
    let partitions = qvs::scratch_partitions(options.partitions);
    let key_names = vec![qvs::PARTITION_KEY.to_string(), qvs::SORT_KEY.to_string()];
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
                &key_names,
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

fn qvs_table(results: &[SizeResult]) -> Table {
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
        for (name, s) in [("Query", &r.query), ("Scan", &r.scan)] {
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

async fn serve_bench(args: &ServeArgs, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    if let Some(addr) = args.connect {
        if !addr.ip().is_loopback() && !args.allow_remote {
            return Err(UsageError(format!(
                "--connect {addr} is not on this machine; add --allow-remote to load it anyway"
            ))
            .into());
        }
    }
    let duration = Duration::try_from_secs_f64(args.duration)
        .map_err(|_| UsageError("--duration takes seconds".into()))?;
    if args.clients.contains(&0) {
        return Err(UsageError("--clients counts are at least 1".into()).into());
    }
    let file_limit = serve::raise_file_limit();
    // In-process, both ends of every connection are this process's; with --connect, one end.
    let ends = if args.connect.is_some() { 1 } else { 2 };
    let busiest = args
        .clients
        .iter()
        .copied()
        .max()
        .unwrap_or(1)
        .max(args.idle.unwrap_or(0)) as u64;
    let needed = ends * busiest + 64;
    if file_limit < needed {
        bail!("the open-file limit is {file_limit}, and this load needs about {needed}: raise it (ulimit -n) or use fewer clients");
    }
    let scratch = if args.workload == Workload::Ndjson && args.get_put {
        let table = format!("ddb-bench-serve-{}-{}", args.seed, std::process::id());
        crate::commands::create_table::create_simple(db, &table, "id").await?;
        Some(table)
    } else {
        None
    };
    let mix = Mix {
        table: scratch.clone(),
        get_percent: args.get_percent,
        keys: 10_000,
    };
    let outcome = serve_points(args, global, db, duration, mix).await;
    if let Some(table) = &scratch {
        db.client
            .delete_table()
            .table_name(table)
            .send()
            .await
            .with_context(|| format!("drop {table}"))?;
    }
    let rows = outcome?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(
                &json!({"bench": "serve", "workload": format!("{:?}", args.workload).to_lowercase(), "pipeline": args.pipeline, "duration_seconds": args.duration, "points": rows})
            )?
        )?;
    } else {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED);
        t.set_header([
            "server",
            "clients",
            "requests/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "errors",
            "starved",
            "SYN drops",
            "RSS MiB",
            "threads",
        ]);
        // Idle-connection rows have no load figures: they get a line of their own below.
        for r in rows.iter().filter(|r| r.get("idle_connections").is_none()) {
            let lat = &r["latency"];
            t.add_row(vec![
                r["server"].as_str().unwrap_or("").to_string(),
                r["clients"].to_string(),
                format!("{:.0}", r["requests_per_second"].as_f64().unwrap_or(0.0)),
                format!("{:.2}", lat["p50_ms"].as_f64().unwrap_or(0.0)),
                format!("{:.2}", lat["p99_ms"].as_f64().unwrap_or(0.0)),
                format!("{:.1}", lat["max_ms"].as_f64().unwrap_or(0.0)),
                r["errors"]
                    .as_object()
                    .map(|e| e.values().filter_map(Value::as_u64).sum::<u64>())
                    .unwrap_or(0)
                    .to_string(),
                r["starved_clients"].to_string(),
                r["syn_drops"]
                    .as_u64()
                    .map_or("-".into(), |v| v.to_string()),
                r["rss_mib"]
                    .as_f64()
                    .map_or("-".into(), |v| format!("{v:.0}")),
                r["threads"].as_u64().map_or("-".into(), |v| v.to_string()),
            ]);
        }
        writeln!(out, "{t}")?;
        for r in rows.iter().filter(|r| r.get("idle_connections").is_some()) {
            writeln!(
                out,
                "{}: {} idle connections held, {:.1} KiB of server memory each",
                r["server"].as_str().unwrap_or(""),
                r["idle_connections"],
                r["idle_kib_per_connection"].as_f64().unwrap_or(f64::NAN)
            )?;
        }
    }
    if let Some(path) = &args.plot {
        let mut series: Vec<Series> = Vec::new();
        for r in rows.iter().filter(|r| r.get("clients").is_some()) {
            let name = r["server"].as_str().unwrap_or("").to_string();
            let point = (
                r["clients"].as_f64().unwrap_or(0.0),
                r["requests_per_second"].as_f64().unwrap_or(0.0),
            );
            match series.iter_mut().find(|s| s.label == name) {
                Some(s) => s.points.push(point),
                None => series.push(Series {
                    label: name,
                    points: vec![point],
                }),
            }
        }
        let panel = Panel {
            title: "Requests per second".into(),
            x_label: "concurrent clients".into(),
            y_label: "requests/s".into(),
            series,
        };
        plot::log_log(path, &[panel])?;
    }
    Ok(Outcome::Done)
}

/// Every (server, clients) point, as JSON rows.
async fn serve_points(
    args: &ServeArgs,
    global: &GlobalArgs,
    db: &Db,
    duration: Duration,
    mix: Mix,
) -> Result<Vec<Value>> {
    let servers: Vec<Option<Model>> = match args.connect {
        Some(_) => vec![None],
        None => args.models.iter().copied().map(Some).collect(),
    };
    let mut rows = Vec::new();
    for model in servers {
        let (addr, stop, task, name) = match model {
            None => (
                args.connect.expect("connect given"),
                None,
                None,
                format!("{}", args.connect.expect("connect given")),
            ),
            Some(model) => {
                let listener = serve::listen("127.0.0.1:0".parse().expect("valid address"))?;
                let addr = listener.local_addr()?;
                let limits = Limits {
                    max_clients: args
                        .clients
                        .iter()
                        .copied()
                        .max()
                        .unwrap_or(1)
                        .max(args.idle.unwrap_or(0))
                        + 64,
                    drain_timeout: Duration::from_secs(5),
                    ..Limits::default()
                };
                let protocol = if args.workload == Workload::Caps {
                    Protocol::Caps
                } else {
                    Protocol::Ndjson
                };
                let shared = Shared::new(
                    Handler::new(db.client.clone(), Policy::default()),
                    protocol,
                    limits,
                    LogLevel::Off,
                );
                let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
                let task = tokio::spawn(serve::run(model, listener, shared, async {
                    let _ = stopped.await;
                }));
                (
                    addr,
                    Some(stop),
                    Some(task),
                    format!("{model:?}").to_lowercase(),
                )
            }
        };
        let usage_pid = if model.is_some() {
            None
        } else {
            args.server_pid
        };
        for &clients in &args.clients {
            if !global.quiet {
                eprintln!("ddb bench: {name}: {clients} clients for {:?}", duration);
            }
            let load = Load {
                workload: args.workload,
                clients,
                duration,
                pipeline: args.pipeline,
                mix: mix.clone(),
                seed: args.seed,
            };
            let point = serve_load::drive(addr, &load).await;
            let (rss, threads) = serve_load::process_usage(usage_pid);
            let mut row = point.json();
            row["server"] = json!(name);
            row["clients"] = json!(clients);
            row["rss_mib"] = json!(rss);
            row["threads"] = json!(threads);
            rows.push(row);
        }
        if let Some(count) = args.idle {
            if args.workload == Workload::Ndjson || model.is_some() {
                let idle_addr = if model.is_some() && args.workload == Workload::Caps {
                    None
                } else {
                    Some(addr)
                };
                if let Some(idle_addr) = idle_addr {
                    let (held, per) = serve_load::hold_idle(idle_addr, count, usage_pid).await?;
                    rows.push(json!({"server": name, "idle_connections": held.len(), "idle_kib_per_connection": per}));
                    drop(held);
                }
            }
        }
        if let (Some(stop), Some(task)) = (stop, task) {
            let _ = stop.send(());
            task.await.context("the server task")??;
        }
    }
    if args.direct {
        for &clients in &args.clients {
            let load = Load {
                workload: args.workload,
                clients,
                duration,
                pipeline: 1,
                mix: mix.clone(),
                seed: args.seed,
            };
            let point = serve_load::drive_direct(&db.client, &load).await;
            let mut row = point.json();
            row["server"] = json!("direct SDK, no server");
            row["clients"] = json!(clients);
            row["rss_mib"] = Value::Null;
            row["threads"] = Value::Null;
            rows.push(row);
        }
    }
    Ok(rows)
}
