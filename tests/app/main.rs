//! Integration tests against a started dashboard: real HTTP on a loopback port.
#![cfg(feature = "ssr")]

mod healthz;
mod pages;
mod support;
