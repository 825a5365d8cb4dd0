//! The benchmark's people: for each of the first `count` exhibitors, a buyer and a staff
//! member of its team, their conversation, and a session for each (made directly in the
//! database: the benchmark measures messages, not signing in). Running it again reuses them.

use crate::accounts::password;
use crate::accounts::secret::{fingerprint, new_secret};
use crate::clock::now;
use crate::storage::Db;
use crate::storage::accounts::NewUser;
use app::domain::{BusinessType, ConversationId, CountryCode, ExhibitorId, Role, TeamRole, UserId};
use app::error::AppError;

/// A conversation and the session cookies of its two sides.
pub struct Pair {
    pub conversation: ConversationId,
    pub buyer: String,
    pub team: String,
    /// The buyer, and the exhibitor whose team the other side belongs to.
    pub buyer_id: UserId,
    pub exhibitor: ExhibitorId,
}

pub async fn pairs(db: &Db, count: usize) -> anyhow::Result<Vec<Pair>> {
    let hash = password::hash("bench-chat-password".into()).await?;
    let exhibitors: Vec<i64> = sqlx::query_scalar("SELECT id FROM exhibitors ORDER BY id LIMIT $1")
        .bind(count as i64)
        .fetch_all(&db.pool)
        .await?;
    anyhow::ensure!(
        exhibitors.len() == count,
        "the fair has fewer than {count} exhibitors"
    );
    let mut pairs = Vec::with_capacity(count);
    for (n, exhibitor) in exhibitors.into_iter().map(ExhibitorId).enumerate() {
        let buyer = person(
            db,
            &format!("bench-buyer-{n}@bench.example"),
            Role::Buyer,
            &hash,
        )
        .await?;
        let member = person(
            db,
            &format!("bench-team-{n}@bench.example"),
            Role::Exhibitor,
            &hash,
        )
        .await?;
        match db.add_team_member(member, exhibitor, TeamRole::Staff).await {
            Ok(()) | Err(AppError::Conflict(_)) => {}
            Err(error) => anyhow::bail!("cannot add a team member: {error}"),
        }
        pairs.push(Pair {
            conversation: db.start_conversation(buyer, exhibitor).await?,
            buyer: session(db, buyer).await?,
            team: session(db, member).await?,
            buyer_id: buyer,
            exhibitor,
        });
    }
    Ok(pairs)
}

pub(crate) async fn person(db: &Db, email: &str, role: Role, hash: &str) -> anyhow::Result<UserId> {
    if let Some(account) = db.find_account(email).await? {
        return Ok(account.id);
    }
    Ok(db
        .insert_verified_user(&NewUser {
            email,
            password_hash: hash,
            name: "Bench Person",
            company: "Bench Company",
            country: CountryCode::parse("FR").expect("a country"),
            business_type: BusinessType::Wholesaler,
            role,
            language: app::i18n::Locale::fr,
        })
        .await?)
}

/// A fresh session of `user`, as a `Cookie` header's value.
pub async fn session(db: &Db, user: UserId) -> anyhow::Result<String> {
    let secret = new_secret()?;
    db.create_session(user, &fingerprint(&secret), now() + 86_400)
        .await?;
    Ok(format!("{}={secret}", app::session::SESSION_COOKIE))
}
