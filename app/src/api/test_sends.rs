//! Server functions for the tests "Send a test to me" sent (the composers send them through their
//! own submit functions): each person's list of their own, "Remove now", and which published
//! items are tests, for the pages that mark them.

mod list_test_sends;
mod remove_test_send;
mod test_send_ids;

pub use list_test_sends::*;
pub use remove_test_send::*;
pub use test_send_ids::*;
