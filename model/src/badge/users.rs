//! Handing a badge to users: the request bodies and answers, and pasted or uploaded id lists.

use crate::validate::Problems;
use serde::{Deserialize, Serialize};

/// The body of replace, add and remove users.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BadgeUsers {
    pub user_ids: Vec<String>,
}

/// How a list of user ids is applied to a badge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UsersMode {
    #[default]
    Add,
    Remove,
    /// The badge's users become exactly the list (in chunks: the first replaces, the rest add).
    Replace,
}

/// The most ids one request carries; longer lists go in chunks of this size.
pub const USERS_CHUNK: usize = 500;

/// A pasted or uploaded list of user ids, trimmed, de-duplicated and counted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserIdList {
    pub ids: Vec<String>,
    pub duplicates: u32,
    /// A first line `userId`, `user_id` or `id` read as a CSV header and skipped.
    pub header_skipped: bool,
}

impl UserIdList {
    /// One chunk to send: at least one id and at most [`USERS_CHUNK`], or the problem (field `ids`).
    pub fn chunk(text: &str) -> Result<Self, Problems> {
        let list = UserIdList::parse(text);
        let mut p = Problems::default();
        let n = list.ids.len();
        if n == 0 {
            p.push("ids", "Paste or upload at least one user id.");
        } else if n > USERS_CHUNK {
            p.push(
                "ids",
                format!("Send at most {USERS_CHUNK} ids at once ({n} here)."),
            );
        }
        p.into_result().map(|()| list)
    }

    /// Reads ids separated by commas, semicolons, spaces or new lines (a one-column CSV too).
    pub fn parse(text: &str) -> Self {
        let mut tokens: Vec<&str> = text
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .map(|t| t.trim().trim_matches('"'))
            .filter(|t| !t.is_empty())
            .collect();
        let header_skipped = tokens.first().is_some_and(|t| {
            matches!(t.to_ascii_lowercase().as_str(), "userid" | "user_id" | "id")
        });
        if header_skipped {
            tokens.remove(0);
        }
        let total = tokens.len();
        let mut seen = std::collections::HashSet::new();
        let ids: Vec<String> = tokens
            .into_iter()
            .filter(|t| seen.insert(*t))
            .map(str::to_owned)
            .collect();
        UserIdList {
            duplicates: (total - ids.len()) as u32,
            ids,
            header_skipped,
        }
    }

    /// The ids in chunks of at most [`USERS_CHUNK`].
    pub fn chunks(&self) -> Vec<Vec<String>> {
        self.ids
            .chunks(USERS_CHUNK)
            .map(<[String]>::to_vec)
            .collect()
    }
}

/// `{ "added": n }` or `{ "removed": n }`; replace may answer either, or nothing countable.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersChanged {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<i64>,
    /// Not sent: a replace waits for a second person, in approval request `waiting`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting: Option<i64>,
}

impl UsersChanged {
    /// What one chunk did, in one sentence.
    pub fn notice(&self) -> String {
        if self.waiting.is_some() {
            return "Not sent yet: replacing a badge's whole user list waits for another member of \
                    staff to approve it."
                .into();
        }
        let counts: Vec<String> = [(self.added, "added"), (self.removed, "removed")]
            .into_iter()
            .filter_map(|(n, what)| n.map(|n| format!("{n} {what}")))
            .collect();
        if counts.is_empty() {
            "Sent.".into()
        } else {
            format!("Sent: {}.", counts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_says_what_it_did() {
        let added = UsersChanged {
            added: Some(3),
            ..Default::default()
        };
        assert_eq!(added.notice(), "Sent: 3 added.");
        assert_eq!(UsersChanged::default().notice(), "Sent.");
        let waiting = UsersChanged {
            waiting: Some(4),
            ..Default::default()
        };
        assert!(waiting.notice().starts_with("Not sent yet"));
    }

    #[test]
    fn pasted_and_csv_ids_are_trimmed_deduplicated_counted_and_chunked() {
        let list = UserIdList::parse("user_id\n\"12\", 7\n12;;x \t7\r\n");
        assert_eq!(list.ids, vec!["12", "7", "x"]);
        assert_eq!((list.duplicates, list.header_skipped), (2, true));
        let many = UserIdList::parse(
            &(0..1001)
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let chunks = many.chunks();
        assert_eq!(
            chunks.iter().map(Vec::len).collect::<Vec<_>>(),
            vec![500, 500, 1]
        );
    }
}
