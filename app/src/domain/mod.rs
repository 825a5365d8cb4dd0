//! Serde-only types shared by the server and the browser: what a fair is made of.
//! Nothing here touches a database, a file or a socket.

/// A status stored as text: its variants, their names, and parsing them back.
macro_rules! status_type {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant),* }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            pub fn parse(s: &str) -> Option<Self> {
                [$($name::$variant),*].into_iter().find(|status| status.as_str() == s)
            }
        }
    };
}

pub mod access;
pub mod account;
pub mod application;
pub mod audit;
pub mod booth_edit;
pub mod conversation;
pub mod country;
mod country_names;
pub mod deal;
pub mod directory;
pub mod exhibitor;
pub mod fair;
pub mod form;
pub mod hall;
pub mod ids;
pub mod live;
pub mod live_chat;
pub mod mail;
pub mod meeting;
pub mod moderation;
pub mod money;
pub mod page;
pub mod product;
pub mod product_edit;
pub mod product_import;
pub mod search;
pub mod team;
pub mod text;
pub mod translations;
pub mod two_factor;
pub mod validation;

pub use access::{Action, Team, TeamRole, authorize};
pub use account::{BusinessType, CurrentUser, Registration, Role};
pub use application::{Application, ApplicationForm, BoothAssignments, ValidApplication};
pub use audit::AuditEntry;
pub use booth_edit::{ProfileForm, ValidProfile};
pub use conversation::{
    ChatFrame, ConversationExhibitor, ConversationSummary, ConversationView, Message, SocketFrame,
};
pub use country::CountryCode;
pub use directory::DirectoryFilter;
pub use exhibitor::{BoothLocation, Contact, ExhibitorProfile, ExhibitorSummary};
pub use fair::{
    CategoryDetail, CategorySummary, Counters, FairSession, Phase, SectionDetail, SectionSummary,
};
pub use hall::{BoothExhibitor, BoothOnMap, HallMap, HallSummary, Rect, terms_match};
pub use ids::{
    ApplicationId, BoothId, CategoryId, ConversationId, ExhibitorId, HallId, ImportId, InquiryId,
    MailId, MeetingId, MessageId, OrderId, ProductId, QuotationId, ReportId, SectionId, SessionId,
    SlotId, StreamId, UserId,
};
pub use mail::{Delivery, OutboxMail};
pub use money::{Currency, PriceRange};
pub use page::{Cursor, Page};
pub use product::{ProductDetail, ProductSummary, Spec};
pub use product_edit::{ProductForm, ValidProduct};
pub use search::{SearchQuery, SearchResults};
pub use team::{ExhibitorOnboarding, InvitationOffer, PendingInvitation, TeamMember, TeamView};
pub use text::Localized;
pub use translations::{Translation, Translations};
