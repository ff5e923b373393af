//! `ddb ui`: the web admin on 127.0.0.1, for whichever target the global options choose. The
//! server, the API and the page are the `ui` module; this is the command line around them.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use anyhow::{Context, Result};

use super::shutdown_signal;
use crate::client::Db;
use crate::commands::args::GlobalArgs;
use crate::error::{Outcome, UsageError};
use crate::ui::api::Scope;
use crate::ui::guard::{self, Guard};

#[derive(Debug, Clone, clap::Args)]
#[command(
    about = "Browse, query and edit tables and items in a web page served from ddb [API: ListTables, DescribeTable, Scan, Query, GetItem, PutItem, DeleteItem, CreateTable, UpdateTable, DeleteTable, DescribeTimeToLive, UpdateTimeToLive, BatchWriteItem]",
    after_help = "\
Examples:
  ddb ui                                   # prints the URL to open (with its secret)
  ddb ui --open                            # and opens it in the default browser
  ddb --endpoint-url http://localhost:8000 ui --port 8002 --tables Movies,Users

The server listens on 127.0.0.1 (unless --allow-remote with a token) and answers only requests
that name that address (Host), come from its own page (Origin, Sec-Fetch-Site) and carry the
secret printed in the URL, so other pages the browser opens can neither read nor change
anything. --open hands the browser a file only you can read, not the secret itself. Ctrl-C
stops it."
)]
pub struct Args {
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 8001)]
    pub port: u16,
    /// Open the page in the default browser (xdg-open)
    #[arg(long)]
    pub open: bool,
    /// Refuse every change: items, tables, indexes and TTL (the page then only reads)
    #[arg(long)]
    pub read_only: bool,
    /// Show, read and change only these tables (a table created from the page must be one)
    #[arg(long, value_delimiter = ',', value_name = "A,B")]
    pub tables: Vec<String>,
    /// Listen on every interface, for other machines (needs --token)
    #[arg(long, requires = "token")]
    pub allow_remote: bool,
    /// The secret remote pages must send, instead of a fresh one (at least 16 characters);
    /// better given in DDB_UI_TOKEN than on a command line other users can read
    #[arg(
        long,
        requires = "allow_remote",
        value_name = "SECRET",
        env = "DDB_UI_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
}

/// Opens the page without putting the secret on a command line (which every local user can read
/// in /proc): the browser is given a file only this user can read, which forwards to the URL.
fn open_browser(url: &str, port: u16) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let dir = dirs::runtime_dir()
        .or_else(dirs::cache_dir)
        .context("no runtime or cache directory")?;
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(format!("ddb-ui-{port}.html"));
    let _ = std::fs::remove_file(&path);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    writeln!(
        file,
        "<!doctype html><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url={url}\"><title>ddb ui</title><a href=\"{url}\">ddb ui</a>"
    )?;
    std::process::Command::new("xdg-open")
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .context("xdg-open")?;
    Ok(())
}

pub async fn run(args: &Args, global: &GlobalArgs, db: &Db) -> Result<Outcome> {
    let secret = match &args.token {
        Some(token) if token.len() < 16 || !token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') => {
            return Err(UsageError(
                "--token: at least 16 letters, digits, - or _ (it is all that protects a remote server)".into(),
            )
            .into())
        }
        Some(token) => token.clone(),
        None => guard::new_secret().map_err(|e| {
            anyhow::anyhow!("cannot read the system's random source for the secret: {e}")
        })?,
    };
    let ip = if args.allow_remote {
        IpAddr::V4(Ipv4Addr::UNSPECIFIED)
    } else {
        IpAddr::V4(Ipv4Addr::LOCALHOST)
    };
    let listener = crate::engine::bind(SocketAddr::new(ip, args.port)).await?;
    let port = listener.local_addr()?.port();
    let stop = shutdown_signal();
    let hosts = if args.allow_remote {
        Vec::new()
    } else {
        guard::local_hosts(port)
    };
    let url = format!("http://127.0.0.1:{port}/#secret={secret}");
    eprintln!("ddb ui: open {url} (Ctrl-C stops)");
    if args.allow_remote {
        eprintln!("ddb ui: WARNING: listening on every interface over plain HTTP; anyone with the token (or who can watch the network) can read, change and delete every table shown");
    }
    if !global.quiet {
        eprintln!("ddb ui: showing {}", db.endpoint);
    }
    if args.open {
        // The browser is a convenience: the URL above is the way in when it cannot start.
        if let Err(e) = open_browser(&url, port) {
            eprintln!("ddb ui: cannot open a browser ({e:#}); open the URL above");
        }
    }
    let scope = Scope {
        db,
        read_only: args.read_only,
        tables: (!args.tables.is_empty()).then_some(args.tables.as_slice()),
    };
    crate::ui::serve(listener, scope, Guard { hosts, secret }, stop).await;
    if !global.quiet {
        eprintln!("ddb ui: stopped");
    }
    Ok(Outcome::Done)
}
