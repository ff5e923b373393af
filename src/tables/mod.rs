//! A table over its life, as requests: created from its definition and waited on until ACTIVE
//! ([`create`], [`wait`]), its time to live ([`ttl`]), its global indexes added and dropped
//! ([`index`]), and deleted ([`delete()`]). The commands and `ddb ui` both act on tables through
//! these, so the page and the command line make the same requests; printing is the callers'.

pub mod create;
mod delete;
pub mod index;
pub mod ttl;
pub mod wait;

pub use delete::delete;
