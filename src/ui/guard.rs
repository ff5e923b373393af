//! Who may talk to `ddb ui`. A server on 127.0.0.1 is reachable from every page the user's
//! browser opens, so each request is checked before anything else:
//! - `Host` must name the address the server is on (a DNS-rebinding page's requests carry its
//!   own host name), unless remote access was asked for with a token;
//! - an `Origin` must be the server's own, and `Sec-Fetch-Site` (sent by browsers) must say
//!   same-origin (or none: typed in the address bar);
//! - every API request carries the per-launch secret in `X-Ddb-Secret`: a page on another
//!   origin cannot read it (it travels in the URL's fragment, which is never sent) and cannot
//!   set that header without a CORS preflight, which this server never grants.

use hyper::header::HeaderMap;

/// The header the page sends the secret in.
pub const SECRET_HEADER: &str = "x-ddb-secret";

#[derive(Debug, Clone)]
pub struct Guard {
    /// `host:port` values the Host header may hold; empty: any (remote access with a token).
    pub hosts: Vec<String>,
    pub secret: String,
}

/// Why a request was refused: the status and a message for the response body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub u16, pub &'static str);

impl Guard {
    /// Checks a request for a page or an asset: the host only.
    pub fn page(&self, headers: &HeaderMap) -> Result<(), Refused> {
        let host = header(headers, "host").unwrap_or("");
        if self.hosts.is_empty() || self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            Ok(())
        } else {
            Err(Refused(
                421,
                "this server answers only to the address it printed (Host)",
            ))
        }
    }

    /// Checks an API request: host, origin, fetch site and the secret.
    pub fn api(&self, headers: &HeaderMap) -> Result<(), Refused> {
        self.page(headers)?;
        if let Some(origin) = header(headers, "origin") {
            let own = header(headers, "host").map(|h| format!("http://{h}"));
            if !own.is_some_and(|own| own.eq_ignore_ascii_case(origin)) {
                return Err(Refused(403, "requests from another origin are refused"));
            }
        }
        if let Some(site) = header(headers, "sec-fetch-site") {
            if site != "same-origin" && site != "none" {
                return Err(Refused(403, "requests from another site are refused"));
            }
        }
        let given = header(headers, SECRET_HEADER).unwrap_or("");
        if !same(given.as_bytes(), self.secret.as_bytes()) {
            return Err(Refused(
                401,
                "missing or wrong secret: open the URL ddb ui printed",
            ));
        }
        Ok(())
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Compares without stopping at the first difference, so timing does not reveal the secret.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A fresh secret for one launch: 128 bits from the system's random source, as hex.
pub fn new_secret() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The Host values a browser sends for the server on `port` (none for port 80, its default).
pub fn local_hosts(port: u16) -> Vec<String> {
    let mut hosts = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    if port == 80 {
        hosts.extend(["127.0.0.1".to_string(), "localhost".to_string()]);
    }
    hosts
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn only_the_own_host_origin_and_secret_pass() {
        let guard = Guard {
            hosts: vec!["127.0.0.1:8001".into(), "localhost:8001".into()],
            secret: "s3cret".into(),
        };
        let ok = [("host", "127.0.0.1:8001"), (SECRET_HEADER, "s3cret")];
        assert_eq!(guard.api(&headers(&ok)), Ok(()));
        let same_origin = [
            ("host", "localhost:8001"),
            ("origin", "http://localhost:8001"),
            ("sec-fetch-site", "same-origin"),
            (SECRET_HEADER, "s3cret"),
        ];
        assert_eq!(guard.api(&headers(&same_origin)), Ok(()));
        let rebinding = [("host", "evil.example:8001"), (SECRET_HEADER, "s3cret")];
        assert_eq!(guard.api(&headers(&rebinding)).unwrap_err().0, 421);
        let cross = [
            ("host", "127.0.0.1:8001"),
            ("origin", "http://evil.example"),
            (SECRET_HEADER, "s3cret"),
        ];
        assert_eq!(guard.api(&headers(&cross)).unwrap_err().0, 403);
        let site = [
            ("host", "127.0.0.1:8001"),
            ("sec-fetch-site", "cross-site"),
            (SECRET_HEADER, "s3cret"),
        ];
        assert_eq!(guard.api(&headers(&site)).unwrap_err().0, 403);
        let wrong = [("host", "127.0.0.1:8001"), (SECRET_HEADER, "s3crex")];
        assert_eq!(guard.api(&headers(&wrong)).unwrap_err().0, 401);
        assert_eq!(
            guard
                .api(&headers(&[("host", "127.0.0.1:8001")]))
                .unwrap_err()
                .0,
            401
        );
        assert_eq!(
            guard
                .api(&headers(&[(SECRET_HEADER, "s3cret")]))
                .unwrap_err()
                .0,
            421,
            "no Host"
        );
        let upper = [
            ("host", "LOCALHOST:8001"),
            ("origin", "http://LocalHost:8001"),
            (SECRET_HEADER, "s3cret"),
        ];
        assert_eq!(guard.api(&headers(&upper)), Ok(()));
        assert!(local_hosts(80).contains(&"localhost".to_string()));
        assert!(!local_hosts(8001).contains(&"localhost".to_string()));
        assert_eq!(new_secret().unwrap().len(), 32);
        assert_ne!(new_secret().unwrap(), new_secret().unwrap());
    }
}
