//! The audit log of booth and product changes, as the team reads it.

use serde::{Deserialize, Serialize};

/// One change: who made it, when, to what, and each field's value before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: i64,
    /// The person's name; None when their account was deleted since.
    pub who: Option<String>,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    /// Field, value before, value after.
    pub changes: Vec<(String, String, String)>,
}
