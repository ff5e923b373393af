//! A definition as DynamoDB's own JSON: `{"Table": <DescribeTable's shape>,
//! "TimeToLiveDescription": {...}, "Tags": [...]}`, what `ddb dump` writes as `table.json` and
//! `ddb restore` reads. Reading tolerates every other field DescribeTable returns, so the output
//! of `aws dynamodb describe-table` restores too.

use anyhow::{bail, Context, Result};
use aws_sdk_dynamodb::types::ScalarAttributeType;
use serde_json::{json, Map, Value};

use super::{Capacity, Index, Projection, StreamView, TableClass, TableDefinition};
use crate::schema::{KeyAttribute, KeySchema};

fn key_schema(key: &KeySchema) -> Value {
    let mut elements = vec![json!({"AttributeName": key.partition.name, "KeyType": "HASH"})];
    if let Some(sort) = &key.sort {
        elements.push(json!({"AttributeName": sort.name, "KeyType": "RANGE"}));
    }
    Value::Array(elements)
}

fn throughput(c: Capacity) -> Value {
    json!({"ReadCapacityUnits": c.read, "WriteCapacityUnits": c.write})
}

fn projection(p: &Projection) -> Value {
    let mut out = json!({"ProjectionType": p.kind().as_str()});
    if !p.included().is_empty() {
        out["NonKeyAttributes"] = json!(p.included());
    }
    out
}

impl TableDefinition {
    pub fn to_json(&self) -> Value {
        let attributes: Vec<Value> = self
            .key_attributes()
            .unwrap_or_default()
            .iter()
            .map(|a| json!({"AttributeName": a.name, "AttributeType": a.kind.as_str()}))
            .collect();
        let mut table = Map::new();
        table.insert("TableName".into(), json!(self.name));
        table.insert("AttributeDefinitions".into(), Value::Array(attributes));
        table.insert("KeySchema".into(), key_schema(&self.key));
        let billing = if self.capacity.is_some() {
            "PROVISIONED"
        } else {
            "PAY_PER_REQUEST"
        };
        table.insert("BillingModeSummary".into(), json!({"BillingMode": billing}));
        if let Some(c) = self.capacity {
            table.insert("ProvisionedThroughput".into(), throughput(c));
        }
        let gsis: Vec<Value> = self
            .gsis
            .iter()
            .map(|i| {
                let mut index = json!({"IndexName": i.name, "KeySchema": key_schema(&i.key), "Projection": projection(&i.projection)});
                if let Some(c) = self.capacity_of(&i.name) {
                    index["ProvisionedThroughput"] = throughput(c);
                }
                index
            })
            .collect();
        if !gsis.is_empty() {
            table.insert("GlobalSecondaryIndexes".into(), Value::Array(gsis));
        }
        let lsis: Vec<Value> = self
            .lsis
            .iter()
            .map(|i| json!({"IndexName": i.name, "KeySchema": key_schema(&i.key), "Projection": projection(&i.projection)}))
            .collect();
        if !lsis.is_empty() {
            table.insert("LocalSecondaryIndexes".into(), Value::Array(lsis));
        }
        if let Some(view) = self.stream {
            table.insert(
                "StreamSpecification".into(),
                json!({"StreamEnabled": true, "StreamViewType": view.to_sdk().as_str()}),
            );
        }
        table.insert(
            "DeletionProtectionEnabled".into(),
            json!(self.deletion_protection),
        );
        table.insert(
            "TableClassSummary".into(),
            json!({"TableClass": self.class.to_sdk().as_str()}),
        );
        let ttl = match &self.ttl {
            Some(attribute) => json!({"TimeToLiveStatus": "ENABLED", "AttributeName": attribute}),
            None => json!({"TimeToLiveStatus": "DISABLED"}),
        };
        let tags: Vec<Value> = self
            .tags
            .iter()
            .map(|(k, v)| json!({"Key": k, "Value": v}))
            .collect();
        json!({"Table": table, "TimeToLiveDescription": ttl, "Tags": tags})
    }

    pub fn from_json(value: &Value) -> Result<TableDefinition> {
        let table = value.get("Table").context("no \"Table\" object")?;
        let text = |v: &Value, field: &str| -> Result<String> {
            v.get(field)
                .and_then(Value::as_str)
                .map(str::to_string)
                .with_context(|| format!("no \"{field}\""))
        };
        let kind_of = |name: &str| -> Result<ScalarAttributeType> {
            let found = table["AttributeDefinitions"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|d| d["AttributeName"] == name)
                .and_then(|d| d["AttributeType"].as_str())
                .with_context(|| format!("no attribute definition for {name}"))?;
            Ok(ScalarAttributeType::from(found))
        };
        let key_of = |schema: &Value| -> Result<KeySchema> {
            let attribute = |key_type: &str| -> Result<Option<KeyAttribute>> {
                let Some(name) = schema
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|k| k["KeyType"] == key_type)
                    .and_then(|k| k["AttributeName"].as_str())
                else {
                    return Ok(None);
                };
                Ok(Some(KeyAttribute {
                    name: name.to_string(),
                    kind: kind_of(name)?,
                }))
            };
            Ok(KeySchema {
                partition: attribute("HASH")?.context("a key schema has no HASH key")?,
                sort: attribute("RANGE")?,
            })
        };
        let capacity_of = |v: &Value| -> Option<Capacity> {
            let read = v.get("ReadCapacityUnits")?.as_i64()?;
            let write = v.get("WriteCapacityUnits")?.as_i64()?;
            (read > 0 && write > 0).then_some(Capacity { read, write })
        };
        let projection_of = |v: &Value| match v["ProjectionType"].as_str() {
            Some("KEYS_ONLY") => Projection::KeysOnly,
            Some("INCLUDE") => Projection::Include(
                v["NonKeyAttributes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect(),
            ),
            _ => Projection::All,
        };
        let mut def =
            TableDefinition::new(&text(table, "TableName")?, key_of(&table["KeySchema"])?);
        let on_demand = table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST";
        def.capacity = if on_demand {
            None
        } else {
            capacity_of(&table["ProvisionedThroughput"])
        };
        for index in table["GlobalSecondaryIndexes"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let name = text(index, "IndexName")?;
            if let (Some(table), Some(own)) =
                (def.capacity, capacity_of(&index["ProvisionedThroughput"]))
            {
                if own != table {
                    def.gsi_capacity.push((name.clone(), own));
                }
            }
            def.gsis.push(Index {
                name,
                key: key_of(&index["KeySchema"])?,
                projection: projection_of(&index["Projection"]),
            });
        }
        for index in table["LocalSecondaryIndexes"]
            .as_array()
            .into_iter()
            .flatten()
        {
            def.lsis.push(Index {
                name: text(index, "IndexName")?,
                key: key_of(&index["KeySchema"])?,
                projection: projection_of(&index["Projection"]),
            });
        }
        let stream = &table["StreamSpecification"];
        if stream["StreamEnabled"] == true {
            let view = stream["StreamViewType"].as_str().unwrap_or_default();
            def.stream = match StreamView::from_sdk(&view.into()) {
                Some(view) => Some(view),
                None => bail!("unknown StreamViewType {view:?}"),
            };
        }
        def.deletion_protection = table["DeletionProtectionEnabled"] == true;
        def.class = match table["TableClassSummary"]["TableClass"].as_str() {
            Some("STANDARD_INFREQUENT_ACCESS") => TableClass::InfrequentAccess,
            _ => TableClass::Standard,
        };
        let ttl = &value["TimeToLiveDescription"];
        if matches!(
            ttl["TimeToLiveStatus"].as_str(),
            Some("ENABLED" | "ENABLING")
        ) {
            def.ttl = ttl["AttributeName"].as_str().map(str::to_string);
        }
        for tag in value["Tags"].as_array().into_iter().flatten() {
            def.tags
                .push((text(tag, "Key")?, text(tag, "Value").unwrap_or_default()));
        }
        Ok(def)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_reads_back_to_the_definition() {
        let key = KeySchema {
            partition: KeyAttribute {
                name: "pk".into(),
                kind: ScalarAttributeType::S,
            },
            sort: Some(KeyAttribute {
                name: "n".into(),
                kind: ScalarAttributeType::N,
            }),
        };
        let mut def = TableDefinition::new("T", key)
            .with_lsis(vec![super::super::parse_lsi("ByC:c:N:include=a,b").unwrap()]);
        def.capacity = Some(Capacity { read: 5, write: 4 });
        def.gsis
            .push(super::super::parse_gsi("ByA:a:S:keys").unwrap());
        def.gsis
            .push(super::super::parse_gsi("ByB:b:B:n:N").unwrap());
        def.gsi_capacity
            .push(("ByB".into(), Capacity { read: 1, write: 2 }));
        def.stream = Some(StreamView::Old);
        def.ttl = Some("exp".into());
        def.tags.push(("team".into(), "core".into()));
        def.deletion_protection = true;
        def.class = TableClass::InfrequentAccess;
        assert_eq!(TableDefinition::from_json(&def.to_json()).unwrap(), def);
        let plain = TableDefinition::new("U", def.key.clone());
        assert_eq!(TableDefinition::from_json(&plain.to_json()).unwrap(), plain);
    }
}
