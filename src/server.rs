//! Server-only code: configuration, shared state, the HTTP router and its handlers.

pub mod audit;
pub mod auth;
pub mod change;
pub mod cli;
pub mod config;
pub mod db;
pub mod drafts;
pub mod exclusions;
pub mod health;
pub mod publish;
pub mod rooms;
pub mod router;
pub mod run;
pub mod sandbox;
pub mod security;
pub mod startup;
pub mod state;
pub mod upstream;
