//! The SDK's HTTP client for the embedded engine of one command: each request is handed to the
//! [front](super::front) in this process instead of over a loopback connection, so it meets the
//! same policies as a request to `ddb local` without the connection, the HTTP encoding and the
//! thread wake-ups of one more hop. The front still reaches the engine over its own server.

use std::sync::Arc;

use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient,
    SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use bytes::Bytes;
use hyper::header::HeaderValue;

use super::front::Front;

/// The client (and its only connector) that answers from `front`.
pub fn client(front: Arc<Front>) -> SharedHttpClient {
    SharedHttpClient::new(InProcess(front))
}

#[derive(Clone)]
struct InProcess(Arc<Front>);

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
        let request = match request.try_into_http1x() {
            Ok(request) => request,
            Err(e) => return HttpConnectorFuture::ready(Err(ConnectorError::user(e.into()))),
        };
        let (mut parts, body) = request.into_parts();
        // Requests from this process are not signed: the engine never verifies a signature, but
        // its server wants the header of one.
        parts.headers.insert(
            "authorization",
            HeaderValue::from_static(
                "AWS4-HMAC-SHA256 Credential=ddblocal/20000101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
            ),
        );
        parts
            .headers
            .insert("x-amz-date", HeaderValue::from_static("20000101T000000Z"));
        // Every DynamoDB request body is built in memory; a streaming one would be a new SDK
        // behaviour, said rather than sent half.
        let Some(body) = body.bytes().map(Bytes::copy_from_slice) else {
            return HttpConnectorFuture::ready(Err(ConnectorError::user(
                "the embedded engine takes only request bodies held in memory".into(),
            )));
        };
        let front = self.0.clone();
        HttpConnectorFuture::new(async move {
            let response = front.answer(parts, body).await.map(SdkBody::from);
            HttpResponse::try_from(response).map_err(|e| ConnectorError::other(e.into(), None))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::target::Store;

    fn request(body: SdkBody) -> HttpRequest {
        let request = hyper::Request::builder()
            .method("POST")
            .uri("http://embedded.invalid/")
            .header("content-type", "application/x-amz-json-1.0")
            .header("x-amz-target", "DynamoDB_20120810.ListTables")
            .body(body)
            .unwrap();
        HttpRequest::try_from(request).unwrap()
    }

    async fn call(engine: &Engine, body: SdkBody) -> Result<HttpResponse, ConnectorError> {
        InProcess(engine.front.clone()).call(request(body)).await
    }

    #[tokio::test]
    async fn requests_are_answered_by_the_engine_through_the_front() {
        let engine = Engine::start(&Store::Memory).await.unwrap();
        let answer = call(&engine, SdkBody::from("{}")).await.unwrap();
        assert_eq!(answer.status().as_u16(), 200);
        assert_eq!(answer.body().bytes(), Some(&br#"{"TableNames":[]}"#[..]));

        let over = SdkBody::from(vec![b' '; 16 * 1024 * 1024 + 1]);
        let answer = call(&engine, over).await.unwrap();
        assert_eq!(answer.status().as_u16(), 413, "the front's limit holds");

        let streamed = call(&engine, SdkBody::taken()).await.unwrap_err();
        assert!(streamed.is_user(), "{streamed:?}");
        engine.stop().await.unwrap();
    }
}
