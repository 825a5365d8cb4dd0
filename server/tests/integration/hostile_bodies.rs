//! Hostile bodies for every server function and every upload form. The server functions are
//! not listed by hand: the paths come from the ones Leptos registered in this process, and
//! their argument names from their signatures in `app/src/api`. Each gets, as a visitor and
//! as a signed-in buyer, an empty body, garbage bytes, JSON where a form is expected, forms
//! whose every argument has the wrong type (overflowing, negative, fractional, infinite,
//! empty), invalid UTF-8 and percent-encoding, and a 5 MB body; each also as a plain form
//! without JavaScript (`Accept: text/html`). No answer is a 5xx, a plain form is sent back to
//! a page of this site, and the server goes on answering.

use crate::support::hostile::{assert_nothing_left, kept, still_serving};
use crate::support::http::{Response, send};
use crate::support::{self, TestApp};
use futures_util::StreamExt;
use server::demo::accounts::{BUYER, EXHIBITOR};

/// Each server function's path and the names of its arguments, read from its signature.
pub fn server_functions() -> Vec<(String, Vec<String>)> {
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src/api");
    let mut signatures = std::collections::BTreeMap::new();
    for file in std::fs::read_dir(source).unwrap() {
        let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
        for declared in text.split("#[server(").skip(1) {
            let Some(name) = declared
                .split("pub async fn ")
                .nth(1)
                .and_then(|rest| rest.split('(').next())
            else {
                continue;
            };
            let after = &declared[declared.find("pub async fn ").unwrap_or(0)..];
            let open = after.find('(').unwrap_or(0) + 1;
            let mut depth = 1;
            let close = after[open..].find(|c| {
                depth += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                depth == 0
            });
            signatures.insert(
                name.to_owned(),
                argument_names(&after[open..open + close.unwrap_or(0)]),
            );
        }
    }
    let mut functions: Vec<(String, Vec<String>)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            assert_eq!(method, axum::http::Method::POST, "{path}");
            let name = path.trim_start_matches("/api/");
            let args = signatures
                .get(name)
                .unwrap_or_else(|| panic!("the signature of {path}"));
            (path.to_owned(), args.clone())
        })
        .collect();
    // Signing out last, so that the buyer's session serves every other function.
    functions.sort_by_key(|(path, _)| (path.contains("log_out"), path.clone()));
    assert!(
        functions.len() >= 70,
        "{} server functions registered",
        functions.len()
    );
    functions
}

/// `exhibitor: ExhibitorId, #[server(default)] form: Form<A, B>` → `["exhibitor", "form"]`.
fn argument_names(args: &str) -> Vec<String> {
    let (mut names, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in args.chars().chain([',']) {
        match c {
            '<' | '(' | '[' => depth += 1,
            '>' | ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                let arg = current.trim();
                let arg = arg.rsplit(']').next().unwrap_or(arg).trim();
                if let Some((name, _)) = arg.split_once(':') {
                    names.push(name.trim().trim_start_matches("mut ").to_owned());
                }
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    names
}

/// The hostile bodies for a function with arguments `args`: a name, a content type, bytes.
fn bodies(args: &[String]) -> Vec<(String, &'static str, Vec<u8>)> {
    const FORM: &str = "application/x-www-form-urlencoded";
    let every = |value: &str| -> Vec<u8> {
        let fields: Vec<String> = args
            .iter()
            .flat_map(|a| [format!("{a}={value}"), format!("{a}[x]={value}")])
            .collect();
        fields.join("&").into_bytes()
    };
    let mut bodies = vec![
        ("empty".to_owned(), FORM, Vec::new()),
        (
            "garbage bytes".to_owned(),
            FORM,
            (0..=255u8).cycle().take(2048).collect(),
        ),
        (
            "JSON in a form".to_owned(),
            FORM,
            br#"{"id":"abc","form":{"x":[1e309]}}"#.to_vec(),
        ),
        (
            "JSON".to_owned(),
            "application/json",
            format!(
                "{{{}}}",
                args.iter()
                    .map(|a| format!("\"{a}\":{{\"x\":-1}}"))
                    .collect::<Vec<_>>()
                    .join(",")
            )
            .into_bytes(),
        ),
        (
            "a form of the wrong type".to_owned(),
            "text/plain",
            every("abc"),
        ),
        (
            "invalid UTF-8".to_owned(),
            FORM,
            [every("x").as_slice(), b"\xff\xfe\xc3\x28"].concat(),
        ),
        (
            "invalid UTF-8, percent-encoded".to_owned(),
            FORM,
            every("%FF%FE%C3%28%00"),
        ),
        ("invalid percent-encoding".to_owned(), FORM, every("%zz%")),
    ];
    for value in [
        "abc",
        "1e309",
        "-1",
        "0.5",
        "99999999999999999999",
        "9223372036854775807",
        "-9223372036854775808",
        "NaN",
        "",
        "a%00b",
    ] {
        bodies.push((format!("every argument = {value:?}"), FORM, every(value)));
    }
    bodies
}

/// Sends `body` to `path` as `cookie` (a script, or a plain form), returning the answer.
async fn call(
    app: &TestApp,
    path: &str,
    cookie: Option<&str>,
    plain: bool,
    (content_type, body): (&str, &[u8]),
) -> Response {
    let mut headers = vec![("Content-Type", content_type)];
    headers.extend(cookie.map(|c| ("Cookie", c)));
    if plain {
        headers.push(("Accept", "text/html,application/xhtml+xml"));
    }
    send(app.addr, "POST", path, &headers, body).await
}

/// Fails on a 5xx, and on a plain form sent anywhere but a page of this site.
fn assert_answered(answer: &Response, what: &str, plain: bool) {
    assert!(
        answer.status < 500,
        "{what}: {} {}",
        answer.status,
        answer.text()
    );
    if plain && (300..400).contains(&answer.status) {
        let location = answer.header("location").unwrap_or_default();
        assert!(
            location.starts_with('/') && !location.starts_with("//"),
            "{what}: sent to {location:?}"
        );
    }
}

/// Every body to every function as `cookie`, eight at a time; the number of requests.
async fn sweep(app: &TestApp, cookie: Option<&str>) -> usize {
    let mut requests = Vec::new();
    for (path, args) in server_functions() {
        for (name, content_type, body) in bodies(&args) {
            for plain in [false, true] {
                requests.push((
                    path.clone(),
                    name.clone(),
                    content_type,
                    body.clone(),
                    plain,
                ));
            }
        }
    }
    let count = requests.len();
    let calls = requests
        .into_iter()
        .map(|(path, name, content_type, body, plain)| async move {
            let answer = call(app, &path, cookie, plain, (content_type, &body)).await;
            let who = if cookie.is_some() {
                "a buyer"
            } else {
                "a visitor"
            };
            assert_answered(
                &answer,
                &format!("{path} as {who}, {name}, plain {plain}"),
                plain,
            );
            answer.status
        });
    let statuses: Vec<u16> = futures_util::stream::iter(calls)
        .buffer_unordered(8)
        .collect()
        .await;
    let refused = statuses.iter().filter(|s| (400..500).contains(*s)).count();
    // Plain forms are mostly sent back with a redirect, and functions without arguments
    // answer; the rest are refused.
    assert!(refused * 5 > count * 2, "refused: {refused} of {count}");
    count
}

on_both_engines! { mod hostile_bodies; support::spawn_app;

    async fn every_server_function_refuses_hostile_bodies_without_a_5xx(app) {
        let buyer = app.sign_in(BUYER.email, BUYER.password).await;
        let before = kept(&app).await;
        let visitor = sweep(&app, None).await;
        still_serving(&app).await;
        let signed_in = sweep(&app, Some(&buyer)).await;
        still_serving(&app).await;
        let after = kept(&app).await;
        assert_eq!(after.files, before.files, "no file written");
        assert!(visitor + signed_in > 2_000, "{visitor} + {signed_in} requests");
        println!("{visitor} requests as a visitor, {signed_in} as a buyer");
    }

    async fn a_five_megabyte_body_to_every_server_function_is_413(app) {
        let body = format!("x={}", "a".repeat(5 * 1024 * 1024)).into_bytes();
        let functions = server_functions();
        let calls = functions.iter().map(|(path, _)| {
            let body = &body;
            let app = &app;
            async move {
                let answer = call(app, path, None, false, ("application/x-www-form-urlencoded", body)).await;
                assert_eq!(answer.status, 413, "{path}: {}", answer.text());
                let plain = call(app, path, None, true, ("application/x-www-form-urlencoded", body)).await;
                assert_answered(&plain, &format!("{path}, 5 MB, plain"), true);
            }
        });
        futures_util::stream::iter(calls).buffer_unordered(4).collect::<Vec<()>>().await;
        still_serving(&app).await;
    }

    async fn upload_forms_refuse_malformed_bodies_and_keep_nothing(app) {
        let owner = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
        let forms = ["/exhibitor/logo", "/exhibitor/banner", "/exhibitor/video", "/exhibitor/products/import",
            "/exhibitor/products/1/photos", "/exhibitor/products/1/model", "/messages/1/attachments"];
        let boundary = "multipart/form-data; boundary=xyz";
        let bodies: [(&str, &str, &[u8]); 8] = [
            ("no boundary", "multipart/form-data", b"--xyz\r\n\r\n--xyz--\r\n"),
            ("a form, not multipart", "application/x-www-form-urlencoded", b"exhibitor=1&file=abc"),
            ("garbage", boundary, b"\xff\xfe\x00garbage\r\n\r\n"),
            ("empty", boundary, b""),
            ("cut before the end", boundary, b"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\x89PNG"),
            ("no file", boundary, b"--xyz\r\nContent-Disposition: form-data; name=\"exhibitor\"\r\n\r\n1\r\n--xyz--\r\n"),
            ("an exhibitor that is not a number", boundary, b"--xyz\r\nContent-Disposition: form-data; name=\"exhibitor\"\r\n\r\n99999999999999999999\r\n--xyz--\r\n"),
            ("a part without a name", boundary, b"--xyz\r\nContent-Disposition: form-data\r\n\r\n1\r\n--xyz--\r\n"),
        ];
        let before = kept(&app).await;
        for path in forms {
            for (name, content_type, body) in bodies {
                for plain in [false, true] {
                    let answer = call(&app, path, Some(&owner), plain, (content_type, body)).await;
                    let what = format!("{path}: {name}, plain {plain}");
                    assert_answered(&answer, &what, plain);
                    if !plain {
                        assert!((400..500).contains(&answer.status), "{what}: {} {}", answer.status, answer.text());
                    } else {
                        assert!((300..500).contains(&answer.status), "{what}: {}", answer.status);
                    }
                }
            }
        }
        assert_nothing_left(&app, &before, "malformed upload forms").await;
        still_serving(&app).await;
    }
}
