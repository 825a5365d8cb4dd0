//! Counts for the daily allowances (`accounts::allowances`): what a buyer started since a time.

use super::Db;
use crate::accounts::allowances::Started;
use app::domain::UserId;
use app::error::AppError;

impl Db {
    /// How many of `what` `user` started at `since` or later.
    pub async fn started_since(
        &self,
        user: UserId,
        what: Started,
        since: i64,
    ) -> Result<i64, AppError> {
        let sql = match what {
            Started::Conversations => {
                "SELECT COUNT(*) FROM conversations WHERE buyer_id = $1 AND started_at >= $2"
            }
            Started::Inquiries => {
                "SELECT COUNT(*) FROM inquiries WHERE buyer_id = $1 AND created_at >= $2"
            }
            Started::MeetingRequests => {
                "SELECT COUNT(*) FROM meetings WHERE buyer_id = $1 AND created_at >= $2"
            }
        };
        let count: i64 = sqlx::query_scalar(sql)
            .bind(user.0)
            .bind(since)
            .fetch_one(&self.pool)
            .await?;
        Ok(count)
    }
}
