//! The connected SDK client (and its DynamoDB Streams twin) for the resolved target, and the
//! table key schema. SDK errors become one-line messages in [`errors`].

mod errors;
mod explain;

pub use errors::{api_error, service_error, ErrorContext};
pub use explain::Explain;

use std::time::Duration;

use anyhow::{Context, Result};
use aws_config::BehaviorVersion;
use aws_sdk_dynamodb::config::{Credentials, Region};
use aws_sdk_dynamodb::error::SdkError;
use aws_sdk_dynamodb::operation::list_tables::ListTablesError;
use aws_sdk_dynamodb::types::TableDescription;
use aws_sdk_dynamodb::Client;
use aws_smithy_runtime_api::client::http::SharedHttpClient;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_types::retry::RetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;

use crate::engine::Engine;
use crate::schema::Schema;
use crate::schema_cache::SchemaCache;
use crate::target::{self, Environment, Store, Target, TargetOptions};

/// Region used where none is configured and none matters (loopback endpoints, the engine).
const LOCAL_REGION: &str = "us-east-1";

/// A client connected to the resolved target, and the engine when it is the embedded one.
pub struct Db {
    pub client: Client,
    /// Where requests go, for messages: a URL, "the embedded engine (…)" or "AWS DynamoDB in …".
    pub endpoint: String,
    /// What the user should hear about the target before anything else, if anything: set when the
    /// embedded engine was chosen because nothing else is configured (see [`Notice`]).
    pub notice: Option<Notice>,
    /// Whether requests are printed instead of sent (`--explain`).
    pub explain: Explain,
    /// The access key id, where ddb chose the credentials itself (the environment's, or the
    /// placeholder for local endpoints); None where the SDK's chain resolves them later.
    pub access_key: Option<String>,
    /// The same target, region and credentials for DynamoDB Streams.
    streams: aws_sdk_dynamodbstreams::Config,
    engine: Option<Engine>,
    schemas: SchemaCache,
}

/// The embedded engine was chosen because no other target is configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The database file, or memory.
    pub data: String,
    /// Its database was created by this command: the first time this data directory is used.
    pub created: bool,
}

impl Db {
    /// Whether the target is a read-only copy of an embedded data directory ddb cannot write.
    pub fn read_only_copy(&self) -> bool {
        self.engine.as_ref().is_some_and(Engine::read_only)
    }

    /// Resolves the target from the options and connects to it.
    pub async fn connect(options: &TargetOptions) -> Result<Db> {
        let env = Environment::read(options).await;
        let target = target::resolve(options, &env)?;
        match target {
            Target::Endpoint { url } => {
                let region = options.region.clone().or(env.region.clone());
                let loopback = target::is_loopback(&url);
                // The SDK's full chain (profiles, SSO, metadata service) only where it is needed:
                // credentials in the environment, or none on this machine, are used directly.
                let direct = match (&env.profile, env_credentials()) {
                    (Some(_), _) => None,
                    (None, Some(creds)) if loopback || region.is_some() => Some(creds),
                    (None, None) if loopback => Some(placeholder_credentials()),
                    (None, _) => None,
                };
                let access_key = direct.as_ref().map(|c| c.access_key_id().to_string());
                let (client, streams) = match direct {
                    Some(creds) => endpoint_client(
                        &url,
                        region.as_deref().unwrap_or(LOCAL_REGION),
                        creds,
                        http_client_for(&url),
                    ),
                    None => {
                        let mut loader = aws_config::defaults(BehaviorVersion::latest())
                            .endpoint_url(&url)
                            .retry_config(retry_config());
                        if let Some(p) = &options.profile {
                            loader = loader.profile_name(p);
                        }
                        if let Some(r) = region {
                            loader = loader.region(Region::new(r));
                        }
                        let shared = loader.load().await;
                        let mut config = aws_sdk_dynamodb::config::Builder::from(&shared);
                        let mut streams = aws_sdk_dynamodbstreams::config::Builder::from(&shared);
                        if let Some(http) = http_client_for(&url) {
                            config = config.http_client(http.clone());
                            streams = streams.http_client(http);
                        }
                        (Client::from_conf(config.build()), streams.build())
                    }
                };
                let schemas = SchemaCache::new(&url, env.profile.as_deref());
                Ok(Db {
                    access_key,
                    ..Db::new(client, streams, url, schemas)
                })
            }
            Target::Embedded { store, by_default } => {
                let notice = by_default.then(|| Notice {
                    data: store.describe(),
                    created: matches!(&store, Store::Dir(dir) if !Store::database_file(dir).exists()),
                });
                let engine = Engine::start(&store).await?;
                let (client, streams) = embedded_client(&engine);
                let endpoint = format!("the embedded engine ({})", store.describe());
                Ok(Db {
                    notice,
                    engine: Some(engine),
                    ..Db::new(client, streams, endpoint, SchemaCache::disabled())
                })
            }
            Target::Aws => {
                let mut loader =
                    aws_config::defaults(BehaviorVersion::latest()).retry_config(retry_config());
                if let Some(p) = &options.profile {
                    loader = loader.profile_name(p);
                }
                if let Some(r) = &options.region {
                    loader = loader.region(Region::new(r.clone()));
                }
                let config = loader.load().await;
                let region = config
                    .region()
                    .map_or_else(|| "?".to_string(), |r| r.to_string());
                let endpoint = format!("AWS DynamoDB in {region}");
                let schemas = SchemaCache::new(&endpoint, env.profile.as_deref());
                Ok(Db::new(
                    Client::new(&config),
                    aws_sdk_dynamodbstreams::Config::from(&config),
                    endpoint,
                    schemas,
                ))
            }
        }
    }

    /// Every client of the connection carries the `--explain` interceptor, off until a command
    /// turns it on.
    fn new(
        client: Client,
        streams: aws_sdk_dynamodbstreams::Config,
        endpoint: String,
        schemas: SchemaCache,
    ) -> Db {
        let explain = Explain::default();
        let client = Client::from_conf(
            client
                .config()
                .to_builder()
                .interceptor(explain::Interceptor(explain.clone()))
                .build(),
        );
        let streams = streams
            .to_builder()
            .interceptor(explain::Interceptor(explain.clone()))
            .build();
        Db {
            client,
            endpoint,
            notice: None,
            explain,
            access_key: None,
            streams,
            engine: None,
            schemas,
        }
    }

    /// A DynamoDB Streams client for the same target, region and credentials: DynamoDB Local
    /// and the embedded engine serve streams on their one endpoint, AWS on its own.
    pub fn streams(&self) -> aws_sdk_dynamodbstreams::Client {
        aws_sdk_dynamodbstreams::Client::from_conf(self.streams.clone())
    }

    /// Releases the embedded engine, if any, after its last request.
    pub async fn close(self) -> Result<()> {
        match self.engine {
            Some(engine) => engine.stop().await,
            None => Ok(()),
        }
    }

    /// The table's description, with a not-found error naming the table and the endpoint.
    pub async fn describe(&self, table: &str) -> Result<TableDescription> {
        let out = self
            .client
            .describe_table()
            .table_name(table)
            .send()
            .await
            .map_err(|e| {
                let missing = e
                    .as_service_error()
                    .is_some_and(|s| s.is_resource_not_found_exception());
                let err = api_error(e, &self.at(table));
                if missing {
                    err
                } else {
                    err.context(format!("describe table {table}"))
                }
            })?;
        out.table.context("DescribeTable returned no table")
    }

    /// The key schema of a table and its indexes. On the embedded engine it comes from the
    /// engine's table definition (DescribeTable there reads every item to count them); elsewhere
    /// from DescribeTable, and is remembered for [`remembered_schema`](Self::remembered_schema).
    pub async fn schema(&self, table: &str) -> Result<Schema> {
        Ok(self.schema_and_description(table).await?.0)
    }

    /// [`schema`](Self::schema), and the description it was read from where that took a
    /// DescribeTable (not on the embedded engine): for a command that may need both, one request
    /// instead of two.
    pub async fn schema_and_description(
        &self,
        table: &str,
    ) -> Result<(Schema, Option<TableDescription>)> {
        if let Some(engine) = &self.engine {
            return match engine.table_metadata(table)? {
                Some(meta) => Ok((Schema::from_engine(&meta)?, None)),
                None => Err(anyhow::Error::new(service_error(
                    "ResourceNotFoundException",
                    "",
                    &self.at(table),
                ))),
            };
        }
        let description = self.describe(table).await?;
        let schema = Schema::from_description(&description)?;
        self.schemas.put(&schema);
        Ok((schema, Some(description)))
    }

    /// The key schema a previous run learned for this endpoint, if any: a hint that saves a
    /// round trip, to be [forgotten](Self::forget_schema) when the server disagrees with it.
    pub fn remembered_schema(&self, table: &str) -> Option<Schema> {
        self.schemas.get(table)
    }

    pub fn forget_schema(&self, table: &str) {
        self.schemas.forget(table);
    }

    /// Error context for requests on `table`.
    pub fn at(&self, table: &str) -> ErrorContext {
        ErrorContext {
            endpoint: self.endpoint.clone(),
            table: Some(table.to_string()),
            expressions: Vec::new(),
        }
    }
}

/// Static credentials from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`.
fn env_credentials() -> Option<Credentials> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    Some(Credentials::new(
        var("AWS_ACCESS_KEY_ID")?,
        var("AWS_SECRET_ACCESS_KEY")?,
        var("AWS_SESSION_TOKEN"),
        None,
        "environment",
    ))
}

/// Fixed credentials for local endpoints, so DynamoDB Local keeps ddb's tables together and
/// nothing on the machine needs AWS set-up.
fn placeholder_credentials() -> Credentials {
    Credentials::new("ddblocal", "ddblocal", None, None, "ddb")
}

/// A plain-HTTP client for a plain-HTTP endpoint, else None (the SDK's default). The default
/// HTTPS client loads and parses every system root certificate when it is built; a plain-HTTP
/// endpoint never needs them, and a short command pays for them.
fn http_client_for(url: &str) -> Option<SharedHttpClient> {
    url.starts_with("http://")
        .then(|| aws_smithy_http_client::Builder::new().build_http())
}

/// A client for an endpoint URL with the given region, credentials and HTTP client (the SDK's
/// default where None), and the DynamoDB Streams configuration for the same.
fn endpoint_client(
    url: &str,
    region: &str,
    credentials: Credentials,
    http: Option<SharedHttpClient>,
) -> (Client, aws_sdk_dynamodbstreams::Config) {
    let (config, streams) = configs(url, region, http);
    (
        Client::from_conf(config.credentials_provider(credentials.clone()).build()),
        streams.credentials_provider(credentials).build(),
    )
}

/// A client for the embedded engine: its HTTP client hands each request to the engine in process,
/// so the address is never dialled, and requests go unsigned, since nothing there verifies a
/// signature (SigV4 was 5% of a shell script's CPU). Only this target is unsigned.
fn embedded_client(engine: &Engine) -> (Client, aws_sdk_dynamodbstreams::Config) {
    let (config, streams) = configs(
        "http://embedded.invalid",
        LOCAL_REGION,
        Some(engine.http_client()),
    );
    (
        Client::from_conf(config.allow_no_auth().build()),
        streams.allow_no_auth().build(),
    )
}

/// The DynamoDB and DynamoDB Streams configurations for an endpoint, without credentials.
fn configs(
    url: &str,
    region: &str,
    http: Option<SharedHttpClient>,
) -> (
    aws_sdk_dynamodb::config::Builder,
    aws_sdk_dynamodbstreams::config::Builder,
) {
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(2))
        .build();
    let mut config = aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .endpoint_url(url)
        .retry_config(retry_config())
        .timeout_config(timeouts.clone());
    let mut streams = aws_sdk_dynamodbstreams::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .endpoint_url(url)
        .retry_config(retry_config())
        .timeout_config(timeouts);
    if let Some(http) = http {
        config = config.http_client(http.clone());
        streams = streams.http_client(http);
    }
    (config, streams)
}

/// The SDK's standard retries, capped: an unreachable endpoint fails after three quick tries.
fn retry_config() -> RetryConfig {
    RetryConfig::standard()
        .with_max_attempts(3)
        .with_max_backoff(Duration::from_secs(2))
}

/// Every table name at the target, following ListTables' pages.
pub async fn all_table_names(
    client: &Client,
) -> Result<Vec<String>, SdkError<ListTablesError, HttpResponse>> {
    let mut names = Vec::new();
    let mut start = None;
    loop {
        let page = client
            .list_tables()
            .set_exclusive_start_table_name(start.take())
            .send()
            .await?;
        names.extend(page.table_names().iter().cloned());
        match page.last_evaluated_table_name() {
            Some(last) => start = Some(last.to_string()),
            None => return Ok(names),
        }
    }
}
