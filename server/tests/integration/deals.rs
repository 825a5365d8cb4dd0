//! Deals through the server functions, on both engines: an inquiry gets quotations and a
//! counter-offer, an accepted quotation becomes an order whose contract both parties sign,
//! and the downloaded text hashes to what was recorded; the database refuses to change a
//! contract; bad values, other people's deals and simultaneous acceptances change nothing
//! they should not.

use crate::support::{self, TestApp};
use server::demo::accounts::{BUYER, EXHIBITOR};
use server::hashing::sha256_hex;

pub struct Deal {
    pub buyer: String,
    pub exhibitor: String,
    pub product: i64,
    pub inquiry: i64,
}

/// A published product of the demo exhibitor's company.
pub async fn product_of_a(app: &TestApp) -> i64 {
    let (a, _) = app.db.db.exhibitor_id_range().await.unwrap();
    sqlx::query_scalar(
        "SELECT id FROM products WHERE exhibitor_id = $1 AND published = 1 ORDER BY id LIMIT 1",
    )
    .bind(a.0)
    .fetch_one(&app.db.db.pool)
    .await
    .unwrap()
}

pub fn inquiry_form(product: i64) -> String {
    format!(
        "product={product}&form[quantity]=5000&form[target_price]=2.10&form[currency]=USD\
         &form[incoterm]=FOB&form[destination_country]=DE&form[destination_place]=Hamburg\
         &form[message]=Samples+first%3F"
    )
}

pub fn quotation_form(inquiry: i64, price: &str) -> String {
    format!(
        "inquiry={inquiry}&form[quantity]=5000&form[unit_price]={price}&form[currency]=USD\
         &form[moq]=1000&form[lead_time_days]=30&form[valid_days]=14&form[note]=Carton+packed"
    )
}

async fn latest(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT MAX(id) FROM {table}"))
        .fetch_one(&app.db.db.pool)
        .await
        .unwrap()
}

/// The demo buyer's inquiry about a product of the demo exhibitor.
pub async fn inquiry(app: &TestApp) -> Deal {
    let buyer = app.sign_in(BUYER.email, BUYER.password).await;
    let exhibitor = app.sign_in(EXHIBITOR.email, EXHIBITOR.password).await;
    inquiry_between(app, buyer, exhibitor).await
}

/// An inquiry of the buyer signed in as `buyer` to the exhibitor of `exhibitor`'s session.
pub async fn inquiry_between(app: &TestApp, buyer: String, exhibitor: String) -> Deal {
    let product = product_of_a(app).await;
    let sent = app
        .post(
            "/api/send_inquiry",
            &[("Cookie", &buyer)],
            &inquiry_form(product),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.text());
    let inquiry = latest(app, "inquiries").await;
    Deal {
        buyer,
        exhibitor,
        product,
        inquiry,
    }
}

/// The exhibitor quotes `price`; the new quotation's id.
pub async fn quote(app: &TestApp, deal: &Deal, price: &str) -> i64 {
    let quoted = app
        .post(
            "/api/send_quotation",
            &[("Cookie", &deal.exhibitor)],
            &quotation_form(deal.inquiry, price),
        )
        .await;
    assert_eq!(quoted.status, 200, "{}", quoted.text());
    latest(app, "quotations").await
}

pub fn answer(inquiry: i64, quotation: i64, answer: &str) -> String {
    format!(
        "inquiry={inquiry}&quotation={quotation}&form[answer]={answer}\
         &form[counter_price]=2.20&form[counter_quantity]=6000&form[note]=Closer+to+our+target"
    )
}

/// An inquiry quoted and accepted: its order's id.
pub async fn order(app: &TestApp) -> (Deal, i64) {
    order_of(app, inquiry(app).await).await
}

/// `deal` quoted and accepted: its order's id.
pub async fn order_of(app: &TestApp, deal: Deal) -> (Deal, i64) {
    let quotation = quote(app, &deal, "2.40").await;
    let accepted = app
        .post(
            "/api/answer_quotation",
            &[("Cookie", &deal.buyer)],
            &answer(deal.inquiry, quotation, "accept"),
        )
        .await;
    assert_eq!(accepted.status, 200, "{}", accepted.text());
    let order = latest(app, "orders").await;
    (deal, order)
}

pub async fn json(app: &TestApp, cookie: &str, path: &str, form: &str) -> serde_json::Value {
    let response = app.post(path, &[("Cookie", cookie)], form).await;
    assert_eq!(response.status, 200, "{path}: {}", response.text());
    serde_json::from_slice(&response.body).unwrap()
}

fn error_code(response: &support::http::Response) -> String {
    response.text()
}

on_both_engines! { mod deals; support::spawn_app;

    async fn an_inquiry_becomes_an_order_whose_signed_contract_verifies(app) {
        let deal = inquiry(&app).await;
        let first = quote(&app, &deal, "2.40").await;
        // The buyer counters; the team answers with a new quotation, which the buyer accepts.
        let countered = app
            .post("/api/answer_quotation", &[("Cookie", &deal.buyer)], &answer(deal.inquiry, first, "counter"))
            .await;
        assert_eq!(countered.status, 200, "{}", countered.text());
        let view = json(&app, &deal.exhibitor, "/api/get_inquiry", &format!("id={}", deal.inquiry)).await;
        assert_eq!(view["status"], "countered");
        assert_eq!(view["reader"], "exhibitor");
        assert_eq!(view["quotations"][0]["counter"]["unit_price_cents"], 220);
        assert_eq!(view["quotations"][0]["counter"]["quantity"], 6000);
        let second = quote(&app, &deal, "2.25").await;
        let accepted = app
            .post("/api/answer_quotation", &[("Cookie", &deal.buyer)], &answer(deal.inquiry, second, "accept"))
            .await;
        assert_eq!(accepted.status, 200, "{}", accepted.text());
        let order = latest(&app, "orders").await;

        // Both sides see the same order; the contract's text hashes to its recorded SHA-256.
        let seen = json(&app, &deal.buyer, "/api/get_order", &format!("id={order}")).await;
        let also = json(&app, &deal.exhibitor, "/api/get_order", &format!("id={order}")).await;
        assert_eq!(seen["status"], "placed");
        assert_eq!(seen["contract"], also["contract"]);
        assert_eq!(seen["total_cents"], 5000 * 225);
        let body = seen["contract"]["body"].as_str().unwrap().to_owned();
        let hash = seen["contract"]["sha256"].as_str().unwrap().to_owned();
        assert_eq!(sha256_hex(body.as_bytes()), hash);
        assert!(body.contains("Quantity: 5000"), "{body}");
        assert!(body.contains("2.25 USD, FOB \"Hamburg\", Germany"), "what the buyer typed is quoted: {body}");
        assert!(body.contains("Buyer: \""), "{body}");
        assert_eq!(seen["contract"]["intact"], true);

        // Both sign, each with the hash they were shown; a second signature of a side is refused.
        for (cookie, password) in [(&deal.buyer, BUYER.password), (&deal.exhibitor, EXHIBITOR.password)] {
            let signed = app
                .post("/api/sign_contract", &[("Cookie", cookie), ("User-Agent", "deal-test")],
                    &format!("order={order}&sha256={hash}&signer_name=Signer+Name&confirmation={password}"))
                .await;
            assert_eq!(signed.status, 200, "{}", signed.text());
        }
        let again = app
            .post("/api/sign_contract", &[("Cookie", &deal.buyer)], &format!("order={order}&sha256={hash}&signer_name=Again&confirmation=demo-buyer-2026"))
            .await;
        assert_eq!(again.status, 409, "{}", again.text());
        let signed = json(&app, &deal.exhibitor, "/api/get_order", &format!("id={order}")).await;
        let signatures = signed["contract"]["signatures"].as_array().unwrap();
        assert_eq!(signatures.len(), 2);
        assert!(signatures.iter().all(|s| s["ip"] == "127.0.0.1" && s["user_agent"] == "deal-test"), "{signatures:?}");

        assert_eq!(signed["contract"]["intact"], true);
        assert!(signatures.iter().all(|s| s["sha256"] == hash.as_str()));

        // Anyone with the link downloads exactly the hashed bytes, and sees no addresses.
        let token = signed["contract"]["token"].as_str().unwrap();
        let file = app.get(&format!("/contracts/{token}/contract.txt")).await;
        assert_eq!(file.status, 200);
        assert_eq!(sha256_hex(&file.body), hash);
        assert!(file.header("content-disposition").unwrap().contains("attachment"));
        let public = app.post("/api/get_contract", &[], &format!("token={token}")).await;
        let public: serde_json::Value = serde_json::from_slice(&public.body).unwrap();
        assert_eq!(public["contract"]["sha256"], hash.as_str());
        assert!(public["contract"]["signatures"].as_array().unwrap().iter().all(|s| s["ip"] == ""));
        let page = app.get(&format!("/contracts/{token}?hash={hash}")).await;
        assert_eq!(page.status, 200);
        assert!(page.text().contains("id=\"hash-check\" role=\"status\""), "the page confirms the hash");
        assert_eq!(app.get("/contracts/not-a-token/contract.txt").await.status, 404);
        assert_eq!(app.get("/contracts/not-a-token").await.status, 404);

        // The database itself refuses to change or remove a contract or a signature.
        for statement in [
            "UPDATE contracts SET body = 'changed'",
            "DELETE FROM contracts",
            "UPDATE contract_signatures SET signer_name = 'Someone else'",
            "DELETE FROM contract_signatures",
        ] {
            assert!(sqlx::query(statement).execute(&app.db.db.pool).await.is_err(), "{statement}");
        }
        let kept: String = sqlx::query_scalar("SELECT body FROM contracts").fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!(kept, body);

        // The order moves on: the exhibitor confirms and ships, the buyer confirms receipt.
        for (cookie, to) in [(&deal.exhibitor, "confirmed"), (&deal.exhibitor, "shipped"), (&deal.buyer, "completed")] {
            let moved = app.post("/api/move_order", &[("Cookie", cookie)], &format!("order={order}&status={to}")).await;
            assert_eq!(moved.status, 200, "{to}: {}", moved.text());
        }
        let done = json(&app, &deal.buyer, "/api/get_order", &format!("id={order}")).await;
        assert_eq!(done["status"], "completed");
        assert_eq!(done["history"].as_array().unwrap().len(), 4);
        let lists = json(&app, &deal.buyer, "/api/list_deals", "").await;
        assert_eq!(lists["inquiries"][0]["status"], "ordered");
        assert_eq!(lists["orders"][0]["status"], "completed");
    }

    async fn bad_values_and_wrong_turns_get_clear_answers_and_change_nothing(app) {
        let deal = inquiry(&app).await;
        let bad = app
            .post("/api/send_quotation", &[("Cookie", &deal.exhibitor)],
                &quotation_form(deal.inquiry, "-2").replace("form[lead_time_days]=30", "form[lead_time_days]=4000"))
            .await;
        assert_eq!(bad.status, 400);
        let text = error_code(&bad);
        assert!(text.contains("price_invalid") && text.contains("lead_time_days"), "{text}");
        let absurd = app
            .post("/api/send_quotation", &[("Cookie", &deal.exhibitor)],
                &quotation_form(deal.inquiry, "99999999").replace("form[quantity]=5000", "form[quantity]=999999999"))
            .await;
        assert_eq!(absurd.status, 400);
        assert!(error_code(&absurd).contains("total_too_large"));
        let bad_inquiry = app
            .post("/api/send_inquiry", &[("Cookie", &deal.buyer)], &inquiry_form(deal.product).replace("form[quantity]=5000", "form[quantity]=0"))
            .await;
        assert_eq!(bad_inquiry.status, 400);
        let count = |table: &'static str| {
            let pool = app.db.db.pool.clone();
            async move {
                sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&pool).await.unwrap()
            }
        };
        assert_eq!((count("inquiries").await, count("quotations").await), (1, 0));

        // An expired quotation cannot be accepted; the buyer cannot quote, nor the team accept.
        let quotation = quote(&app, &deal, "2.40").await;
        let buyer_quotes = app.post("/api/send_quotation", &[("Cookie", &deal.buyer)], &quotation_form(deal.inquiry, "1")).await;
        assert_eq!(buyer_quotes.status, 403);
        let team_accepts = app.post("/api/answer_quotation", &[("Cookie", &deal.exhibitor)], &answer(deal.inquiry, quotation, "accept")).await;
        assert_eq!(team_accepts.status, 403);
        sqlx::query("UPDATE quotations SET valid_until = 1 WHERE id = $1").bind(quotation).execute(&app.db.db.pool).await.unwrap();
        let expired = app.post("/api/answer_quotation", &[("Cookie", &deal.buyer)], &answer(deal.inquiry, quotation, "accept")).await;
        assert_eq!(expired.status, 409);
        assert!(error_code(&expired).contains("quotation_expired"));
        assert_eq!(count("orders").await, 0);

        // A declined inquiry takes no more quotations, and its quotation no second answer.
        let fresh = quote(&app, &deal, "2.30").await;
        let declined = app.post("/api/answer_quotation", &[("Cookie", &deal.buyer)], &answer(deal.inquiry, fresh, "decline")).await;
        assert_eq!(declined.status, 200, "{}", declined.text());
        let after = app.post("/api/send_quotation", &[("Cookie", &deal.exhibitor)], &quotation_form(deal.inquiry, "2.00")).await;
        assert_eq!(after.status, 409);
        assert!(error_code(&after).contains("inquiry_closed"));
        let twice = app.post("/api/answer_quotation", &[("Cookie", &deal.buyer)], &answer(deal.inquiry, fresh, "accept")).await;
        assert_eq!(twice.status, 409);
        let unknown = app.post("/api/answer_quotation", &[("Cookie", &deal.buyer)], &answer(deal.inquiry, 999_999, "accept")).await;
        assert_eq!(unknown.status, 404);

        // An order moves only forward, by the right side; a wrong hash signs nothing.
        let (deal, order) = order(&app).await;
        for (cookie, to, status) in [
            (&deal.buyer, "confirmed", 409),
            (&deal.exhibitor, "completed", 409),
            (&deal.exhibitor, "placed", 409),
            (&deal.exhibitor, "sideways", 400),
        ] {
            let moved = app.post("/api/move_order", &[("Cookie", cookie)], &format!("order={order}&status={to}")).await;
            assert_eq!(moved.status, status, "{to}: {}", moved.text());
        }
        let wrong = app
            .post("/api/sign_contract", &[("Cookie", &deal.buyer)], &format!("order={order}&sha256={}&signer_name=Buyer&confirmation=demo-buyer-2026", "0".repeat(64)))
            .await;
        assert_eq!(wrong.status, 409);
        assert!(error_code(&wrong).contains("contract_changed"));
        let nameless = app
            .post("/api/sign_contract", &[("Cookie", &deal.buyer)], &format!("order={order}&sha256=x&signer_name=+&confirmation=demo-buyer-2026"))
            .await;
        assert_eq!(nameless.status, 400);
        assert_eq!(count("contract_signatures").await, 0);
        // Cancelled, the contract can no longer be signed.
        let cancelled = app.post("/api/move_order", &[("Cookie", &deal.buyer)], &format!("order={order}&status=cancelled")).await;
        assert_eq!(cancelled.status, 200);
        let hash: String = sqlx::query_scalar("SELECT sha256 FROM contracts WHERE order_id = $1").bind(order).fetch_one(&app.db.db.pool).await.unwrap();
        let late = app
            .post("/api/sign_contract", &[("Cookie", &deal.buyer)], &format!("order={order}&sha256={hash}&signer_name=Buyer&confirmation=demo-buyer-2026"))
            .await;
        assert_eq!(late.status, 409);
    }

    async fn a_signature_to_another_text_breaks_the_contract(app) {
        let (deal, order) = order(&app).await;
        let seen = json(&app, &deal.buyer, "/api/get_order", &format!("id={order}")).await;
        let (token, hash) = (seen["contract"]["token"].as_str().unwrap().to_owned(), seen["contract"]["sha256"].as_str().unwrap().to_owned());
        // A signature written past the platform, to a text other than the contract's.
        sqlx::query(
            "INSERT INTO contract_signatures (contract_id, party, user_id, signer_name, sha256, signed_at, ip, user_agent) \
             SELECT id, 'exhibitor', 1, 'Forger', $1, 0, '', '' FROM contracts WHERE order_id = $2",
        )
        .bind("0".repeat(64))
        .bind(order)
        .execute(&app.db.db.pool)
        .await
        .unwrap();
        let public = app.post("/api/get_contract", &[], &format!("token={token}")).await;
        let public: serde_json::Value = serde_json::from_slice(&public.body).unwrap();
        assert_eq!(public["contract"]["intact"], false, "{public}");
        let page = app.get(&format!("/contracts/{token}?hash={hash}")).await.text();
        assert!(!page.contains("id=\"contract-intact\""), "the page does not call it intact");
        assert!(page.contains("id=\"hash-check\" role=\"alert\""), "nor does the hash check pass");
        let signing = app.post("/api/sign_contract", &[("Cookie", &deal.buyer)], &format!("order={order}&sha256={hash}&signer_name=Buyer&confirmation=demo-buyer-2026")).await;
        assert_eq!(signing.status, 500, "nobody signs a broken contract: {}", signing.text());
    }

    async fn simultaneous_acceptances_place_one_order(app) {
        let deal = inquiry(&app).await;
        let quotation = quote(&app, &deal, "2.40").await;
        let form = answer(deal.inquiry, quotation, "accept");
        let headers = [("Cookie", deal.buyer.as_str())];
        let attempts = (0..16).map(|_| app.post("/api/answer_quotation", &headers, &form));
        let statuses: Vec<u16> = futures_util::future::join_all(attempts).await.into_iter().map(|r| r.status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
        assert!(statuses.iter().all(|s| *s == 200 || *s == 409), "{statuses:?}");
        let orders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders").fetch_one(&app.db.db.pool).await.unwrap();
        let contracts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM contracts").fetch_one(&app.db.db.pool).await.unwrap();
        assert_eq!((orders, contracts), (1, 1));
    }
}
