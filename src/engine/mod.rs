//! The embedded engine: dynoxide-rs opened on the data directory and served over its DynamoDB
//! JSON 1.0 HTTP protocol, so every request still goes through `aws-sdk-dynamodb` and the
//! embedded target behaves exactly like `ddb local`.
//!
//! [`Engine::start`] serves one command, whose SDK client hands its requests to [`front`] in
//! process ([`in_process`]); [`serve`] is `ddb local`'s long-running server, where clients reach
//! the front over HTTP. Either way the front stands between clients and the engine's own server
//! (on a private loopback port), and [`guard`] refuses there the names the engine cannot hold.
//! None of it contains any DynamoDB logic.

pub mod front;
pub mod guard;
pub mod in_process;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use dynoxide::Database;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use self::front::Front;
use crate::target::Store;

/// An opened database, and whether it is a read-only copy of a data directory ddb cannot write.
pub struct Opened {
    pub db: Database,
    pub read_only: bool,
}

/// Opens the engine's database, creating the data directory when needed. What can be wrong with
/// a data directory is said in its terms, not the storage library's. A data directory that
/// cannot be written (a read-only mount, a directory of another user) is read into memory
/// instead, and the front then refuses every write: reads work, nothing is lost silently.
pub fn open(store: &Store) -> Result<Opened> {
    match store {
        Store::Memory => Ok(Opened {
            db: Database::memory().map_err(|e| anyhow::anyhow!("{e}"))?,
            read_only: false,
        }),
        Store::Dir(dir) => {
            if dir.exists() && !dir.is_dir() {
                anyhow::bail!(
                    "the data directory {} is a file, not a directory; give --data-dir a directory (it is created when missing)",
                    dir.display()
                );
            }
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
            let file = Store::database_file(dir);
            if !is_sqlite_or_new(&file) {
                anyhow::bail!(
                    "{} is not a ddb database (it is not an SQLite file); move it away, or give another --data-dir",
                    file.display()
                );
            }
            let path = file
                .to_str()
                .with_context(|| format!("the data path {} is not UTF-8", file.display()))?;
            match Database::new(path) {
                Ok(db) => Ok(Opened {
                    db,
                    read_only: false,
                }),
                Err(e) if (is_read_only(&e.to_string()) || !writable(dir)) && file.exists() => {
                    read_only_copy(path).map_err(|e| opening_failed(dir, path, &e.to_string()))
                }
                Err(e) => Err(opening_failed(dir, path, &e.to_string())),
            }
        }
    }
}

/// Whether this process may create files in `dir` (false on a read-only mount, even for root).
fn writable(dir: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(path) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
            return true;
        };
        // SAFETY: access only reads the NUL-terminated path.
        unsafe { libc::access(path.as_ptr(), libc::W_OK) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        true
    }
}

fn is_read_only(cause: &str) -> bool {
    cause.contains("readonly") || cause.contains("read-only")
}

/// The database at `path` copied into memory without writing anything beside it: SQLite's
/// `immutable` URI parameter reads a database whose directory takes no journal files.
fn read_only_copy(path: &str) -> std::result::Result<Opened, dynoxide::errors::DynoxideError> {
    let db = Database::memory()?;
    let escaped = path
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23");
    db.restore_from(&format!("file:{escaped}?immutable=1"))?;
    Ok(Opened {
        db,
        read_only: true,
    })
}

/// Whether `file` is missing, empty (SQLite makes it a database) or starts as SQLite files do.
fn is_sqlite_or_new(file: &std::path::Path) -> bool {
    use std::io::Read;
    let Ok(mut opened) = std::fs::File::open(file) else {
        return true;
    };
    let mut magic = [0u8; 16];
    match opened.read(&mut magic) {
        Ok(0) | Err(_) => true,
        Ok(n) => n == magic.len() && &magic == b"SQLite format 3\0",
    }
}

fn opening_failed(dir: &std::path::Path, path: &str, cause: &str) -> anyhow::Error {
    if is_read_only(cause) || !writable(dir) {
        anyhow::anyhow!(
            "the data directory {} is read-only: the embedded engine writes its journal there even to read; make it writable, or copy it somewhere writable and give --data-dir",
            dir.display()
        )
    } else if cause.contains("not a valid SQLite database") || cause.contains("not a database") {
        anyhow::anyhow!(
            "{path} is not a ddb database (it is damaged or not an SQLite file); move it away, or give another --data-dir"
        )
    } else {
        anyhow::anyhow!("cannot open the database {path}: {cause}")
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

/// The engine serving one command.
pub struct Engine {
    front: Arc<Front>,
    db: Database,
    read_only: bool,
    stop: Option<watch::Sender<bool>>,
    engine: JoinHandle<std::result::Result<(), String>>,
}

impl Engine {
    pub async fn start(store: &Store) -> Result<Engine> {
        let Opened { db, read_only } = open(store)?;
        let (stop, stopped) = watch::channel(false);
        let (engine_url, engine) = start_engine(db.clone(), signalled(stopped)).await?;
        let front = Front::new(engine_url, db.clone(), read_only);
        Ok(Engine {
            front,
            db,
            read_only,
            stop: Some(stop),
            engine,
        })
    }

    /// The SDK's HTTP client for this engine: requests go to the front in process, and fail
    /// once the engine is stopped.
    pub fn http_client(&self) -> aws_smithy_runtime_api::client::http::SharedHttpClient {
        in_process::client(&self.front)
    }

    /// Serving a read-only copy of a data directory ddb cannot write (see [`open`]).
    pub fn read_only(&self) -> bool {
        self.read_only
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
    opened: Opened,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    let Opened { db, read_only } = opened;
    let (stop, stopped) = watch::channel(false);
    let (engine_url, engine) = start_engine(db.clone(), signalled(stopped)).await?;
    let timeouts = front::Timeouts::default();
    front::serve(
        listener,
        Front::new(engine_url, db, read_only),
        timeouts,
        shutdown,
    )
    .await;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_errors_are_said_in_the_data_directorys_terms() {
        // A writable directory, so only the cause decides.
        let scratch = tempfile::tempdir().unwrap();
        let dir = scratch.path();
        let said = |cause: &str| opening_failed(dir, "data/ddb.sqlite3", cause).to_string();
        assert!(
            said("Internal error: attempt to write a readonly database").contains(&format!(
                "the data directory {} is read-only",
                dir.display()
            ))
        );
        assert!(said("Database file is encrypted or not a valid SQLite database. If encrypted, enable the `encryption` feature").contains("is not a ddb database"));
        assert!(!said("Database file is encrypted or not a valid SQLite database. enable the `encryption` feature").contains("encryption"));
        assert!(said("disk I/O error")
            .contains("cannot open the database data/ddb.sqlite3: disk I/O error"));
    }

    #[test]
    fn a_data_directory_that_is_a_file_or_holds_no_database_is_named_as_such() {
        let scratch = tempfile::tempdir().unwrap();
        let file = scratch.path().join("plain");
        std::fs::write(&file, "x").unwrap();
        let err = open(&Store::Dir(file.clone())).err().unwrap().to_string();
        assert!(err.contains("is a file, not a directory"), "{err}");

        let dir = scratch.path().join("dir");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(
            Store::database_file(&dir),
            "not sqlite at all, but long enough",
        )
        .unwrap();
        let err = open(&Store::Dir(dir.clone())).err().unwrap().to_string();
        assert!(err.contains("ddb.sqlite3 is not a ddb database"), "{err}");

        let fresh = scratch.path().join("fresh");
        assert!(open(&Store::Dir(fresh.clone())).is_ok());
        assert!(
            open(&Store::Dir(fresh)).is_ok(),
            "a database ddb made opens again"
        );
    }
}
