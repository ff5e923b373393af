//! Links the `ddb` binary with packed relative relocations (RELR) only where the result can run.
//!
//! RELR lets the loader apply the binary's many relative relocations from a compact bitmap, which
//! cuts the start-up time of every short ddb command. But a binary linked with it needs the C
//! library to declare the version `GLIBC_ABI_DT_RELR` (glibc 2.36 and later): on Ubuntu 22.04
//! (glibc 2.35, binutils 2.38) the linker accepts the flag and the binary then refuses to start
//! ("version `GLIBC_ABI_DT_RELR' not found"). So the flag is used only when building for the
//! machine itself, and only when its C library declares that version and its linker knows the
//! flag; everywhere else ddb links as usual. Test binaries never get it.

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=DDB_NO_RELR");
    if relr_runs_here() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}

fn relr_runs_here() -> bool {
    let (Ok(target), Ok(host)) = (std::env::var("TARGET"), std::env::var("HOST")) else {
        return false;
    };
    if target != host
        || target != "x86_64-unknown-linux-gnu"
        || std::env::var_os("DDB_NO_RELR").is_some()
    {
        return false;
    }
    let declares_relr = [
        "/lib/x86_64-linux-gnu/libc.so.6",
        "/usr/lib/x86_64-linux-gnu/libc.so.6",
        "/lib64/libc.so.6",
        "/usr/lib64/libc.so.6",
    ]
    .iter()
    .filter(|path| Path::new(path).exists())
    .find_map(|path| std::fs::read(path).ok())
    .is_some_and(|libc| libc.windows(17).any(|w| w == b"GLIBC_ABI_DT_RELR"));
    let linker_knows_it = Command::new("cc")
        .arg("-Wl,--help")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("pack-relative-relocs"));
    declares_relr && linker_knows_it
}
