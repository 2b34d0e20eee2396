//! Who is signed in and what their role allows: passwords, staff accounts, sessions, the sign-in
//! form's handlers, throttling, and the checks every server function makes first.

pub mod accounts;
pub mod bootstrap;
pub mod guard;
pub mod login;
pub mod password;
pub mod session;
pub mod session_store;
pub mod staff;
pub mod throttle;
