//! Colour maths for previews: hex parsing and the WCAG 2 contrast ratio.

/// `#rgb` or `#rrggbb` as (r, g, b).
pub fn parse_hex(value: &str) -> Option<(u8, u8, u8)> {
    let hex = value.trim().strip_prefix('#')?;
    let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
    match hex.len() {
        3 => Some((digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
        6 => {
            let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            Some((byte(0)?, byte(2)?, byte(4)?))
        }
        _ => None,
    }
}

/// `#rrggbb`, the form a colour picker takes.
pub fn to_six_digit_hex(value: &str) -> Option<String> {
    parse_hex(value).map(|(r, g, b)| format!("#{r:02x}{g:02x}{b:02x}"))
}

fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The WCAG contrast ratio of two hex colours, from 1 to 21.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(parse_hex(a)?), luminance(parse_hex(b)?));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    Some((light + 0.05) / (dark + 0.05))
}

/// WCAG AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_reference_values() {
        let black_white = contrast_ratio("#000", "#ffffff").unwrap();
        assert!((black_white - 21.0).abs() < 0.01);
        assert!((contrast_ratio("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
        // The documented example badge: L(#ea00fc) = 0.245, so (0.245 + 0.05) / 0.05 = 5.9.
        assert!((contrast_ratio("#ea00fc", "#000000").unwrap() - 5.9).abs() < 0.05);
        assert_eq!(contrast_ratio("#fff", "nope"), None);
        assert_eq!(to_six_digit_hex("#AbC").as_deref(), Some("#aabbcc"));
    }
}
