//! Signing in and the signed-in person's own account.

pub mod account;
pub mod login;
pub mod time_zone;
