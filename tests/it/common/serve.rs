//! `ddb serve` as a test drives it: the real binary on an ephemeral loopback port, and a line
//! client.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::Suite;

pub struct Server {
    pub child: Child,
    pub addr: String,
    pub stderr: Arc<Mutex<String>>,
}

impl Server {
    pub fn start(suite: &Suite, args: &[&str]) -> Server {
        Self::start_in(
            Command::new(assert_cmd::cargo::cargo_bin("ddb")),
            suite,
            args,
        )
    }

    /// `ddb serve` as the last words of `command` (a wrapper such as `sh -c`).
    pub fn start_in(mut command: Command, suite: &Suite, args: &[&str]) -> Server {
        command
            .args(suite.target_args())
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .env("HOME", suite.dir())
            .env_remove("DDB_SERVE_TOKEN");
        let (child, addr, stderr) = super::spawn_server(&mut command, "listening on ");
        Server {
            child,
            addr,
            stderr,
        }
    }

    pub fn connect(&self) -> Conn {
        let stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        Conn {
            reader: BufReader::new(stream.try_clone().unwrap()),
            stream,
        }
    }

    /// SIGTERM, then the exit status (bounded wait).
    pub fn terminate(mut self) -> (std::process::ExitStatus, String) {
        Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                std::thread::sleep(Duration::from_millis(50));
                return (status, self.stderr.lock().unwrap().clone());
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "serve did not stop on SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("--- ddb serve's stderr\n{}", self.stderr.lock().unwrap());
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
