//! One page component per route.

pub mod admin;
pub mod auth;
pub mod badges;
pub mod home;
pub mod not_found;
pub mod rooms;
pub mod upcoming;
