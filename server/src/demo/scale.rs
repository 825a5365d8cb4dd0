//! How big a generated fair is, and the arithmetic that spreads booths, exhibitors and
//! products over the halls exactly, so that every hall can be generated on its own.

/// The size of a generated session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    pub name: &'static str,
    pub halls_per_section: i64,
    pub booths: i64,
    pub exhibitors: i64,
    pub products: i64,
    pub new_products: i64,
}

/// Small enough for tests: every category and section, a dozen booths per hall.
pub const TINY: Scale = Scale {
    name: "tiny",
    halls_per_section: 1,
    booths: 600,
    exhibitors: 300,
    products: 1_200,
    new_products: 360,
};
/// What the run command starts with: a few hundred booths per hall.
pub const DEMO: Scale = Scale {
    name: "demo",
    halls_per_section: 1,
    booths: 12_000,
    exhibitors: 5_000,
    products: 40_000,
    new_products: 12_000,
};
/// One session of the online Canton Fair.
pub const CANTON: Scale = Scale {
    name: "canton",
    halls_per_section: 3,
    booths: 60_000,
    exhibitors: 26_000,
    products: 2_350_000,
    new_products: 691_500,
};

impl Scale {
    pub fn by_name(name: &str) -> Option<Scale> {
        [TINY, DEMO, CANTON].into_iter().find(|s| s.name == name)
    }
}

/// The first of `total` items that falls to part `index` of `parts`, spreading them evenly.
pub fn share_start(total: i64, parts: i64, index: i64) -> i64 {
    ((total as i128 * index as i128) / parts as i128) as i64
}

/// What one hall holds: its booths and the exhibitors standing in them, as 0-based global
/// indexes (`first..first + count`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HallShare {
    pub first_booth: i64,
    pub booths: i64,
    pub first_exhibitor: i64,
    pub exhibitors: i64,
}

impl Scale {
    pub fn hall_share(&self, hall: i64, halls: i64) -> HallShare {
        let first_booth = share_start(self.booths, halls, hall);
        let end_booth = share_start(self.booths, halls, hall + 1);
        let first_exhibitor = share_start(self.exhibitors, self.booths, first_booth);
        let end_exhibitor = share_start(self.exhibitors, self.booths, end_booth);
        HallShare {
            first_booth,
            booths: end_booth - first_booth,
            first_exhibitor,
            exhibitors: end_exhibitor - first_exhibitor,
        }
    }

    /// The first product (0-based) of exhibitor `index`; counts vary between about a fifth
    /// and twice the mean but always add up to `products` and are at least one.
    pub fn first_product(&self, exhibitor: i64) -> i64 {
        if exhibitor >= self.exhibitors {
            return self.products;
        }
        let mean = self.products as f64 / self.exhibitors as f64;
        let amplitude = (1.0 - 1.2 / mean).clamp(0.0, 0.8);
        let waves = (self.exhibitors / 7).max(1) as f64;
        let x = exhibitor as f64 / self.exhibitors as f64;
        let g = x + amplitude * (2.0 * std::f64::consts::PI * waves * x).sin()
            / (2.0 * std::f64::consts::PI * waves);
        (self.products as f64 * g).floor() as i64
    }

    /// Whether product `index` (0-based) is flagged new; exactly `new_products` are.
    pub fn is_new(&self, product: i64) -> bool {
        share_start(self.new_products, self.products, product + 1)
            > share_start(self.new_products, self.products, product)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_exactly() {
        for scale in [TINY, DEMO, CANTON] {
            let halls = 50 * scale.halls_per_section;
            let shares: Vec<HallShare> = (0..halls).map(|h| scale.hall_share(h, halls)).collect();
            assert_eq!(shares.iter().map(|s| s.booths).sum::<i64>(), scale.booths);
            assert_eq!(
                shares.iter().map(|s| s.exhibitors).sum::<i64>(),
                scale.exhibitors
            );
            assert!(
                shares
                    .iter()
                    .all(|s| s.exhibitors >= 1 && s.exhibitors <= s.booths)
            );
            assert_eq!(scale.first_product(scale.exhibitors), scale.products);
            let counts: Vec<i64> = (0..scale.exhibitors)
                .map(|e| scale.first_product(e + 1) - scale.first_product(e))
                .collect();
            assert!(
                counts.iter().all(|c| *c >= 1),
                "{}: every exhibitor shows a product",
                scale.name
            );
            assert_eq!(counts.iter().sum::<i64>(), scale.products);
        }
        assert_eq!(
            (0..TINY.products).filter(|p| TINY.is_new(*p)).count() as i64,
            TINY.new_products
        );
    }
}
