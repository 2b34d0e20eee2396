//! Validation rules shared by the browser (as the user types) and the server (before anything is
//! sent upstream, and in the sandbox). Each problem names the wire field it belongs to.

use serde::{Deserialize, Serialize};

/// The wire names of every field the dashboard's forms show problems next to. An upstream refusal
/// whose message starts with one of them is shown next to that field.
pub const WIRE_FIELDS: &[&str] = &[
    "text",
    "backgroundColor",
    "textColor",
    "tooltip",
    "communicationPic",
    "communicationTitle",
    "communicationText",
    "pic",
    "data",
    "trigger",
    "template",
    "title",
    "link",
    "linkText",
    "templateData.alignment",
    "templateData.bgColor",
    "templateData.btnColor",
    "templateData.btnTextColor",
    "templateData.textColor",
    "templateData.gradientFrom",
    "templateData.gradientTo",
    "templateData.gradientDirection",
    "showFrerquency",
    "showDelayMS",
    "startTime",
    "endTime",
    "type",
    "externalRoomIds",
    "externalUserIds",
    "sendTime",
    "deleteTime",
    "openType",
    "userId",
    "roomId",
    "name",
    "about",
    "status",
];

/// One problem with one field, worded for the person filling in the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's wire name, e.g. `communicationTitle`.
    pub field: String,
    pub message: String,
}

/// Collects the problems of one form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems(pub Vec<FieldError>);

impl Problems {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }

    /// `Ok` when there is no problem.
    pub fn into_result(self) -> Result<(), Problems> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }

    /// The first problem of `field`, if any.
    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    /// Non-blank text is required.
    pub fn required(&mut self, field: &str, label: &str, value: &str) -> bool {
        if value.trim().is_empty() {
            self.push(field, format!("{label} is required."));
            return false;
        }
        true
    }

    /// At most `max` characters (Unicode scalar values, as people count them).
    pub fn max_chars(&mut self, field: &str, label: &str, value: &str, max: usize) {
        let n = value.chars().count();
        if n > max {
            self.push(
                field,
                format!("{label} is limited to {max} characters ({n} now)."),
            );
        }
    }

    /// Required, and a hex colour such as `#ea00fc` or `#fff`.
    pub fn hex_color(&mut self, field: &str, label: &str, value: &str) {
        if self.required(field, label, value) && !is_hex_color(value) {
            self.push(
                field,
                format!("{label} must be a hex colour such as #ea00fc or #fff."),
            );
        }
    }

    /// Required, and a CSS colour the widgets accept: hex, `rgb()` or `rgba()`.
    pub fn css_color(&mut self, field: &str, label: &str, value: &str) {
        if self.required(field, label, value) && !is_css_color(value) {
            self.push(
                field,
                format!("{label} must be a colour such as #1890bf or rgba(255, 255, 255, 1)."),
            );
        }
    }

    /// When given, an http or https address; `javascript:`, `data:` and the like are refused.
    pub fn optional_http_url(&mut self, field: &str, label: &str, value: Option<&str>) {
        self.address(field, label, value, is_http_url);
    }

    /// Required, and an http or https address.
    pub fn http_url(&mut self, field: &str, label: &str, value: &str) {
        if self.required(field, label, value) {
            self.optional_http_url(field, label, Some(value));
        }
    }

    /// When given, a picture's address: http or https, or one of the sandbox's own pictures.
    pub fn optional_picture_url(&mut self, field: &str, label: &str, value: Option<&str>) {
        self.address(field, label, value, is_picture_url);
    }

    /// Required, and a picture's address.
    pub fn picture_url(&mut self, field: &str, label: &str, value: &str) {
        if self.required(field, label, value) {
            self.optional_picture_url(field, label, Some(value));
        }
    }

    /// When given, an address `ok` accepts.
    fn address(&mut self, field: &str, label: &str, value: Option<&str>, ok: fn(&str) -> bool) {
        if let Some(value) = value.filter(|v| !v.trim().is_empty())
            && !ok(value)
        {
            self.push(
                field,
                format!("{label} must be an http:// or https:// address."),
            );
        }
    }
}

/// `#rgb` or `#rrggbb`.
pub fn is_hex_color(value: &str) -> bool {
    let Some(hex) = value.strip_prefix('#') else {
        return false;
    };
    matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// A hex colour (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`) or `rgb(...)` / `rgba(...)` with numbers.
pub fn is_css_color(value: &str) -> bool {
    let v = value.trim();
    if let Some(hex) = v.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    let lower = v.to_ascii_lowercase();
    let inner = lower
        .strip_prefix("rgba(")
        .or_else(|| lower.strip_prefix("rgb("))
        .and_then(|rest| rest.strip_suffix(')'));
    match inner {
        Some(args) => {
            let parts: Vec<&str> = args.split(',').map(str::trim).collect();
            (3..=4).contains(&parts.len())
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.parse::<f64>().is_ok_and(|n| n >= 0.0))
        }
        None => false,
    }
}

/// An absolute http(s) address with a host and no spaces or control characters.
pub fn is_http_url(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    let rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(rest) = lower.strip_prefix("http://") {
        rest
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with('@')
        && !v.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Where the dashboard serves the sandbox's own pictures (`public/sandbox/`), so that a rehearsal
/// needs no outside host. A chat on a live platform could not load them.
pub const SANDBOX_PICTURES: &str = "/sandbox/";

/// A picture's address: an http or https one, or one of the sandbox's own pictures by its path on
/// the dashboard (`/sandbox/badge-vip.svg`: lower-case letters, digits and `-`, then `.svg`).
pub fn is_picture_url(value: &str) -> bool {
    is_http_url(value) || is_sandbox_picture(value.trim())
}

fn is_sandbox_picture(value: &str) -> bool {
    value
        .strip_prefix(SANDBOX_PICTURES)
        .and_then(|name| name.strip_suffix(".svg"))
        .is_some_and(|stem| {
            !stem.is_empty()
                && stem
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours() {
        assert!(is_hex_color("#ea00fc") && is_hex_color("#FFF"));
        assert!(!is_hex_color("ea00fc") && !is_hex_color("#ea00f") && !is_hex_color("#ggg"));
        assert!(
            is_css_color("rgba(255, 255, 255, 1)")
                && is_css_color("#000")
                && is_css_color("rgb(1,2,3)")
        );
        assert!(!is_css_color("red") && !is_css_color("rgba(1,2)") && !is_css_color("rgb(a,b,c)"));
    }

    #[test]
    fn only_http_and_https_links_pass() {
        assert!(is_http_url("https://www.watchers.io/") && is_http_url("HTTP://x.io/a?b#c"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "ftp://x.io",
            "https://",
            "https:// x.io",
            "//x.io",
            "watchers.io",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn pictures_are_http_addresses_or_the_sandboxs_own() {
        assert!(is_picture_url("https://watchers.io/hand.webp"));
        assert!(is_picture_url("/sandbox/badge-vip.svg"));
        for bad in [
            "/sandbox/.svg",
            "/sandbox/../secret.svg",
            "/sandbox/a/b.svg",
            "/sandbox/vip.png",
            "/other/vip.svg",
            "//x.io/sandbox/vip.svg",
            "javascript:alert(1)",
        ] {
            assert!(!is_picture_url(bad), "{bad}");
        }
        // Links stay absolute.
        assert!(!is_http_url("/sandbox/badge-vip.svg"));
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let mut p = Problems::default();
        p.max_chars("tooltip", "Tooltip", &"é".repeat(140), 140);
        assert!(p.is_empty());
        p.max_chars("tooltip", "Tooltip", &"é".repeat(141), 140);
        assert_eq!(
            p.for_field("tooltip"),
            Some("Tooltip is limited to 140 characters (141 now).")
        );
    }
}
