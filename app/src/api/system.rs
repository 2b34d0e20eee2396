//! Server functions about the dashboard itself rather than a Watchers area.

mod get_shell_info;

pub use get_shell_info::*;
