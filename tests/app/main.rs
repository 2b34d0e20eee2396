//! Integration tests against started servers: real HTTP on loopback ports. Each test runs the
//! server and its client on a two-thread runtime, like the production server.
#![cfg(feature = "ssr")]

mod approvals;
mod approvals_counts;
mod assets;
mod audit;
mod auth;
mod backup;
mod badges;
mod cli;
mod contract;
mod copy;
mod database_down;
mod documents;
mod faults;
mod forms;
mod healthz;
mod live_composers;
mod live_forms;
mod loose;
mod marketing;
mod pages;
mod plan;
mod read_cache;
mod replicas;
mod resilience;
mod results;
mod results_pages;
mod roles;
mod rooms;
mod round_trip;
mod sandbox;
mod schema;
mod secrets;
mod sessions;
mod statuses;
mod support;
mod tagmango;
mod telemetry;
mod test_audience;
mod test_sends;
mod test_sends_http;
mod undo;
mod zone;
