//! Which targeted ids the sandbox knows: rooms that exist, users not excluded from marketing.
//! Available ids come back as text; unavailable ones as they were sent (the documents show a
//! bare number there).

use super::store::SandboxData;
use serde_json::{Value, json};

fn split(ids: &[Value], known: impl Fn(&str) -> bool) -> (Vec<Value>, Vec<Value>) {
    let (mut yes, mut no) = (vec![], vec![]);
    for id in ids {
        let text = match id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if known(&text) {
            yes.push(Value::String(text));
        } else {
            no.push(id.clone());
        }
    }
    (yes, no)
}

/// `availableExternalRoomIds` and `unavailableExternalRoomIds`.
pub fn rooms(data: &SandboxData, ids: &[Value]) -> Value {
    let (yes, no) = split(ids, |id| data.rooms.contains_key(id));
    json!({ "availableExternalRoomIds": yes, "unavailableExternalRoomIds": no })
}

/// The room report and `available…`/`unavailableExternalUserIds` beside it.
pub fn rooms_and_users(data: &SandboxData, room_ids: &[Value], user_ids: &[Value]) -> Value {
    let mut report = rooms(data, room_ids);
    let (yes, no) = split(user_ids, |id| !data.excluded_users.contains(id));
    report["availableExternalUserIds"] = json!(yes);
    report["unavailableExternalUserIds"] = json!(no);
    report
}
