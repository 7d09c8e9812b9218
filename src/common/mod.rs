//! Helpers below every stage: hashing, slugs, HTML escaping and calendar dates. They read
//! no files and know nothing of pages or sites, so any stage may use them.

pub mod calendar;
pub mod escape;
pub mod hash;
pub mod slug;
