//! Server functions for staff management (admins only).

mod add_staff;
mod list_staff;
mod reset_staff_password;
mod set_staff_disabled;
mod set_staff_role;
mod unlock_staff;

pub use add_staff::*;
pub use list_staff::*;
pub use reset_staff_password::*;
pub use set_staff_disabled::*;
pub use set_staff_role::*;
pub use unlock_staff::*;
