//! A throwaway PostgreSQL cluster for the tests of one test binary: created in a temporary
//! folder on a free loopback port, and removed by a watchdog when the test process exits.
//! Set `CLOUD_FAIR_TEST_POSTGRES` to an admin URL to use an existing server instead.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tokio::sync::OnceCell;

static CLUSTER: OnceCell<String> = OnceCell::const_new();

/// An admin URL of a running cluster (without a database name).
pub async fn admin_url() -> &'static str {
    CLUSTER
        .get_or_init(|| async {
            std::env::var("CLOUD_FAIR_TEST_POSTGRES").unwrap_or_else(|_| start())
        })
        .await
}

fn start() -> String {
    let dir: PathBuf = tempfile::Builder::new()
        .prefix("cloud-fair-pg-")
        .tempdir()
        .expect("temp dir")
        .keep();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let run_as_postgres = |program: &str| {
        let mut command = if as_root {
            Command::new("runuser")
        } else {
            Command::new(program)
        };
        if as_root {
            command.args(["-u", "postgres", "--", program]);
        }
        command
    };
    if as_root {
        let status = Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(&dir)
            .status()
            .expect("chown");
        assert!(
            status.success(),
            "cannot hand {} to the postgres user",
            dir.display()
        );
    }
    let data = dir.join("data");
    let output = run_as_postgres("initdb")
        .args([
            "-A",
            "trust",
            "-U",
            "cloudfair",
            "-E",
            "UTF8",
            "--no-sync",
            "-D",
        ])
        .arg(&data)
        .output()
        .expect("initdb is on PATH (PostgreSQL server binaries)");
    assert!(
        output.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The watchdog stops the server and removes the folder once this process has exited.
    let script = r#"postgres -D "$1/data" -p "$2" -k "$1" -c listen_addresses=127.0.0.1 -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 >"$1/log" 2>&1 &
        pg=$!
        while [ -d "/proc/$3" ] && kill -0 "$pg" 2>/dev/null; do sleep 0.5; done
        kill -INT "$pg" 2>/dev/null; wait "$pg"; rm -rf "$1""#;
    #[expect(
        clippy::zombie_processes,
        reason = "the watchdog outlives the tests: it stops the server once this process has exited"
    )]
    let _watchdog = run_as_postgres("sh")
        .args(["-c", script, "watchdog"])
        .arg(&dir)
        .arg(port.to_string())
        .arg(std::process::id().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start postgres");
    let url = format!("postgres://cloudfair@127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "postgres did not start: see {}/log",
            dir.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(300));
    url
}

/// A new, empty database on the cluster; returns its URL.
pub async fn fresh_database() -> String {
    use sqlx::Connection;
    let admin = admin_url().await;
    let name = format!(
        "test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    );
    let mut attempts = 0;
    let mut conn = loop {
        match sqlx::PgConnection::connect(&format!("{admin}/postgres")).await {
            Ok(conn) => break conn,
            Err(error) if attempts < 50 => {
                attempts += 1;
                let _ = error;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(error) => panic!("cannot reach the test cluster: {error}"),
        }
    };
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .expect("create database");
    format!("{admin}/{name}")
}

static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
