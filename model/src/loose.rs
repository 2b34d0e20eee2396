//! Lenient readers for the Watchers API's loose response shapes: ids, counters and flags sent as
//! numbers, text or `null`; lists read record by record (`listed`); values kept as they came
//! when they cannot be read (`kept`); and update bodies that clear what they leave out.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod kept;
mod listed;

pub use kept::{AsSent, Embedded, embedded};
pub use listed::{Listed, Unreadable, read_records};
use serde_json::Value;

/// An id the API sends as a number in one place and a string in another; kept as text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ExternalId(pub String);

impl ExternalId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ExternalId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ExternalId {
    fn from(value: &str) -> Self {
        ExternalId(value.to_owned())
    }
}

impl Serialize for ExternalId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ExternalId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(s) => Ok(ExternalId(s)),
            Value::Number(n) => Ok(ExternalId(n.to_string())),
            other => Err(D::Error::custom(format!(
                "expected an id (string or number), got {other}"
            ))),
        }
    }
}

/// A list of ids that may be absent or `null`: both read as empty.
pub fn id_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<ExternalId>, D::Error> {
    Ok(Option::<Vec<ExternalId>>::deserialize(deserializer)?.unwrap_or_default())
}

/// Text that may arrive as a number; `null` reads as empty.
pub fn text_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(String::new()),
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(D::Error::custom(format!("expected text, got {other}"))),
    }
}

/// A counter sent as a number, a numeric string or `null` (read as 0).
pub fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    whole_number(Value::deserialize(deserializer)?).map_err(D::Error::custom)
}

/// `value` as a whole number: a number, a numeric string, or `null` (0).
fn whole_number(value: Value) -> Result<i64, String> {
    match value {
        Value::Null => Ok(0),
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
            .ok_or_else(|| format!("{n} is not a whole number")),
        Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| format!("{s:?} is not a number")),
        other => Err(format!("expected a number, got {other}")),
    }
}

/// An update's JSON body in which each of `optional` that the input leaves out is sent as `null`
/// (an empty list for `lists`), so that clearing a field in the dashboard clears it upstream. The
/// documents do not say how a field is cleared: this is the dashboard's assumption (README).
pub fn clearing(body: Value, optional: &[&str], lists: &[&str]) -> Value {
    let Value::Object(mut fields) = body else {
        return body;
    };
    for name in optional {
        fields.entry(*name).or_insert(Value::Null);
    }
    for name in lists {
        fields.entry(*name).or_insert_with(|| Value::Array(vec![]));
    }
    Value::Object(fields)
}

/// A whole number that may arrive as a numeric string; `null` reads as `None`.
pub fn optional_number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        value => whole_number(value).map(Some).map_err(D::Error::custom),
    }
}

/// A whole number that may arrive as a numeric string (an id, say); `null` is refused.
pub fn number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Null => Err(D::Error::custom("expected a number, got null")),
        value => whole_number(value).map_err(D::Error::custom),
    }
}

/// A flag that may arrive as `null` (read as `false`), `0`/`1` or `"true"`/`"false"`.
pub fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(false),
        Value::Bool(b) => Ok(b),
        Value::Number(n) => Ok(n.as_f64().is_some_and(|n| n != 0.0)),
        Value::String(s) => match s.trim() {
            "true" | "1" => Ok(true),
            "false" | "0" | "" => Ok(false),
            other => Err(D::Error::custom(format!(
                "expected true or false, got {other:?}"
            ))),
        },
        other => Err(D::Error::custom(format!(
            "expected true or false, got {other}"
        ))),
    }
}

/// Text that may be absent, `null`, a number or a flag; kept as text, never failing on a scalar.
pub fn optional_text<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        other => Err(D::Error::custom(format!("expected text, got {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Sample {
        #[serde(deserialize_with = "count", default)]
        n: i64,
        #[serde(deserialize_with = "id_list", default)]
        ids: Vec<ExternalId>,
    }

    #[test]
    fn reads_counters_and_ids_in_every_documented_shape() {
        let s: Sample = serde_json::from_str(r#"{"n":"7","ids":["123",456]}"#).unwrap();
        assert_eq!(s.n, 7);
        assert_eq!(
            s.ids,
            vec![ExternalId::from("123"), ExternalId::from("456")]
        );
        let s: Sample = serde_json::from_str(r#"{"n":3,"ids":null}"#).unwrap();
        assert_eq!((s.n, s.ids.len()), (3, 0));
        let s: Sample = serde_json::from_str(r#"{"n":null}"#).unwrap();
        assert_eq!(s.n, 0);
        assert!(serde_json::from_str::<Sample>(r#"{"n":"seven"}"#).is_err());
    }
}
