//! One ndjson request line in, one reply line out: the request handling every server model
//! shares. Requests go through the same SDK client as the rest of ddb; the policy (token,
//! `--read-only`, `--tables`) is applied before anything reaches the database.

use std::collections::HashMap;

use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue};
use aws_sdk_dynamodb::Client;
use serde_json::{json, Value};

use super::protocol::{self, Code, Token};
use super::request::{Malformed, Placeholders, Read, Request};
use crate::client::all_table_names;
use crate::item::{self, Item};

/// What clients may do.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    pub token: Option<Token>,
    pub read_only: bool,
    /// When set, the only tables clients may touch or see.
    pub tables: Option<Vec<String>>,
}

/// Per-connection state.
#[derive(Debug, Default)]
pub struct Session {
    pub authenticated: bool,
}

/// Whether the connection stays open after a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Close,
}

/// A reply line and what happens to the connection after it.
pub type Reply = (Vec<u8>, Flow);

/// What to do with a request line: reply now, or call the database.
pub enum Step {
    Reply(Reply),
    Call(Call),
}

/// A parsed request that needs the database.
pub struct Call {
    id: Value,
    /// Boxed: a request's fields are several hundred bytes, a pending call should not be.
    request: Box<Request>,
}

/// A Query or Scan page is at most 1 MB of items; as JSON lines, with quotes and escapes, allow half
/// as much again.
const PAGE_REPLY: usize = 1536 * 1024;
/// One item is at most 400 KB.
const ITEM_REPLY: usize = 600 * 1024;

impl Call {
    /// The most this call's reply is likely to hold, reserved before it starts (see `budget`).
    pub fn reply_estimate(&self) -> usize {
        match self.request.as_ref() {
            Request::Query(read) | Request::Scan(read) => {
                let limit = read.limit.as_ref().and_then(Value::as_u64);
                limit.map_or(PAGE_REPLY, |n| {
                    (n as usize).saturating_mul(ITEM_REPLY).min(PAGE_REPLY)
                })
            }
            Request::Get(_) | Request::Delete(_) => ITEM_REPLY,
            Request::ListTables | Request::DescribeTable { .. } => 64 * 1024,
            Request::Put(_) | Request::Ping | Request::Auth { .. } => 0,
        }
    }
}

fn refuse(id: &Value, code: Code, message: &str) -> Reply {
    (protocol::error(id, code.as_str(), message), Flow::Continue)
}

/// The reply to a request that arrived once shutdown had begun: not carried out.
pub fn shutting_down(line: &[u8]) -> Reply {
    #[derive(serde::Deserialize)]
    struct Id {
        #[serde(default)]
        id: Value,
    }
    let id = serde_json::from_slice::<Id>(line).map_or(Value::Null, |r| r.id);
    (
        protocol::error(
            &id,
            Code::ShuttingDown.as_str(),
            "the server is shutting down; the request was not carried out",
        ),
        Flow::Continue,
    )
}

/// Executes requests against the database.
#[derive(Debug, Clone)]
pub struct Handler {
    client: Client,
    policy: Policy,
}

/// A request that cannot be carried out, with the code the reply carries.
struct Refusal(String, String);

impl Refusal {
    fn ours(code: Code, message: impl Into<String>) -> Self {
        Refusal(code.as_str().to_string(), message.into())
    }
}

impl<E: ProvideErrorMetadata, R> From<SdkError<E, R>> for Refusal {
    fn from(err: SdkError<E, R>) -> Self {
        match &err {
            SdkError::ServiceError(_) => Refusal(
                err.code().unwrap_or("ServiceError").to_string(),
                err.message()
                    .unwrap_or("the database refused the request")
                    .to_string(),
            ),
            SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => {
                Refusal("Unavailable".into(), "the database is unreachable".into())
            }
            _ => Refusal("Unavailable".into(), "the database request failed".into()),
        }
    }
}

impl Handler {
    pub fn new(client: Client, policy: Policy) -> Self {
        Handler { client, policy }
    }

    pub fn needs_auth(&self) -> bool {
        self.policy.token.is_some()
    }

    /// Reads one request line and answers what needs no database at once (malformed lines,
    /// authentication, policy, ping); the rest becomes a [`Call`] for [`call`](Self::call).
    pub fn prepare(&self, line: &[u8], session: &mut Session) -> Step {
        if session.authenticated || !self.needs_auth() {
            if let Some(reply) = protocol::ping_reply(line) {
                return Step::Reply((reply, Flow::Continue));
            }
        }
        let parsed = serde_json::from_slice::<Value>(line);
        let id = parsed
            .as_ref()
            .ok()
            .and_then(|v| v.get("id").cloned())
            .unwrap_or(Value::Null);
        let request = match parsed {
            Ok(value @ Value::Object(_)) => Request::from_value(value),
            Ok(_) => Err(Malformed(
                Code::BadRequest,
                "a request is a JSON object".into(),
            )),
            Err(e) => Err(Malformed(Code::BadRequest, format!("malformed JSON: {e}"))),
        };
        // Before a valid auth nothing else is answered, not even a malformed line: the
        // connection is closed.
        if let Some(token) = &self.policy.token {
            if !session.authenticated {
                let message = match &request {
                    Ok(Request::Auth { token: given }) if token.matches(given.as_bytes()) => {
                        session.authenticated = true;
                        return Step::Reply((protocol::ok(&id, json!({})), Flow::Continue));
                    }
                    Ok(Request::Auth { .. }) => "wrong token",
                    _ => "the first request must be {\"op\": \"auth\", \"token\": ...}",
                };
                return Step::Reply((
                    protocol::error(&id, Code::Unauthorized.as_str(), message),
                    Flow::Close,
                ));
            }
        }
        let request = match request {
            Ok(request) => request,
            Err(Malformed(code, message)) => return Step::Reply(refuse(&id, code, &message)),
        };
        if request.writes() && self.policy.read_only {
            return Step::Reply(refuse(&id, Code::Forbidden, "this server is read-only"));
        }
        if let Some(table) = request.table().filter(|t| !self.allowed(t)) {
            let message = format!("table {table} is not served here");
            return Step::Reply(refuse(&id, Code::Forbidden, &message));
        }
        match request {
            Request::Ping | Request::Auth { .. } => {
                Step::Reply((protocol::ok(&id, json!({})), Flow::Continue))
            }
            request => Step::Call(Call {
                id,
                request: Box::new(request),
            }),
        }
    }

    /// Carries out a request that needs the database.
    pub async fn call(&self, call: Call) -> Reply {
        match self.execute(*call.request).await {
            Ok(fields) => (protocol::ok(&call.id, fields), Flow::Continue),
            Err(Refusal(code, message)) => {
                (protocol::error(&call.id, &code, &message), Flow::Continue)
            }
        }
    }

    async fn execute(&self, request: Request) -> Result<Value, Refusal> {
        match request {
            Request::Ping | Request::Auth { .. } => Ok(json!({})),
            Request::ListTables => self.list_tables().await,
            Request::DescribeTable { table } => {
                let out = self
                    .client
                    .describe_table()
                    .table_name(table)
                    .send()
                    .await?;
                let description = out
                    .table
                    .ok_or_else(|| Refusal::ours(Code::InvalidRequest, "no table"))?;
                Ok(json!({"table": Value::Object(crate::schema::description_fields(&description))}))
            }
            Request::Get(get) => {
                let typed = get.placeholders.typed;
                let (names, _) = placeholders(&get.placeholders)?;
                let out = self
                    .client
                    .get_item()
                    .table_name(get.table)
                    .set_key(Some(key_field(&get.key, "key")?))
                    .set_projection_expression(get.projection)
                    .set_expression_attribute_names(names)
                    .consistent_read(get.consistent)
                    .send()
                    .await?;
                Ok(json!({"item": out.item.as_ref().map(|it| item::item_to_json(it, &[], typed))}))
            }
            Request::Delete(delete) => {
                let typed = delete.placeholders.typed;
                let (names, values) = placeholders(&delete.placeholders)?;
                let out = self
                    .client
                    .delete_item()
                    .table_name(delete.table)
                    .set_key(Some(key_field(&delete.key, "key")?))
                    .set_condition_expression(delete.condition)
                    .set_expression_attribute_names(names)
                    .set_expression_attribute_values(values)
                    .return_values(ReturnValue::AllOld)
                    .send()
                    .await?;
                Ok(
                    json!({"item": out.attributes.as_ref().map(|it| item::item_to_json(it, &[], typed))}),
                )
            }
            Request::Put(put) => {
                let it = item::item_from_json(&put.item, put.placeholders.typed)
                    .map_err(|e| Refusal::ours(Code::InvalidRequest, format!("item: {e}")))?;
                let (names, values) = placeholders(&put.placeholders)?;
                self.client
                    .put_item()
                    .table_name(put.table)
                    .set_item(Some(it))
                    .set_condition_expression(put.condition)
                    .set_expression_attribute_names(names)
                    .set_expression_attribute_values(values)
                    .send()
                    .await?;
                Ok(json!({}))
            }
            Request::Query(read) => self.read(true, read).await,
            Request::Scan(read) => self.read(false, read).await,
        }
    }

    async fn list_tables(&self) -> Result<Value, Refusal> {
        let names: Vec<String> = all_table_names(&self.client)
            .await?
            .into_iter()
            .filter(|t| self.allowed(t))
            .collect();
        Ok(json!({"tables": names}))
    }

    /// One page of a Query or Scan: `limit` and `start_key` in, `last_evaluated_key` out.
    async fn read(&self, query: bool, read: Read) -> Result<Value, Refusal> {
        let typed = read.placeholders.typed;
        let (names, values) = placeholders(&read.placeholders)?;
        let start_key = match &read.start_key {
            Some(Value::Null) | None => None,
            Some(key) => Some(key_field(key, "start_key")?),
        };
        let limit = match &read.limit {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_u64()
                    .filter(|n| (1..=i32::MAX as u64).contains(n))
                    .ok_or_else(|| {
                        Refusal::ours(Code::InvalidRequest, "limit is a positive whole number")
                    })? as i32,
            ),
        };
        let page = if query {
            let condition = read.key_condition.ok_or_else(|| {
                Refusal::ours(Code::InvalidRequest, "query needs \"key_condition\"")
            })?;
            let out = self
                .client
                .query()
                .table_name(read.table)
                .set_index_name(read.index)
                .key_condition_expression(condition)
                .set_filter_expression(read.filter)
                .set_projection_expression(read.projection)
                .set_expression_attribute_names(names)
                .set_expression_attribute_values(values)
                .scan_index_forward(!read.desc)
                .set_exclusive_start_key(start_key)
                .set_limit(limit)
                .send()
                .await?;
            (
                out.items,
                out.last_evaluated_key,
                out.count,
                out.scanned_count,
            )
        } else {
            let out = self
                .client
                .scan()
                .table_name(read.table)
                .set_index_name(read.index)
                .set_filter_expression(read.filter)
                .set_projection_expression(read.projection)
                .set_expression_attribute_names(names)
                .set_expression_attribute_values(values)
                .set_exclusive_start_key(start_key)
                .set_limit(limit)
                .send()
                .await?;
            (
                out.items,
                out.last_evaluated_key,
                out.count,
                out.scanned_count,
            )
        };
        let (items, last_key, count, scanned) = page;
        let items: Vec<Value> = items
            .unwrap_or_default()
            .iter()
            .map(|it| item::item_to_json(it, &[], typed))
            .collect();
        Ok(json!({
            "items": items,
            "count": count,
            "scanned_count": scanned,
            "last_evaluated_key": last_key.as_ref().map(|k| item::key_to_json(k, &[])),
        }))
    }

    fn allowed(&self, table: &str) -> bool {
        self.policy
            .tables
            .as_ref()
            .is_none_or(|allowed| allowed.iter().any(|t| t == table))
    }
}

fn key_field(value: &Value, field: &str) -> Result<Item, Refusal> {
    item::key_from_json(value)
        .map_err(|e| Refusal::ours(Code::InvalidRequest, format!("{field}: {e}")))
}

type Names = Option<HashMap<String, String>>;
type Values = Option<HashMap<String, AttributeValue>>;

/// `names` and `values` of a request: JSON objects, plain or (with `typed`) DynamoDB JSON values.
fn placeholders(given: &Placeholders) -> Result<(Names, Values), Refusal> {
    let typed = given.typed;
    let names = match &given.names {
        None | Some(Value::Null) => None,
        Some(Value::Object(map)) => Some(
            map.iter()
                .map(|(k, v)| {
                    v.as_str()
                        .map(|s| (k.clone(), s.to_string()))
                        .ok_or_else(|| {
                            Refusal::ours(
                                Code::InvalidRequest,
                                format!("names: {k} must map to a string"),
                            )
                        })
                })
                .collect::<Result<HashMap<_, _>, _>>()?,
        ),
        Some(_) => {
            return Err(Refusal::ours(
                Code::InvalidRequest,
                "names is a JSON object",
            ))
        }
    };
    let values = match &given.values {
        None | Some(Value::Null) => None,
        Some(v @ Value::Object(_)) => Some(
            item::item_from_json(v, typed)
                .map_err(|e| Refusal::ours(Code::InvalidRequest, format!("values: {e}")))?,
        ),
        Some(_) => {
            return Err(Refusal::ours(
                Code::InvalidRequest,
                "values is a JSON object",
            ))
        }
    };
    Ok((names, values))
}
