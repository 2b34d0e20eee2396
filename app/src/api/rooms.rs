//! Server functions for rooms: the registry (the API has no list), and every room endpoint.

mod create_room;
mod delete_room;
mod list_rooms;
mod live_room;
mod look_up_room;
mod set_room_status;
mod set_room_voice;

pub use create_room::*;
pub use delete_room::*;
pub use list_rooms::*;
pub use live_room::*;
pub use look_up_room::*;
pub use set_room_status::*;
pub use set_room_voice::*;
