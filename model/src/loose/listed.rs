//! Lists read record by record: a record that cannot be read is kept with why, and never takes
//! the rest of the list down with it.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

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

#[cfg(test)]
mod tests {
    use super::super::{flag, number, optional_number};
    use super::*;

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
