//! The JSON API under `/api/` the page talks to, answered with the same client the commands use.
//! Items travel as DynamoDB JSON, so a number keeps all its 38 digits on the way to the page.
//!
//! - `GET /api/info`: the target, whether writes are refused, and a hint when a loopback
//!   endpoint lists no table.
//! - `GET /api/tables`: every table (or those of `--tables`) with its key schema and item count.
//! - `GET /api/tables/NAME`: the table's description, with its TTL.
//! - `GET /api/tables/NAME/items?limit=N&start=KEY&index=I&filter=ROWS&projection=A,B`: one page
//!   of a Scan, with the key to go on from and what the page cost.
//! - `GET /api/tables/NAME/query?pk=V&sk_op=OP&sk=V&sk2=V&...`: the same for a Query; the
//!   conditions are built by [`form`](super::form).
//! - `GET /api/tables/NAME/item?key=KEY`: one item, whole, for the editor.
//!
//! Changes of items (PUT and DELETE of `/api/tables/NAME/item`) are [`edit`](super::edit)'s, of
//! tables [`tables`](super::tables)'.

use aws_sdk_dynamodb::types::ReturnConsumedCapacity;
use serde_json::{json, Map, Value};

use super::form;
use crate::client::{all_table_names, Db};
use crate::expr::Placeholders;
use crate::item;
use crate::paginate::Page;
use crate::schema::{description_fields, KeySchema};

/// The item with this key (`?key=` DynamoDB JSON), read strongly consistent: what the editor
/// loads, whole, whatever page or projection the row came from.
async fn one_item(scope: &Scope<'_>, table: &str, query: &str) -> Answer {
    if let Some(hidden) = scope.hidden(table) {
        return hidden;
    }
    let params = parse_query(query);
    let key = match params
        .get("key")
        .map(|k| serde_json::from_str::<Value>(k).map_err(|e| e.to_string()))
        .map(|v| v.and_then(|v| item::item_from_json(&v, true).map_err(|e| e.to_string())))
    {
        Some(Ok(key)) => key,
        Some(Err(e)) => return Answer::error(400, format!("key: {e}")),
        None => return Answer::error(400, "key: the item's key in DynamoDB JSON"),
    };
    match scope
        .db
        .client
        .get_item()
        .table_name(table)
        .set_key(Some(key))
        .consistent_read(true)
        .send()
        .await
    {
        Ok(out) => match out.item {
            Some(found) => Answer::ok(json!({ "item": item::item_to_json(&found, &[], true) })),
            None => Answer::error(
                404,
                "no item has this key (deleted since the page was read?)",
            ),
        },
        Err(e) => Answer::failed(crate::client::api_error(e, &scope.db.at(table))),
    }
}

/// What the server answers: a status and a JSON body.
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    pub(super) fn ok(body: Value) -> Answer {
        Answer { status: 200, body }
    }

    pub fn error(status: u16, message: impl Into<String>) -> Answer {
        Answer {
            status,
            body: json!({ "error": message.into() }),
        }
    }

    /// What the target's failure means for the page: its status and the message.
    pub(super) fn failed(err: anyhow::Error) -> Answer {
        Answer::error(status_of(&err), format!("{err:#}"))
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
    pub(super) fn allows(&self, table: &str) -> bool {
        self.tables.is_none_or(|t| t.iter().any(|n| n == table))
    }

    /// The answer for a table `--tables` leaves out, as if it were not there.
    pub(super) fn hidden(&self, table: &str) -> Option<Answer> {
        (!self.allows(table))
            .then(|| Answer::error(404, format!("table {table} is not shown here (--tables)")))
    }
}

/// Answers a GET under `/api/` (the path without it, and the query string).
pub async fn get(scope: &Scope<'_>, path: &str, query: &str) -> Answer {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        ["info"] => info(scope).await,
        ["tables"] => tables(scope).await,
        ["tables", table] => describe(scope, &segment(table)).await,
        ["tables", table, "items"] => read(scope, &segment(table), query, Read::Scan).await,
        ["tables", table, "query"] => read(scope, &segment(table), query, Read::Query).await,
        ["tables", table, "item"] => one_item(scope, &segment(table), query).await,
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
        let config = scope.db.client.config();
        let region = config.region().map_or("?".to_string(), |r| r.to_string());
        let key = scope
            .db
            .access_key
            .clone()
            .unwrap_or_else(|| "of your AWS profile".to_string());
        body["hint"] = json!(format!(
            "no tables at {}: DynamoDB Local keeps tables per access key and region unless it was started with -sharedDb; ddb uses the access key {key} and the region {region}",
            scope.db.endpoint,
        ));
    }
    Answer::ok(body)
}

fn is_loopback(endpoint: &str) -> bool {
    endpoint.starts_with("http://127.") || endpoint.starts_with("http://localhost")
}

async fn describe(scope: &Scope<'_>, table: &str) -> Answer {
    if let Some(hidden) = scope.hidden(table) {
        return hidden;
    }
    // TTL is not part of the description: asked for at the same time, and left out by a target
    // that cannot say.
    let (description, ttl) = tokio::join!(
        scope.db.describe(table),
        crate::tables::ttl::describe(scope.db, table)
    );
    let mut fields = match description {
        Ok(d) => description_fields(&d),
        Err(err) => return Answer::failed(err),
    };
    if let Ok(ttl) = ttl {
        fields.insert("ttl".into(), ttl.to_json());
    }
    Answer::ok(Value::Object(fields))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Read {
    Scan,
    Query,
}

/// One page of a Scan or a Query of the table or an index, with what it cost.
async fn read(scope: &Scope<'_>, table: &str, query: &str, how: Read) -> Answer {
    if let Some(hidden) = scope.hidden(table) {
        return hidden;
    }
    let params = parse_query(query);
    let param = |name: &str| params.get(name).filter(|s| !s.is_empty()).cloned();
    let limit = match param("limit").map(|l| l.parse::<i32>()) {
        None => 100,
        Some(Ok(n)) if (1..=1000).contains(&n) => n,
        Some(_) => return Answer::error(400, "limit: a number from 1 to 1000"),
    };
    let start = match param("start") {
        None => None,
        Some(text) => match serde_json::from_str::<Value>(&text)
            .map_err(|e| e.to_string())
            .and_then(|v| item::item_from_json(&v, true).map_err(|e| e.to_string()))
        {
            Ok(key) => Some(key),
            Err(e) => return Answer::error(400, format!("start: not a key in DynamoDB JSON: {e}")),
        },
    };
    let rows: Vec<form::Row> = match param("filter").map(|f| serde_json::from_str(&f)) {
        None => Vec::new(),
        Some(Ok(rows)) => rows,
        Some(Err(e)) => return Answer::error(400, format!("filter: {e}")),
    };
    let index = param("index");
    let mut placeholders = Placeholders::default();
    let key_condition = match how {
        Read::Scan => None,
        Read::Query => {
            let Some(pk) = params.get("pk") else {
                return Answer::error(400, "a Query needs the partition key value (pk)");
            };
            let schema = match scope.db.schema(table).await {
                Ok(schema) => schema,
                Err(err) => return Answer::failed(err),
            };
            let key = match schema.key_of(index.as_deref()) {
                Ok(key) => key,
                Err(err) => return Answer::error(400, format!("{err:#}")),
            };
            let sort = form::SortForm {
                op: param("sk_op").unwrap_or_default(),
                value: params.get("sk").cloned().unwrap_or_default(),
                value2: params.get("sk2").cloned().unwrap_or_default(),
            };
            match form::key_condition(&mut placeholders, key, pk, &sort) {
                Ok(condition) => Some(condition),
                Err(e) => return Answer::error(400, e),
            }
        }
    };
    let filter = match form::filter(&mut placeholders, &rows) {
        Ok(filter) => filter,
        Err(e) => return Answer::error(400, e),
    };
    let projection = param("projection").map(|list| {
        list.split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .enumerate()
            .map(|(i, a)| {
                let key = format!("#p{i}");
                placeholders.names.insert(key.clone(), a.to_string());
                key
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    let names = placeholders.names_or_none();
    let values = placeholders.values_or_none();
    let client = &scope.db.client;
    // Scan and Query take the same read options and answer with the same page fields, on
    // builders and outputs of different types.
    macro_rules! page {
        ($builder:expr, $page:expr) => {
            $builder
                .table_name(table)
                .set_index_name(index)
                .limit(limit)
                .set_exclusive_start_key(start)
                .set_filter_expression(filter)
                .set_projection_expression(projection)
                .set_expression_attribute_names(names)
                .set_expression_attribute_values(values)
                .return_consumed_capacity(ReturnConsumedCapacity::Total)
                .send()
                .await
                .map($page)
                .map_err(|e| crate::client::api_error(e, &scope.db.at(table)))
        };
    }
    let result = match how {
        Read::Scan => page!(client.scan(), Page::from_scan),
        Read::Query => page!(
            client.query().set_key_condition_expression(key_condition),
            Page::from_query
        ),
    };
    let page = match result {
        Ok(page) => page,
        Err(err) => return Answer::failed(err),
    };
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|i| item::item_to_json(i, &[], true))
        .collect();
    let mut body = Map::new();
    body.insert(
        "operation".into(),
        json!(if how == Read::Scan { "Scan" } else { "Query" }),
    );
    body.insert("count".into(), json!(page.count));
    body.insert("scanned_count".into(), json!(page.scanned));
    body.insert("capacity".into(), json!(page.capacity));
    body.insert(
        "last_evaluated_key".into(),
        page.last_key
            .as_ref()
            .map_or(Value::Null, |k| item::item_to_json(k, &[], true)),
    );
    body.insert("items".into(), Value::Array(items));
    Answer::ok(Value::Object(body))
}

/// The status for what the target answered: 404 for a missing table, 429 when it throttled or
/// a limit was reached, 409 while the table or an index is changing, 403 when the credentials
/// may not, 400 for a request it refused, 502 for the rest (the target failed or could not be
/// reached).
pub(super) fn status_of(err: &anyhow::Error) -> u16 {
    let code = err
        .chain()
        .find_map(|c| c.downcast_ref::<crate::error::Diagnostic>())
        .and_then(|d| d.code.as_deref().map(str::to_string));
    match code.as_deref() {
        Some("ResourceNotFoundException") => 404,
        Some(
            "ProvisionedThroughputExceededException"
            | "ThrottlingException"
            | "RequestLimitExceeded",
        ) => 429,
        Some(
            "AccessDeniedException"
            | "UnrecognizedClientException"
            | "MissingAuthenticationTokenException",
        ) => 403,
        Some(
            "ValidationException" | "SerializationException" | "ConditionalCheckFailedException",
        ) => 400,
        // The table or an index is being created, changed or deleted: try again when it settled.
        Some("ResourceInUseException") => 409,
        Some("LimitExceededException") => 429,
        _ => 502,
    }
}

/// A path segment, percent-decoded (a `+` there is a plus, not a space).
pub(super) fn segment(text: &str) -> String {
    decode(&text.replace('+', "%2B"))
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
        assert_eq!(segment("a+b%2Ec"), "a+b.c");
    }
}
