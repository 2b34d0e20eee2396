//! Wire types and validation shared by the browser and the server.

pub mod deployment;
