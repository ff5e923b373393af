//! The connected SDK client, the table key schema, and SDK errors turned into one-line
//! messages that say what failed, where, and what to do.

use std::time::Duration;

use anyhow::{Context, Result};
use aws_config::BehaviorVersion;
use aws_sdk_dynamodb::config::{Credentials, Region};
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::operation::list_tables::ListTablesError;
use aws_sdk_dynamodb::types::TableDescription;
use aws_sdk_dynamodb::Client;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_types::retry::RetryConfig;
use aws_smithy_types::timeout::TimeoutConfig;

use crate::engine::Engine;
use crate::error::Diagnostic;
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
                let (client, streams) = match direct {
                    Some(creds) => {
                        endpoint_client(&url, region.as_deref().unwrap_or(LOCAL_REGION), creds)
                    }
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
                        if url.starts_with("http://") {
                            config = config.http_client(plain_http_client());
                            streams = streams.http_client(plain_http_client());
                        }
                        (Client::from_conf(config.build()), streams.build())
                    }
                };
                Ok(Db {
                    client,
                    schemas: SchemaCache::new(&url, env.profile.as_deref()),
                    streams,
                    endpoint: url,
                    engine: None,
                    notice: None,
                })
            }
            Target::Embedded { store, by_default } => {
                let notice = by_default.then(|| Notice {
                    data: store.describe(),
                    created: matches!(&store, Store::Dir(dir) if !Store::database_file(dir).exists()),
                });
                let engine = Engine::start(&store).await?;
                let (client, streams) =
                    endpoint_client(engine.url(), LOCAL_REGION, placeholder_credentials());
                Ok(Db {
                    client,
                    streams,
                    notice,
                    endpoint: format!("the embedded engine ({})", store.describe()),
                    engine: Some(engine),
                    schemas: SchemaCache::disabled(),
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
                Ok(Db {
                    client: Client::new(&config),
                    streams: aws_sdk_dynamodbstreams::Config::from(&config),
                    schemas: SchemaCache::new(&endpoint, env.profile.as_deref()),
                    endpoint,
                    engine: None,
                    notice: None,
                })
            }
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
        match &self.engine {
            Some(engine) => match engine.table_metadata(table)? {
                Some(meta) => Schema::from_engine(&meta),
                None => Err(anyhow::Error::new(service_error(
                    "ResourceNotFoundException",
                    "",
                    &self.at(table),
                ))),
            },
            None => {
                let schema = Schema::from_description(&self.describe(table).await?)?;
                self.schemas.put(&schema);
                Ok(schema)
            }
        }
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

/// The default HTTPS client loads and parses every system root certificate when it is built; a
/// plain-HTTP endpoint never needs them, and a short command pays for them.
fn plain_http_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    aws_smithy_http_client::Builder::new().build_http()
}

/// A client for an endpoint URL with the given region and credentials, and the DynamoDB Streams
/// configuration for the same.
fn endpoint_client(
    url: &str,
    region: &str,
    credentials: Credentials,
) -> (Client, aws_sdk_dynamodbstreams::Config) {
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(2))
        .build();
    let mut config = aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .credentials_provider(credentials.clone())
        .endpoint_url(url)
        .retry_config(retry_config())
        .timeout_config(timeouts.clone());
    let mut streams = aws_sdk_dynamodbstreams::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .credentials_provider(credentials)
        .endpoint_url(url)
        .retry_config(retry_config())
        .timeout_config(timeouts);
    if url.starts_with("http://") {
        let http = plain_http_client();
        config = config.http_client(http.clone());
        streams = streams.http_client(http);
    }
    (Client::from_conf(config.build()), streams.build())
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

/// What an error message can point at: the endpoint, the table, and the expressions sent,
/// as (flag, text) pairs.
#[derive(Debug, Clone)]
pub struct ErrorContext {
    pub endpoint: String,
    pub table: Option<String>,
    pub expressions: Vec<(&'static str, String)>,
}

impl ErrorContext {
    /// Adds an expression the request carried, under the flag the user wrote it with.
    pub fn expression(mut self, flag: &'static str, text: Option<&str>) -> Self {
        if let Some(text) = text {
            self.expressions.push((flag, text.to_string()));
        }
        self
    }
}

/// An SDK error as one line, with a caret under the bad part of an expression where the server
/// named it, and a hint.
pub fn api_error<E, R>(err: SdkError<E, R>, ctx: &ErrorContext) -> anyhow::Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    let diagnostic = match &err {
        SdkError::DispatchFailure(failure) => {
            let cause = root_cause(&err);
            let what = if failure.is_timeout() {
                "timed out connecting to"
            } else {
                "cannot reach"
            };
            Diagnostic::new(format!("{what} {}: {cause}", ctx.endpoint))
                .with_hint("check --endpoint-url and that the server is running (for DynamoDB Local: scripts/dynamodb-local.sh start)")
        }
        SdkError::TimeoutError(_) => {
            Diagnostic::new(format!("timed out waiting for {}", ctx.endpoint))
        }
        SdkError::ServiceError(service) => {
            let code = service.err().code().unwrap_or("UnknownError");
            let message = service.err().message().unwrap_or("").to_string();
            service_error(code, &message, ctx)
        }
        _ => Diagnostic::new(format!(
            "request to {} failed: {}",
            ctx.endpoint,
            root_cause(&err)
        )),
    };
    anyhow::Error::new(diagnostic)
}

fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause: &dyn std::error::Error = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

/// A service error as a diagnostic that keeps the code; public for the tests of the wording
/// DynamoDB uses.
pub fn service_error(code: &str, message: &str, ctx: &ErrorContext) -> Diagnostic {
    Diagnostic {
        code: Some(code.into()),
        ..service_diagnostic(code, message, ctx)
    }
}

fn service_diagnostic(code: &str, message: &str, ctx: &ErrorContext) -> Diagnostic {
    let table = ctx.table.as_deref().unwrap_or("?");
    match code {
        "ResourceNotFoundException" => {
            Diagnostic::new(format!("table {table} does not exist at {}", ctx.endpoint))
                .with_hint("`ddb list-tables` lists the tables there")
        }
        "ValidationException" => validation_error(message, ctx),
        "UnrecognizedClientException"
        | "InvalidSignatureException"
        | "ExpiredTokenException"
        | "MissingAuthenticationTokenException" => {
            Diagnostic::new(format!("{code} from {}: {message}", ctx.endpoint)).with_hint(
                "check the credentials (--profile, AWS_PROFILE, AWS_ACCESS_KEY_ID) and the region",
            )
        }
        "AccessDeniedException" => {
            Diagnostic::new(format!("access denied at {}: {message}", ctx.endpoint))
        }
        _ => Diagnostic::new(format!("{code} at {}: {message}", ctx.endpoint)),
    }
}

fn validation_error(message: &str, ctx: &ErrorContext) -> Diagnostic {
    // "Invalid FilterExpression: <detail>" names which expression was wrong.
    let expression = message.strip_prefix("Invalid ").and_then(|rest| {
        let (kind, _) = rest.split_once(':')?;
        let flag = match kind {
            "KeyConditionExpression" => "--key-condition",
            "FilterExpression" => "--filter",
            "ConditionExpression" => "--condition",
            "ProjectionExpression" => "--projection",
            _ => return None,
        };
        ctx.expressions
            .iter()
            .find(|(f, _)| *f == flag || (flag == "--key-condition" && *f == "--pk"))
    });
    let mut diagnostic = Diagnostic::new(message.to_string());
    let search_in: Vec<&(&'static str, String)> = match expression {
        Some(e) => vec![e],
        None => ctx.expressions.iter().collect(),
    };
    if let Some(word) = after(message, "reserved keyword: ") {
        let word = word.trim();
        diagnostic = locate(diagnostic, &search_in, |text| find_word(text, word));
        let alias = word.to_lowercase();
        return diagnostic.with_hint(format!(
            "{word:?} is a reserved word; use --names '#{alias}={word}' and write #{alias} in the expression"
        ));
    }
    if let Some(near) = after(message, "near: ") {
        let token = after(message, "token: ")
            .and_then(|t| t.split(", near").next())
            .map(unquote);
        let near = unquote(near);
        diagnostic = locate(diagnostic, &search_in, |text| {
            let start = text.find(near)?;
            // `near` begins with the token before the bad one, so look past its first character.
            let within = token.and_then(|t| {
                near.get(1..)
                    .and_then(|rest| rest.find(t))
                    .map(|i| i + 1)
                    .or_else(|| near.find(t))
            });
            Some(start + within.unwrap_or(0))
        });
        return diagnostic;
    }
    if let Some(value) = after(message, "attribute value: ") {
        let value = value.trim().to_string();
        diagnostic = locate(diagnostic, &search_in, |text| find_word(text, &value));
        return diagnostic.with_hint(format!("give its value with --values '{value}=...'"));
    }
    if let Some(name) = after(message, "attribute name: ") {
        let name = name.trim().to_string();
        diagnostic = locate(diagnostic, &search_in, |text| find_word(text, &name));
        return diagnostic.with_hint(format!(
            "give the attribute it stands for with --names '{name}=attribute'"
        ));
    }
    if message.contains("unused in expressions") {
        let which = if message.contains("ExpressionAttributeValues") {
            "--values"
        } else {
            "--names"
        };
        return diagnostic.with_hint(format!(
            "remove it from {which}, or use it in an expression"
        ));
    }
    if message.contains("key element does not match the schema")
        || message.contains("Missing the key")
        || message.contains("Type mismatch for key")
        || message.contains("required keys was not given a value")
        || message.contains("number of conditions on the keys is invalid")
    {
        return diagnostic.with_hint(format!(
            "`ddb describe-table {}` shows the table's key attributes and their types",
            ctx.table.as_deref().unwrap_or("TABLE")
        ));
    }
    diagnostic
}

/// Adds an excerpt at the first expression where `find` gives a byte offset.
fn locate(
    diagnostic: Diagnostic,
    expressions: &[&(&'static str, String)],
    find: impl Fn(&str) -> Option<usize>,
) -> Diagnostic {
    for (flag, text) in expressions {
        if let Some(at) = find(text) {
            let column = text[..at].chars().count();
            return diagnostic.with_excerpt(*flag, text.clone(), column);
        }
    }
    diagnostic
}

fn after<'m>(message: &'m str, marker: &str) -> Option<&'m str> {
    message.find(marker).map(|at| &message[at + marker.len()..])
}

fn unquote(text: &str) -> &str {
    let text = text.trim();
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
}

/// The byte offset of `word` in `text` as a whole word, ignoring ASCII case.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let word = word.to_ascii_lowercase();
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '#' || c == ':';
    let mut from = 0;
    while let Some(found) = lower[from..].find(&word) {
        let start = from + found;
        let end = start + word.len();
        let before_ok = lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word(c));
        let after_ok = lower[end..].chars().next().is_none_or(|c| !is_word(c));
        if before_ok && after_ok {
            return Some(start);
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(flag: &'static str, text: &str) -> ErrorContext {
        ErrorContext {
            endpoint: "http://localhost:8000".into(),
            table: Some("Movies".into()),
            expressions: vec![(flag, text.into())],
        }
    }

    #[test]
    fn a_reserved_word_gets_a_caret_and_the_alias_to_use() {
        let d = service_error(
            "ValidationException",
            "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: year",
            &ctx("--filter", "rating > :r AND year = :y"),
        );
        let ex = d.excerpt.clone().unwrap();
        assert_eq!((ex.label.as_str(), ex.column), ("--filter", 16));
        assert_eq!(d.hint.as_deref(), Some("\"year\" is a reserved word; use --names '#year=year' and write #year in the expression"));
    }

    #[test]
    fn a_service_error_keeps_its_code_through_context() {
        let d = service_error("ValidationException", "bad key", &ctx("--pk", "1"));
        assert_eq!(d.code.as_deref(), Some("ValidationException"));
        let err = anyhow::Error::new(d).context("query Movies");
        let kept = err
            .downcast_ref::<Diagnostic>()
            .and_then(|d| d.code.as_deref());
        assert_eq!(kept, Some("ValidationException"));
        assert_eq!(Diagnostic::new("local").code, None);
    }

    #[test]
    fn a_syntax_error_points_at_the_token() {
        let d = service_error(
            "ValidationException",
            r#"Invalid ConditionExpression: Syntax error; token: "<", near: "<= <""#,
            &ctx("--condition", "info.rating <= < :val"),
        );
        assert_eq!(d.excerpt.unwrap().column, 15);
    }

    #[test]
    fn an_undefined_value_is_located_and_explained() {
        let d = service_error(
            "ValidationException",
            "Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute value: :hi",
            &ctx("--filter", "a BETWEEN :lo AND :hi"),
        );
        assert_eq!(d.excerpt.unwrap().column, 18);
        assert_eq!(
            d.hint.as_deref(),
            Some("give its value with --values ':hi=...'")
        );
    }

    #[test]
    fn a_missing_table_names_table_and_endpoint() {
        let d = service_error(
            "ResourceNotFoundException",
            "Requested resource not found",
            &ctx("--filter", ""),
        );
        assert_eq!(
            d.message,
            "table Movies does not exist at http://localhost:8000"
        );
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(find_word("yearly = :year AND year > 1", "year"), Some(19));
        assert_eq!(find_word("#yr = :yr", ":yr"), Some(6));
    }
}
