//! Server functions about the signed-in person.

mod change_password;
mod get_me;
mod set_test_audience;
mod set_time_zone;

pub use change_password::*;
pub use get_me::*;
pub use set_test_audience::*;
pub use set_time_zone::*;
