//! Wire types and validation shared by the browser and the server.

pub mod advertisement;
pub mod approval;
pub mod audit;
pub mod badge;
pub mod calendar;
pub mod clash;
pub mod color;
pub mod deployment;
pub mod draft;
pub mod exclusion;
pub mod explain;
pub mod loose;
pub mod offer;
pub mod plan;
pub mod query;
pub mod rate;
pub mod results;
pub mod room;
pub mod staff;
pub mod tagmango;
pub mod targeting;
pub mod test_send;
pub mod time;
pub mod undo;
pub mod validate;
pub mod zone;
