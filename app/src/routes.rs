//! Every URL of the site in one table.

use crate::components::layout::Layout;
use crate::components::search_box::RouterPresent;
use crate::i18n::I18nContextProvider;
use crate::pages::{
    apply::{ApplyPage, ApplySentPage},
    availability::AvailabilityPage,
    booking::BookingPage,
    booth::BoothPage,
    booth_editor::BoothEditorPage,
    call::CallPage,
    category::CategoryPage,
    contract::ContractPage,
    conversation::ConversationPage,
    directory::DirectoryPage,
    hall::HallPage,
    home::HomePage,
    inbox::InboxPage,
    inquiry::InquiryPage,
    inquiry_new::InquiryNewPage,
    invitation::InvitationPage,
    live::LiveListPage,
    meeting::MeetingPage,
    not_found::NotFoundPage,
    offline::OfflinePage,
    order::OrderPage,
    organizer_applications::OrganizerApplicationsPage,
    organizer_booths::OrganizerBoothsPage,
    organizer_exhibitors::OrganizerExhibitorsPage,
    organizer_invite::OrganizerInvitePage,
    organizer_reports::OrganizerReportsPage,
    outbox::OutboxPage,
    password_reset::{ForgotPasswordPage, ForgotPasswordSentPage, ResetPasswordPage},
    product::ProductPage,
    product_editor::ProductEditorPage,
    product_import::ProductImportPage,
    product_list::ProductListPage,
    register::{RegisterPage, RegisterSentPage},
    search::SearchPage,
    section::SectionPage,
    sign_in::SignInPage,
    sign_in_code::SignInCodePage,
    stream::StreamPage,
    studio::StudioPage,
    team::TeamPage,
    two_factor::TwoFactorPage,
    verify_email::VerifyEmailPage,
};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The whole site. Pages wait for their data before the response starts (`SsrMode::Async`),
/// so that their HTTP status and title are right.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(RouterPresent);
    view! {
        <I18nContextProvider>
            <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
            <Link rel="manifest" href="/manifest.webmanifest" />
            <Meta name="theme-color" content="#0b5cad" />
            <Router>
                <Layout>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/categories/:slug") view=CategoryPage ssr=SsrMode::Async />
                        <Route path=path!("/sections/:slug") view=SectionPage ssr=SsrMode::Async />
                        <Route path=path!("/halls/:slug") view=HallPage ssr=SsrMode::Async />
                        <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitors") view=DirectoryPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitors/:slug") view=BoothPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitors/:slug/meetings") view=BookingPage ssr=SsrMode::Async />
                        <Route path=path!("/meetings/:id") view=MeetingPage ssr=SsrMode::Async />
                        <Route path=path!("/meetings/:id/call") view=CallPage ssr=SsrMode::Async />
                        <Route path=path!("/live") view=LiveListPage ssr=SsrMode::Async />
                        <Route path=path!("/live/:id") view=StreamPage ssr=SsrMode::Async />
                        <Route path=path!("/products/:id") view=ProductPage ssr=SsrMode::Async />
                        <Route path=path!("/products/:id/inquiry") view=InquiryNewPage ssr=SsrMode::Async />
                        <Route path=path!("/inquiries/:id") view=InquiryPage ssr=SsrMode::Async />
                        <Route path=path!("/orders/:id") view=OrderPage ssr=SsrMode::Async />
                        <Route path=path!("/contracts/:token") view=ContractPage ssr=SsrMode::Async />
                        <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async />
                        <Route path=path!("/register/sent") view=RegisterSentPage ssr=SsrMode::Async />
                        <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async />
                        <Route path=path!("/sign-in/code") view=SignInCodePage ssr=SsrMode::Async />
                        <Route path=path!("/account/two-factor") view=TwoFactorPage ssr=SsrMode::Async />
                        <Route path=path!("/verify-email") view=VerifyEmailPage ssr=SsrMode::Async />
                        <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/forgot-password/sent") view=ForgotPasswordSentPage ssr=SsrMode::Async />
                        <Route path=path!("/reset-password") view=ResetPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/invitation") view=InvitationPage ssr=SsrMode::Async />
                        <Route path=path!("/apply") view=ApplyPage ssr=SsrMode::Async />
                        <Route path=path!("/apply/sent") view=ApplySentPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitor/booth") view=BoothEditorPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitor/team") view=TeamPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitor/meetings") view=AvailabilityPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitor/live") view=StudioPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitor/products") view=ProductListPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitor/products/new") view=ProductEditorPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitor/products/import") view=ProductImportPage ssr=SsrMode::Async />
                        <Route path=path!("/exhibitor/products/:id") view=ProductEditorPage ssr=SsrMode::Async />
                        <Route path=path!("/organizer/exhibitors") view=OrganizerExhibitorsPage ssr=SsrMode::Async />
                        <Route path=path!("/organizer/exhibitors/:slug") view=OrganizerBoothsPage ssr=SsrMode::Async />
                        <Route path=path!("/organizer/applications") view=OrganizerApplicationsPage ssr=SsrMode::Async />
                        <Route path=path!("/organizer/invite") view=OrganizerInvitePage ssr=SsrMode::Async />
                        <Route path=path!("/organizer/outbox") view=OutboxPage ssr=SsrMode::Async />
                        <Route path=path!("/organizer/reports") view=OrganizerReportsPage ssr=SsrMode::Async />
                        <Route path=path!("/messages") view=InboxPage ssr=SsrMode::Async />
                        <Route path=path!("/messages/:id") view=ConversationPage ssr=SsrMode::Async />
                        <Route path=path!("/offline") view=OfflinePage />
                    </Routes>
                </Layout>
            </Router>
        </I18nContextProvider>
    }
}

/// The catalogue pages, which a buyer often opens first (from a search engine, on a phone):
/// they load the light islands bundle, not the whole site's (`shell`). Keep in step with the
/// routes above.
pub fn is_catalogue_page(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(
        segments.as_slice(),
        [""] | [
            "categories" | "sections" | "halls" | "exhibitors" | "products",
            _
        ] | ["search" | "exhibitors" | "live"]
    )
}

#[cfg(test)]
mod tests {
    use super::is_catalogue_page;

    #[test]
    fn the_catalogue_pages_and_no_others_load_the_islands_bundle() {
        for path in [
            "/",
            "/categories/lighting",
            "/sections/led-lamps",
            "/halls/hall-1-1",
            "/search",
            "/exhibitors",
            "/exhibitors/acme",
            "/products/12",
            "/live",
        ] {
            assert!(is_catalogue_page(path), "{path}");
        }
        for path in [
            "/exhibitors/acme/meetings",
            "/products/12/inquiry",
            "/messages",
            "/exhibitor/booth",
            "/exhibitor/live",
            "/live/7",
            "/organizer/reports",
            "/sign-in",
            "/halls",
            "/nowhere/at/all",
        ] {
            assert!(!is_catalogue_page(path), "{path}");
        }
    }
}
