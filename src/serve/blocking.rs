//! The `blocking` model: one client at a time, on one thread, as the lecture's first server.
//! Every other client waits in the listen backlog until the current one is done.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use tokio::runtime::Handle;

use super::{connection, is_resource_exhaustion, Shared};

pub fn serve(listener: TcpListener, shared: Arc<Shared>, runtime: Handle) -> std::io::Result<()> {
    let mut backoff = Duration::from_millis(1);
    loop {
        let accepted = listener.accept();
        if shared.stopping() {
            return Ok(());
        }
        match accepted {
            Ok((stream, peer)) => {
                backoff = Duration::from_millis(1);
                connection::serve(stream, peer, &shared, &runtime);
            }
            Err(e) if is_resource_exhaustion(&e) => {
                shared.log_error(|| format!("accept: {e}; retrying in {backoff:?}"));
                std::thread::sleep(backoff);
                backoff = (backoff * 2).min(Duration::from_secs(1));
            }
            Err(e) => shared.log_error(|| format!("accept: {e}")),
        }
    }
}
