//! The product editor through the real app on both engines: creating, editing, publishing,
//! ordering and deleting products, their photos, who may do it, and what buyers see.

use crate::support;
use app::domain::ExhibitorId;
use image::{DynamicImage, ImageFormat, RgbImage};
use server::demo::accounts::{BUYER, EXHIBITOR, OTHER_EXHIBITOR};
use std::io::Cursor;
use support::TestApp;
use support::http::{Part, Response, post_multipart};

/// A product of exhibitor 1 (the demo exhibitor owner's), published and new.
pub const PRODUCT: &str = "exhibitor=1&form[title_en]=Solar+lantern+S1&form[sku]=SL-1\
    &form[description_en]=Bright+for+12+hours&form[specs]=Battery%3A+2000+mAh%0AWeight%3A+300+g\
    &form[price_min]=4.20&form[price_max]=5.10&form[currency]=USD&form[moq]=500\
    &form[unit_en]=pieces&form[lead_time_days]=25&form[hs_code]=9405.40&form[is_new]=on\
    &form[published]=on";

/// The id a successful `save_product` answered with.
pub fn saved_id(response: &Response) -> i64 {
    assert_eq!(response.status, 200, "{}", response.text());
    let id: serde_json::Value = serde_json::from_slice(&response.body).expect("json");
    id.as_i64().unwrap_or_else(|| panic!("an id: {id}"))
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db.db.pool)
        .await
        .expect("a count")
}

/// Exhibitor 1's published products as its booth counts them.
async fn listed(app: &TestApp) -> i64 {
    count(app, "SELECT product_count FROM exhibitors WHERE id = 1").await
}

fn photo(format: ImageFormat) -> Vec<u8> {
    let image = DynamicImage::ImageRgb8(RgbImage::from_fn(900, 600, |x, y| {
        image::Rgb([(x % 256) as u8, 120, (y % 256) as u8])
    }));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).expect("encode");
    out.into_inner()
}

pub async fn upload(
    app: &TestApp,
    cookie: Option<&str>,
    product: i64,
    files: &[&[u8]],
) -> Response {
    let headers: Vec<(&str, &str)> = cookie.map(|c| ("Cookie", c)).into_iter().collect();
    let parts: Vec<Part> = files
        .iter()
        .map(|content| Part {
            name: "file",
            file_name: Some("photo.jpg"),
            content_type: "image/jpeg",
            content,
        })
        .collect();
    let path = format!("/exhibitor/products/{product}/photos");
    post_multipart(app.addr, &path, &headers, &parts).await
}

on_both_engines! { mod products; support::spawn_app;

    async fn a_team_creates_publishes_orders_and_deletes_products(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        let before = listed(&app).await;
        let products_before = count(&app, "SELECT COUNT(*) FROM products").await;

        assert_eq!(app.status_as(None, "/api/save_product", PRODUCT).await, 401);
        assert_eq!(app.status_as(Some(&buyer), "/api/save_product", PRODUCT).await, 403);
        assert_eq!(app.status_as(Some(&other), "/api/save_product", PRODUCT).await, 403, "another exhibitor's booth");
        let bad = app.post("/api/save_product", &[("Cookie", &owner)], &PRODUCT.replace("price_min]=4.20", "price_min]=abc").replace("hs_code]=9405.40", "hs_code]=94")).await;
        assert_eq!(bad.status, 400);
        assert!(bad.text().contains("price_invalid") && bad.text().contains("hs_code_invalid"), "{}", bad.text());
        assert_eq!(count(&app, "SELECT COUNT(*) FROM products").await, products_before, "nothing saved");

        let id = saved_id(&app.post("/api/save_product", &[("Cookie", &owner)], PRODUCT).await);
        assert_eq!(listed(&app).await, before + 1);
        let page = app.get(&format!("/products/{id}")).await;
        assert_eq!(page.status, 200);
        let html = page.text();
        for shown in ["Solar lantern S1", "US$ 4.20–5.10", "9405.40", "Battery", "2000 mAh", "pieces"] {
            assert!(html.contains(shown), "the product page shows {shown}");
        }
        // Its price as each language writes numbers.
        for (code, price) in [("fr", "US$ 4,20–5,10"), ("ru", "US$ 4,20–5,10"), ("zh", "US$ 4.20–5.10")] {
            let page = app.get(&format!("/products/{id}?lang={code}")).await.text();
            assert!(page.contains(price), "{code}: {price}");
        }
        let twin = app.post("/api/save_product", &[("Cookie", &owner)], &PRODUCT.replace("S1", "S2")).await;
        assert_eq!(twin.status, 400);
        assert!(twin.text().contains("sku_taken"), "{}", twin.text());

        // A draft is the team's only: buyers get 404 and the booth does not count it; the
        // team previews it on its public page, marked as a draft and kept out of search engines.
        let draft = PRODUCT.replace("&form[published]=on", "");
        let edit = format!("{draft}&id={id}");
        assert_eq!(app.status_as(Some(&owner), "/api/save_product", &edit).await, 200);
        let path = format!("/products/{id}");
        assert_eq!(app.get(&path).await.status, 404);
        assert_eq!(app.get_with(&path, &[("Cookie", &buyer)]).await.status, 404);
        assert_eq!(app.get_with(&path, &[("Cookie", &other)]).await.status, 404, "another team: no hint it exists");
        assert_eq!(app.status_as(Some(&other), "/api/get_product", &format!("id={id}")).await, 404);
        let preview = app.get_with(&path, &[("Cookie", &owner)]).await;
        assert_eq!(preview.status, 200);
        let html = preview.text();
        assert!(html.contains("Solar lantern S1") && html.contains("A draft: only your team sees this page"), "{html}");
        assert!(html.contains(r#"name="robots" content="noindex""#));
        assert!(!app.get(&path).await.text().contains("Solar lantern S1"), "the preview is not cached for others");

        // The editor autosaves a draft, never publishes it that way, and leaves a published
        // product alone; only its team may.
        let autosave = format!("id={id}&{}", draft.replace("exhibitor=1&", "").replace("Solar+lantern+S1", "Solar+lantern+S1+draft"));
        assert_eq!(app.status_as(None, "/api/autosave_product", &autosave).await, 401);
        assert_eq!(app.status_as(Some(&buyer), "/api/autosave_product", &autosave).await, 403);
        assert_eq!(app.status_as(Some(&other), "/api/autosave_product", &autosave).await, 403);
        assert_eq!(app.status_as(Some(&owner), "/api/autosave_product", &autosave.replace("price_min]=4.20", "price_min]=x")).await, 400);
        assert_eq!(app.status_as(Some(&owner), "/api/autosave_product", &format!("{autosave}&form[published]=on")).await, 400, "autosave never publishes");
        assert_eq!(app.status_as(Some(&owner), "/api/autosave_product", &autosave).await, 200);
        let title = |app: &support::TestApp| {
            let pool = app.db.db.pool.clone();
            async move { sqlx::query_scalar::<_, String>("SELECT title_en FROM products WHERE id = $1").bind(id).fetch_one(&pool).await.unwrap() }
        };
        assert_eq!(title(&app).await, "Solar lantern S1 draft");
        assert_eq!(app.get(&path).await.status, 404, "still a draft");
        assert_eq!(listed(&app).await, before);
        let list = app.get_with("/exhibitor/products", &[("Cookie", &owner)]).await;
        assert_eq!(list.status, 200);
        assert!(list.text().contains("Solar lantern S1") && list.text().contains("Draft"));
        assert_eq!(app.status_as(Some(&owner), "/api/save_product", &format!("{PRODUCT}&id={id}")).await, 200);
        assert_eq!(app.status_as(Some(&owner), "/api/autosave_product", &autosave).await, 409, "a published product is saved by hand");
        assert_eq!(title(&app).await, "Solar lantern S1");

        // Someone else's product cannot be touched, whatever exhibitor the form names.
        let theirs = format!("{}&id={id}", PRODUCT.replace("exhibitor=1", "exhibitor=999"));
        assert_eq!(app.status_as(Some(&other), "/api/save_product", &theirs).await, 403);
        assert_eq!(app.status_as(Some(&buyer), "/api/delete_product", &format!("id={id}")).await, 403);
        assert_eq!(app.status_as(Some(&other), "/api/delete_product", &format!("id={id}")).await, 403);
        assert_eq!(app.status_as(None, "/api/delete_product", &format!("id={id}")).await, 401);
        assert_eq!(app.status_as(Some(&owner), "/api/delete_product", "id=99999999").await, 404);

        // Moving the new product before the first one puts it first on the booth.
        let first: i64 = count(&app, "SELECT id FROM products WHERE exhibitor_id = 1 ORDER BY position LIMIT 1").await;
        let order = format!("exhibitor=1&ids[0]={id}&ids[1]={first}");
        assert_eq!(app.status_as(Some(&other), "/api/reorder_products", &order).await, 403);
        let last_of_other: i64 = count(&app, "SELECT MAX(id) FROM products WHERE exhibitor_id <> 1").await;
        let foreign = format!("exhibitor=1&ids[0]={id}&ids[1]={last_of_other}");
        assert_eq!(app.status_as(Some(&owner), "/api/reorder_products", &foreign).await, 404);
        assert_eq!(app.status_as(Some(&owner), "/api/reorder_products", &order).await, 200);
        let booth = app.get(&format!("/exhibitors/{}", app.exhibitor_slug(1).await)).await.text();
        let (new_at, first_at) = (booth.find(&format!("/products/{id}\"")), booth.find(&format!("/products/{first}\"")));
        assert!(new_at.is_some() && new_at < first_at, "new first: {new_at:?} {first_at:?}");

        assert_eq!(app.status_as(Some(&owner), "/api/delete_product", &format!("id={id}")).await, 200);
        assert_eq!(app.get(&format!("/products/{id}")).await.status, 404);
        assert_eq!(listed(&app).await, before);
        let log = app.db.db.audit_log(ExhibitorId(1), 20).await.unwrap();
        let actions: Vec<String> = log.iter().filter(|e| e.entity == "product").map(|e| e.action.clone()).collect();
        assert_eq!(actions, ["delete", "update", "update", "update", "create"], "publish off, autosave, publish on: {log:?}");
        assert!(log.iter().any(|e| e.changes.iter().any(|(field, _, _)| field == "order")));
    }

    async fn product_photos_are_checked_stored_shown_and_removed(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        let id = saved_id(&app.post("/api/save_product", &[("Cookie", &owner)], PRODUCT).await);
        let (png, jpeg) = (photo(ImageFormat::Png), photo(ImageFormat::Jpeg));

        assert_eq!(upload(&app, None, id, &[&png]).await.status, 401);
        assert_eq!(upload(&app, Some(&buyer), id, &[&png]).await.status, 403);
        assert_eq!(upload(&app, Some(&other), id, &[&png]).await.status, 403);
        assert_eq!(upload(&app, Some(&owner), 99_999_999, &[&png]).await.status, 404);
        let files_before = std::fs::read_dir(app.media_dir()).map_or(0, |d| d.count());
        let mixed = upload(&app, Some(&owner), id, &[&png, b"<svg onload=alert(1)>"]).await;
        assert_eq!(mixed.status, 400);
        assert!(mixed.text().contains("not_an_image"));
        let nine: Vec<&[u8]> = vec![&png; 9];
        let too_many = upload(&app, Some(&owner), id, &nine).await;
        assert_eq!(too_many.status, 400);
        assert!(too_many.text().contains("too_many"));
        assert_eq!(std::fs::read_dir(app.media_dir()).map_or(0, |d| d.count()), files_before, "a refused batch leaves no file");

        let stored = upload(&app, Some(&owner), id, &[&png, &jpeg]).await;
        assert_eq!(stored.status, 200, "{}", stored.text());
        let urls: serde_json::Value = serde_json::from_slice(&stored.body).unwrap();
        let first = urls["urls"][0].as_str().unwrap().trim_end_matches(".jpg").to_owned();
        let large = format!("{first}-480.jpg");
        let served = app.get(&large).await;
        assert_eq!(served.status, 200);
        assert_eq!(served.header("content-type"), Some("image/jpeg"));
        let picture = image::load_from_memory(&served.body).unwrap();
        assert_eq!((picture.width(), picture.height()), (480, 320));
        let page = app.get(&format!("/products/{id}")).await.text();
        assert!(page.contains(&large), "the product page shows it");
        assert!(page.contains(&format!(r#"srcset="{large} 480w, {first}.jpg 1200w" sizes="(max-width: 520px) 100vw, 480px""#)),
            "and the full size for wide and dense screens: {page}");
        let photos = count(&app, &format!("SELECT COUNT(*) FROM product_images WHERE product_id = {id}")).await;
        assert_eq!(photos, 2);

        let remove = format!("id={id}&index=0");
        assert_eq!(app.status_as(Some(&other), "/api/remove_product_photo", &remove).await, 403);
        assert_eq!(app.status_as(Some(&owner), "/api/remove_product_photo", &format!("id={id}&index=5")).await, 404);
        assert_eq!(app.status_as(Some(&owner), "/api/remove_product_photo", &remove).await, 200);
        let page = app.get(&format!("/products/{id}")).await.text();
        assert!(!page.contains(&large), "the removed photo is gone from the page");
        let cover: Option<String> = sqlx::query_scalar(&format!("SELECT cover_hash FROM products WHERE id = {id}")).fetch_one(&app.db.db.pool).await.unwrap();
        assert!(cover.is_some_and(|hash| !first.contains(&hash)), "the second photo is the cover now");

        // Without JavaScript, the form goes back to the editor.
        let plain = [("Cookie", owner.as_str()), ("Accept", "text/html")];
        let parts = [Part { name: "file", file_name: Some("x.png"), content_type: "image/png", content: b"GIF89a broken" }];
        let refused = post_multipart(app.addr, &format!("/exhibitor/products/{id}/photos"), &plain, &parts).await;
        assert_eq!(refused.status, 303);
        assert_eq!(refused.header("location"), Some(format!("/exhibitor/products/{id}?errors=photos%3Aimage_corrupt").as_str()));
    }

    async fn a_3d_model_is_checked_stored_and_shown(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let other = app.sign_in(OTHER_EXHIBITOR.email, OTHER_EXHIBITOR.password).await;
        let id = saved_id(&app.post("/api/save_product", &[("Cookie", &owner)], PRODUCT).await);
        let send = |cookie: Option<String>, content: Vec<u8>| {
            let path = format!("/exhibitor/products/{id}/model");
            let addr = app.addr;
            async move {
                let headers: Vec<(&str, &str)> = cookie.as_deref().map(|c| ("Cookie", c)).into_iter().collect();
                let parts = [Part { name: "file", file_name: Some("lamp.glb"), content_type: "model/gltf-binary", content: &content }];
                post_multipart(addr, &path, &headers, &parts).await
            }
        };
        let glb = server::media::models3d::triangle_glb();
        assert_eq!(send(None, glb.clone()).await.status, 401);
        assert_eq!(send(Some(other.clone()), glb.clone()).await.status, 403);
        let files_before = std::fs::read_dir(app.media_dir()).map_or(0, |d| d.count());
        let html = send(Some(owner.clone()), b"<html><script>alert(1)</script></html>".to_vec()).await;
        assert_eq!(html.status, 400);
        assert!(html.text().contains("not_a_model"));
        let external = br#"{"asset":{"version":"2.0"},"buffers":[{"byteLength":4,"uri":"../../etc/passwd"}]}"#;
        let refused = send(Some(owner.clone()), external.to_vec()).await;
        assert!(refused.status == 400 && refused.text().contains("model_external"));
        let cut = send(Some(owner.clone()), glb[..glb.len() - 8].to_vec()).await;
        assert!(cut.status == 400 && cut.text().contains("model_corrupt"));
        assert_eq!(std::fs::read_dir(app.media_dir()).map_or(0, |d| d.count()), files_before, "nothing stored");

        let stored = send(Some(owner.clone()), glb.clone()).await;
        assert_eq!(stored.status, 200, "{}", stored.text());
        let urls: serde_json::Value = serde_json::from_slice(&stored.body).unwrap();
        let url = urls["urls"][0].as_str().unwrap().to_owned();
        assert!(url.ends_with(".glb"), "{url}");
        let served = app.get(&url).await;
        assert_eq!(served.status, 200);
        assert_eq!(served.header("content-type"), Some("model/gltf-binary"));
        assert_eq!(served.body, glb);
        let page = app.get(&format!("/products/{id}")).await.text();
        assert!(page.contains(&url) && page.contains("3D model"), "the product page offers the model");
        assert!(!page.contains("model-viewer.min.js"), "the viewer loads only when asked");
        let part = app.get_with(&url, &[("Range", "bytes=0-3")]).await;
        assert_eq!(part.status, 206, "ranges, for seeking in large files");
        assert_eq!(part.body, b"glTF");
    }
}
