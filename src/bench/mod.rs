//! `ddb bench`: measurements that show the lecture's two lessons on any target.
//!
//! [`query_vs_scan`] seeds a scratch table in growing sizes and reads the same items with a
//! Query (one partition) and with a Scan + filter (every item), taking the capacity units,
//! counts and pages from the server's own answers. [`serve_load`] drives `ddb serve`'s models
//! (or any running server) with many clients. [`plot`] draws either as SVG on log-log axes.
//! query-vs-scan follows toydb's workload shape: prepare, generate with a seeded RNG (printed),
//! execute, verify. The serve load is seeded too (`--seed`), but it measures throughput and
//! latency only; it verifies nothing beyond counting errors.

pub mod pin;
pub mod plot;
pub mod query_vs_scan;
pub mod serve_load;

use hdrhistogram::Histogram;
use serde_json::{json, Value};

/// Latencies in microseconds, 1 µs to 60 s at 3 significant digits.
pub struct Latencies(Histogram<u64>);

impl Default for Latencies {
    fn default() -> Self {
        Latencies(Histogram::new_with_bounds(1, 60_000_000, 3).expect("valid histogram bounds"))
    }
}

impl Latencies {
    pub fn record(&mut self, elapsed: std::time::Duration) {
        let micros = (elapsed.as_micros() as u64).clamp(1, 60_000_000);
        self.0.record(micros).expect("within bounds");
    }

    pub fn merge(&mut self, other: &Latencies) {
        self.0.add(&other.0).expect("same bounds");
    }

    pub fn count(&self) -> u64 {
        self.0.len()
    }

    /// The latency at a quantile, in milliseconds.
    pub fn ms(&self, quantile: f64) -> f64 {
        self.0.value_at_quantile(quantile) as f64 / 1000.0
    }

    pub fn max_ms(&self) -> f64 {
        self.0.max() as f64 / 1000.0
    }

    pub fn json(&self) -> Value {
        json!({"p50_ms": self.ms(0.5), "p95_ms": self.ms(0.95), "p99_ms": self.ms(0.99), "max_ms": self.max_ms()})
    }
}

/// A small seeded generator (SplitMix64): the same seed gives the same workload everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rng_is_deterministic_and_spread() {
        let a: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.below(100)).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.below(100)).collect()
        };
        assert_eq!(a, b);
        let mut r = Rng::new(1);
        let mut seen = [false; 10];
        for _ in 0..200 {
            seen[r.below(10) as usize] = true;
        }
        assert!(seen.iter().all(|s| *s));
    }

    #[test]
    fn latency_quantiles_come_from_what_was_recorded() {
        let mut l = Latencies::default();
        for ms in 1..=100u64 {
            l.record(std::time::Duration::from_millis(ms));
        }
        assert!((l.ms(0.5) - 50.0).abs() < 0.1, "{}", l.ms(0.5));
        assert!((l.ms(0.99) - 99.0).abs() < 0.1);
        assert_eq!(l.count(), 100);
    }
}
