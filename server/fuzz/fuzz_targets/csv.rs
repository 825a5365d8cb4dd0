//! Product imports as CSV (`exhibitors::spreadsheet::read`): UTF-8 text, comma or semicolon
//! separated. A table read is within the row and column limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use server::exhibitors::spreadsheet::read;
use server::exhibitors::table::{COLUMNS_MAX, ROWS_MAX};

fuzz_target!(|data: &[u8]| {
    if let Ok(rows) = read(data) {
        assert!(rows.len() <= ROWS_MAX);
        assert!(rows.iter().all(|row| row.len() <= COLUMNS_MAX));
    }
});
