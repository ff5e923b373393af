//! Key schemas remembered between runs, per endpoint and table, so `ddb query --pk` takes one
//! round trip instead of two (DescribeTable, then Query). An entry is only a hint: a command
//! that used one and was refused in a way a changed table explains (a ValidationException, a
//! sort key the entry does not have) forgets it and runs again with DescribeTable's answer.
//! Every entry is a small file written whole and renamed into place, so processes running side
//! by side never read half of one; any failure to read or write it only costs the round trip.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::schema::{KeySchema, Schema};

#[derive(Debug, Clone)]
pub struct SchemaCache {
    dir: Option<PathBuf>,
}

impl SchemaCache {
    /// The entries for one endpoint (a URL, or AWS in a region) and the profile used there: the
    /// same table name under another account or region is another table.
    pub fn new(endpoint: &str, profile: Option<&str>) -> Self {
        let identity = format!("{endpoint}\n{}", profile.unwrap_or(""));
        SchemaCache {
            dir: dirs::cache_dir().map(|d| {
                d.join("ddb")
                    .join("schemas")
                    .join(format!("{:016x}", fnv1a(identity.as_bytes())))
            }),
        }
    }

    /// Keeps nothing: the embedded engine reads its definitions without a round trip.
    pub fn disabled() -> Self {
        SchemaCache { dir: None }
    }

    pub fn get(&self, table: &str) -> Option<Schema> {
        let text = std::fs::read_to_string(self.path(table)?).ok()?;
        from_json(&serde_json::from_str(&text).ok()?)
    }

    pub fn put(&self, schema: &Schema) {
        let (Some(dir), Some(path)) = (&self.dir, self.path(schema.table())) else {
            return;
        };
        let temp = dir.join(format!(".{}.{}", std::process::id(), fastrand::u64(..)));
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&temp, to_json(schema).to_string()))
            .and_then(|()| std::fs::rename(&temp, &path));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }

    pub fn forget(&self, table: &str) {
        if let Some(path) = self.path(table) {
            let _ = std::fs::remove_file(path);
        }
    }

    fn path(&self, table: &str) -> Option<PathBuf> {
        // Table names are [A-Za-z0-9_.-]{3,255}; anything else never reaches a file name.
        let plain = table.len() >= 3
            && table
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
        plain
            .then(|| self.dir.as_ref().map(|d| d.join(format!("{table}.json"))))
            .flatten()
    }
}

/// FNV-1a: a hash that stays the same across Rust releases, for directory names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn to_json(schema: &Schema) -> Value {
    json!({
        "table": schema.table(),
        "key": schema.key.to_json(),
        "indexes": schema.indexes.iter().map(|(name, key)| json!({"name": name, "key": key.to_json()})).collect::<Vec<_>>(),
    })
}

fn from_json(value: &Value) -> Option<Schema> {
    let indexes = value["indexes"]
        .as_array()?
        .iter()
        .map(|i| {
            Some((
                i["name"].as_str()?.to_string(),
                KeySchema::from_json(&i["key"])?,
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Schema::new(
        value["table"].as_str()?,
        KeySchema::from_json(&value["key"])?,
        indexes,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::KeyAttribute;
    use aws_sdk_dynamodb::types::ScalarAttributeType;

    fn schema() -> Schema {
        let attr = |name: &str, kind: &str| KeyAttribute {
            name: name.into(),
            kind: ScalarAttributeType::from(kind),
        };
        Schema::new(
            "Movies",
            KeySchema {
                partition: attr("year", "N"),
                sort: Some(attr("title", "S")),
            },
            vec![(
                "by-rating".into(),
                KeySchema {
                    partition: attr("rating", "N"),
                    sort: None,
                },
            )],
        )
    }

    #[test]
    fn an_entry_reads_back_as_written_and_can_be_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SchemaCache {
            dir: Some(dir.path().join("endpoint")),
        };
        assert!(cache.get("Movies").is_none());
        cache.put(&schema());
        let back = cache.get("Movies").expect("remembered");
        assert_eq!(format!("{back:?}"), format!("{:?}", schema()));
        cache.forget("Movies");
        assert!(cache.get("Movies").is_none());
    }

    #[test]
    fn unreadable_entries_and_odd_names_are_misses() {
        let dir = tempfile::tempdir().unwrap();
        let cache = SchemaCache {
            dir: Some(dir.path().to_path_buf()),
        };
        std::fs::write(dir.path().join("Movies.json"), "{\"table\": 1").unwrap();
        assert!(cache.get("Movies").is_none());
        assert!(cache.path("../etc").is_none());
        assert!(cache.path("ab").is_none());
        assert!(SchemaCache::disabled().get("Movies").is_none());
    }

    #[test]
    fn endpoints_and_profiles_have_entries_of_their_own() {
        let a = SchemaCache::new("http://127.0.0.1:8000", None).dir;
        assert_ne!(a, SchemaCache::new("http://127.0.0.1:8001", None).dir);
        assert_ne!(
            a,
            SchemaCache::new("http://127.0.0.1:8000", Some("prod")).dir
        );
        assert_eq!(a, SchemaCache::new("http://127.0.0.1:8000", None).dir);
    }
}
