//! Contracts over SQL: the text and hash stored with an order, and the signatures. The
//! database refuses to change or delete either (triggers of migration 0014).

use super::Db;
use crate::clock::now;
use app::domain::deal::{Side, Signature};
use app::domain::{OrderId, UserId};
use app::error::AppError;
use app::error::ErrorCode;

/// A contract as stored; `intact` is for the caller to work out.
pub struct StoredContract {
    pub id: i64,
    pub order: OrderId,
    pub token: String,
    pub body: String,
    pub sha256: String,
    pub created_at: i64,
    pub signatures: Vec<Signature>,
}

/// A signature to store.
pub struct NewSignature<'a> {
    pub party: Side,
    pub signer: UserId,
    pub signer_name: &'a str,
    pub sha256: &'a str,
    pub ip: &'a str,
    pub user_agent: &'a str,
}

impl Db {
    /// The contract of an order.
    pub async fn order_contract(&self, order: OrderId) -> Result<StoredContract, AppError> {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM contracts WHERE order_id = $1")
            .bind(order.0)
            .fetch_optional(&self.pool)
            .await?;
        self.contract(id.ok_or(AppError::NotFound)?).await
    }

    /// The contract whose public link has `token`.
    pub async fn contract_by_token(&self, token: &str) -> Result<StoredContract, AppError> {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM contracts WHERE token = $1")
            .bind(token)
            .fetch_optional(&self.pool)
            .await?;
        self.contract(id.ok_or(AppError::NotFound)?).await
    }

    async fn contract(&self, id: i64) -> Result<StoredContract, AppError> {
        let row: Option<(i64, i64, String, String, String, i64)> = sqlx::query_as(
            "SELECT id, order_id, token, body, sha256, created_at FROM contracts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let (id, order, token, body, sha256, created_at) = row.ok_or(AppError::NotFound)?;
        let signatures: Vec<(String, i64, String, i64, String, String, String)> = sqlx::query_as(
            "SELECT party, user_id, signer_name, signed_at, sha256, ip, user_agent \
             FROM contract_signatures WHERE contract_id = $1 ORDER BY signed_at, party",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let signatures = signatures
            .into_iter()
            .map(
                |(party, signer, signer_name, signed_at, sha256, ip, user_agent)| {
                    Ok(Signature {
                        party: Side::parse(&party).ok_or_else(|| {
                            AppError::internal(format!("contract {id} has a party {party:?}"))
                        })?,
                        signer: UserId(signer),
                        signer_name,
                        signed_at,
                        sha256,
                        ip,
                        user_agent,
                    })
                },
            )
            .collect::<Result<_, AppError>>()?;
        Ok(StoredContract {
            id,
            order: OrderId(order),
            token,
            body,
            sha256,
            created_at,
            signatures,
        })
    }

    /// Records a signature; 409 when that party has signed already.
    pub async fn insert_signature(
        &self,
        contract: i64,
        signature: &NewSignature<'_>,
    ) -> Result<(), AppError> {
        sqlx::query(
            "INSERT INTO contract_signatures (contract_id, party, user_id, signer_name, sha256, \
             signed_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(contract)
        .bind(signature.party.as_str())
        .bind(signature.signer.0)
        .bind(signature.signer_name)
        .bind(signature.sha256)
        .bind(now())
        .bind(signature.ip)
        .bind(signature.user_agent)
        .execute(&self.pool)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Conflict(ErrorCode::AlreadySigned)
            }
            _ => AppError::from(error),
        })?;
        Ok(())
    }
}
