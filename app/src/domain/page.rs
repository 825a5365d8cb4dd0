//! Key-based pagination: a page of items and where the next one starts.

use serde::{Deserialize, Serialize};

/// One page of a long list, ordered by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The id to pass as `after` for the next page, if there is one.
    pub next_after: Option<i64>,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` rows fetched in id order: the extra row only says
    /// that another page exists.
    pub fn from_rows(mut rows: Vec<T>, limit: usize, id_of: impl Fn(&T) -> i64) -> Self {
        let next_after = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(id_of)
        } else {
            None
        };
        Page {
            items: rows,
            next_after,
        }
    }
}

/// Where a page starts: after this key (exclusive), or at the beginning.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cursor(pub Option<i64>);

impl Cursor {
    /// The cursor of an `after` a server function received; 0 or less is the beginning.
    pub fn from_after(after: i64) -> Self {
        Cursor(Some(after).filter(|after| *after > 0))
    }

    /// Parses the `after` query parameter; `None` means the parameter is malformed.
    pub fn parse(raw: Option<&str>) -> Option<Self> {
        match raw {
            None | Some("") => Some(Cursor(None)),
            Some(s) => s
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .map(|n| Cursor(Some(n))),
        }
    }

    /// The id rows must exceed.
    pub fn after(self) -> i64 {
        self.0.unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_row_means_next_page() {
        let page = Page::from_rows(vec![1, 2, 3], 2, |n| *n);
        assert_eq!(page.items, vec![1, 2]);
        assert_eq!(page.next_after, Some(2));
        let last = Page::from_rows(vec![1, 2], 2, |n| *n);
        assert_eq!(last.next_after, None);
    }

    #[test]
    fn cursor_rejects_garbage() {
        assert_eq!(Cursor::parse(None), Some(Cursor(None)));
        assert_eq!(Cursor::parse(Some("40")), Some(Cursor(Some(40))));
        assert_eq!(Cursor::parse(Some("-1")), None);
        assert_eq!(Cursor::parse(Some("x")), None);
    }
}
