//! The schema's history: the migrations of each engine, run at start, and the one repair a
//! database may need first. A migration that has landed never changes (people upgrade their
//! own fairs): `migrations/checksums.sha384` lists every file as it landed, and a test fails
//! when one differs. A change to the schema is a new migration.

use super::Backend;
use anyhow::Context;
use sqlx::AnyPool;
use sqlx::migrate::Migrator;

static SQLITE: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES: Migrator = sqlx::migrate!("migrations/postgres");

/// Migration 0012 as it was briefly rewritten after it landed (its exhibitor triggers widened,
/// which 0018 now does): the SHA-384 that sqlx recorded for it in databases created then.
/// Those databases have the triggers 0018 makes already, and 0018 recreates them, so they
/// take the landed checksum and upgrade like every other.
pub const REWRITTEN: [(Backend, i64, &str); 2] = [
    (
        Backend::Sqlite,
        12,
        "dd569a9336020b5c0c6142bfe01912d9baa623d8a3e5b5897e1724dbb05e6973c894fcd842dd241c43fe554d183b707f",
    ),
    (
        Backend::Postgres,
        12,
        "3f35784e6eb2c7c8b5b99381a4ddb1c2125c78135f4e8593fbfc98caff8c4f6df90aac56561ff676d7ed95c3aeb446b7",
    ),
];

/// The migrations of `backend`, oldest first.
pub fn migrator(backend: Backend) -> &'static Migrator {
    match backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    }
}

/// Brings the database at `pool` up to the newest schema.
pub async fn run(pool: &AnyPool, backend: Backend) -> anyhow::Result<()> {
    restore_rewritten_checksums(pool, backend)
        .await
        .context("cannot read the database's applied migrations")?;
    migrator(backend)
        .run(pool)
        .await
        .context("cannot apply the database migrations")
}

async fn restore_rewritten_checksums(pool: &AnyPool, backend: Backend) -> sqlx::Result<()> {
    let exists = match backend {
        Backend::Sqlite => "SELECT COUNT(*) FROM sqlite_master WHERE name = '_sqlx_migrations'",
        Backend::Postgres => {
            "SELECT COUNT(*) FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'"
        }
    };
    let tables: i64 = sqlx::query_scalar(exists).fetch_one(pool).await?;
    if tables == 0 {
        return Ok(());
    }
    for (engine, version, rewritten) in REWRITTEN {
        if engine != backend {
            continue;
        }
        let Some(landed) = migrator(backend).iter().find(|m| m.version == version) else {
            continue;
        };
        let restored = sqlx::query(
            "UPDATE _sqlx_migrations SET checksum = $1 WHERE version = $2 AND checksum = $3",
        )
        .bind(landed.checksum.to_vec())
        .bind(version)
        .bind(hex_bytes(rewritten))
        .execute(pool)
        .await?;
        if restored.rows_affected() > 0 {
            tracing::info!(
                version,
                "migration recorded as rewritten: its landed checksum restored"
            );
        }
    }
    Ok(())
}

/// The bytes a hex string of even length spells.
pub fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&hex[at..at + 2], 16).expect("a hex checksum"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha384};
    use std::collections::BTreeMap;
    use std::path::Path;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn no_landed_migration_has_changed() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let listed: BTreeMap<String, String> =
            std::fs::read_to_string(root.join("checksums.sha384"))
                .unwrap()
                .lines()
                .map(|line| {
                    let (sum, file) = line.split_once("  ").expect("`sum  engine/file.sql` lines");
                    (file.to_owned(), sum.to_owned())
                })
                .collect();
        let mut found = BTreeMap::new();
        for engine in ["sqlite", "postgres"] {
            for entry in std::fs::read_dir(root.join(engine)).unwrap() {
                let path = entry.unwrap().path();
                let name = format!("{engine}/{}", path.file_name().unwrap().to_string_lossy());
                found.insert(name, hex(&Sha384::digest(std::fs::read(&path).unwrap())));
            }
        }
        for (file, sum) in &listed {
            match found.get(file) {
                None => panic!("{file} landed and was removed: a landed migration stays"),
                Some(now) => assert_eq!(
                    now, sum,
                    "{file} changed after it landed: put the change in a new migration"
                ),
            }
        }
        for (file, sum) in &found {
            assert!(
                listed.contains_key(file),
                "{file} is new: add `{sum}  {file}` to migrations/checksums.sha384"
            );
        }
    }

    #[test]
    fn both_engines_have_the_same_migrations_and_sqlx_agrees_on_their_sums() {
        let versions = |m: &Migrator| m.iter().map(|m| m.version).collect::<Vec<_>>();
        assert_eq!(versions(&SQLITE), versions(&POSTGRES));
        let migration = SQLITE.iter().find(|m| m.version == 1).unwrap();
        assert_eq!(
            hex(&migration.checksum),
            hex(&Sha384::digest(migration.sql.as_bytes()))
        );
        assert_eq!(
            hex_bytes(&hex(&migration.checksum)),
            migration.checksum.to_vec()
        );
    }
}
