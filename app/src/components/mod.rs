//! Reusable pieces of the interface.

pub mod account_menu;
pub mod both_times;
pub mod breadcrumbs;
pub mod call;
pub mod cards;
pub mod chat;
pub mod contact_form;
pub mod contract_text;
pub mod deal_status;
pub mod draft_autosave;
pub mod error_view;
pub mod form_field;
pub mod hall_map;
pub mod language_switch;
pub mod layout;
pub mod leave_warning;
pub mod link_list;
pub mod model_viewer;
pub mod page_meta;
pub mod pager;
pub mod rich_text;
pub mod search_facets;
pub mod search_form;
pub mod status;
pub mod time_zone_form;
pub mod upload_form;
