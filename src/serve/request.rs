//! The requests of the ndjson protocol, as one typed enum parsed in one place (mini-redis's
//! `Command::from_frame`): adding an op is a variant here and an arm in the handler.
//!
//! A line is `{"id": ..., "op": "...", ...fields}`. Fields whose JSON shape the op interprets
//! itself (keys, items, placeholders, start keys) stay JSON here and are read by the handler,
//! which knows whether the request is `typed`; everything else is checked by the parse, and a
//! failed parse is a reply with a stable code, never a dropped connection.

use serde::Deserialize;
use serde_json::Value;

use super::protocol::Code;

/// The ops, for the message that answers an unknown one.
pub const OPS: &str = "ping, put, get, query, scan, delete, list-tables, describe-table";

#[derive(Debug, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Request {
    Ping,
    Auth {
        #[serde(default)]
        token: String,
    },
    ListTables,
    DescribeTable {
        table: String,
    },
    Get(Keyed),
    Delete(Keyed),
    Put(Put),
    Query(Read),
    Scan(Read),
}

/// What an op on one item by its key (get, delete) takes.
#[derive(Debug, Deserialize)]
pub struct Keyed {
    pub table: String,
    pub key: Value,
    pub projection: Option<String>,
    pub condition: Option<String>,
    #[serde(default)]
    pub consistent: bool,
    #[serde(flatten)]
    pub placeholders: Placeholders,
}

#[derive(Debug, Deserialize)]
pub struct Put {
    pub table: String,
    pub item: Value,
    pub condition: Option<String>,
    #[serde(flatten)]
    pub placeholders: Placeholders,
}

/// One page of a Query (with `key_condition`) or a Scan (without).
#[derive(Debug, Deserialize)]
pub struct Read {
    pub table: String,
    pub key_condition: Option<String>,
    pub index: Option<String>,
    pub filter: Option<String>,
    pub projection: Option<String>,
    #[serde(default)]
    pub desc: bool,
    pub start_key: Option<Value>,
    pub limit: Option<Value>,
    #[serde(flatten)]
    pub placeholders: Placeholders,
}

/// `names`, `values` and `typed`, which every op with expressions takes.
#[derive(Debug, Default, Deserialize)]
pub struct Placeholders {
    pub names: Option<Value>,
    pub values: Option<Value>,
    #[serde(default)]
    pub typed: bool,
}

/// A request that could not be read, as the code and message of its error reply.
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed(pub Code, pub String);

impl Request {
    /// The request in a parsed line (a JSON object).
    pub fn from_value(line: Value) -> Result<Request, Malformed> {
        Request::deserialize(line).map_err(|e| explain(&e.to_string()))
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

/// serde's words for what is wrong, in the protocol's: which field an op needs, which ops exist.
fn explain(serde_message: &str) -> Malformed {
    let quoted = |after: &str| {
        serde_message
            .split_once(after)
            .and_then(|(_, rest)| rest.split('`').next())
            .map(str::to_string)
    };
    if serde_message.starts_with("missing field `op`") {
        return Malformed(Code::InvalidRequest, "a request needs \"op\"".into());
    }
    if let Some(op) = quoted("unknown variant `") {
        return Malformed(Code::UnknownOp, format!("no op {op:?}; ops are {OPS}"));
    }
    if let Some(field) = quoted("missing field `") {
        return Malformed(Code::InvalidRequest, format!("this op needs \"{field}\""));
    }
    Malformed(
        Code::InvalidRequest,
        format!("bad request: {serde_message}"),
    )
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
