//! Table and index names the embedded engine cannot hold safely, refused before it sees them.
//!
//! The engine (dynoxide-rs) keeps each table as an SQLite table named after it, in the same
//! namespace as its own catalog (`_tables`, `_config`, `_stream_records`) and SQLite's
//! (`sqlite_*`), and SQLite compares those names without regard to case. Its CreateTable is not
//! atomic: it registers the name, then fails to create the storage, and leaves the name pointing
//! at storage that belongs to something else. So `_tables` erases the catalog on DeleteTable,
//! and `users` beside `Users` reads, and on DeleteTable drops, `Users`' items; two indexes of one
//! table whose names differ only in case share one store the same way. DynamoDB treats all of
//! these as ordinary, distinct names (DynamoDB Local, on SQLite too, answers InternalFailure for
//! `sqlite_*` and for case twins); here they are refused with a ValidationException that says
//! why, before anything is registered (a known difference, tested in `tests/it/known_differences.rs`).

use serde_json::Value;

/// The engine's own SQLite tables: a DynamoDB table of this name would be one of them.
const CATALOG: [&str; 3] = ["_tables", "_config", "_stream_records"];

/// Why a request is refused, as DynamoDB's error type and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
}

/// What the guard needs to know of the database, asked only for the operations that create names.
pub trait Catalog {
    /// Every table name.
    fn tables(&self) -> Vec<String>;
    /// The global secondary index names of `table`, empty when there is no such table.
    fn indexes(&self, table: &str) -> Vec<String>;
}

/// Checks one request; `operation` is the part of `X-Amz-Target` after the dot.
pub fn check(operation: &str, request: &Value, catalog: &dyn Catalog) -> Result<(), Refusal> {
    let table = request
        .get("TableName")
        .and_then(Value::as_str)
        .unwrap_or("");
    match operation {
        "CreateTable" => {
            reserved(table)?;
            if let Some(other) = catalog
                .tables()
                .into_iter()
                .find(|t| t != table && t.eq_ignore_ascii_case(table))
            {
                return Err(Refusal {
                    message: format!(
                        "the embedded engine cannot hold table {table} beside {other}: it stores tables under names that ignore case; choose a name that differs from {other} in more than case"
                    ),
                });
            }
            let mut names = Vec::new();
            for field in ["GlobalSecondaryIndexes", "LocalSecondaryIndexes"] {
                names.extend(index_names(request.get(field)));
                distinct_ignoring_case(table, &names)?;
                names.clear();
            }
            Ok(())
        }
        "UpdateTable" => {
            let created: Vec<String> = request
                .get("GlobalSecondaryIndexUpdates")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|update| update.get("Create"))
                .filter_map(|create| create.get("IndexName").and_then(Value::as_str))
                .map(str::to_string)
                .collect();
            if created.is_empty() {
                return Ok(());
            }
            let mut names = catalog.indexes(table);
            names.extend(created);
            distinct_ignoring_case(table, &names)
        }
        // A name registered by an older ddb before this guard: deleting it would drop the
        // engine's own storage.
        "DeleteTable" => reserved(table),
        _ => Ok(()),
    }
}

fn reserved(table: &str) -> Result<(), Refusal> {
    let lower = table.to_ascii_lowercase();
    if CATALOG.contains(&lower.as_str()) || lower.starts_with("sqlite_") {
        return Err(Refusal {
            message: format!(
                "the embedded engine reserves the table name {table} for its own storage (_tables, _config, _stream_records and sqlite_* in any case); choose another name (DynamoDB accepts it)"
            ),
        });
    }
    Ok(())
}

fn index_names(indexes: Option<&Value>) -> impl Iterator<Item = String> + '_ {
    indexes
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|index| index.get("IndexName").and_then(Value::as_str))
        .map(str::to_string)
}

fn distinct_ignoring_case(table: &str, names: &[String]) -> Result<(), Refusal> {
    for (i, name) in names.iter().enumerate() {
        if let Some(other) = names[..i]
            .iter()
            .find(|o| *o != name && o.eq_ignore_ascii_case(name))
        {
            return Err(Refusal {
                message: format!(
                    "the embedded engine cannot hold indexes {other} and {name} on table {table}: it stores indexes under names that ignore case; choose names that differ in more than case"
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    struct Fixed(Vec<&'static str>, Vec<&'static str>);

    impl Catalog for Fixed {
        fn tables(&self) -> Vec<String> {
            self.0.iter().map(|s| s.to_string()).collect()
        }
        fn indexes(&self, _: &str) -> Vec<String> {
            self.1.iter().map(|s| s.to_string()).collect()
        }
    }

    fn create(name: &str) -> Value {
        json!({"TableName": name, "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]})
    }

    #[test]
    fn the_engines_own_names_are_refused_in_any_case() {
        let none = Fixed(vec![], vec![]);
        for name in [
            "_tables",
            "_TABLES",
            "_Config",
            "_stream_records",
            "sqlite_master",
            "SQLITE_x",
        ] {
            let refusal = check("CreateTable", &create(name), &none).unwrap_err();
            assert!(
                refusal.message.contains("reserves the table name"),
                "{name}"
            );
            assert!(check("DeleteTable", &json!({"TableName": name}), &none).is_err());
        }
        for name in ["tables", "_tables_", "sqlite", "Users", "my_config"] {
            assert_eq!(check("CreateTable", &create(name), &none), Ok(()), "{name}");
        }
    }

    #[test]
    fn a_table_differing_from_another_only_in_case_is_refused() {
        let catalog = Fixed(vec!["Users", "Orders"], vec![]);
        let refusal = check("CreateTable", &create("users"), &catalog).unwrap_err();
        assert!(refusal.message.contains("beside Users"), "{refusal:?}");
        // The same name is the engine's own ResourceInUseException, not ours.
        assert_eq!(check("CreateTable", &create("Users"), &catalog), Ok(()));
        assert_eq!(
            check("PutItem", &json!({"TableName": "users"}), &catalog),
            Ok(())
        );
    }

    #[test]
    fn indexes_differing_only_in_case_are_refused() {
        let none = Fixed(vec![], vec![]);
        let mut request = create("T");
        request["GlobalSecondaryIndexes"] = json!([{"IndexName": "ByA"}, {"IndexName": "bya"}]);
        assert!(check("CreateTable", &request, &none).is_err());
        // A global and a local index live in different stores.
        request["GlobalSecondaryIndexes"] = json!([{"IndexName": "ByA"}]);
        request["LocalSecondaryIndexes"] = json!([{"IndexName": "bya"}]);
        assert_eq!(check("CreateTable", &request, &none), Ok(()));

        let existing = Fixed(vec!["T"], vec!["ByA"]);
        let update = json!({"TableName": "T", "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "BYA"}}]});
        assert!(check("UpdateTable", &update, &existing).is_err());
        let update = json!({"TableName": "T", "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "ByB"}}]});
        assert_eq!(check("UpdateTable", &update, &existing), Ok(()));
    }
}
