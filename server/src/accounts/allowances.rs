//! What one buyer may start with exhibitors in a day, beside the per-address limits: new
//! conversations, inquiries and meeting requests, each counted from the database over the
//! last 24 hours (so a restart or another server of a cluster does not reset them). Over an
//! allowance the request answers 429 `DailyLimit` and stores nothing. Concurrent requests of
//! one person may pass the count together: the allowance can be overshot by as many
//! requests as that person has in flight at once, never more.

use crate::clock::now;
use crate::storage::Db;
use app::domain::UserId;
use app::error::AppError;

/// A day, in seconds.
const DAY: i64 = 86_400;

/// What is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Started {
    Conversations,
    Inquiries,
    MeetingRequests,
}

/// The most of each a buyer may start in 24 hours.
#[derive(Clone, Copy, Debug)]
pub struct DailyAllowances {
    pub conversations: i64,
    pub inquiries: i64,
    pub meeting_requests: i64,
}

impl DailyAllowances {
    /// Generous for a buyer at a fair (a busy one contacts a few dozen exhibitors a day), far
    /// below what a script spamming exhibitors would send.
    pub const DEFAULT: DailyAllowances = DailyAllowances {
        conversations: 40,
        inquiries: 60,
        meeting_requests: 30,
    };

    /// Every allowance multiplied by `scale` (at least 1), as `--rate-limit-scale` asks.
    pub fn scaled(scale: u32) -> Self {
        let times = i64::from(scale.max(1));
        let d = Self::DEFAULT;
        DailyAllowances {
            conversations: d.conversations * times,
            inquiries: d.inquiries * times,
            meeting_requests: d.meeting_requests * times,
        }
    }

    fn of(&self, what: Started) -> i64 {
        match what {
            Started::Conversations => self.conversations,
            Started::Inquiries => self.inquiries,
            Started::MeetingRequests => self.meeting_requests,
        }
    }

    /// `Ok` when `user` may start one more of `what` today, `DailyLimit` otherwise.
    pub async fn check(&self, db: &Db, user: UserId, what: Started) -> Result<(), AppError> {
        let started = db.started_since(user, what, now() - DAY).await?;
        if started < self.of(what) {
            Ok(())
        } else {
            crate::log_throttle::warn_throttled!(
                user = user.0,
                ?what,
                started,
                "daily allowance reached"
            );
            Err(AppError::DailyLimit)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_multiplies_every_allowance() {
        let scaled = DailyAllowances::scaled(10);
        assert_eq!(scaled.of(Started::Inquiries), 600);
        assert_eq!(DailyAllowances::scaled(0).of(Started::MeetingRequests), 30);
    }
}
