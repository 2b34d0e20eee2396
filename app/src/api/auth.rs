//! Server functions about the signed-in person.

mod change_password;
mod get_me;

pub use change_password::*;
pub use get_me::*;
