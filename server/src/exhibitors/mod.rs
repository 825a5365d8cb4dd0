//! Exhibitors' own work: applying and being given booths (`onboarding`), editing the booth
//! (`booths`) and its products (`products`), uploading pictures, videos and models
//! (`uploads`), and importing products from a spreadsheet (`import`, `spreadsheet`, `table`, `workbook`).

pub mod booths;
pub mod cell_refs;
pub mod import;
pub mod onboarding;
pub mod products;
pub mod spreadsheet;
pub mod table;
pub mod uploads;
pub mod workbook;
