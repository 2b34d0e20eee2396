//! Lenient readers for the Watchers API's loose response shapes: counters sent as strings, id
//! lists mixing numbers and strings, and fields that carry JSON inside a string.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
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
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(0),
        Value::Number(n) => n
            .as_i64()
            .ok_or_else(|| D::Error::custom(format!("counter {n} is not a whole number"))),
        Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| D::Error::custom(format!("counter {s:?} is not a number"))),
        other => Err(D::Error::custom(format!("expected a counter, got {other}"))),
    }
}

/// A field holding `T` either as JSON text inside a string or as plain JSON; `null`, `""` and
/// text that does not parse read as `None` rather than failing the whole response.
pub fn json_in_string<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = match Value::deserialize(deserializer)? {
        Value::Null => return Ok(None),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => match serde_json::from_str::<Value>(&s) {
            Ok(value) => value,
            Err(_) => return Ok(None),
        },
        value => value,
    };
    Ok(serde_json::from_value(value).ok())
}

/// Serializes `Option<T>` as JSON text inside a string, the way the API sends `templateData`.
pub fn to_json_string<T: Serialize, S: Serializer>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        None => serializer.serialize_none(),
        Some(v) => {
            let text = serde_json::to_string(v).map_err(serde::ser::Error::custom)?;
            serializer.serialize_str(&text)
        }
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
        #[serde(deserialize_with = "json_in_string", default)]
        data: Option<Vec<u8>>,
    }

    #[test]
    fn reads_counters_ids_and_embedded_json_in_every_documented_shape() {
        let s: Sample =
            serde_json::from_str(r#"{"n":"7","ids":["123",456],"data":"[1,2]"}"#).unwrap();
        assert_eq!(s.n, 7);
        assert_eq!(
            s.ids,
            vec![ExternalId::from("123"), ExternalId::from("456")]
        );
        assert_eq!(s.data, Some(vec![1, 2]));
        let s: Sample = serde_json::from_str(r#"{"n":3,"ids":null,"data":[4]}"#).unwrap();
        assert_eq!((s.n, s.ids.len(), s.data), (3, 0, Some(vec![4])));
        let s: Sample = serde_json::from_str(r#"{"n":null,"data":"not json"}"#).unwrap();
        assert_eq!((s.n, s.data), (0, None));
        assert!(serde_json::from_str::<Sample>(r#"{"n":"seven"}"#).is_err());
    }
}
