//! The translated names of where inquiries, quotations, orders and meetings stand.

use crate::domain::deal::{InquiryStatus, OrderStatus, QuotationStatus, Side};
use crate::domain::meeting::MeetingStatus;
use crate::i18n::*;

pub fn inquiry_status(i18n: leptos_i18n::I18nContext<Locale>, status: InquiryStatus) -> String {
    match status {
        InquiryStatus::Open => t_string!(i18n, inquiry_status_open),
        InquiryStatus::Quoted => t_string!(i18n, inquiry_status_quoted),
        InquiryStatus::Countered => t_string!(i18n, inquiry_status_countered),
        InquiryStatus::Declined => t_string!(i18n, inquiry_status_declined),
        InquiryStatus::Ordered => t_string!(i18n, inquiry_status_ordered),
    }
    .to_string()
}

/// A quotation's status; an offer past its validity is expired.
pub fn quotation_status(
    i18n: leptos_i18n::I18nContext<Locale>,
    status: QuotationStatus,
    expired: bool,
) -> String {
    match status {
        QuotationStatus::Offered if expired => t_string!(i18n, quotation_status_expired),
        QuotationStatus::Offered => t_string!(i18n, quotation_status_offered),
        QuotationStatus::Accepted => t_string!(i18n, quotation_status_accepted),
        QuotationStatus::Countered => t_string!(i18n, quotation_status_countered),
        QuotationStatus::Declined => t_string!(i18n, quotation_status_declined),
        QuotationStatus::Superseded => t_string!(i18n, quotation_status_superseded),
    }
    .to_string()
}

pub fn order_status(i18n: leptos_i18n::I18nContext<Locale>, status: OrderStatus) -> String {
    match status {
        OrderStatus::Placed => t_string!(i18n, order_status_placed),
        OrderStatus::Confirmed => t_string!(i18n, order_status_confirmed),
        OrderStatus::Shipped => t_string!(i18n, order_status_shipped),
        OrderStatus::Completed => t_string!(i18n, order_status_completed),
        OrderStatus::Cancelled => t_string!(i18n, order_status_cancelled),
    }
    .to_string()
}

/// The button that moves an order to `to`.
pub fn order_action(i18n: leptos_i18n::I18nContext<Locale>, to: OrderStatus) -> String {
    match to {
        OrderStatus::Confirmed => t_string!(i18n, order_confirm),
        OrderStatus::Shipped => t_string!(i18n, order_ship),
        OrderStatus::Completed => t_string!(i18n, order_complete),
        OrderStatus::Cancelled => t_string!(i18n, order_cancel),
        OrderStatus::Placed => t_string!(i18n, order_status_placed),
    }
    .to_string()
}

pub fn side_name(i18n: leptos_i18n::I18nContext<Locale>, side: Side) -> String {
    match side {
        Side::Buyer => t_string!(i18n, deal_buyer),
        Side::Exhibitor => t_string!(i18n, deal_seller),
    }
    .to_string()
}

pub fn meeting_status(i18n: leptos_i18n::I18nContext<Locale>, status: MeetingStatus) -> String {
    match status {
        MeetingStatus::Requested => t_string!(i18n, meeting_status_requested),
        MeetingStatus::Confirmed => t_string!(i18n, meeting_status_confirmed),
        MeetingStatus::Declined => t_string!(i18n, meeting_status_declined),
        MeetingStatus::Cancelled => t_string!(i18n, meeting_status_cancelled),
        MeetingStatus::Expired => t_string!(i18n, meeting_status_expired),
    }
    .to_string()
}
