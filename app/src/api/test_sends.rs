//! Server functions for the tests "Send a test to me" sent (the composers send them through their
//! own submit functions): each person's list of their own, "Remove now", which published items
//! are tests, for the pages that mark them, and the form typed for a test sent without
//! JavaScript, for the composer the browser comes back to.

mod get_kept_form;
mod list_test_sends;
mod remove_test_send;
mod test_send_ids;

pub use get_kept_form::*;
pub use list_test_sends::*;
pub use remove_test_send::*;
pub use test_send_ids::*;
