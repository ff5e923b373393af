//! Key schemas and table definitions as ddb understands them, apart from any request: the key
//! attributes of a table and its indexes (from DescribeTable or the embedded engine's stored
//! definition), their one JSON form (remembered schemas, `describe-table`, `serve`), and a table
//! description as the fields ddb shows.

use anyhow::{Context, Result};
use aws_sdk_dynamodb::types::{KeyType, Projection, ScalarAttributeType, TableDescription};
use serde_json::{json, Map, Value};

/// A key attribute: its name and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyAttribute {
    pub name: String,
    pub kind: ScalarAttributeType,
}

/// A table's key attributes, and those of its indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySchema {
    pub partition: KeyAttribute,
    pub sort: Option<KeyAttribute>,
}

impl KeySchema {
    /// The key of the table (`index` None) or of one of its indexes.
    pub fn of(table: &TableDescription, index: Option<&str>) -> Result<KeySchema> {
        let schema = match index {
            None => table.key_schema(),
            Some(name) => table
                .global_secondary_indexes()
                .iter()
                .find(|i| i.index_name() == Some(name))
                .map(|i| i.key_schema())
                .or_else(|| {
                    table
                        .local_secondary_indexes()
                        .iter()
                        .find(|i| i.index_name() == Some(name))
                        .map(|i| i.key_schema())
                })
                .with_context(|| {
                    format!(
                        "table {} has no index named {name}",
                        table.table_name().unwrap_or("?")
                    )
                })?,
        };
        let kind_of = |name: &str| {
            table
                .attribute_definitions()
                .iter()
                .find(|d| d.attribute_name() == name)
                .map_or(ScalarAttributeType::S, |d| d.attribute_type().clone())
        };
        let attribute = |key_type: KeyType| {
            schema
                .iter()
                .find(|k| *k.key_type() == key_type)
                .map(|k| KeyAttribute {
                    name: k.attribute_name().to_string(),
                    kind: kind_of(k.attribute_name()),
                })
        };
        Ok(KeySchema {
            partition: attribute(KeyType::Hash).context("the key schema has no partition key")?,
            sort: attribute(KeyType::Range),
        })
    }

    pub fn names(&self) -> Vec<String> {
        std::iter::once(self.partition.name.clone())
            .chain(self.sort.iter().map(|s| s.name.clone()))
            .collect()
    }
}

/// A table's key and its indexes' keys: what commands need to build keys and resume keys.
#[derive(Debug, Clone)]
pub struct Schema {
    pub key: KeySchema,
    pub indexes: Vec<(String, KeySchema)>,
    table: String,
}

impl Schema {
    pub fn new(table: &str, key: KeySchema, indexes: Vec<(String, KeySchema)>) -> Schema {
        Schema {
            key,
            indexes,
            table: table.to_string(),
        }
    }

    pub fn table(&self) -> &str {
        &self.table
    }

    pub fn from_description(d: &TableDescription) -> Result<Schema> {
        let names = d
            .global_secondary_indexes()
            .iter()
            .filter_map(|i| i.index_name())
            .chain(
                d.local_secondary_indexes()
                    .iter()
                    .filter_map(|i| i.index_name()),
            );
        Ok(Schema {
            key: KeySchema::of(d, None)?,
            indexes: names
                .map(|n| Ok((n.to_string(), KeySchema::of(d, Some(n))?)))
                .collect::<Result<_>>()?,
            table: d.table_name().unwrap_or_default().to_string(),
        })
    }

    /// From the embedded engine's stored definition, whose parts are DynamoDB-shaped JSON.
    pub(crate) fn from_engine(meta: &dynoxide::TableMetadata) -> Result<Schema> {
        let parse = |text: &str| -> Result<serde_json::Value> {
            serde_json::from_str(text).with_context(|| {
                format!(
                    "the engine's definition of {} is unreadable",
                    meta.table_name
                )
            })
        };
        let definitions = parse(&meta.attribute_definitions)?;
        let kind_of = |name: &str| {
            let kind = definitions
                .as_array()
                .into_iter()
                .flatten()
                .find(|d| d["AttributeName"] == name)
                .and_then(|d| d["AttributeType"].as_str())
                .unwrap_or("S");
            ScalarAttributeType::from(kind)
        };
        let key_of = |schema: &serde_json::Value| -> Result<KeySchema> {
            let attribute = |key_type: &str| {
                schema
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|k| k["KeyType"] == key_type)
                    .and_then(|k| {
                        let name = k["AttributeName"].as_str()?;
                        Some(KeyAttribute {
                            name: name.to_string(),
                            kind: kind_of(name),
                        })
                    })
            };
            Ok(KeySchema {
                partition: attribute("HASH").context("the key schema has no partition key")?,
                sort: attribute("RANGE"),
            })
        };
        let mut indexes = Vec::new();
        for definitions in [&meta.gsi_definitions, &meta.lsi_definitions]
            .into_iter()
            .flatten()
        {
            for index in parse(definitions)?.as_array().into_iter().flatten() {
                if let Some(name) = index["IndexName"].as_str() {
                    indexes.push((name.to_string(), key_of(&index["KeySchema"])?));
                }
            }
        }
        Ok(Schema {
            key: key_of(&parse(&meta.key_schema)?)?,
            indexes,
            table: meta.table_name.clone(),
        })
    }

    /// The key of the table (`index` None) or of one of its indexes.
    pub fn key_of(&self, index: Option<&str>) -> Result<&KeySchema> {
        match index {
            None => Ok(&self.key),
            Some(name) => self
                .indexes
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, k)| k)
                .with_context(|| format!("table {} has no index named {name}", self.table)),
        }
    }

    /// The attribute names that make up a resume key: the table's key, plus the index's when
    /// reading an index (DynamoDB's `LastEvaluatedKey` for an index carries both).
    pub fn resume_key_names(&self, index: Option<&str>) -> Result<Vec<String>> {
        let mut names = self.key.names();
        for name in self.key_of(index)?.names() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        Ok(names)
    }
}

impl KeySchema {
    /// `{"partition": {"name": .., "type": ..}, "sort": null | {..}}`
    pub fn to_json(&self) -> Value {
        let attribute = |a: &KeyAttribute| json!({"name": a.name, "type": a.kind.as_str()});
        json!({"partition": attribute(&self.partition), "sort": self.sort.as_ref().map(attribute)})
    }

    /// As a person reads it: `year N (partition), title S (sort)`.
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "{} {} (partition)",
            self.partition.name, self.partition.kind
        );
        if let Some(sort) = &self.sort {
            text.push_str(&format!(", {} {} (sort)", sort.name, sort.kind));
        }
        text
    }

    pub fn from_json(value: &Value) -> Option<KeySchema> {
        let attribute = |v: &Value| {
            Some(KeyAttribute {
                name: v["name"].as_str()?.to_string(),
                kind: ScalarAttributeType::from(v["type"].as_str()?),
            })
        };
        Some(KeySchema {
            partition: attribute(&value["partition"])?,
            sort: match &value["sort"] {
                Value::Null => None,
                sort => Some(attribute(sort)?),
            },
        })
    }
}

/// A DescribeTable answer's fields in a stable order, as JSON: what `describe-table` prints and
/// what `serve`'s `describe-table` op replies. Capacity figures appear only where they are in
/// force: a provisioned table's and its indexes', never the zeros an on-demand table reports.
pub fn description_fields(d: &TableDescription) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("name".into(), json!(d.table_name()));
    m.insert("status".into(), json!(d.table_status().map(|s| s.as_str())));
    if let Ok(schema) = KeySchema::of(d, None) {
        m.insert("key".into(), schema.to_json());
    }
    let billing = d
        .billing_mode_summary()
        .and_then(|b| b.billing_mode())
        .map_or("PROVISIONED", |b| b.as_str());
    let provisioned = billing == "PROVISIONED";
    m.insert("billing_mode".into(), json!(billing));
    let capacity = |m: &mut Map<String, Value>, read: Option<i64>, write: Option<i64>| {
        if provisioned {
            m.insert("read_capacity_units".into(), json!(read));
            m.insert("write_capacity_units".into(), json!(write));
        }
    };
    if let Some(t) = d.provisioned_throughput() {
        capacity(&mut m, t.read_capacity_units(), t.write_capacity_units());
    }
    m.insert("item_count".into(), json!(d.item_count()));
    m.insert("size_bytes".into(), json!(d.table_size_bytes()));
    // What a GSI and an LSI both show: name, key, projection, counts; a GSI adds the rest.
    let index = |name: &str, p: Option<&Projection>, count: Option<i64>, size: Option<i64>| {
        let mut index = Map::new();
        index.insert("name".into(), json!(name));
        index.insert(
            "key".into(),
            json!(KeySchema::of(d, Some(name)).ok().map(|k| k.to_json())),
        );
        let kind = p
            .and_then(|p| p.projection_type())
            .map_or("ALL", |t| t.as_str());
        index.insert("projection".into(), json!(kind));
        if let Some(p) = p.filter(|p| !p.non_key_attributes().is_empty()) {
            index.insert("included".into(), json!(p.non_key_attributes()));
        }
        index.insert("item_count".into(), json!(count));
        index.insert("size_bytes".into(), json!(size));
        index
    };
    let gsis: Vec<Value> = d
        .global_secondary_indexes()
        .iter()
        .filter_map(|i| {
            let mut fields = index(
                i.index_name()?,
                i.projection(),
                i.item_count(),
                i.index_size_bytes(),
            );
            fields.insert("status".into(), json!(i.index_status().map(|s| s.as_str())));
            fields.insert(
                "backfilling".into(),
                json!(i.backfilling().unwrap_or(false)),
            );
            if let Some(t) = i.provisioned_throughput() {
                capacity(
                    &mut fields,
                    t.read_capacity_units(),
                    t.write_capacity_units(),
                );
            }
            Some(Value::Object(fields))
        })
        .collect();
    if !gsis.is_empty() {
        m.insert("global_secondary_indexes".into(), Value::Array(gsis));
    }
    let lsis: Vec<Value> = d
        .local_secondary_indexes()
        .iter()
        .filter_map(|i| {
            Some(Value::Object(index(
                i.index_name()?,
                i.projection(),
                i.item_count(),
                i.index_size_bytes(),
            )))
        })
        .collect();
    if !lsis.is_empty() {
        m.insert("local_secondary_indexes".into(), Value::Array(lsis));
    }
    let stream = d.stream_specification().filter(|s| s.stream_enabled());
    m.insert(
        "stream".into(),
        match stream {
            Some(s) => json!({
                "enabled": true,
                "view_type": s.stream_view_type().map(|v| v.as_str()),
                "arn": d.latest_stream_arn(),
            }),
            None => json!({"enabled": false}),
        },
    );
    m.insert(
        "deletion_protection".into(),
        json!(d.deletion_protection_enabled().unwrap_or(false)),
    );
    m.insert(
        "table_class".into(),
        json!(d
            .table_class_summary()
            .and_then(|c| c.table_class())
            .map_or("STANDARD", |c| c.as_str())),
    );
    if let Some(arn) = d.table_arn() {
        m.insert("arn".into(), json!(arn));
    }
    if let Some(created) = d.creation_date_time() {
        m.insert("created".into(), json!(created.to_string()));
    }
    m
}
