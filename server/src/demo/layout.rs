//! Hall floor plans: booths of 3 m × 3 m in back-to-back double rows of ten, blocks laid out
//! four across with 4 m aisles, the way exhibition halls are planned.

use app::domain::Rect;

const BOOTH: i64 = 30;
const AISLE: i64 = 40;
const PER_ROW: i64 = 10;
const BLOCKS_ACROSS: i64 = 4;

/// A hall's outline and its booths in order, each with a code suffix like `C07`.
pub struct FloorPlan {
    pub width: i64,
    pub depth: i64,
    pub booths: Vec<(String, Rect)>,
}

/// Lays out `count` booths.
pub fn floor_plan(count: i64) -> FloorPlan {
    let per_block = PER_ROW * 2;
    let blocks = (count + per_block - 1) / per_block;
    let across = blocks.clamp(1, BLOCKS_ACROSS);
    let block_rows = (blocks + across - 1) / across;
    let booths = (0..count)
        .map(|i| {
            let block = i / per_block;
            let (block_row, block_col) = (block / across, block % across);
            let within = i % per_block;
            let (row, col) = (within / PER_ROW, within % PER_ROW);
            let x = AISLE + block_col * (PER_ROW * BOOTH + AISLE) + col * BOOTH;
            let y = AISLE + block_row * (2 * BOOTH + AISLE) + row * BOOTH;
            let letter = (b'A' + ((block_row * 2 + row) % 26) as u8) as char;
            let number = block_col * PER_ROW + col + 1;
            (
                format!("{letter}{number:02}"),
                Rect {
                    x,
                    y,
                    w: BOOTH,
                    h: BOOTH,
                },
            )
        })
        .collect();
    FloorPlan {
        width: AISLE + across * (PER_ROW * BOOTH + AISLE),
        depth: AISLE + block_rows * (2 * BOOTH + AISLE),
        booths,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booths_fit_the_hall_and_never_overlap() {
        let plan = floor_plan(400);
        assert_eq!(plan.booths.len(), 400);
        let codes: std::collections::HashSet<_> =
            plan.booths.iter().map(|(c, _)| c.clone()).collect();
        assert_eq!(codes.len(), 400, "codes are unique");
        for (i, (_, a)) in plan.booths.iter().enumerate() {
            assert!(a.x >= 0 && a.y >= 0 && a.x + a.w <= plan.width && a.y + a.h <= plan.depth);
            for (_, b) in &plan.booths[i + 1..] {
                let apart =
                    a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
                assert!(apart, "{a:?} overlaps {b:?}");
            }
        }
        assert_eq!(floor_plan(12).booths.len(), 12);
    }
}
