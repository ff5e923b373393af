#!/usr/bin/env bash
# Runs the README's two commands (`cargo install --path .` and `cargo test`) inside a Debian
# bullseye root (glibc 2.31, binutils 2.35.2), made with debootstrap from Debian's packages, with
# this machine's Rust toolchain copied in. It shows that ddb builds and runs on a C library older
# than 2.36, where a binary linked with packed relative relocations could not start (build.rs
# links with them only where the C library declares GLIBC_ABI_DT_RELR).
#
#   sudo scripts/old-glibc-check.sh [ROOT]     # ROOT defaults to a fresh temporary directory
#
# Needs root (debootstrap, chroot, bind mounts) and about 3 GiB of disk; takes a full build's time.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
root=${1:-$(mktemp -d)}

command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
if [ ! -x "$root/usr/bin/gcc" ]; then
  # python3 runs the lecture's client in the serve tests.
  debootstrap --variant=minbase --include=gcc,libc6-dev,ca-certificates,git,procps,python3 bullseye "$root"
fi

rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
cargo_home=${CARGO_HOME:-$HOME/.cargo}
rm -rf "$root/opt/ddb"   # the sources; builds stay in /opt/target between runs
mkdir -p "$root/opt/rustup" "$root/opt/cargo" "$root/opt/ddb"
cp -a "$rustup_home/." "$root/opt/rustup/"
cp -a "$cargo_home/bin" "$root/opt/cargo/"
[ -d "$cargo_home/registry" ] && cp -a "$cargo_home/registry" "$root/opt/cargo/"
git -C "$repo" archive HEAD | tar -x -C "$root/opt/ddb"
# This machine's trust store, so the root reaches the package registries as the machine does.
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"

cleanup() { umount "$root/proc" "$root/dev" 2>/dev/null || true; }
trap cleanup EXIT
mount --bind /proc "$root/proc"
mount --bind /dev "$root/dev"

chroot "$root" /usr/bin/env -i HOME=/root PATH=/opt/cargo/bin:/usr/bin:/bin \
  RUSTUP_HOME=/opt/rustup CARGO_HOME=/opt/cargo CARGO_TARGET_DIR=/opt/target /bin/bash -euc '
    cd /opt/ddb
    ldd --version | head -1
    cargo install --path . --locked
    if readelf -V /opt/cargo/bin/ddb 2>/dev/null | grep -q GLIBC_ABI_DT_RELR; then
      echo "the installed ddb needs GLIBC_ABI_DT_RELR, which this C library lacks" >&2; exit 1
    fi
    ddb --in-memory create-table Check --pk id:S
    cargo test
  '
echo "old-glibc-check: cargo install and cargo test passed on $(chroot "$root" ldd --version | head -1)"
