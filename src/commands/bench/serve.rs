//! `ddb bench serve`: its command line, table, JSON and plot.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};
use serde_json::{json, Value};

use crate::bench::pin;
use crate::bench::plot::{self, Panel, Series};
use crate::bench::serve_load::{self, Load, Mix, Row, Workload};
use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::{Outcome, UsageError};
use crate::serve::{self, Handler, InProcess, Limits, Model, Policy, Protocol};

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
    /// Linux: run the in-process server on the first CPU this process may use and the clients
    /// on the others, so neither measures the other's contention (with --connect: the clients
    /// only; pin the server yourself, e.g. taskset -c 0)
    #[arg(long)]
    pub pin: bool,
    /// Print the results as JSON on stdout
    #[arg(long)]
    pub json: bool,
    /// Draw requests per second against clients into an SVG file
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<PathBuf>,
}

pub async fn run(args: &ServeArgs, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
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
        crate::tables::create::create_simple(db, &table, "id").await?;
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
        let points: Vec<Value> = rows.iter().map(Row::json).collect();
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(
                &json!({"bench": "serve", "pinned": args.pin, "workload": format!("{:?}", args.workload).to_lowercase(), "pipeline": args.pipeline, "duration_seconds": args.duration, "points": points})
            )?
        )?;
    } else {
        writeln!(out, "{}", table(&rows))?;
        for row in &rows {
            if let Row::Idle {
                server,
                connections,
                kib_per_connection,
            } = row
            {
                writeln!(
                    out,
                    "{server}: {connections} idle connections held, {kib_per_connection:.1} KiB of server memory each"
                )?;
            }
        }
    }
    if let Some(path) = &args.plot {
        let mut series: Vec<Series> = Vec::new();
        for row in &rows {
            let Row::Load {
                server,
                clients,
                point,
                ..
            } = row
            else {
                continue;
            };
            let xy = (*clients as f64, point.rate());
            match series.iter_mut().find(|s| &s.label == server) {
                Some(s) => s.points.push(xy),
                None => series.push(Series {
                    label: server.clone(),
                    points: vec![xy],
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

/// The measured rows as a table; idle rows have no load figures and get a line of their own.
fn table(rows: &[Row]) -> Table {
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
    for row in rows {
        let Row::Load {
            server,
            clients,
            point,
            rss_mib,
            threads,
        } = row
        else {
            continue;
        };
        let dash = || "-".to_string();
        t.add_row(vec![
            server.clone(),
            clients.to_string(),
            format!("{:.0}", point.rate()),
            format!("{:.2}", point.latency.ms(0.5)),
            format!("{:.2}", point.latency.ms(0.99)),
            format!("{:.1}", point.latency.max_ms()),
            point.errors.values().sum::<u64>().to_string(),
            point.starved_clients.to_string(),
            point.syn_drops.map_or_else(dash, |v| v.to_string()),
            rss_mib.map_or_else(dash, |v| format!("{v:.0}")),
            threads.map_or_else(dash, |v| v.to_string()),
        ]);
    }
    t
}

/// With `--pin`: a runtime for the server on one CPU, and one for the clients on the others.
struct Pinned {
    server: tokio::runtime::Runtime,
    clients: tokio::runtime::Runtime,
    server_cpu: usize,
    client_cpus: Vec<usize>,
}

impl Pinned {
    fn new() -> Result<Pinned> {
        let cpus = pin::allowed_cpus().context("--pin")?;
        let [server_cpu, client_cpus @ ..] = cpus.as_slice() else {
            bail!("--pin: this process may use no CPU");
        };
        if client_cpus.is_empty() {
            bail!("--pin needs two CPUs, one for the server and one for the clients; this process may use one");
        }
        Ok(Pinned {
            server: pin::runtime_on(vec![*server_cpu])?,
            clients: pin::runtime_on(client_cpus.to_vec())?,
            server_cpu: *server_cpu,
            client_cpus: client_cpus.to_vec(),
        })
    }
}

/// Every (server, clients) point, as JSON rows.
async fn serve_points(
    args: &ServeArgs,
    global: &GlobalArgs,
    db: &Db,
    duration: Duration,
    mix: Mix,
) -> Result<Vec<Row>> {
    let servers: Vec<Option<Model>> = match args.connect {
        Some(_) => vec![None],
        None => args.models.iter().copied().map(Some).collect(),
    };
    let pinned = if args.pin { Some(Pinned::new()?) } else { None };
    if let (Some(p), false) = (&pinned, global.quiet) {
        eprintln!(
            "ddb bench: server on CPU {}, clients on CPUs {:?}",
            p.server_cpu, p.client_cpus
        );
    }
    let mut rows = Vec::new();
    for model in servers {
        let (addr, server, name) = match model {
            None => (
                args.connect.expect("connect given"),
                None,
                format!("{}", args.connect.expect("connect given")),
            ),
            Some(model) => {
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
                let runtime = match &pinned {
                    Some(p) => p.server.handle().clone(),
                    None => tokio::runtime::Handle::current(),
                };
                let server = InProcess::start(
                    model,
                    protocol,
                    Handler::new(db.client.clone(), Policy::default()),
                    limits,
                    &runtime,
                )?;
                (
                    server.addr,
                    Some(server),
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
            let point = match &pinned {
                Some(p) => {
                    pin::run_on(
                        &p.clients,
                        async move { serve_load::drive(addr, &load).await },
                    )
                    .await
                }
                None => serve_load::drive(addr, &load).await,
            };
            let (rss_mib, threads) = serve_load::process_usage(usage_pid);
            rows.push(Row::Load {
                server: name.clone(),
                clients,
                point,
                rss_mib,
                threads,
            });
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
                    rows.push(Row::Idle {
                        server: name.clone(),
                        connections: held.len(),
                        kib_per_connection: per,
                    });
                    drop(held);
                }
            }
        }
        if let Some(server) = server {
            server.stop().await.context("the in-process server")?;
        }
    }
    if let Some(p) = pinned {
        p.server.shutdown_background();
        p.clients.shutdown_background();
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
            rows.push(Row::Load {
                server: "direct SDK, no server".into(),
                clients,
                point,
                rss_mib: None,
                threads: None,
            });
        }
    }
    Ok(rows)
}
