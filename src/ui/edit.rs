//! Changes from the page's item editor: `PUT /api/tables/NAME/item` (add, or replace the item
//! only if it is as loaded) and `DELETE` (only if as loaded). "As loaded" is checked twice: the
//! item is read strongly consistent and compared whole (which sees an attribute another client
//! added), and the write carries a condition that the key and the loaded attributes are still
//! equal (which covers the moment between that read and the write). A conflict is 409 with the
//! item as it now is, and nothing is written.

use serde_json::{json, Value};

use super::api::{segment, Answer, Scope};
use super::form;
use crate::expr::Placeholders;
use crate::item;

/// A change the page asks for: the item as text (DynamoDB JSON, or plain JSON with its numbers
/// kept exact) and the item as the page loaded it, if it loaded one.
#[derive(Debug, serde::Deserialize)]
struct Change {
    /// PUT: the whole new item.
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    typed: bool,
    /// DELETE: the key, in DynamoDB JSON.
    #[serde(default)]
    key: Option<Value>,
    /// The item when loaded (DynamoDB JSON); null when adding a new one.
    #[serde(default)]
    expected: Option<Value>,
}

/// Answers a PUT or DELETE of `/api/tables/NAME/item`: a put (adding, or replacing the item
/// only if it is as loaded) or a delete (only if as loaded). A conflict is 409 with the item as
/// it now is, and nothing is written.
pub async fn change(scope: &Scope<'_>, delete: bool, path: &str, body: &[u8]) -> Answer {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let ["tables", table, "item"] = parts.as_slice() else {
        return Answer::error(404, format!("no such API: /api/{path}"));
    };
    let table = segment(table);
    if let Some(hidden) = scope.hidden(&table) {
        return hidden;
    }
    let change: Change = match serde_json::from_slice(body) {
        Ok(change) => change,
        Err(e) => return Answer::error(400, format!("the request body: {e}")),
    };
    let expected = match change.expected.as_ref().filter(|v| !v.is_null()) {
        None => None,
        Some(v) => match item::item_from_json(v, true) {
            Ok(item) => Some(item),
            Err(e) => return Answer::error(400, format!("expected: {e}")),
        },
    };
    let schema = match scope.db.schema(&table).await {
        Ok(schema) => schema,
        Err(err) => return Answer::failed(err),
    };
    let key_names = schema.key.names();
    let mut placeholders = Placeholders::default();
    let condition = match &expected {
        Some(loaded) => form::unchanged(&mut placeholders, loaded, &key_names),
        None if delete => Err("a delete needs the item as it was loaded (expected)".into()),
        // Adding: no item with this key may exist.
        None => placeholders
            .generated_name("#k0", &key_names[0])
            .map(|k| format!("attribute_not_exists({k})"))
            .map_err(|e| e.message),
    };
    let condition = match condition {
        Ok(condition) => condition,
        Err(e) => return Answer::error(400, e),
    };
    let client = &scope.db.client;
    let ctx = scope.db.at(&table);
    // The whole item as it is now, compared with what was loaded: this sees an attribute another
    // client added, which the condition cannot name. The condition then covers the moment
    // between this read and the write.
    if let Some(loaded) = &expected {
        let key = item::project(loaded, &key_names);
        let current = client
            .get_item()
            .table_name(&table)
            .set_key(Some(key))
            .consistent_read(true)
            .send()
            .await;
        match current {
            Ok(out) => {
                let now = out.item;
                if !now.as_ref().is_some_and(|now| form::same_item(now, loaded)) {
                    return conflict_answer(&expected, now, &key_names);
                }
            }
            Err(e) => return Answer::failed(crate::client::api_error(e, &ctx)),
        }
    }
    // PutItem and DeleteItem take the same condition and answer a failed one alike, on builders
    // of different types.
    macro_rules! conditional {
        ($builder:expr) => {
            $builder
                .condition_expression(condition)
                .set_expression_attribute_names(placeholders.names_or_none())
                .set_expression_attribute_values(placeholders.values_or_none())
                .return_values_on_condition_check_failure(
                    aws_sdk_dynamodb::types::ReturnValuesOnConditionCheckFailure::AllOld,
                )
                .send()
                .await
                .map(|_| ())
                .map_err(|e| conflict_or(e, &ctx))
        };
    }
    let result = if delete {
        // The key is the loaded item's; one given beside it must be the same.
        let Some(loaded) = &expected else {
            return Answer::error(400, "a delete needs the item as it was loaded (expected)");
        };
        let key = item::project(loaded, &key_names);
        if let Some(given) = change.key.as_ref() {
            if item::item_from_json(given, true).ok().as_ref() != Some(&key) {
                return Answer::error(400, "key: not the key of the loaded item");
            }
        }
        conditional!(client.delete_item().table_name(&table).set_key(Some(key)))
    } else {
        let text = change.text.as_deref().unwrap_or("");
        let new = match item::parse_json(text)
            .map_err(|e| e.to_string())
            .and_then(|v| new_item(&v, change.typed, expected.as_ref()))
        {
            Ok(new) => new,
            Err(e) => return Answer::error(400, format!("the item: {e}")),
        };
        if let Some(missing) = key_names.iter().find(|k| !new.contains_key(*k)) {
            return Answer::error(400, format!("the item has no {missing}, a key attribute"));
        }
        if let Some(loaded) = &expected {
            if key_names.iter().any(|k| loaded.get(k) != new.get(k)) {
                return Answer::error(
                    400,
                    "the key changed: that is another item; add it as a new one",
                );
            }
        }
        conditional!(client.put_item().table_name(&table).set_item(Some(new)))
    };
    match result {
        Ok(()) => Answer::ok(json!({ "written": true })),
        Err(Failed::Conflict(current)) => conflict_answer(&expected, current, &key_names),
        Err(Failed::Other(err)) => Answer::failed(err),
    }
}

/// The item a save writes. In plain JSON an attribute left as it was loaded keeps its loaded
/// type (a set stays a set, binary stays binary); what was changed is read as plain JSON.
fn new_item(value: &Value, typed: bool, loaded: Option<&item::Item>) -> Result<item::Item, String> {
    if typed {
        return item::item_from_json(value, true).map_err(|e| e.to_string());
    }
    let Value::Object(fields) = value else {
        return Err("an item is a JSON object".into());
    };
    fields
        .iter()
        .map(|(name, v)| {
            let kept = loaded
                .and_then(|l| l.get(name))
                .filter(|old| &item::to_plain(old) == v);
            match kept {
                Some(old) => Ok((name.clone(), old.clone())),
                None => item::from_plain(v, name)
                    .map(|a| (name.clone(), a))
                    .map_err(|e| e.to_string()),
            }
        })
        .collect()
}

/// 409, saying what happened, with the item as it is now.
fn conflict_answer(
    expected: &Option<item::Item>,
    current: Option<item::Item>,
    key_names: &[String],
) -> Answer {
    Answer {
        status: 409,
        body: json!({
            "error": match (expected, &current) {
                (None, _) => "an item with this key exists: nothing was written",
                (Some(_), Some(_)) => "the item changed since it was loaded: nothing was written",
                (Some(_), None) => "the item was deleted since it was loaded: nothing was written",
            },
            "current": current.map(|c| item::item_to_json(&c, key_names, true)),
        }),
    }
}

/// Why a conditional write failed.
enum Failed {
    /// The condition did not hold; the item as it is now, if there is one.
    Conflict(Option<crate::item::Item>),
    Other(anyhow::Error),
}

fn conflict_or<E, R>(
    err: aws_sdk_dynamodb::error::SdkError<E, R>,
    ctx: &crate::client::ErrorContext,
) -> Failed
where
    E: aws_sdk_dynamodb::error::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    E: ConditionFailure,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    if let Some(current) = err.as_service_error().and_then(ConditionFailure::item) {
        return Failed::Conflict(current);
    }
    Failed::Other(crate::client::api_error(err, ctx))
}

/// The item a failed condition returned, for PutItem's and DeleteItem's own error types.
trait ConditionFailure {
    /// Some(the item, if any) when the error is a failed condition.
    fn item(&self) -> Option<Option<crate::item::Item>>;
}

impl ConditionFailure for aws_sdk_dynamodb::operation::put_item::PutItemError {
    fn item(&self) -> Option<Option<crate::item::Item>> {
        match self {
            Self::ConditionalCheckFailedException(e) => Some(e.item().cloned()),
            _ => None,
        }
    }
}

impl ConditionFailure for aws_sdk_dynamodb::operation::delete_item::DeleteItemError {
    fn item(&self) -> Option<Option<crate::item::Item>> {
        match self {
            Self::ConditionalCheckFailedException(e) => Some(e.item().cloned()),
            _ => None,
        }
    }
}
