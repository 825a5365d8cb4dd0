//! The demo's accounts, one per role, so the run command shows every side of the fair. Their
//! passwords are public (README): never pass `--demo` to a real fair.

use crate::accounts::password;
use crate::storage::Db;
use crate::storage::accounts::NewUser;
use app::domain::{BusinessType, CountryCode, Role, TeamRole};

/// A demo login: address, password, role, name.
pub struct DemoLogin {
    pub email: &'static str,
    pub password: &'static str,
    pub role: Role,
    pub name: &'static str,
}

pub const ORGANIZER: DemoLogin = DemoLogin {
    email: "organizer@demo.cloudfair.test",
    password: "demo-organizer",
    role: Role::Organizer,
    name: "Olivia Organizer",
};
pub const BUYER: DemoLogin = DemoLogin {
    email: "buyer@demo.cloudfair.test",
    password: "demo-buyer-2026",
    role: Role::Buyer,
    name: "Bruno Buyer",
};
/// The owner of the first exhibitor's team.
pub const EXHIBITOR: DemoLogin = DemoLogin {
    email: "exhibitor@demo.cloudfair.test",
    password: "demo-exhibitor",
    role: Role::Exhibitor,
    name: "Emma Exhibitor",
};

/// Creates the demo accounts that are missing (verified, with the first exhibitor's team for
/// the exhibitor); keeps those that exist.
pub async fn ensure(db: &Db) -> anyhow::Result<()> {
    for login in [ORGANIZER, BUYER, EXHIBITOR] {
        if db.find_account(login.email).await?.is_some() {
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
            })
            .await?;
        if login.role == Role::Exhibitor {
            let first = db.first_exhibitor().await?;
            db.add_team_member(user, first, TeamRole::Owner).await?;
        }
        tracing::info!(email = login.email, "demo account created");
    }
    Ok(())
}
