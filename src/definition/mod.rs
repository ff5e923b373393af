//! A table's whole definition as ddb reads and writes it: keys, billing and capacity, indexes with
//! their projections, stream, TTL, tags, deletion protection and class. It is what `create-table`
//! parses from its flags, what `--if-not-exists` compares, and what `describe-table --as create`
//! prints back as a `ddb create-table` command line. Pure data: requests are built from it by the
//! commands, and it never talks to a target.

use std::fmt;

use aws_sdk_dynamodb::types::{
    BillingMode, ProjectionType, StreamViewType, TableClass as SdkTableClass, TableDescription,
};

use crate::schema::{KeyAttribute, KeySchema};

mod json;
mod spec;

pub use spec::{parse_gsi, parse_gsi_capacity, parse_key_attribute, parse_lsi, parse_tag};

/// Read and write capacity units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capacity {
    pub read: i64,
    pub write: i64,
}

/// What an index copies from the table besides the keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Projection {
    #[default]
    All,
    KeysOnly,
    Include(Vec<String>),
}

/// A global or local secondary index as `--gsi`/`--lsi` give it (an LSI's partition key is the
/// table's, filled in by [`TableDefinition::new`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Index {
    pub name: String,
    pub key: KeySchema,
    pub projection: Projection,
}

/// What a stream record carries: `--stream new-and-old|new|old|keys`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StreamView {
    NewAndOld,
    New,
    Old,
    Keys,
}

/// `--table-class standard|infrequent-access`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum TableClass {
    #[default]
    Standard,
    InfrequentAccess,
}

/// Everything `create-table` can set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDefinition {
    pub name: String,
    pub key: KeySchema,
    /// None: on-demand.
    pub capacity: Option<Capacity>,
    pub gsis: Vec<Index>,
    /// Per-GSI capacity where it differs from the table's (provisioned tables only).
    pub gsi_capacity: Vec<(String, Capacity)>,
    pub lsis: Vec<Index>,
    pub stream: Option<StreamView>,
    pub ttl: Option<String>,
    pub tags: Vec<(String, String)>,
    pub deletion_protection: bool,
    pub class: TableClass,
}

impl StreamView {
    pub fn to_sdk(self) -> StreamViewType {
        match self {
            StreamView::NewAndOld => StreamViewType::NewAndOldImages,
            StreamView::New => StreamViewType::NewImage,
            StreamView::Old => StreamViewType::OldImage,
            StreamView::Keys => StreamViewType::KeysOnly,
        }
    }

    pub fn from_sdk(view: &StreamViewType) -> Option<StreamView> {
        match view {
            StreamViewType::NewAndOldImages => Some(StreamView::NewAndOld),
            StreamViewType::NewImage => Some(StreamView::New),
            StreamViewType::OldImage => Some(StreamView::Old),
            StreamViewType::KeysOnly => Some(StreamView::Keys),
            _ => None,
        }
    }

    /// The flag value, as `--stream` takes it.
    pub fn flag(self) -> &'static str {
        match self {
            StreamView::NewAndOld => "new-and-old",
            StreamView::New => "new",
            StreamView::Old => "old",
            StreamView::Keys => "keys",
        }
    }
}

impl TableClass {
    pub fn to_sdk(self) -> SdkTableClass {
        match self {
            TableClass::Standard => SdkTableClass::Standard,
            TableClass::InfrequentAccess => SdkTableClass::StandardInfrequentAccess,
        }
    }
}

impl Projection {
    pub fn kind(&self) -> ProjectionType {
        match self {
            Projection::All => ProjectionType::All,
            Projection::KeysOnly => ProjectionType::KeysOnly,
            Projection::Include(_) => ProjectionType::Include,
        }
    }

    pub fn included(&self) -> &[String] {
        match self {
            Projection::Include(names) => names,
            _ => &[],
        }
    }

    fn from_sdk(projection: Option<&aws_sdk_dynamodb::types::Projection>) -> Projection {
        let Some(p) = projection else {
            return Projection::All;
        };
        match p.projection_type() {
            Some(ProjectionType::KeysOnly) => Projection::KeysOnly,
            Some(ProjectionType::Include) => Projection::Include(p.non_key_attributes().to_vec()),
            _ => Projection::All,
        }
    }
}

impl fmt::Display for Projection {
    /// As the spec's last part: `all`, `keys`, `include=a,b`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Projection::All => f.write_str("all"),
            Projection::KeysOnly => f.write_str("keys"),
            Projection::Include(names) => write!(f, "include={}", names.join(",")),
        }
    }
}

impl TableDefinition {
    /// A definition from its parts, with each LSI given the table's partition key.
    pub fn new(name: &str, key: KeySchema) -> TableDefinition {
        TableDefinition {
            name: name.to_string(),
            key,
            capacity: None,
            gsis: Vec::new(),
            gsi_capacity: Vec::new(),
            lsis: Vec::new(),
            stream: None,
            ttl: None,
            tags: Vec::new(),
            deletion_protection: false,
            class: TableClass::Standard,
        }
    }

    /// Sets the LSIs, each keyed by the table's partition key and the sort key it names.
    pub fn with_lsis(mut self, lsis: Vec<Index>) -> TableDefinition {
        self.lsis = lsis
            .into_iter()
            .map(|mut index| {
                index.key.partition = self.key.partition.clone();
                index
            })
            .collect();
        self
    }

    /// The capacity of one GSI when the table is provisioned: its own, else the table's.
    pub fn capacity_of(&self, gsi: &str) -> Option<Capacity> {
        let own = self.gsi_capacity.iter().find(|(n, _)| n == gsi);
        self.capacity.map(|table| own.map_or(table, |(_, c)| *c))
    }

    /// Every attribute that a key of the table or of an index names, once, with its type; an
    /// error names an attribute given two types.
    pub fn key_attributes(&self) -> Result<Vec<&KeyAttribute>, String> {
        let mut all: Vec<&KeyAttribute> = Vec::new();
        let keys = std::iter::once(&self.key)
            .chain(self.gsis.iter().map(|i| &i.key))
            .chain(self.lsis.iter().map(|i| &i.key));
        for key in keys {
            for attr in std::iter::once(&key.partition).chain(key.sort.iter()) {
                match all.iter().find(|a| a.name == attr.name) {
                    Some(seen) if seen.kind != attr.kind => {
                        return Err(format!(
                            "attribute {} is given two types, {} and {}",
                            attr.name, seen.kind, attr.kind
                        ))
                    }
                    Some(_) => {}
                    None => all.push(attr),
                }
            }
        }
        Ok(all)
    }

    /// The definition a DescribeTable answer shows, with the TTL attribute and tags that need
    /// calls of their own. Figures that are not part of a definition are left out: the provisioned
    /// zeros an on-demand table reports for itself and its indexes, `NumberOfDecreasesToday`,
    /// counts and sizes.
    pub fn from_description(
        d: &TableDescription,
        ttl: Option<String>,
        tags: Vec<(String, String)>,
    ) -> anyhow::Result<TableDefinition> {
        let name = d.table_name().unwrap_or_default();
        let on_demand = d
            .billing_mode_summary()
            .and_then(|b| b.billing_mode())
            .is_some_and(|m| *m == BillingMode::PayPerRequest);
        let capacity_of =
            |t: Option<&aws_sdk_dynamodb::types::ProvisionedThroughputDescription>| {
                let t = t?;
                Some(Capacity {
                    read: t.read_capacity_units()?,
                    write: t.write_capacity_units()?,
                })
                .filter(|c| c.read > 0 && c.write > 0)
            };
        let capacity = if on_demand {
            None
        } else {
            capacity_of(d.provisioned_throughput())
        };
        let mut definition = TableDefinition::new(name, KeySchema::of(d, None)?);
        definition.capacity = capacity;
        for gsi in d.global_secondary_indexes() {
            let Some(index) = gsi.index_name() else {
                continue;
            };
            definition.gsis.push(Index {
                name: index.to_string(),
                key: KeySchema::of(d, Some(index))?,
                projection: Projection::from_sdk(gsi.projection()),
            });
            if let (Some(table), Some(own)) = (capacity, capacity_of(gsi.provisioned_throughput()))
            {
                if own != table {
                    definition.gsi_capacity.push((index.to_string(), own));
                }
            }
        }
        for lsi in d.local_secondary_indexes() {
            let Some(index) = lsi.index_name() else {
                continue;
            };
            definition.lsis.push(Index {
                name: index.to_string(),
                key: KeySchema::of(d, Some(index))?,
                projection: Projection::from_sdk(lsi.projection()),
            });
        }
        // Targets list indexes in different orders; the definition's is by name, so two tables
        // with the same indexes print the same line.
        definition.gsis.sort_by(|a, b| a.name.cmp(&b.name));
        definition.gsi_capacity.sort_by(|a, b| a.0.cmp(&b.0));
        definition.lsis.sort_by(|a, b| a.name.cmp(&b.name));
        definition.stream = d
            .stream_specification()
            .filter(|s| s.stream_enabled())
            .and_then(|s| s.stream_view_type())
            .and_then(StreamView::from_sdk);
        definition.ttl = ttl;
        definition.tags = tags;
        definition.deletion_protection = d.deletion_protection_enabled().unwrap_or(false);
        definition.class = match d.table_class_summary().and_then(|c| c.table_class()) {
            Some(SdkTableClass::StandardInfrequentAccess) => TableClass::InfrequentAccess,
            _ => TableClass::Standard,
        };
        Ok(definition)
    }

    /// How `other` (an existing table) differs from this requested definition, a phrase each, in
    /// what `--if-not-exists` holds to: keys, billing mode, indexes with their keys and
    /// projections, and the stream. Capacity figures, TTL, tags, protection and class are left
    /// out: they change over a table's life without making it another table.
    pub fn differences(&self, other: &TableDefinition) -> Vec<String> {
        let mut found = Vec::new();
        if self.key.to_text() != other.key.to_text() {
            found.push(format!(
                "its key is {}, not {}",
                other.key.to_text(),
                self.key.to_text()
            ));
        }
        let billing = |d: &TableDefinition| {
            if d.capacity.is_some() {
                "provisioned"
            } else {
                "on-demand"
            }
        };
        if billing(self) != billing(other) {
            found.push(format!("it is {}, not {}", billing(other), billing(self)));
        }
        for (kind, wanted, existing) in [
            ("global", &self.gsis, &other.gsis),
            ("local", &self.lsis, &other.lsis),
        ] {
            for index in wanted {
                match existing.iter().find(|i| i.name == index.name) {
                    None => found.push(format!("it has no {kind} index {}", index.name)),
                    Some(i) if i.key.to_text() != index.key.to_text() => found.push(format!(
                        "its index {} is keyed {}, not {}",
                        index.name,
                        i.key.to_text(),
                        index.key.to_text()
                    )),
                    Some(i) if !same_projection(&i.projection, &index.projection) => {
                        found.push(format!(
                            "its index {} projects {}, not {}",
                            index.name, i.projection, index.projection
                        ))
                    }
                    Some(_) => {}
                }
            }
            for index in existing {
                if !wanted.iter().any(|i| i.name == index.name) {
                    found.push(format!("it has a {kind} index {} too", index.name));
                }
            }
        }
        if self.stream != other.stream {
            let text = |s: Option<StreamView>| s.map_or("off", StreamView::flag);
            found.push(format!(
                "its stream is {}, not {}",
                text(other.stream),
                text(self.stream)
            ));
        }
        found
    }

    /// The `ddb create-table` arguments that recreate this definition, after the program name;
    /// an error names what the flags cannot carry (an index attribute with `:` or `,` in its
    /// name, a tag key with `=`), rather than printing a line that makes another table.
    pub fn to_args(&self) -> Result<Vec<String>, String> {
        let attr = |a: &KeyAttribute| format!("{}:{}", a.name, a.kind);
        let unsayable = |what: &str, name: &str, chars: &[char]| {
            Err(format!(
                "table {} cannot be written as a create-table line: {what} {name:?} holds {}",
                self.name,
                chars
                    .iter()
                    .filter(|c| name.contains(**c))
                    .map(|c| format!("'{c}'"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ))
        };
        // An LSI's spec leaves out its partition key (the table's, given by --pk).
        let specs = self
            .gsis
            .iter()
            .map(|i| (i, true))
            .chain(self.lsis.iter().map(|i| (i, false)));
        for (index, global) in specs {
            let names = global
                .then_some(&index.key.partition.name)
                .into_iter()
                .chain(index.key.sort.iter().map(|s| &s.name))
                .chain(index.projection.included());
            for name in names {
                if name.contains([':', ',']) {
                    return unsayable(
                        &format!("index {}'s attribute", index.name),
                        name,
                        &[':', ','],
                    );
                }
            }
        }
        if let Some((key, _)) = self.tags.iter().find(|(k, _)| k.contains('=')) {
            return unsayable("the tag key", key, &['=']);
        }
        let mut args = vec!["create-table".to_string()];
        // A value that starts with '-' is joined to its flag, so it is not taken for one.
        let mut option = |flag: &str, value: String| {
            if value.starts_with('-') {
                args.push(format!("{flag}={value}"));
            } else {
                args.extend([flag.to_string(), value]);
            }
        };
        option("--pk", attr(&self.key.partition));
        if let Some(sort) = &self.key.sort {
            option("--sk", attr(sort));
        }
        if let Some(c) = self.capacity {
            option("--rcu", c.read.to_string());
            option("--wcu", c.write.to_string());
        }
        for index in &self.gsis {
            let mut spec = format!("{}:{}", index.name, attr(&index.key.partition));
            if let Some(sort) = &index.key.sort {
                spec.push_str(&format!(":{}", attr(sort)));
            }
            if index.projection != Projection::All {
                spec.push_str(&format!(":{}", index.projection));
            }
            option("--gsi", spec);
        }
        for (name, c) in &self.gsi_capacity {
            option("--gsi-capacity", format!("{name}={},{}", c.read, c.write));
        }
        for index in &self.lsis {
            let sort = index.key.sort.as_ref().unwrap_or(&index.key.partition);
            let mut spec = format!("{}:{}", index.name, attr(sort));
            if index.projection != Projection::All {
                spec.push_str(&format!(":{}", index.projection));
            }
            option("--lsi", spec);
        }
        if let Some(view) = self.stream {
            option("--stream", view.flag().into());
        }
        if let Some(ttl) = &self.ttl {
            option("--ttl", ttl.clone());
        }
        for (key, value) in &self.tags {
            option("--tag", format!("{key}={value}"));
        }
        if self.class == TableClass::InfrequentAccess {
            option("--table-class", "infrequent-access".into());
        }
        if self.deletion_protection {
            args.push("--deletion-protection".into());
        }
        // The table name second, as people write it; after `--` when it looks like a flag.
        if self.name.starts_with('-') {
            args.extend(["--".to_string(), self.name.clone()]);
        } else {
            args.insert(1, self.name.clone());
        }
        Ok(args)
    }

    /// One shell line: `ddb create-table ...`, each argument quoted where the shell needs it.
    pub fn to_command(&self) -> Result<String, String> {
        let args = self.to_args()?;
        shlex::try_join(std::iter::once("ddb").chain(args.iter().map(String::as_str)))
            .map_err(|_| format!("table {} has a name no shell line can hold", self.name))
    }
}

/// Included attributes compare as a set: DynamoDB does not keep their order.
fn same_projection(a: &Projection, b: &Projection) -> bool {
    match (a, b) {
        (Projection::Include(x), Projection::Include(y)) => {
            let mut x = x.clone();
            let mut y = y.clone();
            x.sort();
            y.sort();
            x == y
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::types::ScalarAttributeType as T;

    fn key(p: (&str, T), s: Option<(&str, T)>) -> KeySchema {
        let attr = |(name, kind): (&str, T)| KeyAttribute {
            name: name.into(),
            kind,
        };
        KeySchema {
            partition: attr(p),
            sort: s.map(attr),
        }
    }

    #[test]
    fn lsis_take_the_table_partition_key() {
        let def = TableDefinition::new("T", key(("pk", T::S), Some(("sk", T::N))))
            .with_lsis(vec![parse_lsi("ByRating:rating:N:keys").unwrap()]);
        assert_eq!(
            def.lsis[0].key.to_text(),
            "pk S (partition), rating N (sort)"
        );
    }

    #[test]
    fn an_attribute_with_two_types_is_named() {
        let mut def = TableDefinition::new("T", key(("pk", T::S), None));
        def.gsis.push(parse_gsi("G:pk:N").unwrap());
        assert!(def.key_attributes().unwrap_err().contains("pk"));
    }

    #[test]
    fn the_command_line_parses_back_to_the_definition() {
        use clap::Parser;
        let parsed = |def: &TableDefinition| {
            let line = def.to_command().unwrap();
            let words = shlex::split(&line).unwrap();
            match crate::cli::Cli::try_parse_from(&words).map(|cli| cli.command) {
                Ok(crate::cli::Command::CreateTable(args)) => args.definition().unwrap(),
                other => panic!("{line}: {other:?}"),
            }
        };
        let mut def = TableDefinition::new("-My Table", key(("p:k", T::S), Some(("-sk", T::N))))
            .with_lsis(vec![parse_lsi("ByRating:rating:N:include=a,b").unwrap()]);
        def.capacity = Some(Capacity { read: 5, write: 6 });
        def.gsis.push(parse_gsi("ByGenre:genre:S:keys").unwrap());
        def.gsi_capacity
            .push(("ByGenre".into(), Capacity { read: 1, write: 2 }));
        def.stream = Some(StreamView::NewAndOld);
        def.ttl = Some("-expires at".into());
        def.tags.push(("team".into(), "it's = ours".into()));
        def.deletion_protection = true;
        def.class = TableClass::InfrequentAccess;
        assert_eq!(parsed(&def), def);
        let plain = TableDefinition::new("Plain", key(("id", T::B), None));
        assert_eq!(parsed(&plain), plain);
        assert!(plain
            .to_command()
            .unwrap()
            .starts_with("ddb create-table Plain --pk id:B"));
        // What the flags cannot carry is refused, not printed as another table.
        let mut colon = plain.clone();
        colon.gsis.push(Index {
            name: "G".into(),
            key: key(("a:S:b", T::N), None),
            projection: Projection::All,
        });
        assert!(colon.to_args().unwrap_err().contains("\"a:S:b\""));
        let mut comma = plain.clone();
        comma.gsis.push(Index {
            name: "G".into(),
            key: key(("g", T::S), None),
            projection: Projection::Include(vec!["a,b".into()]),
        });
        assert!(comma.to_args().is_err());
        let mut tag = plain.clone();
        tag.tags.push(("k=v".into(), "w".into()));
        assert!(tag.to_args().unwrap_err().contains("tag key"));
    }

    #[test]
    fn differences_name_what_differs() {
        let base = TableDefinition::new("T", key(("pk", T::S), None));
        let mut other = base.clone();
        assert!(base.differences(&other).is_empty());
        other.gsis.push(parse_gsi("G:g:S:keys").unwrap());
        other.capacity = Some(Capacity { read: 1, write: 1 });
        let found = base.differences(&other);
        assert_eq!(found.len(), 2, "{found:?}");
        let mut wanted = base.clone();
        wanted.gsis.push(parse_gsi("G:g:S").unwrap());
        wanted.capacity = Some(Capacity { read: 9, write: 9 });
        let found = wanted.differences(&other);
        assert_eq!(
            found,
            vec!["its index G projects keys, not all".to_string()]
        );
    }
}
