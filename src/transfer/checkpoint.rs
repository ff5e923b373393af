//! Where an interrupted copy stands, so `copy --resume` goes on from there: for each scan
//! segment, the key after which nothing has been written yet, or that it is done. A page's last
//! key is recorded only once every item of that page (and of every earlier one) is acknowledged
//! by the writer, so a resumed copy leaves nothing out; it may write again the items of pages that
//! were in flight, which a put makes harmless. After any item failed, the checkpoint stops moving.
//! The file lives in the cache directory, named after the source and destination.

use std::collections::VecDeque;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::item::{self, Item};
use crate::paginate::SegmentStart;

pub struct Checkpoint {
    path: PathBuf,
    pub segments: Vec<SegmentStart>,
    /// Pages handed to the writer and not yet all acknowledged: segment, its last key, the
    /// position of its last item.
    pending: VecDeque<(usize, Option<Item>, u64)>,
    frozen: bool,
}

impl Checkpoint {
    /// The file for a copy of `source` at one target to `destination` at another.
    pub fn path_for(parts: &[&str]) -> Result<PathBuf> {
        let mut hash = Sha256::new();
        for part in parts {
            hash.update(part.as_bytes());
            hash.update([0]);
        }
        let name: String = hash.finalize()[..12]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let dir = dirs::cache_dir()
            .context("no cache directory to keep the copy's place in")?
            .join("ddb")
            .join("copies");
        Ok(dir.join(format!("{name}.json")))
    }

    pub fn fresh(path: PathBuf, segments: i32) -> Checkpoint {
        Checkpoint {
            path,
            segments: (0..segments).map(|_| SegmentStart::From(None)).collect(),
            pending: VecDeque::new(),
            frozen: false,
        }
    }

    pub fn load(path: PathBuf) -> Result<Checkpoint> {
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "no interrupted copy to resume ({} is missing)",
                path.display()
            )
        })?;
        let value: Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a copy checkpoint", path.display()))?;
        let mut segments = Vec::new();
        for segment in value["segments"].as_array().into_iter().flatten() {
            segments.push(match (&segment["done"], &segment["start"]) {
                (Value::Bool(true), _) => SegmentStart::Done,
                (_, Value::Null) => SegmentStart::From(None),
                (_, key) => SegmentStart::From(Some(
                    item::item_from_json(key, true)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?,
                )),
            });
        }
        if segments.is_empty() {
            bail!("{} holds no segments", path.display());
        }
        Ok(Checkpoint {
            path,
            segments,
            pending: VecDeque::new(),
            frozen: false,
        })
    }

    /// A page's items are all handed to the writer, up to position `last`.
    pub fn page_sent(&mut self, segment: i32, last_key: Option<Item>, last: u64) {
        self.pending.push_back((segment as usize, last_key, last));
    }

    /// Moves each segment past the pages whose items are all acknowledged (positions below
    /// `acknowledged_below`), unless an item has failed.
    pub fn advance(&mut self, acknowledged_below: u64, failed: bool) {
        self.frozen |= failed;
        if self.frozen {
            return;
        }
        while self
            .pending
            .front()
            .is_some_and(|(_, _, last)| *last < acknowledged_below)
        {
            let (segment, key, _) = self.pending.pop_front().expect("checked");
            self.segments[segment] = match key {
                Some(key) => SegmentStart::From(Some(key)),
                None => SegmentStart::Done,
            };
        }
    }

    pub fn save(&self) -> Result<()> {
        let segments: Vec<Value> = self
            .segments
            .iter()
            .map(|s| match s {
                SegmentStart::Done => json!({"done": true}),
                SegmentStart::From(None) => json!({"start": null}),
                SegmentStart::From(Some(key)) => {
                    let names: Vec<String> = key.keys().cloned().collect();
                    json!({"start": item::item_to_json(key, &names, true)})
                }
            })
            .collect();
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let partial = self.path.with_extension("partial");
        std::fs::write(&partial, json!({"segments": segments}).to_string())?;
        std::fs::rename(&partial, &self.path)
            .with_context(|| format!("cannot write {}", self.path.display()))
    }

    pub fn remove(&self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
