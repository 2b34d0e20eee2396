//! Where the dashboard sends its calls: the sandbox or the live APIs (Watchers, in which region;
//! TagMango), and which platform an answer came from.

use serde::{Deserialize, Serialize};

/// Whether calls go to the built-in sandbox emulator or to the real Watchers API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Sandbox,
    Live,
}

impl Mode {
    /// The lowercase wire name, as `/healthz` reports it.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sandbox => "sandbox",
            Mode::Live => "live",
        }
    }

    /// The label of the badge in the page header.
    pub fn badge(self) -> &'static str {
        match self {
            Mode::Sandbox => "SANDBOX",
            Mode::Live => "LIVE",
        }
    }
}

/// The platforms the dashboard calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Watchers,
    TagMango,
}

impl Platform {
    pub fn name(self) -> &'static str {
        match self {
            Platform::Watchers => "Watchers",
            Platform::TagMango => "TagMango",
        }
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The documented Watchers regions; each has its own API host.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    #[default]
    Eu,
    Us,
    Sa,
    Hk,
    Za,
}

impl Region {
    pub const ALL: [Region; 5] = [Region::Eu, Region::Us, Region::Sa, Region::Hk, Region::Za];

    /// Parses the short code used by `WATCHERS_REGION` (case-insensitive).
    pub fn parse(code: &str) -> Option<Region> {
        Region::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The short code: `eu`, `us`, `sa`, `hk` or `za`.
    pub fn code(self) -> &'static str {
        match self {
            Region::Eu => "eu",
            Region::Us => "us",
            Region::Sa => "sa",
            Region::Hk => "hk",
            Region::Za => "za",
        }
    }

    /// The region's name as the documents give it.
    pub fn name(self) -> &'static str {
        match self {
            Region::Eu => "Europe",
            Region::Us => "North America",
            Region::Sa => "South America",
            Region::Hk => "Asia",
            Region::Za => "Africa",
        }
    }

    /// The documented API host of the region.
    pub fn host(self) -> &'static str {
        match self {
            Region::Eu => "chatbackend.watchers.io",
            Region::Us => "chatbackend.us.watchers.io",
            Region::Sa => "chatbackend.sa.watchers.io",
            Region::Hk => "chatbackend.hk.watchers.io",
            Region::Za => "chatbackend.za.watchers.io",
        }
    }
}

/// What every page header shows about the deployment. Nothing in it is secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellInfo {
    /// Watchers' mode.
    pub mode: Mode,
    pub tagmango_mode: Mode,
    pub region: Region,
    pub version: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_parse_from_their_codes_in_any_case() {
        for region in Region::ALL {
            assert_eq!(Region::parse(region.code()), Some(region));
            assert_eq!(Region::parse(&region.code().to_uppercase()), Some(region));
        }
        assert_eq!(Region::parse("mars"), None);
        assert_eq!(Region::parse(""), None);
    }

    #[test]
    fn region_hosts_are_the_documented_ones() {
        assert_eq!(Region::default().host(), "chatbackend.watchers.io");
        assert_eq!(Region::Za.host(), "chatbackend.za.watchers.io");
    }
}
