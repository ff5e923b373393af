//! The memory that replies computed but not yet written may hold, per connection and for the
//! whole server. A client that pipelines scans and never reads would otherwise make the server
//! hold every page it asked for: `--pipeline` bounds requests, this bounds bytes.
//!
//! A database call reserves its reply's likely worst case before it starts (a Query or Scan page
//! is at most 1 MB of items, a single item at most 400 KB) and keeps the reservation until its
//! reply is written to the socket. A connection starts no call that would take its reservations
//! past `--reply-buffer`, nor one the server-wide `--reply-memory` cannot cover; a connection
//! with nothing reserved may always start one call, so every client makes progress.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore, TryAcquireError};

/// Reservations are counted in KiB, so a semaphore's `u32` permits cover terabytes.
const UNIT: usize = 1024;

/// The server-wide pool every connection reserves from.
#[derive(Debug)]
pub struct ReplyMemory {
    pool: Arc<Semaphore>,
    /// The pool's size: a reply larger than the whole pool takes all of it, and still runs.
    total: u32,
}

/// Bytes held for one reply until it is written; the pool gets them back on drop.
#[derive(Debug)]
pub struct Reservation {
    bytes: usize,
    _permit: Option<OwnedSemaphorePermit>,
}

impl Reservation {
    /// A reply that holds nothing worth counting (ping, errors, a put's `{}`).
    pub fn none() -> Reservation {
        Reservation {
            bytes: 0,
            _permit: None,
        }
    }

    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

impl ReplyMemory {
    pub fn new(bytes: usize) -> ReplyMemory {
        let units = (bytes / UNIT).clamp(1, Semaphore::MAX_PERMITS.min(u32::MAX as usize));
        ReplyMemory {
            pool: Arc::new(Semaphore::new(units)),
            total: units as u32,
        }
    }

    fn units(&self, bytes: usize) -> u32 {
        bytes.div_ceil(UNIT).min(self.total as usize) as u32
    }

    /// `bytes` from the pool now, or None while other connections hold it.
    pub fn try_reserve(&self, bytes: usize) -> Option<Reservation> {
        if bytes == 0 {
            return Some(Reservation::none());
        }
        match self.pool.clone().try_acquire_many_owned(self.units(bytes)) {
            Ok(permit) => Some(Reservation {
                bytes,
                _permit: Some(permit),
            }),
            Err(TryAcquireError::NoPermits) => None,
            Err(TryAcquireError::Closed) => Some(Reservation::none()),
        }
    }

    /// `bytes` from the pool, waiting until other connections give enough back.
    pub async fn reserve(&self, bytes: usize) -> Reservation {
        if bytes == 0 {
            return Reservation::none();
        }
        match self
            .pool
            .clone()
            .acquire_many_owned(self.units(bytes))
            .await
        {
            Ok(permit) => Reservation {
                bytes,
                _permit: Some(permit),
            },
            Err(_) => Reservation::none(),
        }
    }
}

/// One connection's reservations against its `--reply-buffer`.
#[derive(Debug)]
pub struct ConnectionBudget {
    limit: usize,
    held: usize,
}

impl ConnectionBudget {
    pub fn new(limit: usize) -> ConnectionBudget {
        ConnectionBudget { limit, held: 0 }
    }

    /// Whether a call needing `bytes` may start now: it fits, or nothing else is held.
    pub fn allows(&self, bytes: usize) -> bool {
        self.held == 0 || self.held + bytes <= self.limit
    }

    pub fn is_empty(&self) -> bool {
        self.held == 0
    }

    pub fn take(&mut self, bytes: usize) {
        self.held += bytes;
    }

    pub fn give_back(&mut self, bytes: usize) {
        self.held -= bytes;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_starts_one_call_whatever_its_size_then_only_what_fits() {
        let mut budget = ConnectionBudget::new(4 * 1024 * 1024);
        assert!(
            budget.allows(64 * 1024 * 1024),
            "an empty connection makes progress"
        );
        budget.take(3 * 1024 * 1024);
        assert!(budget.allows(1024 * 1024));
        assert!(!budget.allows(1024 * 1024 + 1));
        budget.give_back(3 * 1024 * 1024);
        assert!(budget.is_empty());
    }

    #[test]
    fn the_pool_refuses_what_it_no_longer_has_and_takes_it_back_on_drop() {
        let memory = ReplyMemory::new(4 * 1024 * 1024);
        let first = memory.try_reserve(3 * 1024 * 1024).expect("fits");
        assert_eq!(first.bytes(), 3 * 1024 * 1024);
        assert!(memory.try_reserve(2 * 1024 * 1024).is_none());
        drop(first);
        assert!(memory.try_reserve(2 * 1024 * 1024).is_some());
        assert_eq!(memory.try_reserve(0).expect("nothing").bytes(), 0);
    }
}
