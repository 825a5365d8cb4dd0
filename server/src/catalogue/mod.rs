//! The catalogue buyers read (fair, categories, sections, halls, exhibitors, products): the
//! database's queries (`storage::catalogue`) seen through an in-process cache.

pub mod cache;
