//! Following `LastEvaluatedKey` for Query and Scan.
//!
//! [`drain`] reads pages in order and hands items on one at a time, so memory stays at one page
//! whatever the table's size. When `--max-items` stops it in the middle of a page, the resume
//! key is the key of the last item handed on (plus the index key when reading an index): the
//! same key DynamoDB would have returned had the page ended there, so resuming with it neither
//! skips nor repeats an item. [`segments`] runs a parallel scan's segments at once and merges
//! their pages through a bounded channel.

use std::future::Future;

use anyhow::Result;
use tokio::sync::mpsc;

use crate::item::{self, Item};

/// One response's worth of a Query or Scan.
#[derive(Debug, Default)]
pub struct Page {
    pub items: Vec<Item>,
    pub last_key: Option<Item>,
    /// `Count`: items after the filter (for `--select count`, the only result).
    pub count: i64,
    /// `ScannedCount`: items read before the filter.
    pub scanned: i64,
    pub capacity: f64,
}

impl Page {
    /// A Scan response as a page.
    pub fn from_scan(out: aws_sdk_dynamodb::operation::scan::ScanOutput) -> Page {
        Page::of(
            out.items.unwrap_or_default(),
            out.last_evaluated_key,
            out.count,
            out.scanned_count,
            out.consumed_capacity.as_ref(),
        )
    }

    /// A Query response as a page.
    pub fn from_query(out: aws_sdk_dynamodb::operation::query::QueryOutput) -> Page {
        Page::of(
            out.items.unwrap_or_default(),
            out.last_evaluated_key,
            out.count,
            out.scanned_count,
            out.consumed_capacity.as_ref(),
        )
    }

    fn of(
        items: Vec<Item>,
        last_key: Option<Item>,
        count: i32,
        scanned: i32,
        capacity: Option<&aws_sdk_dynamodb::types::ConsumedCapacity>,
    ) -> Page {
        Page {
            items,
            last_key,
            count: count.into(),
            scanned: scanned.into(),
            capacity: capacity.and_then(|c| c.capacity_units()).unwrap_or(0.0),
        }
    }
}

/// What a whole read amounted to.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Totals {
    pub emitted: u64,
    pub count: i64,
    pub scanned: i64,
    pub pages: u64,
    pub capacity: f64,
    /// Where to resume when the read stopped before the end.
    pub resume: Option<Item>,
}

impl Totals {
    fn add(&mut self, page: &Page) {
        self.count += page.count;
        self.scanned += page.scanned;
        self.pages += 1;
        self.capacity += page.capacity;
    }
}

/// Reads pages from `fetch` (given the exclusive start key) from `start` until the end or until
/// `max_items` items were handed to `emit`. `key_names` are the attributes of a resume key.
pub async fn drain<F, Fut>(
    mut fetch: F,
    start: Option<Item>,
    max_items: Option<u64>,
    key_names: &[String],
    mut emit: impl FnMut(Item) -> Result<()>,
) -> Result<Totals>
where
    F: FnMut(Option<Item>) -> Fut,
    Fut: Future<Output = Result<Page>>,
{
    let mut totals = Totals::default();
    let mut next = start;
    loop {
        let page = fetch(next.take()).await?;
        totals.add(&page);
        let page_len = page.items.len();
        for (index, it) in page.items.into_iter().enumerate() {
            if Some(totals.emitted) == max_items {
                break;
            }
            let stops_here = Some(totals.emitted + 1) == max_items && index + 1 < page_len;
            if stops_here {
                totals.resume = Some(item::project(&it, key_names));
            }
            emit(it)?;
            totals.emitted += 1;
        }
        if totals.resume.is_some() {
            return Ok(totals);
        }
        match page.last_key {
            Some(key) if Some(totals.emitted) == max_items => {
                totals.resume = Some(key);
                return Ok(totals);
            }
            Some(key) => next = Some(key),
            None => return Ok(totals),
        }
    }
}

/// Runs `total` scan segments at once, each following its own `LastEvaluatedKey`, and hands
/// every item to `emit` as pages arrive. At most `2 × total` pages wait in memory, plus the one
/// each segment is fetching.
pub async fn segments<F, Fut>(
    total: i32,
    fetch: F,
    mut emit: impl FnMut(Item) -> Result<()>,
) -> Result<Totals>
where
    F: Fn(i32, Option<Item>) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Result<Page>> + Send,
{
    let mut pages = segment_pages(total, fetch);
    let mut totals = Totals::default();
    while let Some((_, page)) = pages.recv().await {
        let page = page?;
        totals.add(&page);
        for it in page.items {
            emit(it)?;
            totals.emitted += 1;
        }
    }
    Ok(totals)
}

/// The pages of `total` scan segments read at once, as they arrive, each with its segment,
/// through a channel of `2 × total` pages: a slow reader holds the segments back. Dropping the
/// receiver stops them after the page each is fetching; a segment stops after its first error,
/// which is delivered.
pub fn segment_pages<F, Fut>(total: i32, fetch: F) -> mpsc::Receiver<(i32, Result<Page>)>
where
    F: Fn(i32, Option<Item>) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Result<Page>> + Send,
{
    let starts = (0..total).map(|_| SegmentStart::From(None)).collect();
    segment_pages_from(starts, fetch)
}

/// Where a segment of a resumed scan starts.
#[derive(Debug, Clone, PartialEq)]
pub enum SegmentStart {
    /// From this key (None: its beginning).
    From(Option<Item>),
    /// Already read to its end.
    Done,
}

/// [`segment_pages`] with each segment starting where `starts` says.
pub fn segment_pages_from<F, Fut>(
    starts: Vec<SegmentStart>,
    fetch: F,
) -> mpsc::Receiver<(i32, Result<Page>)>
where
    F: Fn(i32, Option<Item>) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Result<Page>> + Send,
{
    let (pages_tx, pages_rx) = mpsc::channel(2 * starts.len().max(1));
    for (segment, start) in starts.into_iter().enumerate() {
        let SegmentStart::From(mut next) = start else {
            continue;
        };
        let segment = segment as i32;
        let fetch = fetch.clone();
        let pages_tx = pages_tx.clone();
        tokio::spawn(async move {
            loop {
                // A reader that went away (a failed or cancelled command) wants no more requests.
                if pages_tx.is_closed() {
                    return;
                }
                let result = fetch(segment, next.take()).await;
                let last_key = result.as_ref().ok().and_then(|p| p.last_key.clone());
                let failed = result.is_err();
                if pages_tx.send((segment, result)).await.is_err() || failed {
                    return;
                }
                match last_key {
                    Some(key) => next = Some(key),
                    None => return,
                }
            }
        });
    }
    pages_rx
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::types::AttributeValue;
    use proptest::prelude::*;

    fn item(n: usize) -> Item {
        [
            ("pk".to_string(), AttributeValue::S("p".into())),
            ("sk".to_string(), AttributeValue::N(n.to_string())),
            (
                "payload".to_string(),
                AttributeValue::S(format!("item {n}")),
            ),
        ]
        .into()
    }

    /// A table of `len` items served `page` at a time, as DynamoDB pages a Query.
    async fn fake_page(len: usize, page: usize, start: Option<Item>) -> Result<Page> {
        let from = match start {
            Some(key) => match &key["sk"] {
                AttributeValue::N(n) => n.parse::<usize>().unwrap() + 1,
                _ => unreachable!(),
            },
            None => 0,
        };
        let to = (from + page).min(len);
        let items: Vec<Item> = (from..to).map(item).collect();
        let last_key = (to < len || to - from == page && to == len && len > 0)
            .then(|| item::project(items.last().unwrap(), &["pk".into(), "sk".into()]));
        Ok(Page {
            count: items.len() as i64,
            scanned: items.len() as i64,
            items,
            last_key,
            capacity: 0.5,
        })
    }

    fn read(
        len: usize,
        page: usize,
        start: Option<Item>,
        max: Option<u64>,
    ) -> (Vec<usize>, Option<Item>) {
        let keys = ["pk".to_string(), "sk".to_string()];
        let mut seen = Vec::new();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let totals = runtime
            .block_on(drain(
                |start| fake_page(len, page, start),
                start,
                max,
                &keys,
                |it| {
                    let AttributeValue::N(n) = &it["sk"] else {
                        unreachable!()
                    };
                    seen.push(n.parse().unwrap());
                    Ok(())
                },
            ))
            .unwrap();
        (seen, totals.resume)
    }

    proptest! {
        /// Reading in runs of `max` items, resuming each time from the printed key, yields every
        /// item exactly once and in order, whatever the page size.
        #[test]
        fn resuming_neither_skips_nor_repeats(len in 0usize..60, page in 1usize..12, max in 1u64..15) {
            let mut all = Vec::new();
            let mut start = None;
            for _ in 0..100 {
                let (seen, resume) = read(len, page, start, Some(max));
                prop_assert!(seen.len() as u64 <= max);
                all.extend(seen);
                match resume {
                    Some(key) => start = Some(key),
                    None => break,
                }
            }
            prop_assert_eq!(all, (0..len).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_stop_mid_page_resumes_after_the_last_item_handed_on() {
        let (seen, resume) = read(10, 4, None, Some(6));
        assert_eq!(seen, [0, 1, 2, 3, 4, 5]);
        let resume = resume.unwrap();
        assert_eq!(resume["sk"], AttributeValue::N("5".into()));
        assert!(
            !resume.contains_key("payload"),
            "a resume key holds only key attributes"
        );
    }
}
