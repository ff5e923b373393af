//! `ddb shell`: a script on stdin prints what the same commands print as separate processes and
//! leaves the same table; it stops at the first failure (or goes on with --keep-going); and on a
//! pseudo-terminal, Tab completes a table name, history recalls and is kept, and Ctrl-C cancels
//! a long scan while the shell stays.

use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{self, forward, operation, proxy, stderr, stdout, upstream, Suite};

/// The scenario's commands, `{T}` standing for the table (one after `use`, where it is implied).
const SCENARIO: &[&str] = &[
    "create-table {T} --pk year:N --sk title:S",
    "put {T} '{\"year\": 2015, \"title\": \"The Big New Movie\", \"info\": {\"rating\": 0}}'",
    "put {T} '{\"year\": 1992, \"title\": \"Alien 3\", \"big\": 12345678901234567890123456789012345678}'",
    "put {T} '{\"year\": 1992, \"title\": \"Heat\"}'",
    "get {T} 2015 'The Big New Movie' -o json",
    "update {T} 2015 'The Big New Movie' --set info.rating=5 --add plays=1 -o json",
    "query {T} --pk 1992 -o ndjson",
    "SELECT * FROM \"{T}\" WHERE \"year\" = 1992 AND title = 'Heat'",
    "INSERT INTO \"{T}\" VALUE {'year': 2000, 'title': 'Inserted'}",
    "delete {T} 1992 Heat -o json",
    "scan {T} -o ndjson --consistent",
];

#[test]
fn a_script_on_stdin_does_what_separate_processes_do() {
    let suite = Suite::new();
    let (a, b) = (suite.table_name("ShellA"), suite.table_name("ShellB"));
    // Separate processes, on table A.
    let mut separate = String::new();
    for line in SCENARIO {
        let words = shlex::split(&line.replace("{T}", &a)).unwrap();
        let words = if line.starts_with("SELECT") || line.starts_with("INSERT") {
            vec!["sql".to_string(), line.replace("{T}", &a)]
        } else {
            words
        };
        let out = suite.ddb().args(&words).output().unwrap();
        assert!(out.status.success(), "{line}: {}", stderr(&out));
        separate.push_str(&stdout(&out));
    }
    // One shell, on table B.
    let script: String = SCENARIO
        .iter()
        .map(|line| line.replace("{T}", &b) + "\n")
        .collect();
    let out = suite
        .ddb()
        .arg("shell")
        .write_stdin(script)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // The tables were created at different instants.
    let timeless = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.contains("\"created\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(timeless(&stdout(&out)), timeless(&separate.replace(&a, &b)));
    assert_eq!(suite.items(&a).len(), 3);
    assert_eq!(
        common::ndjson(&suite.run_ok(&["scan", &b, "-o", "ndjson", "--consistent"])),
        suite.items(&a),
    );

    // `use` supplies the table; a failing command stops the script with its exit code.
    let script = format!(
        "use {b}\nget 2000 Inserted -o ndjson\nget 1800 Missing\nget 2000 Inserted -o ndjson\n"
    );
    let out = suite
        .ddb()
        .arg("shell")
        .write_stdin(script.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(
        common::ndjson(&stdout(&out)).len(),
        1,
        "stopped at the failure"
    );
    let out = suite
        .ddb()
        .args(["shell", "--keep-going"])
        .write_stdin(script)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "the first failure's code");
    let printed = stdout(&out).matches("\"Inserted\"").count();
    assert_eq!(printed, 2, "went on: {}", stdout(&out));
    // Target options belong to \connect, and a bad line names what is wrong.
    let out = suite
        .ddb()
        .arg("shell")
        .write_stdin("list-tables --endpoint-url http://127.0.0.1:9\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("\\connect"), "{}", stderr(&out));
    // \explain: printed, not sent.
    let out = suite
        .ddb()
        .arg("shell")
        .write_stdin(format!(
            "\\explain on\ndelete {b} 2000 Inserted\ncreate-table {c} --pk id:S\n\\explain off\nget {b} 2000 Inserted -o ndjson\n",
            c = suite.table_name("ShellNot")
        ))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = common::ndjson(&stdout(&out));
    let operations: Vec<_> = lines.iter().map(|l| l["operation"].clone()).collect();
    assert_eq!(
        operations,
        vec![
            serde_json::json!("DeleteItem"),
            serde_json::json!("CreateTable"),
            serde_json::Value::Null
        ],
        "one request a command, and nothing of the shell's own: {}",
        stdout(&out)
    );
    assert_eq!(lines[2]["title"], "Inserted", "not deleted");
    // In a script, stdin is the script: a command cannot read it.
    let out = suite
        .ddb()
        .arg("shell")
        .write_stdin(format!("put {b} -\n{{\"year\": 1, \"title\": \"x\"}}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("stdin holds the shell's script"));
}

/// A child on a pseudo-terminal, and everything it wrote so far.
struct Terminal {
    child: Child,
    master: std::fs::File,
    output: Arc<Mutex<Vec<u8>>>,
}

impl Terminal {
    fn spawn(mut command: std::process::Command) -> Terminal {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: 40,
            ws_col: 200,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty fills two descriptors that are then owned here.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty");
        // SAFETY: both descriptors were just opened and are not owned elsewhere.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        command
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave))
            .env("TERM", "xterm");
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().unwrap();
        let master = std::fs::File::from(master);
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let mut answer = master.try_clone().unwrap();
        let sink = output.clone();
        // The line editor asks where the cursor is (ESC [ 6 n) before each prompt; a terminal
        // answers, so this one does: row 1, column 1.
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if buf[..n].windows(4).any(|w| w == b"\x1b[6n") {
                    let _ = answer.write_all(b"\x1b[1;1R");
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Terminal {
            child,
            master,
            output,
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Waits until the output after byte `from` contains `what`; returns where it ends.
    fn wait_for(&self, from: usize, what: &str) -> usize {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let text = self.text();
            if let Some(at) = text.get(from..).and_then(|t| t.find(what)) {
                return from + at + what.len();
            }
            assert!(
                Instant::now() < deadline,
                "waited for {what:?}; the terminal shows:\n{text:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &str) {
        for b in bytes.as_bytes() {
            std::thread::sleep(Duration::from_millis(30));
            self.master.write_all(&[*b]).unwrap();
        }
        self.master.flush().unwrap();
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn on_a_terminal_tab_completes_history_recalls_and_ctrl_c_cancels() {
    let suite = Suite::new();
    let (_server, upstream) = upstream(&suite);
    // Scans go through a proxy that holds each page 100 ms: a scan of 80 one-item pages is long.
    let target = upstream.clone();
    let url = proxy(move |head, body| {
        if operation(head) == "Scan" {
            std::thread::sleep(Duration::from_millis(100));
        }
        forward(&target, head, body)
    });
    let table = suite.table_name("Shellpty");
    let lines: String = (0..80)
        .map(|i| format!("{{\"id\": \"k{i:02}\"}}\n"))
        .collect();
    suite.id_table_at(&url, &table, &lines);

    let mut command = suite.bare_std();
    command.args(["--endpoint-url", &url, "shell"]);
    let mut term = Terminal::spawn(command);
    let mut at = term.wait_for(0, "ddb> ");
    // Tab completes the table name from the list the shell read at start.
    term.send("use Shellpty\t");
    at = term.wait_for(at, &table);
    term.send("\r");
    at = term.wait_for(at, &format!("ddb:{table}> "));
    term.send("get k07 -o json\r");
    at = term.wait_for(at, "\"k07\"");
    at = term.wait_for(at, "> ");
    // Up recalls the last command.
    term.send("\x1b[A\r");
    at = term.wait_for(at, "\"k07\"");
    at = term.wait_for(at, "> ");
    // A long scan, then Ctrl-C once it has printed: the scan stops, the shell stays.
    term.send("scan --page-size 1 -o ndjson\r");
    at = term.wait_for(at, "{\"id\":\"k00\"}");
    term.send("\x03");
    at = term.wait_for(at, "ddb: cancelled");
    let after_cancel = at;
    at = term.wait_for(at, "> ");
    std::thread::sleep(Duration::from_millis(300));
    let scanned = term.text()[after_cancel..].matches("{\"id\"").count();
    assert_eq!(scanned, 0, "nothing printed after the cancel");
    assert!(
        term.text().matches("{\"id\"").count() < 80,
        "the scan did not run to its end"
    );
    term.send("list-tables\r");
    at = term.wait_for(at, &format!("{table}\r\n"));
    term.wait_for(at, "> ");
    term.send("\x04");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = term.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "Ctrl-D leaves the shell");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success());
    // The history is kept in the data directory.
    let history = suite.dir().join("xdg-data/ddb/shell_history");
    let kept = std::fs::read_to_string(&history).unwrap();
    for line in [
        "use Shellpty",
        "get k07 -o json",
        "scan --page-size 1 -o ndjson",
        "list-tables",
    ] {
        assert!(kept.contains(line), "{line} in {kept}");
    }
}
