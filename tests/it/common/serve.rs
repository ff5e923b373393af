//! `ddb serve` as a test drives it: the real binary on an ephemeral loopback port, and a line
//! client.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use super::{ServerProcess, Suite};

impl ServerProcess {
    /// `ddb serve` on a free loopback port, against the suite's target.
    pub fn serve(suite: &Suite, args: &[&str]) -> ServerProcess {
        Self::serve_in(
            Command::new(assert_cmd::cargo::cargo_bin("ddb")),
            suite,
            args,
        )
    }

    /// `ddb serve` as the last words of `command` (a wrapper such as `sh -c`).
    pub fn serve_in(mut command: Command, suite: &Suite, args: &[&str]) -> ServerProcess {
        command
            .args(suite.target_args())
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .env("HOME", suite.dir())
            .env_remove("DDB_SERVE_TOKEN");
        Self::spawn(&mut command, "listening on ")
    }

    /// A line client of `ddb serve`.
    pub fn connect(&self) -> Conn {
        let stream = TcpStream::connect(&self.address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        Conn {
            reader: BufReader::new(stream.try_clone().unwrap()),
            stream,
        }
    }
}

pub struct Conn {
    pub stream: TcpStream,
    pub reader: BufReader<TcpStream>,
}

impl Conn {
    pub fn send(&mut self, request: &Value) {
        writeln!(self.stream, "{request}").unwrap();
    }

    pub fn recv(&mut self) -> Value {
        let mut line = String::new();
        self.reader.read_line(&mut line).unwrap();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("bad reply {line:?}: {e}"))
    }

    pub fn call(&mut self, request: Value) -> Value {
        self.send(&request);
        self.recv()
    }

    /// True when the server closed the connection (EOF, or a reset), within the read timeout.
    pub fn closed(&mut self) -> bool {
        let mut rest = Vec::new();
        match self.reader.read_to_end(&mut rest) {
            Ok(_) => rest.is_empty(),
            Err(e) => e.kind() == std::io::ErrorKind::ConnectionReset,
        }
    }
}
