//! Server functions for the second approver: the requests and rules, one request with what it
//! will send, deciding one, and (administrators) which actions wait.

mod decide_approval;
mod get_approval;
mod list_approvals;
mod set_approval_rules;

pub use decide_approval::*;
pub use get_approval::*;
pub use list_approvals::*;
pub use set_approval_rules::*;
