//! One check's verdict: its name, whether it passed, and what it found.

/// One check's verdict.
pub struct Check {
    pub name: String,
    pub passed: bool,
    pub detail: String,
}

impl Check {
    pub fn new(name: impl Into<String>, passed: bool, detail: impl Into<String>) -> Check {
        Check {
            name: name.into(),
            passed,
            detail: detail.into(),
        }
    }

    /// A check that could not run counts as failed, with the reason.
    pub fn broken(name: &str, error: anyhow::Error) -> Check {
        Check::new(name, false, format!("could not run: {error:#}"))
    }
}
