//! Building query strings the same way in the browser and on the server.

/// Percent-encodes `text` for use as one query-string value.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reserved_characters_are_escaped() {
        assert_eq!(super::encode("/audit?a=b&c"), "%2Faudit%3Fa%3Db%26c");
        assert_eq!(super::encode("ann.lee-2"), "ann.lee-2");
    }
}
