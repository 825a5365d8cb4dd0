//! `cloud-fair generate`: a fair of a given scale, with a progress bar.

use crate::config::Config;
use crate::demo::{self, Outcome, scale::Scale};
use crate::storage::Db;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::time::Instant;

pub async fn run(config: Config, scale: &str, seed: u64) -> anyhow::Result<()> {
    let scale = Scale::by_name(scale)
        .with_context(|| format!("unknown scale {scale:?}: use tiny, demo or canton"))?;
    let db = Db::connect(&config.database_url()?, 2).await?;
    let bar = ProgressBar::new(50 * scale.halls_per_section as u64);
    bar.set_style(
        ProgressStyle::with_template("{elapsed_precise} [{bar:40}] {pos}/{len} halls, eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let outcome = demo::generate(&db, scale, seed, |done, _| {
        bar.set_position(done as u64);
        std::ops::ControlFlow::Continue(())
    })
    .await?;
    bar.finish();
    match outcome {
        Outcome::AlreadyThere => {
            println!("The database already holds a complete fair; nothing to do.")
        }
        Outcome::Stopped { halls_done } => {
            println!("Stopped after {halls_done} halls; run again to resume.")
        }
        Outcome::Generated { halls } => println!(
            "Generated {halls} halls of the {} fair ({} booths, {} exhibitors, {} products) in {:.1} s.",
            scale.name,
            scale.booths,
            scale.exhibitors,
            scale.products,
            started.elapsed().as_secs_f64()
        ),
    }
    Ok(())
}
