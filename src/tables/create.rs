//! Creating a table: its definition as a CreateTable request, then waiting until it and its
//! indexes are ACTIVE and turning TTL on (TTL has no place in CreateTable).

use anyhow::{bail, Result};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType,
    LocalSecondaryIndex, Projection, ProvisionedThroughput, ScalarAttributeType,
    StreamSpecification, Tag,
};

use super::{ttl, wait};
use crate::client::{api_error, Db};
use crate::definition::{Capacity, Index, TableClass, TableDefinition};
use crate::error::UsageError;
use crate::schema::{KeyAttribute, KeySchema};

/// Why CreateTable failed: the table exists (which `--if-not-exists` may accept), or anything else.
pub enum Refused {
    Exists(anyhow::Error),
    Other(anyhow::Error),
}

/// Sends CreateTable for the definition.
pub async fn create(db: &Db, def: &TableDefinition) -> Result<(), Refused> {
    let attributes = def
        .key_attributes()
        .map_err(|e| Refused::Other(UsageError(e).into()))?;
    let gsis: Vec<GlobalSecondaryIndex> = def
        .gsis
        .iter()
        .map(|index| {
            GlobalSecondaryIndex::builder()
                .index_name(&index.name)
                .set_key_schema(Some(key_elements(&index.key)))
                .projection(projection(index))
                .set_provisioned_throughput(def.capacity_of(&index.name).map(throughput))
                .build()
                .expect("name and key set")
        })
        .collect();
    let lsis: Vec<LocalSecondaryIndex> = def
        .lsis
        .iter()
        .map(|index| {
            LocalSecondaryIndex::builder()
                .index_name(&index.name)
                .set_key_schema(Some(key_elements(&index.key)))
                .projection(projection(index))
                .build()
                .expect("name and key set")
        })
        .collect();
    let tags: Vec<Tag> = def
        .tags
        .iter()
        .map(|(k, v)| Tag::builder().key(k).value(v).build().expect("set"))
        .collect();
    let request = db
        .client
        .create_table()
        .table_name(&def.name)
        .set_key_schema(Some(key_elements(&def.key)))
        .set_attribute_definitions(Some(attribute_definitions(&attributes)))
        .set_global_secondary_indexes((!gsis.is_empty()).then_some(gsis))
        .set_local_secondary_indexes((!lsis.is_empty()).then_some(lsis))
        .billing_mode(if def.capacity.is_some() {
            BillingMode::Provisioned
        } else {
            BillingMode::PayPerRequest
        })
        .set_provisioned_throughput(def.capacity.map(throughput))
        .set_stream_specification(def.stream.map(|view| {
            StreamSpecification::builder()
                .stream_enabled(true)
                .stream_view_type(view.to_sdk())
                .build()
                .expect("enabled set")
        }))
        .set_tags((!tags.is_empty()).then_some(tags))
        .set_deletion_protection_enabled(def.deletion_protection.then_some(true))
        .set_table_class((def.class != TableClass::Standard).then(|| def.class.to_sdk()));
    match request.send().await {
        Ok(_) => Ok(()),
        Err(err) => {
            let in_use = err
                .as_service_error()
                .is_some_and(|e| e.is_resource_in_use_exception());
            let error = api_error(err, &db.at(&def.name));
            if in_use {
                Err(Refused::Exists(error))
            } else {
                Err(Refused::Other(
                    error.context(format!("create table {}", def.name)),
                ))
            }
        }
    }
}

/// Waits until the table and its indexes are ACTIVE, then turns TTL on when the definition has
/// it (TTL has no place in CreateTable). A table that already existed (`created` false) keeps
/// TTL that is on with the same attribute; TTL on another attribute is a difference, named.
pub async fn settle(
    db: &Db,
    def: &TableDefinition,
    created: bool,
    bar: &indicatif::ProgressBar,
) -> Result<aws_sdk_dynamodb::types::TableDescription> {
    let description = wait::until_active(db, &def.name, bar).await?;
    let Some(attribute) = &def.ttl else {
        return Ok(description);
    };
    if !created {
        match ttl::describe(db, &def.name).await?.enabled_attribute() {
            Some(on) if on == attribute => return Ok(description),
            Some(on) => bail!(
                "table {} already exists at {} with TTL on {on}, not {attribute}; --if-not-exists accepts only an identical one",
                def.name,
                db.endpoint
            ),
            None => {}
        }
    }
    ttl::set(db, &def.name, attribute, true).await?;
    Ok(description)
}

/// Creates an on-demand table keyed by one string attribute and waits until it is ACTIVE
/// (scratch tables of the benches).
pub async fn create_simple(db: &Db, table: &str, partition_key: &str) -> Result<()> {
    let pk = KeyAttribute {
        name: partition_key.to_string(),
        kind: ScalarAttributeType::S,
    };
    let key = KeySchema {
        partition: pk.clone(),
        sort: None,
    };
    db.client
        .create_table()
        .table_name(table)
        .set_key_schema(Some(key_elements(&key)))
        .set_attribute_definitions(Some(attribute_definitions(&[&pk])))
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await
        .map_err(|e| api_error(e, &db.at(table)).context(format!("create table {table}")))?;
    wait::until_active(db, table, &indicatif::ProgressBar::hidden())
        .await
        .map(|_| ())
}

/// The key schema's elements, partition key first.
pub fn key_elements(key: &KeySchema) -> Vec<KeySchemaElement> {
    std::iter::once((&key.partition, KeyType::Hash))
        .chain(key.sort.as_ref().map(|s| (s, KeyType::Range)))
        .map(|(a, t)| {
            KeySchemaElement::builder()
                .attribute_name(&a.name)
                .key_type(t)
                .build()
                .expect("name and type set")
        })
        .collect()
}

pub fn attribute_definitions(attributes: &[&KeyAttribute]) -> Vec<AttributeDefinition> {
    attributes
        .iter()
        .map(|a| {
            AttributeDefinition::builder()
                .attribute_name(&a.name)
                .attribute_type(a.kind.clone())
                .build()
                .expect("name and type set")
        })
        .collect()
}

pub fn projection(index: &Index) -> Projection {
    Projection::builder()
        .projection_type(index.projection.kind())
        .set_non_key_attributes(
            (!index.projection.included().is_empty()).then(|| index.projection.included().to_vec()),
        )
        .build()
}

pub fn throughput(capacity: Capacity) -> ProvisionedThroughput {
    ProvisionedThroughput::builder()
        .read_capacity_units(capacity.read)
        .write_capacity_units(capacity.write)
        .build()
        .expect("both set")
}
