//! `ddb local`: the embedded engine as a long-running DynamoDB-compatible server for other tools
//! (AWS CLI, boto3, any SDK), a drop-in for DynamoDB Local.

use std::net::{IpAddr, SocketAddr};

use anyhow::Result;

use super::shutdown_signal;
use crate::commands::args::GlobalArgs;
use crate::engine;
use crate::error::{Outcome, UsageError};
use crate::target;

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Serve the embedded engine over the DynamoDB API, like DynamoDB Local",
    after_help = "\
Examples:
  ddb local                                  # http://127.0.0.1:8000, data in the data directory
  ddb local --port 8001 --in-memory
  aws dynamodb list-tables --endpoint-url http://127.0.0.1:8000
  ddb --endpoint-url http://127.0.0.1:8000 list-tables

Stops cleanly on Ctrl-C or SIGTERM. Binding beyond loopback needs --allow-remote."
)]
pub struct Args {
    /// Port to listen on (0 picks a free one)
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Allow binding to an address other machines can reach (there is no authentication)
    #[arg(long)]
    pub allow_remote: bool,
}

pub async fn run(args: &Args, global: &GlobalArgs) -> Result<Outcome> {
    if !args.bind.is_loopback() && !args.allow_remote {
        return Err(UsageError(format!(
            "--bind {} would let other machines read and write every table with no authentication; add --allow-remote to mean it",
            args.bind
        ))
        .into());
    }
    if global.endpoint_url.is_some() {
        return Err(UsageError(
            "ddb local serves the embedded engine; --endpoint-url does not apply".into(),
        )
        .into());
    }
    let store = target::embedded_store(&global.target(), target::default_data_dir())?;
    let listener = engine::bind(SocketAddr::new(args.bind, args.port)).await?;
    let opened = engine::open(&store)?;
    let read_only = opened.read_only;
    let addr = listener.local_addr()?;
    let stop = shutdown_signal();
    if !args.bind.is_loopback() {
        eprintln!("ddb local: WARNING: listening on {addr}: anyone who can reach it can read and write every table");
    }
    if !global.quiet {
        eprintln!(
            "ddb local: serving the DynamoDB API on http://{addr} (data: {}); Ctrl-C stops",
            store.describe()
        );
        if read_only {
            eprintln!("ddb local: cannot write the data directory or its database: serving reads from a copy of it in memory; writes are refused");
        }
    }
    engine::serve(listener, opened, stop).await?;
    if !global.quiet {
        eprintln!("ddb local: stopped");
    }
    Ok(Outcome::Done)
}
