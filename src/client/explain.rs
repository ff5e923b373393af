//! `--explain`: the request a command would send is printed as one line,
//! `{"operation": "Query", "request": {...}}`, the body exactly as the SDK serialized it for the
//! wire, and is not sent. An interceptor does it, so every command explains what it really
//! builds rather than a second description of it.
//!
//! DescribeTable still goes out: it changes nothing, and commands read key schemas with it.
//! Only the first request of a command is printed: the requests after it (the next page, the
//! other segments or lanes of a bulk command) depend on answers that never came.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextRef;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;

/// Operations sent even when explaining: reads of a table's definition.
const PASSED: &[&str] = &["DescribeTable"];

/// Whether requests are explained instead of sent, shared by the clients of one connection so
/// the shell can turn it on and off between commands.
#[derive(Debug, Clone, Default)]
pub struct Explain(Arc<State>);

#[derive(Debug, Default)]
struct State {
    on: AtomicBool,
    /// Requests stopped since the last [`Explain::start`]; only the first is printed.
    stopped: AtomicUsize,
}

/// The error a stopped request fails with. Never retried, never shown: the command's outcome is
/// replaced by success once a request was explained.
#[derive(Debug, thiserror::Error)]
#[error("not sent: --explain")]
pub struct NotSent;

impl Explain {
    /// Begins a command (or, in `sql --file`, a statement): explaining or not, nothing printed.
    pub fn start(&self, on: bool) {
        self.0.on.store(on, Ordering::SeqCst);
        self.0.stopped.store(0, Ordering::SeqCst);
    }

    pub fn is_on(&self) -> bool {
        self.0.on.load(Ordering::SeqCst)
    }

    /// Whether a request was explained (and so not sent) since [`start`](Self::start).
    pub fn explained(&self) -> bool {
        self.0.stopped.load(Ordering::SeqCst) > 0
    }

    /// Whether an error is a request this stopped.
    pub fn stopped(err: &(dyn std::error::Error + 'static)) -> bool {
        let mut cause = Some(err);
        while let Some(err) = cause {
            if err.is::<NotSent>() {
                return true;
            }
            cause = err.source();
        }
        false
    }
}

/// The interceptor each client of a connection carries.
#[derive(Debug)]
pub struct Interceptor(pub Explain);

impl Intercept for Interceptor {
    fn name(&self) -> &'static str {
        "ddb-explain"
    }

    fn read_after_serialization(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _: &RuntimeComponents,
        _: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let state = &self.0 .0;
        if !state.on.load(Ordering::SeqCst) {
            return Ok(());
        }
        let request = context.request();
        // X-Amz-Target is "DynamoDB_20120810.Query" (or "DynamoDBStreams_20120810.GetRecords").
        let target = request.headers().get("x-amz-target").unwrap_or("");
        let operation = target.rsplit('.').next().unwrap_or(target);
        if PASSED.contains(&operation) {
            return Ok(());
        }
        if state.stopped.fetch_add(1, Ordering::SeqCst) == 0 {
            let body = request.body().bytes().unwrap_or(b"{}");
            let body = std::str::from_utf8(body).unwrap_or("{}");
            let line = format!(
                "{{\"operation\":{},\"request\":{}}}\n",
                serde_json::Value::String(operation.to_string()),
                if body.is_empty() { "{}" } else { body }
            );
            let mut out = std::io::stdout().lock();
            out.write_all(line.as_bytes())?;
            out.flush()?;
        }
        Err(Box::new(NotSent))
    }
}
