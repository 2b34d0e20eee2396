//! One page component per route.

pub mod admin;
pub mod advertisements;
pub mod approvals;
pub mod auth;
pub mod badges;
pub mod calendar;
pub mod exclusions;
pub mod home;
pub mod marketing;
pub mod not_found;
pub mod offers;
pub mod results;
pub mod rooms;
pub mod undo;

/// The numeric id of the current route (`/…/:id`); 0 when it is not a number.
pub fn route_id() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        use leptos::prelude::With;
        params.with(|p| {
            p.get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or(0)
        })
    }
}

/// The `:key` of the current route, e.g. a draft's.
pub fn route_key() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        use leptos::prelude::With;
        params.with(|p| p.get("key").unwrap_or_default())
    }
}

/// The page number of `?page=`, 0 when absent.
pub fn query_page() -> impl Fn() -> u32 + Copy + Send + Sync + 'static {
    let query = leptos_router::hooks::use_query_map();
    move || {
        use leptos::prelude::With;
        query.with(|q| q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0))
    }
}
