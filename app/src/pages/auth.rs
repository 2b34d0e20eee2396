//! Signing in and the signed-in person's own account.

pub mod account;
pub mod login;
pub mod test_audience;
pub mod time_zone;
