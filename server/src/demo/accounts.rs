//! The demo's accounts, one per role (two exhibitors), so the run command shows every side of the fair. Their
//! passwords, and the authenticator secrets of the organizer and the owners (who must sign in
//! with a second factor), are public (README): never pass `--demo` to a real fair.

use crate::accounts::password;
use crate::storage::Db;
use crate::storage::accounts::NewUser;
use app::domain::{BusinessType, CountryCode, Role, TeamRole, UserId};
use app::i18n::Locale;

/// A demo login: address, password, role, name.
pub struct DemoLogin {
    pub email: &'static str,
    pub password: &'static str,
    pub role: Role,
    pub name: &'static str,
    /// The authenticator app's secret (base32), for the roles that need one.
    pub totp_secret: Option<&'static str>,
}

pub const ORGANIZER: DemoLogin = DemoLogin {
    email: "organizer@demo.cloudfair.test",
    password: "demo-organizer",
    role: Role::Organizer,
    name: "Olivia Organizer",
    totp_secret: Some("MRSW23ZNN5ZGOYLONF5GK4RNORXXI4BB"),
};
pub const BUYER: DemoLogin = DemoLogin {
    email: "buyer@demo.cloudfair.test",
    password: "demo-buyer-2026",
    role: Role::Buyer,
    name: "Bruno Buyer",
    totp_secret: None,
};
/// The owner of the first exhibitor's team.
pub const EXHIBITOR: DemoLogin = DemoLogin {
    email: "exhibitor@demo.cloudfair.test",
    password: "demo-exhibitor",
    role: Role::Exhibitor,
    name: "Emma Exhibitor",
    totp_secret: Some("MRSW23ZNMV4GQ2LCNF2G64RNORXXI4BR"),
};

/// The owner of the last exhibitor's team: a second exhibitor, so that two people can edit
/// booths side by side and each can try the other's.
pub const OTHER_EXHIBITOR: DemoLogin = DemoLogin {
    email: "exhibitor2@demo.cloudfair.test",
    password: "demo-exhibitor-2",
    role: Role::Exhibitor,
    name: "Ethan Exhibitor",
    totp_secret: Some("MRSW23ZNMV4GQ2LCNF2G64RNORXXI4BS"),
};

/// Creates the demo accounts that are missing (verified, with the first exhibitor's team for
/// the exhibitor, and two-factor sign-in for those whose role needs it); keeps those that
/// exist, giving them their demo secret if they have none (a demo fair made before two-factor
/// sign-in).
pub async fn ensure(db: &Db) -> anyhow::Result<()> {
    for login in [ORGANIZER, BUYER, EXHIBITOR, OTHER_EXHIBITOR] {
        if let Some(account) = db.find_account(login.email).await? {
            ensure_two_factor(db, account.id, &login).await?;
            continue;
        }
        let hash = password::hash(login.password.to_owned()).await?;
        let user = db
            .insert_verified_user(&NewUser {
                email: login.email,
                password_hash: &hash,
                name: login.name,
                company: "Cloud Fair Demo",
                country: CountryCode::parse("CN").expect("a known country"),
                business_type: BusinessType::Other,
                role: login.role,
                language: Locale::en,
            })
            .await?;
        if login.role == Role::Exhibitor {
            let (first, last) = db.exhibitor_id_range().await?;
            let exhibitor = if login.email == EXHIBITOR.email {
                first
            } else {
                last
            };
            db.add_team_member(user, exhibitor, TeamRole::Owner).await?;
        }
        ensure_two_factor(db, user, &login).await?;
        tracing::info!(email = login.email, "demo account created");
    }
    Ok(())
}

/// Turns on two-factor sign-in with the login's demo secret, unless the account has it.
async fn ensure_two_factor(db: &Db, user: UserId, login: &DemoLogin) -> anyhow::Result<()> {
    let Some(secret) = login.totp_secret else {
        return Ok(());
    };
    if db
        .find_two_factor(user)
        .await?
        .is_some_and(|stored| stored.secret.is_some())
    {
        return Ok(());
    }
    db.insert_pending_two_factor(user, secret, "").await?;
    db.enable_two_factor(user, secret, 0, &[]).await?;
    Ok(())
}
