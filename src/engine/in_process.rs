//! The SDK's HTTP client for the embedded engine of one command: each request is handed to the
//! [front](super::front) in this process instead of over a loopback connection, so it meets the
//! same policies as a request to `ddb local` without the connection, the HTTP encoding and the
//! thread wake-ups of one more hop. The front still reaches the engine over its own server.
//!
//! There is no connection, so the SDK's connect timeout has nothing to apply to.

use std::sync::{Arc, Weak};

use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient,
    SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use bytes::Bytes;
use http_body_util::{BodyExt, Limited};
use hyper::header::HeaderValue;

use super::front::{too_large, Front, MAX_BODY};

/// The client (and its only connector) that answers from `front` while the engine runs. It holds
/// no reference that keeps the front, and the database, open after the engine stops.
pub fn client(front: &Arc<Front>) -> SharedHttpClient {
    SharedHttpClient::new(InProcess(Arc::downgrade(front)))
}

#[derive(Clone)]
struct InProcess(Weak<Front>);

impl std::fmt::Debug for InProcess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the embedded engine, in process")
    }
}

impl HttpClient for InProcess {
    fn http_connector(
        &self,
        _settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(self.clone())
    }
}

impl HttpConnector for InProcess {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let front = self.0.clone();
        HttpConnectorFuture::new(async move {
            let request = request
                .try_into_http1x()
                .map_err(|e| ConnectorError::user(e.into()))?;
            let (parts, body) = request.into_parts();
            // A body the SDK built in memory is taken as it is, not copied.
            let answer = match Limited::new(body, MAX_BODY).collect().await {
                Ok(body) => answer(&front, parts, body.to_bytes()).await?,
                Err(_) => too_large(),
            };
            HttpResponse::try_from(answer.map(SdkBody::from))
                .map_err(|e| ConnectorError::other(e.into(), None))
        })
    }
}

/// The front's answer to a request from this process.
async fn answer(
    front: &Weak<Front>,
    mut parts: hyper::http::request::Parts,
    body: Bytes,
) -> Result<hyper::Response<Bytes>, ConnectorError> {
    // Requests from this process are not signed: the engine never verifies a signature, but its
    // server wants the header of one.
    parts.headers.insert(
        "authorization",
        HeaderValue::from_static(
            "AWS4-HMAC-SHA256 Credential=ddblocal/20000101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
        ),
    );
    parts
        .headers
        .insert("x-amz-date", HeaderValue::from_static("20000101T000000Z"));
    let front = front
        .upgrade()
        .ok_or_else(|| ConnectorError::other("the embedded engine has stopped".into(), None))?;
    Ok(front.answer(parts, body).await)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::target::Store;

    fn request(body: SdkBody) -> HttpRequest {
        operation("ListTables", body)
    }

    fn operation(name: &str, body: SdkBody) -> HttpRequest {
        let request = hyper::Request::builder()
            .method("POST")
            .uri("http://embedded.invalid/")
            .header("content-type", "application/x-amz-json-1.0")
            .header("x-amz-target", format!("DynamoDB_20120810.{name}"))
            .body(body)
            .unwrap();
        HttpRequest::try_from(request).unwrap()
    }

    fn create(table: &str) -> HttpRequest {
        let body = serde_json::json!({
            "TableName": table,
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "BillingMode": "PAY_PER_REQUEST",
        });
        operation("CreateTable", SdkBody::from(body.to_string()))
    }

    #[tokio::test]
    async fn a_name_change_runs_to_its_end_when_its_caller_stops_waiting() {
        let engine = Engine::start(&Store::Memory).await.unwrap();
        let client = InProcess(Arc::downgrade(&engine.front));
        {
            // Polled once, then dropped, as Ctrl-C drops a command.
            let first = client.call(create("Users"));
            tokio::pin!(first);
            let once = tokio::time::timeout(std::time::Duration::ZERO, &mut first).await;
            assert!(once.is_err(), "the create was still under way");
        }
        let second = client.call(create("users")).await.unwrap();
        assert_eq!(second.status().as_u16(), 400, "{}", text(&second));
        assert!(text(&second).contains("beside Users"), "{}", text(&second));
        let tables = client.call(request(SdkBody::from("{}"))).await.unwrap();
        assert_eq!(text(&tables), r#"{"TableNames":["Users"]}"#);
        engine.stop().await.unwrap();
    }

    fn text(answer: &HttpResponse) -> &str {
        std::str::from_utf8(answer.body().bytes().unwrap()).unwrap()
    }

    #[tokio::test]
    async fn requests_pass_the_front_to_the_engine_until_it_stops() {
        let engine = Engine::start(&Store::Memory).await.unwrap();
        let client = InProcess(Arc::downgrade(&engine.front));

        let answer = client.call(request(SdkBody::from("{}"))).await.unwrap();
        assert_eq!(answer.status().as_u16(), 200);
        assert_eq!(text(&answer), r#"{"TableNames":[]}"#);

        // A body the SDK streams is read whole and answered the same.
        let chunks = futures_util::stream::iter(["{", "}"].map(|c| {
            Ok::<_, std::convert::Infallible>(hyper::body::Frame::data(bytes::Bytes::from(c)))
        }));
        let streamed = SdkBody::from_body_1_x(http_body_util::StreamBody::new(chunks));
        let answer = client.call(request(streamed)).await.unwrap();
        assert_eq!(text(&answer), r#"{"TableNames":[]}"#);

        // The front's own limit, before the engine's: its message says 16 MB.
        let over = SdkBody::from(vec![b' '; 16 * 1024 * 1024 + 1]);
        let answer = client.call(request(over)).await.unwrap();
        assert_eq!(answer.status().as_u16(), 413);
        assert!(text(&answer).contains("over 16 MB"), "{}", text(&answer));

        engine.stop().await.unwrap();
        let stopped = client.call(request(SdkBody::from("{}"))).await.unwrap_err();
        assert!(
            format!("{stopped:?}").contains("has stopped"),
            "{stopped:?}"
        );
    }
}
