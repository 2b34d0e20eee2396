//! The host: assembles the dashboard from its configuration and serves it. The application and
//! its router, the connection loop, page rendering, `/pkg`, `/healthz`, the sign-in form's
//! handlers, `/metrics`, security headers and the command line. It sits above everything else: it renders the
//! app and calls the server; nothing imports it but `main`, the tests and the benchmark.

pub mod application;
pub mod assets;
pub mod cli;
pub mod health;
pub mod login;
pub mod metrics;
pub mod pages;
pub mod router;
pub mod run;
pub mod security;
pub mod serve;
