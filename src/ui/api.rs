//! The JSON API under `/api/` the page talks to, answered with the same client the commands use.
//! Items travel as DynamoDB JSON, so a number keeps all its 38 digits on the way to the page.
//!
//! - `GET /api/info`: the target, whether writes are refused, and a hint when a loopback
//!   endpoint lists no table.
//! - `GET /api/tables`: every table (or those of `--tables`) with its key schema and item count.
//! - `GET /api/tables/NAME`: the table's description.
//! - `GET /api/tables/NAME/items?limit=N&start=KEY&index=I`: one page of a Scan, with the key to
//!   go on from and what the page cost.

use aws_sdk_dynamodb::types::ReturnConsumedCapacity;
use serde_json::{json, Map, Value};

use crate::client::{all_table_names, Db};
use crate::item;
use crate::schema::{description_fields, KeySchema};

/// What the server answers: a status and a JSON body.
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    fn ok(body: Value) -> Answer {
        Answer { status: 200, body }
    }

    pub fn error(status: u16, message: impl Into<String>) -> Answer {
        Answer {
            status,
            body: json!({ "error": message.into() }),
        }
    }
}

/// What the API may show.
pub struct Scope<'a> {
    pub db: &'a Db,
    pub read_only: bool,
    /// `--tables`: only these, when given.
    pub tables: Option<&'a [String]>,
}

impl Scope<'_> {
    fn allows(&self, table: &str) -> bool {
        self.tables.is_none_or(|t| t.iter().any(|n| n == table))
    }
}

/// Answers a GET under `/api/` (the path without it, and the query string).
pub async fn get(scope: &Scope<'_>, path: &str, query: &str) -> Answer {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        ["info"] => info(scope).await,
        ["tables"] => tables(scope).await,
        ["tables", table] => describe(scope, &decode(table)).await,
        ["tables", table, "items"] => items(scope, &decode(table), query).await,
        _ => Answer::error(404, format!("no such API: /api/{path}")),
    }
}

async fn info(scope: &Scope<'_>) -> Answer {
    Answer::ok(json!({
        "endpoint": scope.db.endpoint,
        "read_only": scope.read_only,
        "tables": scope.tables,
    }))
}

async fn tables(scope: &Scope<'_>) -> Answer {
    let names = match all_table_names(&scope.db.client).await {
        Ok(names) => names,
        Err(e) => {
            let err = crate::client::api_error(e, &scope.db.at(""));
            return Answer::error(502, format!("{err:#}"));
        }
    };
    let mut out = Vec::new();
    for name in names.into_iter().filter(|n| scope.allows(n)) {
        match scope.db.describe(&name).await {
            Ok(d) => out.push(json!({
                "name": name,
                "item_count": d.item_count(),
                "key": KeySchema::of(&d, None).ok().map(|k| k.to_json()),
                "status": d.table_status().map(|s| s.as_str()),
            })),
            Err(err) => out.push(json!({ "name": name, "error": format!("{err:#}") })),
        }
    }
    let mut body = json!({ "tables": out });
    if out.is_empty() && is_loopback(&scope.db.endpoint) {
        body["hint"] = json!(format!(
            "no tables at {}: DynamoDB Local keeps tables per access key and region unless it was started with -sharedDb; ddb uses the access key {} and the region {}",
            scope.db.endpoint,
            std::env::var("AWS_ACCESS_KEY_ID").unwrap_or_else(|_| "ddblocal".into()),
            std::env::var("AWS_REGION")
                .or_else(|_| std::env::var("AWS_DEFAULT_REGION"))
                .unwrap_or_else(|_| "us-east-1".into()),
        ));
    }
    Answer::ok(body)
}

fn is_loopback(endpoint: &str) -> bool {
    endpoint.starts_with("http://127.") || endpoint.starts_with("http://localhost")
}

async fn describe(scope: &Scope<'_>, table: &str) -> Answer {
    if !scope.allows(table) {
        return Answer::error(404, format!("table {table} is not shown here (--tables)"));
    }
    match scope.db.describe(table).await {
        Ok(d) => Answer::ok(Value::Object(description_fields(&d))),
        Err(err) => Answer::error(status_of(&err), format!("{err:#}")),
    }
}

/// One page of a Scan of the table or an index.
async fn items(scope: &Scope<'_>, table: &str, query: &str) -> Answer {
    if !scope.allows(table) {
        return Answer::error(404, format!("table {table} is not shown here (--tables)"));
    }
    let params = parse_query(query);
    let limit = match params.get("limit").map(|l| l.parse::<i32>()) {
        None => 100,
        Some(Ok(n)) if (1..=1000).contains(&n) => n,
        Some(_) => return Answer::error(400, "limit: a number from 1 to 1000"),
    };
    let start = match params.get("start").filter(|s| !s.is_empty()) {
        None => None,
        Some(text) => match serde_json::from_str::<Value>(text)
            .map_err(|e| e.to_string())
            .and_then(|v| item::item_from_json(&v, true).map_err(|e| e.to_string()))
        {
            Ok(key) => Some(key),
            Err(e) => return Answer::error(400, format!("start: not a key in DynamoDB JSON: {e}")),
        },
    };
    let index = params.get("index").filter(|s| !s.is_empty()).cloned();
    let result = scope
        .db
        .client
        .scan()
        .table_name(table)
        .set_index_name(index)
        .limit(limit)
        .set_exclusive_start_key(start)
        .return_consumed_capacity(ReturnConsumedCapacity::Total)
        .send()
        .await;
    let out = match result {
        Ok(out) => out,
        Err(e) => {
            let err = crate::client::api_error(e, &scope.db.at(table));
            return Answer::error(status_of(&err), format!("{err:#}"));
        }
    };
    let items: Vec<Value> = out
        .items()
        .iter()
        .map(|i| item::item_to_json(i, &[], true))
        .collect();
    let mut body = Map::new();
    body.insert("count".into(), json!(out.count()));
    body.insert("scanned_count".into(), json!(out.scanned_count()));
    body.insert(
        "capacity".into(),
        json!(out.consumed_capacity().and_then(|c| c.capacity_units())),
    );
    body.insert(
        "last_evaluated_key".into(),
        out.last_evaluated_key()
            .map_or(Value::Null, |k| item::item_to_json(k, &[], true)),
    );
    body.insert("items".into(), Value::Array(items));
    Answer::ok(Value::Object(body))
}

/// 404 for a missing table, 400 for what the server refused, 502 otherwise.
fn status_of(err: &anyhow::Error) -> u16 {
    let code = err
        .chain()
        .find_map(|c| c.downcast_ref::<crate::error::Diagnostic>())
        .and_then(|d| d.code.as_deref().map(str::to_string));
    match code.as_deref() {
        Some("ResourceNotFoundException") => 404,
        Some(_) => 400,
        None => 502,
    }
}

/// `a=1&b=x%20y` as pairs, percent-decoded.
fn parse_query(query: &str) -> std::collections::HashMap<String, String> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding (and `+` as a space) of one URL component; bad escapes stay as written.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_components_decode() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("%7B%22k%22%3A1%7D"), "{\"k\":1}");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%€"), "%€");
        assert_eq!(decode("%e2%82%ac"), "€");
        let q = parse_query("limit=100&start=%7B%7D&index=");
        assert_eq!(q["limit"], "100");
        assert_eq!(q["start"], "{}");
        assert_eq!(q["index"], "");
    }
}
