//! The requests of the ndjson protocol, as one typed enum parsed in one place (mini-redis's
//! `Command::from_frame`): adding an op is a variant here and an arm in the handler.
//!
//! A line is `{"id": ..., "op": "...", ...fields}`. Fields whose JSON shape the op interprets
//! itself (keys, items, placeholders, start keys) stay JSON here and are read by the handler,
//! which knows whether the request is `typed`, and are never passed through serde's buffering
//! (which would cut a 38-digit number); everything else is checked by the parse, and a failed
//! parse is a reply with a stable code, never a dropped connection.

use serde::Deserialize;
use serde_json::Value;

use super::protocol::Code;

/// The ops, for the message that answers an unknown one.
pub const OPS: &str = "ping, put, get, query, scan, delete, list-tables, describe-table";

#[derive(Debug)]
pub enum Request {
    Ping,
    Auth { token: String },
    ListTables,
    DescribeTable { table: String },
    Get(Keyed),
    Delete(Keyed),
    Put(Put),
    Query(Read),
    Scan(Read),
}

/// What an op on one item by its key (get, delete) takes.
#[derive(Debug)]
pub struct Keyed {
    pub table: String,
    pub key: Value,
    pub projection: Option<String>,
    pub condition: Option<String>,
    pub consistent: bool,
    pub placeholders: Placeholders,
}

#[derive(Debug)]
pub struct Put {
    pub table: String,
    pub item: Value,
    pub condition: Option<String>,
    pub placeholders: Placeholders,
}

/// One page of a Query (with `key_condition`) or a Scan (without).
#[derive(Debug)]
pub struct Read {
    pub table: String,
    pub key_condition: Option<String>,
    pub index: Option<String>,
    pub filter: Option<String>,
    pub projection: Option<String>,
    pub desc: bool,
    pub start_key: Option<Value>,
    pub limit: Option<Value>,
    pub placeholders: Placeholders,
}

/// `names`, `values` and `typed`, which every op with expressions takes.
#[derive(Debug, Default)]
pub struct Placeholders {
    pub names: Option<Value>,
    pub values: Option<Value>,
    pub typed: bool,
}

/// The fields that are plain strings and flags, read by serde. The JSON-valued ones (keys, items,
/// placeholders, start keys, limits) are taken out of the line first and kept as they are: read
/// through serde's buffering, a 38-digit number would not survive.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Plain {
    table: Option<String>,
    token: Option<String>,
    projection: Option<String>,
    condition: Option<String>,
    key_condition: Option<String>,
    index: Option<String>,
    filter: Option<String>,
    consistent: bool,
    desc: bool,
    typed: bool,
}

/// A request that could not be read, as the code and message of its error reply.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed(pub Code, pub String);

impl Malformed {
    fn needs(field: &str) -> Malformed {
        Malformed(Code::InvalidRequest, format!("this op needs \"{field}\""))
    }
}

impl Request {
    /// The request in a parsed line (a JSON object).
    pub fn from_value(line: Value) -> Result<Request, Malformed> {
        let Value::Object(mut fields) = line else {
            return Err(Malformed(
                Code::BadRequest,
                "a request is a JSON object".into(),
            ));
        };
        let op = match fields.remove("op") {
            Some(Value::String(op)) if !op.is_empty() => op,
            None | Some(Value::Null) => {
                return Err(Malformed(
                    Code::InvalidRequest,
                    "a request needs \"op\"".into(),
                ))
            }
            Some(Value::String(_)) => {
                return Err(Malformed(
                    Code::InvalidRequest,
                    "a request needs \"op\"".into(),
                ))
            }
            Some(_) => return Err(Malformed(Code::InvalidRequest, "\"op\" is a string".into())),
        };
        let mut json = |field: &str| fields.remove(field).filter(|v| !v.is_null());
        let (key, item, start_key, limit) =
            (json("key"), json("item"), json("start_key"), json("limit"));
        let (names, values) = (json("names"), json("values"));
        let plain = Plain::deserialize(Value::Object(fields))
            .map_err(|e| Malformed(Code::InvalidRequest, format!("bad request: {e}")))?;
        let placeholders = Placeholders {
            names,
            values,
            typed: plain.typed,
        };
        let table = || plain.table.clone().ok_or_else(|| Malformed::needs("table"));
        let read = |start_key, limit, placeholders| -> Result<Read, Malformed> {
            Ok(Read {
                table: table()?,
                key_condition: plain.key_condition.clone(),
                index: plain.index.clone(),
                filter: plain.filter.clone(),
                projection: plain.projection.clone(),
                desc: plain.desc,
                start_key,
                limit,
                placeholders,
            })
        };
        let keyed = |key: Option<Value>, placeholders| -> Result<Keyed, Malformed> {
            Ok(Keyed {
                table: table()?,
                key: key.ok_or_else(|| Malformed::needs("key"))?,
                projection: plain.projection.clone(),
                condition: plain.condition.clone(),
                consistent: plain.consistent,
                placeholders,
            })
        };
        Ok(match op.as_str() {
            "ping" => Request::Ping,
            "auth" => Request::Auth {
                token: plain.token.clone().unwrap_or_default(),
            },
            "list-tables" => Request::ListTables,
            "describe-table" => Request::DescribeTable { table: table()? },
            "get" => Request::Get(keyed(key, placeholders)?),
            "delete" => Request::Delete(keyed(key, placeholders)?),
            "put" => Request::Put(Put {
                table: table()?,
                item: item.ok_or_else(|| Malformed::needs("item"))?,
                condition: plain.condition.clone(),
                placeholders,
            }),
            "query" => Request::Query(read(start_key, limit, placeholders)?),
            "scan" => Request::Scan(read(start_key, limit, placeholders)?),
            other => {
                return Err(Malformed(
                    Code::UnknownOp,
                    format!("no op {other:?}; ops are {OPS}"),
                ))
            }
        })
    }

    /// The table it names, for `--tables`.
    pub fn table(&self) -> Option<&str> {
        match self {
            Request::DescribeTable { table }
            | Request::Get(Keyed { table, .. })
            | Request::Delete(Keyed { table, .. })
            | Request::Put(Put { table, .. })
            | Request::Query(Read { table, .. })
            | Request::Scan(Read { table, .. }) => Some(table),
            Request::Ping | Request::Auth { .. } | Request::ListTables => None,
        }
    }

    /// Whether it changes data, for `--read-only`.
    pub fn writes(&self) -> bool {
        matches!(self, Request::Put(_) | Request::Delete(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_op_parses_with_its_fields() {
        let get = Request::from_value(
            json!({"id": 1, "op": "get", "table": "T", "key": {"id": "a"}, "typed": true}),
        );
        assert!(matches!(&get, Ok(Request::Get(k)) if k.table == "T" && k.placeholders.typed));
        let query = Request::from_value(
            json!({"op": "query", "table": "T", "key_condition": "a = :a", "desc": true}),
        );
        assert!(matches!(&query, Ok(Request::Query(r)) if r.desc && r.key_condition.is_some()));
        assert!(matches!(
            Request::from_value(json!({"op": "ping", "id": [1]})),
            Ok(Request::Ping)
        ));
        assert!(query.unwrap().table() == Some("T"));
    }

    #[test]
    fn numbers_of_38_digits_survive_the_parse() {
        let line: Value = serde_json::from_str(
            r#"{"op": "put", "table": "T", "item": {"id": "a", "n": 12345678901234567890123456789012345678}}"#,
        )
        .unwrap();
        let Ok(Request::Put(put)) = Request::from_value(line) else {
            panic!("a put");
        };
        assert_eq!(
            put.item["n"].to_string(),
            "12345678901234567890123456789012345678"
        );
    }

    #[test]
    fn what_is_wrong_is_said_in_the_protocols_words() {
        for (line, code, message) in [
            (
                json!({"id": 1}),
                Code::InvalidRequest,
                "a request needs \"op\"",
            ),
            (
                json!({"op": "frob"}),
                Code::UnknownOp,
                "no op \"frob\"; ops are ping",
            ),
            (
                json!({"op": "get", "key": {}}),
                Code::InvalidRequest,
                "this op needs \"table\"",
            ),
            (
                json!({"op": "put", "table": "T"}),
                Code::InvalidRequest,
                "this op needs \"item\"",
            ),
            (
                json!({"op": "scan", "table": 7}),
                Code::InvalidRequest,
                "bad request: invalid type",
            ),
        ] {
            let Malformed(got_code, got) = Request::from_value(line.clone()).unwrap_err();
            assert_eq!(got_code, code, "{line}");
            assert!(got.starts_with(message), "{line}: {got}");
        }
    }
}
