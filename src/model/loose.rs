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

/// A value of a field with known values, as the API sent it: `known` when the dashboard knows
/// it, and always the text that came, so an older or unknown value is shown as it came.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AsSent<T> {
    pub known: Option<T>,
    pub text: String,
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for AsSent<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        // Its own serialized form (server to browser) comes back as it went.
        if let Value::Object(fields) = &value
            && let Some(Value::String(text)) = fields.get("text")
        {
            let known = fields
                .get("known")
                .cloned()
                .and_then(|k| serde_json::from_value(k).ok());
            return Ok(AsSent {
                known,
                text: text.clone(),
            });
        }
        let text = match &value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Ok(AsSent {
            known: serde_json::from_value(value).ok(),
            text,
        })
    }
}

/// JSON that the API sends inside a string (or as plain JSON): read as `T` when it can be, and
/// otherwise kept as it came, so that it can be shown and is never silently replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Embedded<T> {
    Read(T),
    AsSent { as_sent: String },
}

/// Reads an [`Embedded`] field: `null` and `""` are `None`.
pub fn embedded<'de, D, T>(deserializer: D) -> Result<Option<Embedded<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = Value::deserialize(deserializer)?;
    let as_sent = |text: String| Ok(Some(Embedded::AsSent { as_sent: text }));
    match value {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => match serde_json::from_str::<T>(&s) {
            Ok(read) => Ok(Some(Embedded::Read(read))),
            Err(_) => as_sent(s),
        },
        Value::Object(fields) if fields.len() == 1 && fields.contains_key("as_sent") => {
            as_sent(fields["as_sent"].as_str().unwrap_or_default().to_owned())
        }
        value => match serde_json::from_value::<T>(value.clone()) {
            Ok(read) => Ok(Some(Embedded::Read(read))),
            Err(_) => as_sent(value.to_string()),
        },
    }
}

impl<T> Embedded<T> {
    pub fn read(&self) -> Option<&T> {
        match self {
            Embedded::Read(read) => Some(read),
            Embedded::AsSent { .. } => None,
        }
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

/// One record of a list as the API sent it: read, or kept with why it could not be. A record the
/// dashboard cannot read never takes the rest of the list down with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Listed<T> {
    Read(T),
    Unreadable(Unreadable),
}

/// A record that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unreadable {
    /// Its id, when one could be found (`id` or `_id`, a number or text).
    pub id: Option<String>,
    /// What could not be read, in the reader's words.
    pub problem: String,
    /// The record as it was received (compact JSON); only administrators are sent it.
    pub raw: Option<String>,
}

impl<T> Listed<T> {
    /// The record, when it could be read.
    pub fn read(&self) -> Option<&T> {
        match self {
            Listed::Read(item) => Some(item),
            Listed::Unreadable(_) => None,
        }
    }

    pub fn into_read(self) -> Option<T> {
        match self {
            Listed::Read(item) => Some(item),
            Listed::Unreadable(_) => None,
        }
    }

    /// The same record without the raw JSON of an unreadable one (for people who are not
    /// administrators).
    pub fn without_raw(self) -> Self {
        match self {
            Listed::Unreadable(u) => Listed::Unreadable(Unreadable { raw: None, ..u }),
            read => read,
        }
    }
}

/// Reads each record of a list on its own.
pub fn read_records<T: DeserializeOwned>(records: Vec<Value>) -> Vec<Listed<T>> {
    records
        .into_iter()
        .map(|record| match serde_json::from_value::<T>(record.clone()) {
            Ok(item) => Listed::Read(item),
            Err(err) => Listed::Unreadable(Unreadable {
                id: record_id(&record),
                problem: err.to_string(),
                raw: Some(record.to_string()),
            }),
        })
        .collect()
}

/// The `id` (or `_id`) of a record, as text.
fn record_id(record: &Value) -> Option<String> {
    ["id", "_id"]
        .into_iter()
        .find_map(|key| match record.get(key)? {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
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

    #[test]
    fn each_record_of_a_list_is_read_on_its_own() {
        #[derive(Clone, Debug, Deserialize, PartialEq)]
        struct Item {
            #[serde(deserialize_with = "number")]
            id: i64,
            #[serde(deserialize_with = "flag", default)]
            on: bool,
            #[serde(deserialize_with = "optional_number", default)]
            delay: Option<i64>,
        }
        let records = serde_json::from_str(
            r#"[{"id":1,"on":true},{"id":"2","on":null,"delay":"0"},{"id":"x3"},{"_id":"abc","id":null}]"#,
        )
        .unwrap();
        let listed: Vec<Listed<Item>> = read_records(records);
        assert_eq!(
            listed[0].read(),
            Some(&Item {
                id: 1,
                on: true,
                delay: None
            })
        );
        assert_eq!(
            listed[1].read(),
            Some(&Item {
                id: 2,
                on: false,
                delay: Some(0)
            })
        );
        match &listed[2] {
            Listed::Unreadable(u) => {
                assert_eq!(u.id.as_deref(), Some("x3"));
                assert!(u.problem.contains("x3"), "{}", u.problem);
                assert_eq!(u.raw.as_deref(), Some(r#"{"id":"x3"}"#));
            }
            read => panic!("{read:?}"),
        }
        let Listed::Unreadable(u) = listed[3].clone().without_raw() else {
            panic!("a null id is unreadable")
        };
        assert_eq!((u.id, u.raw), (Some("abc".into()), None));
    }
}
