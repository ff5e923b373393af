//! SDK errors as one line that says what failed, where (endpoint, table, the expression with a
//! caret under the bad part when the server names a position) and what to do.

use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};

use crate::error::Diagnostic;

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
