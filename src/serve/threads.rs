//! The `threads` model: an OS thread per client, at most `--max-clients` at once; the next
//! clients wait in the listen backlog. Threads get small stacks, since a connection thread only
//! needs room for the request at hand.

use std::net::TcpListener;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use tokio::runtime::Handle;

use super::{connection, is_resource_exhaustion, Shared};

/// Reserved, not resident: an idle connection touches a few pages of it.
const STACK_SIZE: usize = 1024 * 1024;

/// Counts connection threads; the accept loop waits for a free slot.
struct Slots {
    open: Mutex<usize>,
    freed: Condvar,
}

impl Slots {
    /// Waits for a free slot; false when shutdown began first.
    fn acquire(&self, max: usize, shared: &Shared) -> bool {
        let mut open = self.open.lock().expect("slots lock");
        while *open >= max {
            if shared.stopping() {
                return false;
            }
            open = self
                .freed
                .wait_timeout(open, Duration::from_millis(50))
                .expect("slots lock")
                .0;
        }
        *open += 1;
        true
    }

    fn release(&self) {
        *self.open.lock().expect("slots lock") -= 1;
        self.freed.notify_all();
    }

    /// Waits until every connection thread ended, or `limit` passed.
    fn drain(&self, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut open = self.open.lock().expect("slots lock");
        while *open > 0 && Instant::now() < deadline {
            open = self
                .freed
                .wait_timeout(open, Duration::from_millis(20))
                .expect("slots lock")
                .0;
        }
    }
}

pub fn serve(listener: TcpListener, shared: Arc<Shared>, runtime: Handle) -> std::io::Result<()> {
    let slots = Arc::new(Slots {
        open: Mutex::new(0),
        freed: Condvar::new(),
    });
    let mut backoff = Duration::from_millis(1);
    while slots.acquire(shared.limits.max_clients, &shared) {
        let accepted = listener.accept();
        if shared.stopping() {
            slots.release();
            break;
        }
        match accepted {
            Ok((stream, peer)) => {
                backoff = Duration::from_millis(1);
                let (conn_shared, runtime, conn_slots) =
                    (shared.clone(), runtime.clone(), slots.clone());
                let spawned = std::thread::Builder::new()
                    .name("ddb-conn".into())
                    .stack_size(STACK_SIZE)
                    .spawn(move || {
                        connection::serve(stream, peer, &conn_shared, &runtime);
                        conn_slots.release();
                    });
                if let Err(e) = spawned {
                    // The closure never ran: its slot and its connection are given back here.
                    slots.release();
                    shared.log_error(|| format!("cannot start a thread for {peer}: {e}"));
                }
            }
            Err(e) if is_resource_exhaustion(&e) => {
                slots.release();
                shared.log_error(|| format!("accept: {e}; retrying in {backoff:?}"));
                std::thread::sleep(backoff);
                backoff = (backoff * 2).min(Duration::from_secs(1));
            }
            Err(e) => {
                slots.release();
                shared.log_error(|| format!("accept: {e}"));
            }
        }
    }
    slots.drain(shared.limits.drain_timeout);
    Ok(())
}
