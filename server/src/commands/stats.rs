//! The benchmarks' one statistic: a percentile by the nearest-rank method.

/// The `p` percentile (0 < p ≤ 1) of `sorted`, ascending: the value at rank ⌈p·n⌉; `None`
/// when there is none.
pub fn nearest_rank<T: Copy>(sorted: &[T], p: f64) -> Option<T> {
    let rank = (sorted.len() as f64 * p).ceil() as usize;
    sorted.get(rank.max(1) - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::nearest_rank;

    #[test]
    fn ranks_round_up() {
        let values: Vec<u32> = (1..=100).collect();
        assert_eq!(nearest_rank(&values, 0.5), Some(50));
        assert_eq!(nearest_rank(&values, 0.99), Some(99));
        assert_eq!(nearest_rank(&values, 0.991), Some(100));
        assert_eq!(nearest_rank(&[7], 0.01), Some(7));
        assert_eq!(nearest_rank::<u32>(&[], 0.5), None);
    }
}
