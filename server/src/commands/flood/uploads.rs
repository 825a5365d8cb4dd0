//! A flood of mixed uploads from exhibitors' teams, each team from its own loopback address
//! with as many uploads at once as one client may have: large photos to decode and re-encode,
//! product lists to import, 3D models, PDFs and videos, and bombs and oversize files among
//! them, one kind after another.

use super::files;
use super::tally::{self, Tally};
use crate::commands::harness::client::{Client, File, loopback};
use std::sync::Arc;
use tokio::time::Instant;

/// The first loopback address the teams use.
const FIRST_ADDRESS: usize = 40_000;

/// Where an upload goes.
#[derive(Clone, Copy)]
enum Route {
    Logo,
    Banner,
    /// The team's own product list (`files::products_csv`), imported.
    ProductList,
    /// The kind's file, imported.
    Import,
    Model,
    Video,
    Attachment,
}

/// One kind of upload of the mix.
pub struct Kind {
    pub what: &'static str,
    route: Route,
    name: &'static str,
    content_type: &'static str,
    bytes: Vec<u8>,
}

/// A team that uploads: its session, exhibitor, a product of it and a conversation with a
/// buyer.
pub struct Team {
    pub cookie: String,
    pub exhibitor: i64,
    pub product: i64,
    pub conversation: i64,
}

/// The mix (each team's product list is made as it is sent, under SKUs of its own); the video
/// only where ffmpeg can make one in `dir`.
pub fn kinds(dir: &std::path::Path) -> Vec<Kind> {
    let kind = |what, route, name, content_type, bytes| Kind {
        what,
        route,
        name,
        content_type,
        bytes,
    };
    let mut oversize = files::photo_jpeg(64, 64);
    oversize.resize(crate::media::imaging::MAX_UPLOAD_BYTES + 1, 0);
    let mut kinds = vec![
        kind(
            "a 2,400 × 1,600 photo as the logo",
            Route::Logo,
            "logo.jpg",
            "image/jpeg",
            files::photo_jpeg(2_400, 1_600),
        ),
        kind(
            "a 1,600 × 600 banner",
            Route::Banner,
            "banner.jpg",
            "image/jpeg",
            files::photo_jpeg(1_600, 600),
        ),
        kind(
            "a GIF declaring 65,535 pixels a side",
            Route::Banner,
            "banner.gif",
            "image/gif",
            files::gif_bomb(),
        ),
        kind(
            "a logo one byte over 5 MiB",
            Route::Logo,
            "logo.jpg",
            "image/jpeg",
            oversize,
        ),
        kind(
            "a CSV of 100 products",
            Route::ProductList,
            "products.csv",
            "text/csv",
            Vec::new(),
        ),
        kind(
            "an XLSX unpacking to 96 MB",
            Route::Import,
            "products.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            files::xlsx_zip_bomb(),
        ),
        kind(
            "a 3D model (.glb)",
            Route::Model,
            "lamp.glb",
            "model/gltf-binary",
            crate::media::models3d::triangle_glb(),
        ),
        kind(
            "a PDF attachment",
            Route::Attachment,
            "order.pdf",
            "application/pdf",
            files::PDF.to_vec(),
        ),
        kind(
            "a PDF declaring a 99 GB stream",
            Route::Attachment,
            "order.pdf",
            "application/pdf",
            files::PDF_BOMB.to_vec(),
        ),
    ];
    if let Some(video) = files::test_video(dir, "mp4", "duration=2:size=320x240:rate=10") {
        kinds.push(kind(
            "a 2-second MP4 video",
            Route::Video,
            "booth.mp4",
            "video/mp4",
            video,
        ));
    }
    kinds
}

/// `clients` uploaders spread over `teams` until `until`, each team from its own address.
pub async fn flood(
    server: Client,
    teams: Arc<Vec<Team>>,
    kinds: Arc<Vec<Kind>>,
    clients: usize,
    until: Instant,
) -> Tally {
    tally::flood(clients, until, move |client, n| {
        let (teams, kinds) = (teams.clone(), kinds.clone());
        async move {
            let Some(team) = teams.get(client % teams.len().max(1)) else {
                return "no team".into();
            };
            let kind = &kinds[n as usize % kinds.len()];
            let from = server.from(loopback(FIRST_ADDRESS + client % teams.len()));
            let answer = upload(from, team, kind, n).await;
            format!("{}: {}", kind.what, tally::label(&answer))
        }
    })
    .await
}

async fn upload(
    client: Client,
    team: &Team,
    kind: &Kind,
    n: u64,
) -> anyhow::Result<crate::commands::harness::client::Answer> {
    let exhibitor = team.exhibitor.to_string();
    let client_id = format!("flood-{n}");
    let csv;
    let (path, fields, bytes): (String, Vec<(&str, &str)>, &[u8]) = match kind.route {
        Route::Logo => (
            "/exhibitor/logo".into(),
            vec![("exhibitor", &exhibitor)],
            &kind.bytes,
        ),
        Route::Banner => (
            "/exhibitor/banner".into(),
            vec![("exhibitor", &exhibitor)],
            &kind.bytes,
        ),
        Route::Video => (
            "/exhibitor/video".into(),
            vec![("exhibitor", &exhibitor)],
            &kind.bytes,
        ),
        Route::ProductList => {
            csv = files::products_csv(&format!("flood-{}-", team.exhibitor), 100);
            (
                "/exhibitor/products/import".into(),
                vec![("exhibitor", &exhibitor)],
                &csv,
            )
        }
        Route::Import => (
            "/exhibitor/products/import".into(),
            vec![("exhibitor", &exhibitor)],
            &kind.bytes,
        ),
        Route::Model => (
            format!("/exhibitor/products/{}/model", team.product),
            Vec::new(),
            &kind.bytes,
        ),
        Route::Attachment => (
            format!("/messages/{}/attachments", team.conversation),
            vec![("client_id", &client_id), ("body", "The order, attached")],
            &kind.bytes,
        ),
    };
    let file = File {
        name: kind.name,
        content_type: kind.content_type,
        bytes,
    };
    client.multipart(&path, &team.cookie, &fields, file).await
}
