//! Server functions for the audit log (admins only).

mod list_audit;

pub use list_audit::*;
