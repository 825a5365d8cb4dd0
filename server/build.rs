//! Rebuilds the server when a migration is added: `sqlx::migrate!` embeds the folders, and
//! cargo does not watch a folder for new files by itself.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
