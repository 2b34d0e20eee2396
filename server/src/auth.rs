//! Who is signed in and what their role allows: passwords, staff accounts, sessions, where a
//! request came from, throttling, and the checks every server function makes first (the sign-in
//! form's handlers are the host's, `host::login`).

pub mod accounts;
pub mod address;
pub mod bootstrap;
pub mod guard;
pub mod password;
pub mod session;
pub mod session_store;
/// Staff accounts, in the storage room.
pub use crate::db::staff;
/// Failed sign-ins by address, in the storage room.
pub use crate::db::throttle;
