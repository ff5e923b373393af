//! `ddb serve`: the lecture's multi-client TCP server in front of whatever target the global
//! options resolve to. The server itself lives in [`crate::serve`]; this is its command line.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Result;

use super::shutdown_signal;
use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::{Outcome, UsageError};
use crate::serve::protocol::{EmptyToken, Token};
use crate::serve::{self, Handler, Limits, LogLevel, Model, Policy, Protocol, Shared};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Serve the database to TCP clients: one JSON request per line [API: GetItem, PutItem, Query, Scan, DeleteItem, ...]",
    after_help = "\
Examples:
  ddb serve                                          # 127.0.0.1:12000, async model, ndjson
  ddb serve --model threads --max-clients 200
  ddb serve --protocol caps --model blocking         # the lecture's ALL CAPS server
  ddb serve --listen 0.0.0.0:12000 --token \"$TOKEN\" --read-only --tables Movies
  printf '{\"id\":1,\"op\":\"get\",\"table\":\"Movies\",\"key\":{\"year\":2015,\"title\":\"X\"}}\\n' | nc 127.0.0.1 12000

Ops: ping, put, get, query, scan (paged: limit, start_key), delete (with condition), list-tables,
describe-table. Requests {\"id\": 7, \"op\": \"get\", ...} get replies {\"id\": 7, \"ok\": true, ...} or
{\"id\": 7, \"ok\": false, \"error\": {\"code\": ..., \"message\": ...}}, in order, pipelined.
Ctrl-C or SIGTERM stops accepting, finishes requests in flight and prints a summary."
)]
pub struct Args {
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1:12000")]
    pub listen: SocketAddr,
    /// How connections are driven
    #[arg(long, value_enum, default_value_t = Model::Async)]
    pub model: Model,
    /// What the server speaks
    #[arg(long, value_enum, default_value_t = Protocol::Ndjson)]
    pub protocol: Protocol,
    /// Connections served at once; more wait in the listen backlog
    #[arg(long, value_name = "N", default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_clients: u32,
    /// Longest request line in bytes; a longer one is refused and the connection closed
    #[arg(long, value_name = "BYTES", default_value_t = 1024 * 1024)]
    pub max_line: usize,
    /// Close a connection after this many seconds without a request
    #[arg(long, value_name = "SECONDS", default_value_t = 300.0)]
    pub idle_timeout: f64,
    /// Close a connection whose request line stays incomplete, or that takes no reply, this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub request_timeout: f64,
    /// On shutdown, how long requests in flight may take to finish
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub drain_timeout: f64,
    /// Requests in flight per connection (async model)
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub pipeline: usize,
    /// Bytes of replies one connection may hold unwritten; calls wait while it is used
    #[arg(long, value_name = "BYTES", default_value_t = 4 * 1024 * 1024)]
    pub reply_buffer: usize,
    /// Bytes of replies the whole server may hold unwritten, over all connections
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    pub reply_memory: usize,
    /// Clients must first send {"op": "auth", "token": TOKEN}
    #[arg(long, env = "DDB_SERVE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Serve beyond loopback without a token (anyone who reaches the port can use the database)
    #[arg(long)]
    pub insecure: bool,
    /// Refuse put and delete
    #[arg(long)]
    pub read_only: bool,
    /// The only tables clients may use, comma-separated
    #[arg(long, value_delimiter = ',', value_name = "TABLE,...")]
    pub tables: Option<Vec<String>>,
    /// What to log on stderr: off, error, or info (a line per connection)
    #[arg(long, value_enum, default_value_t = LogLevel::Info)]
    pub log_level: LogLevel,
}

fn seconds(value: f64, flag: &str) -> Result<Duration> {
    Duration::try_from_secs_f64(value)
        .map_err(|_| UsageError(format!("{flag} takes a positive number of seconds")).into())
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let token = args
        .token
        .as_deref()
        .map(Token::new)
        .transpose()
        .map_err(|EmptyToken| {
            UsageError(
                "--token (or DDB_SERVE_TOKEN) is empty, which would let anyone in; give a secret, or leave both unset".into(),
            )
        })?;
    let remote = !args.listen.ip().is_loopback();
    if remote && args.token.is_none() && !args.insecure {
        return Err(UsageError(format!(
            "--listen {} reaches beyond this machine: give --token (clients then send {{\"op\": \"auth\", \"token\": ...}} first), or --insecure to serve everyone",
            args.listen
        ))
        .into());
    }
    let limits = Limits {
        max_clients: args.max_clients as usize,
        max_line: args.max_line,
        idle_timeout: seconds(args.idle_timeout, "--idle-timeout")?,
        request_timeout: seconds(args.request_timeout, "--request-timeout")?,
        drain_timeout: seconds(args.drain_timeout, "--drain-timeout")?,
        pipeline_depth: args.pipeline.max(1),
        reply_buffer: args.reply_buffer,
        reply_memory: args.reply_memory,
    };
    let policy = Policy {
        token,
        read_only: args.read_only,
        tables: args.tables.clone(),
    };
    let file_limit = serve::raise_file_limit();
    let listener = serve::listen(args.listen).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            anyhow::anyhow!(
                "{} is already in use; stop what is listening there or choose another --listen",
                args.listen
            )
        } else {
            anyhow::anyhow!("cannot listen on {}: {e}", args.listen)
        }
    })?;
    let addr = listener.local_addr()?;
    let stop = shutdown_signal();
    if remote && args.token.is_none() {
        eprintln!(
            "ddb serve: WARNING: --insecure: anyone who can reach {addr} can read and write {}",
            db.endpoint
        );
    }
    let log = if global.quiet {
        LogLevel::Error.min(args.log_level)
    } else {
        args.log_level
    };
    if !global.quiet {
        eprintln!(
            "ddb serve: listening on {addr} (model {}, protocol {}, up to {} clients, file limit {file_limit}), serving {}; Ctrl-C stops",
            format!("{:?}", args.model).to_lowercase(),
            format!("{:?}", args.protocol).to_lowercase(),
            args.max_clients,
            db.endpoint
        );
    }
    let shared = Shared::new(
        Handler::new(db.client.clone(), policy),
        args.protocol,
        limits,
        log,
    );
    let summary = serve::run(args.model, listener, shared, stop).await?;
    if !global.quiet {
        eprintln!(
            "ddb serve: stopped: {} connections, {} requests, {} errors",
            summary.connections, summary.requests, summary.errors
        );
    }
    Ok(Outcome::Done)
}
