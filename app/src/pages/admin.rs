//! Admin-only pages: staff management and the audit log.

pub mod audit;
pub mod staff;
