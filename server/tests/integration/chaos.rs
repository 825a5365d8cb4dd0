//! A short chaos run of the real binary on SQLite (3 kills instead of 20: the full run is
//! `make chaos`): the server killed with SIGKILL under the mixed write load loses no
//! acknowledged write and every check of the command passes.

#[test]
fn a_short_chaos_run_on_sqlite_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["chaos", "--kills", "3", "--max-gap", "2", "--pairs", "3"])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains(", 0 failed; 0 acknowledged writes lost."),
        "{stdout}"
    );
    for kind in ["message", "product edit", "booking", "acceptance"] {
        let row = stdout
            .lines()
            .find(|line| line.starts_with(&format!("| {kind} |")))
            .unwrap_or_else(|| panic!("no {kind} row: {stdout}"));
        let acknowledged: u64 = row.split('|').nth(3).unwrap().trim().parse().unwrap();
        assert!(acknowledged > 0, "some {kind}s were acknowledged: {row}");
    }
}
