//! The integration suite, as one test binary (one link of the SDK and the engine, not one per
//! area): each module drives the real `ddb` binary against the suite's target, the embedded
//! engine by default or the endpoint in `DDB_TEST_ENDPOINT` (the real DynamoDB Local in CI).
//! Run one area with `cargo test --test it serve::`.

mod common;

mod bad_input;
mod batch_get;
mod bench;
mod bulk;
mod bulk_delete;
mod cli;
mod copy;
mod dump;
mod embedded;
mod explain;
mod faults;
mod items;
mod known_differences;
mod layers;
mod read;
mod recreate;
mod schema_cache;
mod serve;
mod serve_ops;
mod serve_robustness;
mod shell;
mod sql;
mod tables;
mod tail;
mod truncate;
mod tx;
mod ui;
mod update;
mod walkthrough;
