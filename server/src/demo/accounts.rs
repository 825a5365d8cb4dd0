//! The demo's accounts, one per role (two exhibitors), so the run command shows every side of the fair. Their
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

/// The owner of the last exhibitor's team: a second exhibitor, so that two people can edit
/// booths side by side and each can try the other's.
pub const OTHER_EXHIBITOR: DemoLogin = DemoLogin {
    email: "exhibitor2@demo.cloudfair.test",
    password: "demo-exhibitor-2",
    role: Role::Exhibitor,
    name: "Ethan Exhibitor",
};

/// Creates the demo accounts that are missing (verified, with the first exhibitor's team for
/// the exhibitor); keeps those that exist.
pub async fn ensure(db: &Db) -> anyhow::Result<()> {
    for login in [ORGANIZER, BUYER, EXHIBITOR, OTHER_EXHIBITOR] {
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
            let (first, last) = db.exhibitor_id_range().await?;
            let exhibitor = if login.email == EXHIBITOR.email {
                first
            } else {
                last
            };
            db.add_team_member(user, exhibitor, TeamRole::Owner).await?;
        }
        tracing::info!(email = login.email, "demo account created");
    }
    Ok(())
}
