//! `robots.txt` and the sitemap: an index pointing at `pages.xml` and at numbered files of
//! exhibitors and products, each within the protocol's 50,000-URL limit, once with the plain
//! addresses (which answer in the visitor's language) and once per language
//! (`/sitemaps/fr/pages.xml`, listing `…?lang=fr`: the addresses pages name as their
//! `hreflang` alternates).

use crate::storage::Db;
use crate::storage::sitemap::{CHUNK, SitemapTable};
use app::error::AppError;
use app::links::in_language;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::fmt::Write;
use std::sync::Arc;

pub async fn robots(State(public_url): State<Arc<str>>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /lang/\n\nSitemap: {}/sitemap.xml\n",
        public_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

pub async fn sitemap_index(State(db): State<Db>, State(public_url): State<Arc<str>>) -> Response {
    let result = async {
        let mut files = vec!["pages.xml".to_owned()];
        for table in [SitemapTable::Exhibitors, SitemapTable::Products] {
            let chunks = (db.max_id(table).await? + CHUNK - 1) / CHUNK;
            files.extend((0..chunks).map(|n| format!("{}-{n}.xml", table.name())));
        }
        Ok::<_, sqlx::Error>(files)
    }
    .await;
    let folders: Vec<String> = std::iter::once(String::new())
        .chain(app::languages::codes().map(|code| format!("{code}/")))
        .collect();
    match result {
        Ok(files) => sitemap_xml(
            "sitemapindex",
            "sitemap",
            folders.iter().flat_map(|folder| {
                let public_url = &public_url;
                files
                    .iter()
                    .map(move |file| format!("{public_url}/sitemaps/{folder}{file}"))
            }),
        ),
        Err(error) => internal(error),
    }
}

/// `/sitemaps/pages.xml`, `/sitemaps/exhibitors-N.xml`, `/sitemaps/products-N.xml`.
pub async fn sitemap(
    State(db): State<Db>,
    State(public_url): State<Arc<str>>,
    Path(file): Path<String>,
) -> Response {
    sitemap_file(&db, &public_url, &file, None).await
}

/// The same files in one language: `/sitemaps/{code}/…`, every address with `?lang={code}`.
pub async fn sitemap_in(
    State(db): State<Db>,
    State(public_url): State<Arc<str>>,
    Path((code, file)): Path<(String, String)>,
) -> Response {
    match app::languages::known(&code) {
        Some(code) => sitemap_file(&db, &public_url, &file, Some(code)).await,
        None => no_such_sitemap(),
    }
}

async fn sitemap_file(db: &Db, public_url: &str, file: &str, language: Option<&str>) -> Response {
    let Some(stem) = file.strip_suffix(".xml") else {
        return no_such_sitemap();
    };
    let paths = if stem == "pages" {
        db.structure_paths().await.map(|mut p| {
            p.insert(0, "/".to_owned());
            p.insert(1, "/exhibitors".to_owned());
            p
        })
    } else {
        let parsed = stem.split_once('-').and_then(|(kind, n)| {
            let table = match kind {
                "exhibitors" => SitemapTable::Exhibitors,
                "products" => SitemapTable::Products,
                _ => return None,
            };
            n.parse::<i64>()
                .ok()
                .filter(|n| (0..1_000_000).contains(n))
                .map(|n| (table, n))
        });
        let Some((table, n)) = parsed else {
            return no_such_sitemap();
        };
        let prefix = if table == SitemapTable::Exhibitors {
            "/exhibitors/"
        } else {
            "/products/"
        };
        db.sitemap_chunk(table, n).await.map(|segments| {
            segments
                .into_iter()
                .map(|s| format!("{prefix}{s}"))
                .collect()
        })
    };
    match paths {
        Ok(paths) if paths.is_empty() && stem != "pages" => no_such_sitemap(),
        Ok(paths) => sitemap_xml(
            "urlset",
            "url",
            paths.iter().map(|path| match language {
                Some(code) => format!("{public_url}{}", in_language(path, code)),
                None => format!("{public_url}{path}"),
            }),
        ),
        Err(error) => internal(error),
    }
}

/// A sitemap file: `root` holding one `entry` per location, each with its `<loc>`.
fn sitemap_xml(root: &str, entry: &str, locations: impl Iterator<Item = String>) -> Response {
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#
    );
    for location in locations {
        let _ = write!(
            xml,
            "<{entry}><loc>{}</loc></{entry}>",
            escape_xml(&location)
        );
    }
    let _ = write!(xml, "</{root}>");
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
        .into_response()
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn no_such_sitemap() -> Response {
    (StatusCode::NOT_FOUND, "no such sitemap\n").into_response()
}

fn internal(error: sqlx::Error) -> Response {
    let error = AppError::internal(error);
    (StatusCode::INTERNAL_SERVER_ERROR, format!("{error}\n")).into_response()
}
