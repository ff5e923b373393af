//! Where requests go. In order: an endpoint URL (flag, or the SDK's own environment variables);
//! the embedded engine when asked for (`--local`, `DDB_LOCAL=1`, `--in-memory`); AWS when a
//! region or profile is configured; and otherwise, on a machine that was never set up for AWS,
//! the embedded engine with a notice. This module only decides; [`crate::client`] connects.

use std::path::PathBuf;

use crate::error::UsageError;

/// The global options that choose a target, as plain data (the command line converts into it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetOptions {
    pub endpoint_url: Option<String>,
    pub region: Option<String>,
    pub profile: Option<String>,
    pub local: bool,
    pub data_dir: Option<PathBuf>,
    pub in_memory: bool,
}

/// The resolved destination of a command's requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A DynamoDB-compatible endpoint: DynamoDB Local, `ddb local`, or any other.
    Endpoint { url: String },
    /// The embedded engine, in this process. `by_default` when nothing was configured, which
    /// earns a notice on stderr.
    Embedded { store: Store, by_default: bool },
    /// AWS DynamoDB; the SDK resolves region and credentials from the standard chain.
    Aws,
}

/// Where the embedded engine keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Store {
    /// One database file inside this directory.
    Dir(PathBuf),
    /// Nothing kept after the process ends.
    Memory,
}

impl Store {
    /// The database file of a data directory.
    pub fn database_file(dir: &std::path::Path) -> PathBuf {
        dir.join("ddb.sqlite3")
    }

    pub fn describe(&self) -> String {
        match self {
            Store::Dir(dir) => Store::database_file(dir).display().to_string(),
            Store::Memory => "memory (nothing is kept)".to_string(),
        }
    }
}

/// What resolution looks at besides the flags, gathered once so the decision itself is pure.
#[derive(Debug, Default, Clone)]
pub struct Environment {
    pub endpoint_url: Option<String>,
    pub region: Option<String>,
    pub profile: Option<String>,
    pub profile_region: Option<String>,
    pub default_data_dir: Option<PathBuf>,
}

impl Environment {
    /// Reads the SDK's environment variables and the shared config file's region.
    pub async fn read(options: &TargetOptions) -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let profile = options.profile.clone().or_else(|| var("AWS_PROFILE"));
        let region = var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION"));
        // Only the profile files are read: the SDK's default chain would also ask the EC2
        // metadata service, which on a machine outside AWS costs a timeout on every command.
        let profile_region = if options.region.is_none() && region.is_none() {
            use aws_config::meta::region::ProvideRegion;
            let mut builder = aws_config::profile::ProfileFileRegionProvider::builder();
            if let Some(name) = &profile {
                builder = builder.profile_name(name);
            }
            builder.build().region().await.map(|r| r.to_string())
        } else {
            None
        };
        Environment {
            endpoint_url: var("AWS_ENDPOINT_URL_DYNAMODB").or_else(|| var("AWS_ENDPOINT_URL")),
            region,
            profile,
            profile_region,
            default_data_dir: default_data_dir(),
        }
    }
}

/// Decides the target from the flags and the environment.
pub fn resolve(options: &TargetOptions, env: &Environment) -> Result<Target, UsageError> {
    let local_asked = options.local || options.in_memory;
    if let Some(url) = &options.endpoint_url {
        if local_asked {
            return Err(UsageError(
                "--endpoint-url and --local (or --in-memory) name two different targets; give one"
                    .into(),
            ));
        }
        return Ok(Target::Endpoint { url: url.clone() });
    }
    let store = || embedded_store(options, env.default_data_dir.clone());
    if local_asked {
        return Ok(Target::Embedded {
            store: store()?,
            by_default: false,
        });
    }
    if let Some(url) = &env.endpoint_url {
        return Ok(Target::Endpoint { url: url.clone() });
    }
    if options.region.is_some()
        || env.region.is_some()
        || env.profile.is_some()
        || env.profile_region.is_some()
    {
        return Ok(Target::Aws);
    }
    Ok(Target::Embedded {
        store: store()?,
        by_default: true,
    })
}

/// Where the embedded engine keeps its data: `--in-memory`, `--data-dir`, or the platform's data
/// directory (`default`).
pub fn embedded_store(
    options: &TargetOptions,
    default: Option<PathBuf>,
) -> Result<Store, UsageError> {
    if options.in_memory {
        return Ok(Store::Memory);
    }
    options
        .data_dir
        .clone()
        .or(default)
        .map(Store::Dir)
        .ok_or_else(|| {
            UsageError("no data directory is known on this platform; give --data-dir".into())
        })
}

/// The platform's data directory for ddb (e.g. `~/.local/share/ddb`).
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("ddb"))
}

/// Whether an endpoint URL points at this machine, where ddb may use placeholder credentials.
pub fn is_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.rsplit_once(':').map_or(authority, |(h, _)| h),
    };
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// The options as the command line gives them for `ddb ARGS list-tables`.
    fn global(args: &[&str]) -> TargetOptions {
        let mut argv = vec!["ddb"];
        argv.extend_from_slice(args);
        argv.push("list-tables");
        crate::cli::Cli::try_parse_from(argv)
            .unwrap()
            .global
            .target()
    }

    fn env() -> Environment {
        Environment {
            default_data_dir: Some(PathBuf::from("/data/ddb")),
            ..Default::default()
        }
    }

    #[test]
    fn nothing_configured_means_the_embedded_engine_by_default() {
        let target = resolve(&global(&[]), &env()).unwrap();
        assert_eq!(
            target,
            Target::Embedded {
                store: Store::Dir("/data/ddb".into()),
                by_default: true
            }
        );
    }

    #[test]
    fn the_flag_endpoint_wins_over_everything_else() {
        let e = Environment {
            region: Some("eu-west-1".into()),
            endpoint_url: Some("http://x:1".into()),
            ..env()
        };
        let target = resolve(&global(&["--endpoint-url", "http://localhost:8000"]), &e).unwrap();
        assert_eq!(
            target,
            Target::Endpoint {
                url: "http://localhost:8000".into()
            }
        );
    }

    #[test]
    fn local_wins_over_a_configured_region_and_the_sdk_endpoint_variable() {
        let e = Environment {
            region: Some("eu-west-1".into()),
            endpoint_url: Some("http://x:1".into()),
            ..env()
        };
        let target = resolve(&global(&["--local", "--data-dir", "/d"]), &e).unwrap();
        assert_eq!(
            target,
            Target::Embedded {
                store: Store::Dir("/d".into()),
                by_default: false
            }
        );
        let target = resolve(&global(&["--in-memory"]), &e).unwrap();
        assert_eq!(
            target,
            Target::Embedded {
                store: Store::Memory,
                by_default: false
            }
        );
    }

    #[test]
    fn a_region_from_anywhere_means_aws() {
        assert_eq!(
            resolve(&global(&["--region", "eu-west-1"]), &env()).unwrap(),
            Target::Aws
        );
        let e = Environment {
            profile_region: Some("us-west-2".into()),
            ..env()
        };
        assert_eq!(resolve(&global(&[]), &e).unwrap(), Target::Aws);
    }

    #[test]
    fn endpoint_and_local_together_is_a_usage_error() {
        let err = resolve(
            &global(&["--endpoint-url", "http://localhost:1", "--local"]),
            &env(),
        )
        .unwrap_err();
        assert!(err.0.contains("two different targets"), "{err}");
    }

    #[test]
    fn loopback_endpoints_are_recognised() {
        for url in [
            "http://localhost:8000",
            "http://127.0.0.1:8000/",
            "http://[::1]:8000",
            "http://127.1.2.3",
        ] {
            assert!(is_loopback(url), "{url}");
        }
        for url in [
            "https://dynamodb.eu-west-1.amazonaws.com",
            "http://10.0.0.1:8000",
            "http://localhost.example.com",
        ] {
            assert!(!is_loopback(url), "{url}");
        }
    }
}
