//! The embedded engine: dynoxide-rs opened on the data directory and served over its DynamoDB
//! JSON 1.0 HTTP protocol, so every request still goes through `aws-sdk-dynamodb` and the
//! embedded target behaves exactly like `ddb local`.
//!
//! [`Engine::start`] serves on an ephemeral loopback port for the life of one command;
//! [`serve`] is `ddb local`'s long-running server. Both put [`front`] between clients and the
//! engine's own server, which [`guard`] uses to refuse names the engine cannot hold. Neither
//! contains any DynamoDB logic.

pub mod front;
pub mod guard;

use std::future::Future;
use std::net::SocketAddr;

use anyhow::{Context, Result};
use dynoxide::Database;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::target::Store;

/// Opens the engine's database, creating the data directory when needed.
pub fn open(store: &Store) -> Result<Database> {
    match store {
        Store::Memory => Database::memory().map_err(|e| anyhow::anyhow!("{e}")),
        Store::Dir(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
            let file = Store::database_file(dir);
            let path = file
                .to_str()
                .with_context(|| format!("the data path {} is not UTF-8", file.display()))?;
            Database::new(path).map_err(|e| anyhow::anyhow!("cannot open the database {path}: {e}"))
        }
    }
}

/// The engine's own server on a private loopback port, and the address the front forwards to.
async fn start_engine(
    db: Database,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(String, JoinHandle<std::result::Result<(), String>>)> {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .await
        .context("cannot open a loopback port for the embedded engine")?;
    let url = format!("http://{}", listener.local_addr()?);
    let task = tokio::spawn(dynoxide::server::serve_with_shutdown(
        listener, db, shutdown,
    ));
    Ok((url, task))
}

/// The engine serving one command on an ephemeral loopback port.
pub struct Engine {
    url: String,
    db: Database,
    stop: Option<watch::Sender<bool>>,
    front: JoinHandle<()>,
    engine: JoinHandle<std::result::Result<(), String>>,
}

impl Engine {
    pub async fn start(store: &Store) -> Result<Engine> {
        let db = open(store)?;
        let (stop, stopped) = watch::channel(false);
        let (engine_url, engine) = start_engine(db.clone(), signalled(stopped.clone())).await?;
        let listener = TcpListener::bind(("127.0.0.1", 0))
            .await
            .context("cannot open a loopback port for the embedded engine")?;
        let url = format!("http://{}", listener.local_addr()?);
        let front = tokio::spawn(front::serve(
            listener,
            engine_url,
            db.clone(),
            front::Timeouts::default(),
            signalled(stopped),
        ));
        Ok(Engine {
            url,
            db,
            stop: Some(stop),
            front,
            engine,
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// A table's stored definition, read without DescribeTable: the engine computes
    /// DescribeTable's item count and size by reading the whole table, which a command that only
    /// needs the key schema should not pay for.
    pub fn table_metadata(&self, table: &str) -> Result<Option<dynoxide::TableMetadata>> {
        self.db
            .get_table_metadata(table)
            .map_err(|e| anyhow::anyhow!("the embedded engine: {e}"))
    }

    /// Stops serving and waits until the database is released.
    pub async fn stop(mut self) -> Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(true);
        }
        (&mut self.front)
            .await
            .context("the embedded engine stopped abnormally")?;
        (&mut self.engine)
            .await
            .context("the embedded engine stopped abnormally")?
            .map_err(|e| anyhow::anyhow!("the embedded engine failed: {e}"))
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(true);
        }
    }
}

/// Resolves once `stopped` turns true (or its sender is gone).
async fn signalled(mut stopped: watch::Receiver<bool>) {
    let _ = stopped.wait_for(|s| *s).await;
}

/// Serves the database on `listener` until `shutdown` resolves (`ddb local`), then lets requests
/// under way finish for a bounded grace period: a client that sent half a request cannot keep it
/// running.
pub async fn serve(
    listener: TcpListener,
    db: Database,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let (stop, stopped) = watch::channel(false);
    let (engine_url, engine) = start_engine(db.clone(), signalled(stopped)).await?;
    let timeouts = front::Timeouts::default();
    front::serve(listener, engine_url, db, timeouts, shutdown).await;
    let _ = stop.send(true);
    // The engine's only client was the front, whose connections are gone or abandoned now.
    match tokio::time::timeout(timeouts.grace, engine).await {
        Ok(Ok(Err(e))) => Err(anyhow::anyhow!("{e}")),
        _ => Ok(()),
    }
}

/// Binds `addr` for `ddb local`, turning a busy port into a message that says what to do.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener> {
    TcpListener::bind(addr).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            anyhow::anyhow!(
                "port {} is already in use on {}; stop what is listening there or choose another with --port",
                addr.port(),
                addr.ip()
            )
        } else {
            anyhow::anyhow!("cannot listen on {addr}: {e}")
        }
    })
}
