//! Server-only code: configuration, assembly, the HTTP router and its handlers, and one module per
//! area that the server functions call into (badges, rooms, marketing, exclusions, staff).

pub mod application;
pub mod approvals;
pub mod assets;
pub mod audit;
pub mod auth;
pub mod badges;
pub mod breaker;
pub mod change;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod detach;
pub mod drafts;
pub mod error_status;
pub mod exclusions;
pub mod health;
pub mod marketing;
pub mod metrics;
pub mod pages;
pub mod plan;
pub mod rooms;
pub mod router;
pub mod run;
pub mod security;
pub mod serve;
pub mod staff;
pub mod state;
pub mod tagmango;
pub mod telemetry;
pub mod undo;
pub mod upstream;
pub mod versions;
pub mod watchdog;
pub mod zone;
