//! Values the dashboard cannot interpret, kept as they came so they are shown as they are and
//! never silently replaced: enum values it does not know (`AsSent`) and JSON inside a string that
//! does not parse (`Embedded`).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Sample {
        #[serde(deserialize_with = "embedded", default)]
        data: Option<Embedded<Vec<u8>>>,
    }

    #[test]
    fn embedded_json_is_read_in_every_documented_shape_or_kept_as_it_came() {
        let read = |json: &str| serde_json::from_str::<Sample>(json).unwrap().data;
        assert_eq!(
            read(r#"{"data":"[1,2]"}"#),
            Some(Embedded::Read(vec![1, 2]))
        );
        assert_eq!(read(r#"{"data":[4]}"#), Some(Embedded::Read(vec![4])));
        assert_eq!(read(r#"{"data":null}"#), None);
        assert_eq!(
            read(r#"{"data":"not json"}"#),
            Some(Embedded::AsSent {
                as_sent: "not json".into()
            })
        );
        // Its own serialized form comes back as it went (server to browser).
        let kept = serde_json::to_string(&Embedded::<Vec<u8>>::AsSent {
            as_sent: "x".into(),
        })
        .unwrap();
        assert_eq!(
            read(&format!(r#"{{"data":{kept}}}"#)),
            Some(Embedded::AsSent {
                as_sent: "x".into()
            })
        );
    }
}
