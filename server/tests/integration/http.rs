//! The real app on a free port: statuses, headers and server-rendered HTML, on both engines.

use crate::support;

/// The first `href` in `html` that starts with `prefix`, as a path; fails the test if none.
fn first_link(html: &str, prefix: &str) -> String {
    let rest = html
        .split(&format!("href=\"{prefix}"))
        .nth(1)
        .unwrap_or_else(|| panic!("no link to {prefix}"));
    format!("{prefix}{}", rest.split('"').next().unwrap_or_default())
}

fn nonce_of(html: &str) -> Option<String> {
    let start = html.find("nonce=\"")? + 7;
    Some(html[start..start + html[start..].find('"')?].to_owned())
}

on_both_engines! { mod pages; support::spawn_app;

    async fn home_shows_the_session_categories_and_new_products(app) {
        let page = app.get("/").await;
        assert_eq!(page.status, 200);
        let html = page.text();
        assert!(html.contains("Cloud Fair Autumn Session (Online)"));
        assert_eq!(html.matches("href=\"/categories/").count(), 16);
        assert!(html.contains("<strong>1,200</strong>"), "product counter");
        assert!(html.contains("href=\"/products/"));
        assert!(html.contains("<title>Cloud Fair Autumn Session (Online) · Cloud Fair</title>"));
        // Absolute, from the public address (here the test server's own).
        assert!(html.contains(&format!("<link href=\"http://{}/\" rel=\"canonical\">", app.addr)));
    }

    async fn walk_category_section_hall_booth_product(app) {
        let category = app.get("/categories/lighting").await;
        assert_eq!(category.status, 200);
        assert!(category.text().contains("href=\"/sections/indoor-lighting\""));
        let section = app.get("/sections/indoor-lighting").await.text();
        let hall = app.get(&first_link(&section, "/halls/")).await;
        assert_eq!(hall.status, 200);
        let html = hall.text();
        assert!(html.contains("<svg"), "floor plan");
        assert!(html.contains("<table>"), "list view");
        let booth = app.get(&first_link(&html, "/exhibitors/")).await;
        assert_eq!(booth.status, 200);
        let booth_html = booth.text();
        assert!(booth_html.contains("/halls/"), "links back to its booths on the map");
        let product = app.get(&first_link(&booth_html, "/products/")).await;
        assert_eq!(product.status, 200);
        let product_html = product.text();
        assert!(product_html.contains("<tbody>"), "specification table");
        assert!(product_html.contains("?booth="), "where its booth is");
        assert!(product_html.contains("/media/products/"), "gallery");
    }

    async fn hall_highlights_the_requested_booth(app) {
        let code: String = sqlx::query_scalar("SELECT code FROM booths WHERE hall_id = 3 ORDER BY id LIMIT 1")
            .fetch_one(&app.db.db.pool).await.unwrap();
        let html = app.get(&format!("/halls/hall-1-3?booth={code}")).await.text();
        assert!(html.contains("class=\"booth match\""), "the booth is highlighted before any script runs");
        assert!(html.contains(&format!("value=\"{code}\"")) || html.contains("Matching booths: 1"));
    }

    async fn unknown_things_are_404(app) {
        for path in ["/products/99999999", "/products/abc", "/products/-1", "/exhibitors/nobody", "/halls/nowhere",
                     "/categories/nothing", "/sections/none", "/no/such/page", "/sitemaps/products-999.xml",
                     "/media/products/1/99.svg"] {
            let page = app.get(path).await;
            assert_eq!(page.status, 404, "{path}");
        }
        assert!(app.get("/no/such/page").await.text().contains("Page not found"));
    }

    async fn malformed_parameters_are_400_with_a_reason(app) {
        let page = app.get("/exhibitors?country=ZZ").await;
        assert_eq!(page.status, 400);
        assert!(page.text().contains("unknown country code"));
        assert_eq!(app.get("/exhibitors?after=abc").await.status, 400);
        assert_eq!(app.get("/exhibitors?category=%3Cscript%3E").await.status, 400);
        let booth: String = sqlx::query_scalar("SELECT slug FROM exhibitors WHERE id = 1").fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(app.get(&format!("/exhibitors/{booth}?after=-5")).await.status, 400);
    }

    async fn server_functions_answer_bad_arguments_with_400(app) {
        let unfiltered = app.post("/api/get_directory", &[], "").await;
        assert_eq!(unfiltered.status, 200, "no filter is the whole directory: {}", unfiltered.text());
        let missing = app.post("/api/get_booth_page", &[], "after=0").await;
        assert_eq!(missing.status, 400, "{}", missing.text());
        assert!(missing.text().contains("\"Validation\""), "{}", missing.text());
        assert_eq!(app.post("/api/get_product", &[], "id=abc").await.status, 400);
        assert_eq!(app.post("/api/get_product", &[], "id=99999999").await.status, 404);
    }

    async fn directory_filters_and_pages(app) {
        let first = app.get("/exhibitors?country=CN").await;
        assert_eq!(first.status, 200);
        let html = first.text();
        let next = html.split("rel=\"next\"").next().and_then(|s| s.rsplit("href=\"").next()).and_then(|s| s.split('"').next()).unwrap().replace("&amp;", "&");
        assert!(next.starts_with("/exhibitors?country=CN&after="), "{next}");
        let second = app.get(&next).await;
        assert_eq!(second.status, 200);
        assert!(second.text().contains("First page"));
    }

    async fn language_follows_the_cookie_and_the_switch(app) {
        let zh = app.get_with("/", &[("Cookie", "i18n_pref_locale=zh")]).await.text();
        assert!(zh.contains("lang=\"zh\""));
        assert!(zh.contains("展品类别"));
        assert!(zh.contains("云展会秋季线上展"));
        let switch = app.get("/lang/zh?next=/exhibitors%3Fcountry%3DCN").await;
        assert_eq!(switch.status, 303);
        assert_eq!(switch.header("location"), Some("/exhibitors?country=CN"));
        assert!(switch.header("set-cookie").unwrap().starts_with("i18n_pref_locale=zh"));
        assert_eq!(app.get("/lang/en?next=https://evil.example/").await.header("location"), Some("/"));
        let en = app.get_with("/", &[("Accept-Language", "en-US")]).await.text();
        assert!(en.contains("lang=\"en\""));
        // An unknown language changes nothing and returns quietly.
        let unknown = app.get("/lang/xx?next=/exhibitors").await;
        assert_eq!((unknown.status, unknown.header("location")), (303, Some("/exhibitors")));
        assert_eq!(unknown.header("set-cookie"), None);
        // The six languages, from the cookie or from Accept-Language; Arabic right to left.
        for (code, categories) in [("ar", "فئات المنتجات"), ("fr", "Catégories de produits"),
                                   ("es", "Categorías de productos"), ("ru", "Категории товаров")] {
            let chosen = app.get(&format!("/lang/{code}?next=/")).await;
            assert!(chosen.header("set-cookie").unwrap().starts_with(&format!("i18n_pref_locale={code}")));
            let page = app.get_with("/", &[("Cookie", &format!("i18n_pref_locale={code}"))]).await.text();
            assert!(page.contains(&format!("lang=\"{code}\"")), "{code}");
            assert!(page.contains(categories), "{code}: {categories}");
            let asked = app.get_with("/", &[("Accept-Language", &format!("{code};q=0.9, en;q=0.5"))]).await.text();
            assert!(asked.contains(&format!("lang=\"{code}\"")), "Accept-Language {code}");
            assert_eq!(page.contains("dir=\"rtl\""), code == "ar", "{code}");
        }
        // A malformed Accept-Language never fails a page.
        let odd = app.get_with("/", &[("Accept-Language", ";;q=abc,,*-*;q=2, zz-ZZZZ")]).await;
        assert_eq!(odd.status, 200);
    }

    async fn the_fairs_own_names_are_in_each_language(app) {
        // The category, its sections and the hall, each in the reader's language where the
        // fair wrote one (the demo fair has all six), else in English.
        let ru = app.get("/categories/lighting?lang=ru").await.text();
        assert!(ru.contains("Осветительное оборудование") && ru.contains("Внутреннее освещение"), "{ru}");
        let fr = app.get("/sections/indoor-lighting?lang=fr").await.text();
        assert!(fr.contains("Éclairage intérieur") && fr.contains("Équipements d’éclairage"), "{fr}");
        let ar = app.get("/halls/hall-1-1?lang=ar").await.text();
        assert!(ar.contains("القاعة 1.1"), "{ar}");
        let es = app.get("/?lang=es").await.text();
        assert!(es.contains("Sesión de otoño de Cloud Fair (en línea)") && es.contains("Electrónica y electrodomésticos"), "{es}");
        assert!(!es.contains("Electronics &amp; Household Electrical Appliances"), "{es}");
    }

    async fn every_language_has_its_own_address(app) {
        let base = format!("http://{}", app.addr);
        // `?lang=` shows that language, over the cookie, and keeps nothing.
        let fr = app.get_with("/categories/lighting?lang=fr", &[("Cookie", "i18n_pref_locale=zh")]).await;
        assert_eq!(fr.status, 200);
        assert_eq!(fr.header("set-cookie"), None);
        let fr = fr.text();
        assert!(fr.contains("lang=\"fr\""));
        assert!(fr.contains(&format!("<link href=\"{base}/categories/lighting?lang=fr\" rel=\"canonical\">")), "{fr}");
        // Every page names its six languages and the address that follows the visitor's.
        for code in ["en", "zh", "ar", "fr", "es", "ru"] {
            let alternate = format!("<link href=\"{base}/categories/lighting?lang={code}\" hreflang=\"{code}\" rel=\"alternate\">");
            assert!(fr.contains(&alternate), "{alternate}");
        }
        assert!(fr.contains(&format!("<link href=\"{base}/categories/lighting\" hreflang=\"x-default\" rel=\"alternate\">")));
        // A chosen language is read, not written back: the page may come from the page cache.
        let chosen = app.get_with("/categories/lighting", &[("Cookie", "i18n_pref_locale=zh")]).await;
        assert_eq!(chosen.header("set-cookie"), None);
        assert!(chosen.text().contains("lang=\"zh\""));
        let plain = app.get("/categories/lighting").await.text();
        assert!(plain.contains("lang=\"en\""));
        assert!(plain.contains(&format!("<link href=\"{base}/categories/lighting\" rel=\"canonical\">")));
        // An unknown code falls back quietly.
        let unknown = app.get("/?lang=xx").await;
        assert_eq!(unknown.status, 200);
        assert!(unknown.text().contains("lang=\"en\""));
        // The sitemaps list every address once per language.
        let index = app.get("/sitemap.xml").await.text();
        for code in ["ar", "ru"] {
            assert!(index.contains(&format!("{base}/sitemaps/{code}/products-0.xml")), "{code}");
        }
        let ar = app.get("/sitemaps/ar/products-0.xml").await.text();
        assert_eq!(ar.matches("?lang=ar</loc>").count(), 1200);
        let pages = app.get("/sitemaps/zh/pages.xml").await.text();
        assert!(pages.contains(&format!("<loc>{base}/?lang=zh</loc>")));
        assert!(pages.contains(&format!("<loc>{base}/halls/hall-1-1?lang=zh</loc>")));
        assert_eq!(app.get("/sitemaps/xx/pages.xml").await.status, 404);
    }

    async fn pages_carry_security_headers_and_a_fresh_nonce(app) {
        let first = app.get("/").await;
        let csp = first.header("content-security-policy").unwrap().to_owned();
        let nonce = nonce_of(&first.text()).expect("scripts carry a nonce");
        assert!(csp.contains(&format!("'nonce-{nonce}'")), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(first.header("x-content-type-options"), Some("nosniff"));
        assert!(first.header("referrer-policy").is_some());
        // The second answer comes from the page cache: the same page with a nonce of its own.
        let second = app.get("/").await;
        let fresh = nonce_of(&second.text()).unwrap();
        assert_ne!(fresh, nonce, "a new nonce per response");
        assert!(second.header("content-security-policy").unwrap().contains(&format!("'nonce-{fresh}'")));
        assert_eq!(second.text().replace(&fresh, "N"), first.text().replace(&nonce, "N"));
        let zh_after_en = app.get_with("/", &[("Cookie", "i18n_pref_locale=zh")]).await.text();
        assert!(zh_after_en.contains("lang=\"zh\""), "the language is part of the cache key");
        let image = app.get("/media/logos/3.svg").await;
        assert_eq!(image.header("content-type"), Some("image/svg+xml"));
        assert!(image.header("content-security-policy").unwrap().starts_with("default-src 'none'"));
    }

    async fn operations_endpoints(app) {
        let health = app.get("/healthz").await;
        assert_eq!((health.status, health.text().as_str()), (200, "ok\n"));
        assert!(app.get("/robots.txt").await.text().contains(&format!("Sitemap: http://{}/sitemap.xml", app.addr)));
        let index = app.get("/sitemap.xml").await.text();
        assert!(index.contains("/sitemaps/pages.xml") && index.contains("/sitemaps/products-0.xml"));
        let products = app.get("/sitemaps/products-0.xml").await.text();
        assert_eq!(products.matches("<url>").count(), 1200);
        let pages = app.get("/sitemaps/pages.xml").await.text();
        assert!(pages.contains("/halls/hall-1-1") && pages.contains("/categories/food"));
        // The service worker may fetch this site's pages and is checked for a new version on
        // every visit; the manifest is served as one.
        let worker = app.get("/sw.js").await;
        assert_eq!(worker.status, 200);
        assert!(worker.header("content-type").unwrap().contains("javascript"));
        assert_eq!(worker.header("cache-control"), Some("no-cache"));
        assert_eq!(worker.header("content-security-policy"), Some("default-src 'self'"));
        let manifest = app.get("/manifest.webmanifest").await;
        assert_eq!(manifest.header("content-type"), Some("application/manifest+json"));
        assert!(manifest.text().contains("\"start_url\": \"/\""));
        let compressed = app.get_with("/", &[("Accept-Encoding", "br")]).await;
        assert_eq!(compressed.header("content-encoding"), Some("br"));
    }
}

/// The binary refuses a bad configuration with one clear line, not a panic.
mod startup {
    use std::process::Command;

    fn run(args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
        let output = Command::new(env!("CARGO_BIN_EXE_server"))
            .args(args)
            .envs(env.iter().copied())
            .output()
            .unwrap();
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    #[test]
    fn bad_database_url_is_one_line() {
        let (ok, stderr) = run(&["serve"], &[("DATABASE_URL", "mysql://localhost/fair")]);
        assert!(!ok);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("DATABASE_URL must start with sqlite: or postgres:"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"));
    }

    #[test]
    fn unwritable_data_directory_is_one_line() {
        let (ok, stderr) = run(&["--data-dir", "/proc/cloud-fair", "serve"], &[]);
        assert!(!ok);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("data directory /proc/cloud-fair"),
            "{stderr}"
        );
    }

    #[test]
    fn unreachable_postgres_is_one_line() {
        let (ok, stderr) = run(
            &["serve"],
            &[("DATABASE_URL", "postgres://nobody:secret@127.0.0.1:1/fair")],
        );
        assert!(!ok);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("cannot open the database") && !stderr.contains("secret"),
            "{stderr}"
        );
    }
}
