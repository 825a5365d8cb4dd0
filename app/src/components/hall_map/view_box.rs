//! The visible part of the floor plan, kept inside the hall and between 1× and 8× zoom.

/// An SVG viewBox in hall units (decimetres).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

const MAX_ZOOM: f64 = 8.0;

impl ViewBox {
    pub fn full(w: f64, h: f64) -> Self {
        ViewBox {
            x: 0.0,
            y: 0.0,
            w,
            h,
        }
    }

    pub fn to_attr(self) -> String {
        [self.x, self.y, self.w, self.h]
            .map(|v| fixed(v, 1))
            .join(" ")
    }

    /// How far the box is zoomed into `full`, with two decimals ("2.00").
    pub fn zoom_attr(self, full: &ViewBox) -> String {
        fixed(full.w / self.w, 2)
    }

    /// Scales the box around its centre by `factor` (< 1 zooms in).
    pub fn zoom(self, factor: f64, full: &ViewBox) -> Self {
        let w = (self.w * factor).clamp(full.w / MAX_ZOOM, full.w);
        let h = w * full.h / full.w;
        let (cx, cy) = (self.x + self.w / 2.0, self.y + self.h / 2.0);
        ViewBox {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
        }
        .clamped(full)
    }

    /// Moves the box by a fraction of its own size.
    pub fn pan_fraction(self, fx: f64, fy: f64, full: &ViewBox) -> Self {
        self.pan_by(self.w * fx, self.h * fy, full)
    }

    /// Moves the box by hall units.
    pub fn pan_by(self, dx: f64, dy: f64, full: &ViewBox) -> Self {
        ViewBox {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
        .clamped(full)
    }

    fn clamped(self, full: &ViewBox) -> Self {
        ViewBox {
            x: self.x.clamp(full.x, full.x + full.w - self.w),
            y: self.y.clamp(full.y, full.y + full.h - self.h),
            ..self
        }
    }
}

/// `value` with `places` decimals, as `format!("{:.places$}")` writes it (ties aside), without the
/// float formatter, which alone would add 15 KB to the catalogue pages' bundle.
fn fixed(value: f64, places: u32) -> String {
    let scale = 10_u64.pow(places);
    let scaled = (value * scale as f64).round();
    let sign = if scaled < 0.0 { "-" } else { "" };
    let scaled = scaled.abs() as u64;
    let (whole, fraction) = (scaled / scale, scaled % scale);
    format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_what_the_float_formatter_writes() {
        for value in [0.0, 1.0, 2.5, 12.34, 999.96, -3.26, 1234.5678, 0.04] {
            assert_eq!(fixed(value, 1), format!("{value:.1}"), "{value}");
            assert_eq!(fixed(value, 2), format!("{value:.2}"), "{value}");
        }
    }

    #[test]
    fn zoom_and_pan_stay_inside_the_hall() {
        let full = ViewBox::full(1000.0, 500.0);
        let zoomed = full.zoom(0.5, &full);
        assert_eq!(
            zoomed,
            ViewBox {
                x: 250.0,
                y: 125.0,
                w: 500.0,
                h: 250.0
            }
        );
        let panned = zoomed.pan_by(10_000.0, -10_000.0, &full);
        assert_eq!((panned.x, panned.y), (500.0, 0.0));
        let max = (0..10).fold(full, |vb, _| vb.zoom(0.5, &full));
        assert_eq!(max.w, 1000.0 / MAX_ZOOM);
        assert_eq!(full.zoom(2.0, &full), full);
    }
}
