//! Changing a table's global secondary indexes: one index created or deleted per UpdateTable,
//! as DynamoDB takes them, then (the caller's choice) waiting while a new index backfills.

use anyhow::{bail, Result};
use aws_sdk_dynamodb::operation::update_table::builders::UpdateTableFluentBuilder;
use aws_sdk_dynamodb::types::{
    CreateGlobalSecondaryIndexAction, DeleteGlobalSecondaryIndexAction, GlobalSecondaryIndexUpdate,
};

use super::create::{attribute_definitions, key_elements, projection, throughput};
use crate::client::{api_error, Db};
use crate::definition::{Capacity, Index, TableDefinition};
use crate::error::{Diagnostic, UsageError};

/// `request` with `index` created on the table `current` describes, with `capacity` or, on a
/// provisioned table, the table's own. A key attribute the table already defines with another
/// type is refused before anything is sent.
pub fn add_gsi(
    request: UpdateTableFluentBuilder,
    current: &TableDefinition,
    index: &Index,
    capacity: Option<Capacity>,
) -> Result<UpdateTableFluentBuilder> {
    // Index names are one namespace per table, global and local alike.
    if current
        .gsis
        .iter()
        .chain(&current.lsis)
        .any(|i| i.name == index.name)
    {
        bail!(
            "table {} already has an index named {}",
            current.name,
            index.name
        );
    }
    let mut with_index = current.clone();
    with_index.gsis.push(index.clone());
    with_index.key_attributes().map_err(UsageError)?;
    let new_attributes: Vec<_> = std::iter::once(&index.key.partition)
        .chain(index.key.sort.iter())
        .collect();
    let create = CreateGlobalSecondaryIndexAction::builder()
        .index_name(&index.name)
        .set_key_schema(Some(key_elements(&index.key)))
        .projection(projection(index))
        .set_provisioned_throughput(capacity.or(current.capacity).map(throughput))
        .build()
        .expect("name, key and projection set");
    Ok(request
        .set_attribute_definitions(Some(attribute_definitions(&new_attributes)))
        .global_secondary_index_updates(
            GlobalSecondaryIndexUpdate::builder().create(create).build(),
        ))
}

/// `request` with the global index `name` of the table `current` describes deleted; an index
/// the table does not have is refused, naming those it has.
pub fn drop_gsi(
    request: UpdateTableFluentBuilder,
    current: &TableDefinition,
    name: &str,
) -> Result<UpdateTableFluentBuilder> {
    if !current.gsis.iter().any(|g| g.name == name) {
        let names: Vec<&str> = current.gsis.iter().map(|g| g.name.as_str()).collect();
        bail!(
            "table {} has no global secondary index named {name} (it has: {})",
            current.name,
            if names.is_empty() {
                "none".to_string()
            } else {
                names.join(", ")
            }
        );
    }
    let delete = DeleteGlobalSecondaryIndexAction::builder()
        .index_name(name)
        .build()
        .expect("name set");
    Ok(request.global_secondary_index_updates(
        GlobalSecondaryIndexUpdate::builder().delete(delete).build(),
    ))
}

/// Sends an UpdateTable; DynamoDB's limits on index changes and capacity decreases get a hint.
pub async fn send_update(db: &Db, table: &str, request: UpdateTableFluentBuilder) -> Result<()> {
    request.send().await.map_err(|e| {
        let error = api_error(e, &db.at(table));
        let error = if format!("{error}").contains("LimitExceeded") {
            Diagnostic::hint_on(error, "DynamoDB limits how many indexes change at once and how often capacity decreases; wait, then try again")
        } else {
            error
        };
        error.context(format!("update table {table}"))
    })?;
    Ok(())
}
