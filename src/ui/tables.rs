//! Table actions from the page, made with the same [`crate::tables`] and [`crate::transfer`]
//! functions the commands use:
//!
//! - `POST /api/tables`: create a table (`{"name", "pk": "year:N", "sk", "rcu", "wcu", "gsi":
//!   [spec], "lsi": [spec], "ttl"}`, specs as create-table's `--gsi`/`--lsi` take them), then
//!   wait until it is ACTIVE;
//! - `DELETE /api/tables/NAME` and `POST /api/tables/NAME/truncate`: `{"confirm": "NAME"}`, the
//!   name typed again, or nothing happens;
//! - `PUT /api/tables/NAME/ttl`: `{"enabled": true, "attribute": "expires"}` turns TTL on,
//!   `{"enabled": false}` turns it off;
//! - `POST /api/tables/NAME/indexes` (`{"spec", "rcu", "wcu"}`) adds a global index and
//!   `DELETE /api/tables/NAME/indexes/INDEX` (`{"confirm": "INDEX"}`) drops one; both return
//!   once DynamoDB accepted the change (a new index then backfills: the details show it).

use serde::Deserialize;
use serde_json::{json, Value};

use super::api::{segment, Answer, Scope};
use crate::definition::{self, Capacity, TableDefinition};
use crate::schema::{description_fields, KeySchema};
use crate::tables::create::Refused;
use crate::tables::{self, index, ttl};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Create {
    name: String,
    pk: String,
    #[serde(default)]
    sk: Option<String>,
    #[serde(default)]
    rcu: Option<i64>,
    #[serde(default)]
    wcu: Option<i64>,
    #[serde(default)]
    gsi: Vec<String>,
    #[serde(default)]
    lsi: Vec<String>,
    #[serde(default)]
    ttl: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Confirm {
    #[serde(default)]
    confirm: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Ttl {
    enabled: bool,
    #[serde(default)]
    attribute: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AddIndex {
    spec: String,
    #[serde(default)]
    rcu: Option<i64>,
    #[serde(default)]
    wcu: Option<i64>,
}

/// Answers a POST, PUT or DELETE of a table path; None when the path is not one of these (the
/// item editor's, say).
pub async fn change(scope: &Scope<'_>, method: &str, path: &str, body: &[u8]) -> Option<Answer> {
    // The fixed words are matched as written, the names decoded, as `api::get` does.
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let action = match (method, parts.as_slice()) {
        ("POST", ["tables"]) => Action::Create,
        ("DELETE", ["tables", table]) => Action::Delete(segment(table)),
        ("POST", ["tables", table, "truncate"]) => Action::Truncate(segment(table)),
        ("PUT", ["tables", table, "ttl"]) => Action::Ttl(segment(table)),
        ("POST", ["tables", table, "indexes"]) => Action::AddIndex(segment(table)),
        ("DELETE", ["tables", table, "indexes", name]) => {
            Action::DropIndex(segment(table), segment(name))
        }
        _ => return None,
    };
    Some(match action {
        Action::Create => create(scope, body).await,
        Action::Delete(table) => delete(scope, &table, body).await,
        Action::Truncate(table) => truncate(scope, &table, body).await,
        Action::Ttl(table) => set_ttl(scope, &table, body).await,
        Action::AddIndex(table) => add_index(scope, &table, body).await,
        Action::DropIndex(table, name) => drop_index(scope, &table, &name, body).await,
    })
}

enum Action {
    Create,
    Delete(String),
    Truncate(String),
    Ttl(String),
    AddIndex(String),
    DropIndex(String, String),
}

fn parse<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, Answer> {
    serde_json::from_slice(body).map_err(|e| Answer::error(400, format!("the request body: {e}")))
}

/// The table's description, as `GET /api/tables/NAME` gives it.
async fn described(scope: &Scope<'_>, table: &str) -> Answer {
    match scope.db.describe(table).await {
        Ok(d) => Answer::ok(Value::Object(description_fields(&d))),
        Err(err) => Answer::failed(err),
    }
}

/// The definition a create form asks for; an error names the field.
fn definition(form: &Create) -> Result<TableDefinition, String> {
    let name = form.name.trim();
    if name.is_empty() {
        return Err("name: the table needs a name".into());
    }
    let partition = definition::parse_key_attribute(&form.pk).map_err(|e| format!("pk: {e}"))?;
    let sort = match form.sk.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(sk) => Some(definition::parse_key_attribute(sk).map_err(|e| format!("sk: {e}"))?),
    };
    let specs = |list: &[String], parse: fn(&str) -> Result<definition::Index, String>, what| {
        list.iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| parse(s).map_err(|e| format!("{what} {s}: {e}")))
            .collect::<Result<Vec<_>, _>>()
    };
    let lsis = specs(&form.lsi, definition::parse_lsi, "lsi")?;
    let mut def = TableDefinition::new(name, KeySchema { partition, sort }).with_lsis(lsis);
    def.gsis = specs(&form.gsi, definition::parse_gsi, "gsi")?;
    def.capacity = capacity(form.rcu, form.wcu)?;
    def.ttl = form
        .ttl
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    def.key_attributes()?;
    Ok(def)
}

/// Provisioned capacity when both figures are given, on-demand when neither is.
fn capacity(rcu: Option<i64>, wcu: Option<i64>) -> Result<Option<Capacity>, String> {
    match (rcu, wcu) {
        (None, None) => Ok(None),
        (Some(read), Some(write)) if read >= 1 && write >= 1 => Ok(Some(Capacity { read, write })),
        (Some(_), Some(_)) => Err("rcu, wcu: capacity units are at least 1".into()),
        _ => Err("rcu, wcu: give both for provisioned capacity, or neither for on-demand".into()),
    }
}

async fn create(scope: &Scope<'_>, body: &[u8]) -> Answer {
    let form: Create = match parse(body) {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let def = match definition(&form) {
        Ok(def) => def,
        Err(e) => return Answer::error(400, e),
    };
    if !scope.allows(&def.name) {
        return Answer::error(
            403,
            format!(
                "ddb ui runs with --tables, and {} is not among them",
                def.name
            ),
        );
    }
    match tables::create::create(scope.db, &def).await {
        Ok(()) => {}
        Err(Refused::Exists(_)) => {
            return Answer::error(409, format!("table {} already exists", def.name))
        }
        Err(Refused::Other(err)) => return Answer::failed(err),
    }
    let bar = indicatif::ProgressBar::hidden();
    match tables::create::settle(scope.db, &def, true, &bar).await {
        Ok(d) => Answer::ok(Value::Object(description_fields(&d))),
        // The table exists now: say so, or a second try would only hear that it does.
        Err(err) => Answer::failed(err.context(format!(
            "table {} was created, but it did not settle (see its details)",
            def.name
        ))),
    }
}

/// Whether `body` confirms by naming `what` again; the answer to give when it does not.
fn confirmed(body: &[u8], what: &str) -> Result<(), Answer> {
    let given: Confirm = parse(body)?;
    if given.confirm == what {
        Ok(())
    } else {
        Err(Answer::error(
            400,
            format!("confirm: type {what} to confirm; nothing was changed"),
        ))
    }
}

async fn delete(scope: &Scope<'_>, table: &str, body: &[u8]) -> Answer {
    if let Some(answer) = scope.hidden(table) {
        return answer;
    }
    if let Err(answer) = confirmed(body, table) {
        return answer;
    }
    match tables::delete(scope.db, table, true).await {
        Ok(()) => Answer::ok(json!({ "deleted": table })),
        Err(err) => Answer::failed(err),
    }
}

async fn truncate(scope: &Scope<'_>, table: &str, body: &[u8]) -> Answer {
    if let Some(answer) = scope.hidden(table) {
        return answer;
    }
    if let Err(answer) = confirmed(body, table) {
        return answer;
    }
    let bar = indicatif::ProgressBar::hidden();
    let moved = match crate::transfer::truncate(scope.db, table, 4, 8, None, &bar).await {
        Ok(moved) => moved,
        Err(err) => return Answer::failed(err),
    };
    let deleted = moved.counts.written;
    if let Some(err) = moved.scan_error {
        let err = err.context(format!(
            "truncate of {table} stopped after {deleted} items were deleted; truncate again to delete the rest"
        ));
        return Answer::failed(err);
    }
    if moved.counts.failed > 0 {
        return Answer::error(
            502,
            format!(
                "{} items of {table} were not deleted (e.g. {}); truncate again to delete them",
                moved.counts.failed,
                moved.failure.unwrap_or_default()
            ),
        );
    }
    Answer::ok(json!({ "table": table, "deleted": deleted }))
}

async fn set_ttl(scope: &Scope<'_>, table: &str, body: &[u8]) -> Answer {
    if let Some(answer) = scope.hidden(table) {
        return answer;
    }
    let wanted = match parse::<Ttl>(body) {
        Ok(Ttl { enabled: false, .. }) => None,
        Ok(Ttl {
            attribute: Some(attribute),
            ..
        }) if !attribute.trim().is_empty() => Some(attribute.trim().to_string()),
        Ok(_) => {
            return Answer::error(
                400,
                "attribute: name the attribute that holds each item's expiry time",
            )
        }
        Err(answer) => return answer,
    };
    let current = match ttl::describe(scope.db, table).await {
        Ok(current) => current,
        Err(err) => return Answer::failed(err),
    };
    let change = match (&wanted, current.enabled_attribute()) {
        (Some(wanted), Some(on)) if wanted == on => None,
        (Some(wanted), _) => Some((wanted.as_str(), true)),
        (None, Some(on)) => Some((on, false)),
        (None, None) => None,
    };
    if let Some((attribute, enabled)) = change {
        if let Err(err) = ttl::set(scope.db, table, attribute, enabled).await {
            return Answer::failed(err);
        }
    }
    match ttl::describe(scope.db, table).await {
        Ok(now) => Answer::ok(now.to_json()),
        Err(err) => Answer::failed(err),
    }
}

/// The table's definition as it is now, for an index change.
async fn current(scope: &Scope<'_>, table: &str) -> Result<TableDefinition, Answer> {
    let d = scope.db.describe(table).await.map_err(Answer::failed)?;
    TableDefinition::from_description(&d, None, Vec::new()).map_err(Answer::failed)
}

async fn add_index(scope: &Scope<'_>, table: &str, body: &[u8]) -> Answer {
    if let Some(answer) = scope.hidden(table) {
        return answer;
    }
    let form: AddIndex = match parse(body) {
        Ok(form) => form,
        Err(answer) => return answer,
    };
    let spec = form.spec.trim();
    let gsi = match definition::parse_gsi(spec) {
        Ok(gsi) => gsi,
        Err(e) => return Answer::error(400, format!("spec {spec}: {e}")),
    };
    let capacity = match capacity(form.rcu, form.wcu) {
        Ok(capacity) => capacity,
        Err(e) => return Answer::error(400, e),
    };
    let current = match current(scope, table).await {
        Ok(current) => current,
        Err(answer) => return answer,
    };
    if capacity.is_some() && current.capacity.is_none() {
        return Answer::error(
            400,
            format!("rcu, wcu: table {table} is on-demand, so its indexes have no capacity to set"),
        );
    }
    let request = scope.db.client.update_table().table_name(table);
    let request = match index::add_gsi(request, &current, &gsi, capacity) {
        Ok(request) => request,
        Err(err) => return Answer::error(400, format!("{err:#}")),
    };
    if let Err(err) = index::send_update(scope.db, table, request).await {
        return Answer::failed(err);
    }
    described(scope, table).await
}

async fn drop_index(scope: &Scope<'_>, table: &str, name: &str, body: &[u8]) -> Answer {
    if let Some(answer) = scope.hidden(table) {
        return answer;
    }
    if let Err(answer) = confirmed(body, name) {
        return answer;
    }
    let current = match current(scope, table).await {
        Ok(current) => current,
        Err(answer) => return answer,
    };
    let request = scope.db.client.update_table().table_name(table);
    let request = match index::drop_gsi(request, &current, name) {
        Ok(request) => request,
        Err(err) => return Answer::error(404, format!("{err:#}")),
    };
    if let Err(err) = index::send_update(scope.db, table, request).await {
        return Answer::failed(err);
    }
    described(scope, table).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(json: Value) -> Create {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_create_form_becomes_the_definition_create_table_makes() {
        let def = definition(&form(json!({
            "name": "Movies", "pk": "year:N", "sk": "title:S", "rcu": 5, "wcu": 4,
            "gsi": ["ByGenre:genre:S:year:N:include=rating", " "], "lsi": ["ByRating:rating:N:keys"],
            "ttl": "expires"
        })))
        .unwrap();
        assert_eq!(
            def.to_command().unwrap(),
            "ddb create-table Movies --pk year:N --sk title:S --rcu 5 --wcu 4 --gsi 'ByGenre:genre:S:year:N:include=rating' --lsi ByRating:rating:N:keys --ttl expires"
        );
        let on_demand = definition(&form(json!({"name": "T", "pk": "id:S", "sk": ""}))).unwrap();
        assert_eq!(
            on_demand.to_command().unwrap(),
            "ddb create-table T --pk id:S"
        );
    }

    #[test]
    fn a_bad_create_form_names_the_field() {
        let err = |v: Value| definition(&form(v)).unwrap_err();
        assert!(err(json!({"name": " ", "pk": "id:S"})).starts_with("name:"));
        assert!(err(json!({"name": "T", "pk": "id:X"})).starts_with("pk:"));
        assert!(err(json!({"name": "T", "pk": "id:S", "rcu": 5})).starts_with("rcu, wcu:"));
        assert!(err(json!({"name": "T", "pk": "id:S", "gsi": ["G"]})).starts_with("gsi G:"));
        // The same attribute with two types.
        assert!(err(json!({"name": "T", "pk": "id:S", "gsi": ["G:id:N"]})).contains("id"));
        assert!(
            serde_json::from_value::<Create>(json!({"name": "T", "pk": "id:S", "gsis": []}))
                .is_err()
        );
    }
}
