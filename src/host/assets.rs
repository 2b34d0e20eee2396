//! `/pkg`, the built JS, WASM and CSS: served precompressed (the build writes `.br` and `.gz`
//! beside each file) by the browser's `Accept-Encoding`. Release builds put a content hash in
//! each name, so a file never changes under its name and may be kept for a year; without hashes
//! (`cargo leptos watch`) the browser asks again each time.

use axum::http::{HeaderValue, Response, header};
use leptos::prelude::LeptosOptions;
use std::path::Path;
use tower::Layer;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

/// How long a hashed file may be kept: a year, never revalidated.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Files without a hash in their name: kept, but checked before each use.
pub const REVALIDATE: &str = "no-cache";

/// The service for `/pkg` under `options`' site root.
pub fn pkg(options: &LeptosOptions) -> Pkg {
    let dir = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let policy = if options.hash_files {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    let cache = SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, CacheControl(policy));
    // ServeDir says `Vary` only on an uncompressed answer; a shared cache must know that every
    // answer depends on `Accept-Encoding`.
    let vary = SetResponseHeaderLayer::if_not_present(
        header::VARY,
        HeaderValue::from_static("accept-encoding"),
    );
    vary.layer(cache.layer(files))
}

/// What [`pkg`] builds.
pub type Pkg = SetResponseHeader<SetResponseHeader<ServeDir, CacheControl>, HeaderValue>;

/// `Cache-Control` for a file that was found; a missing file's answer is not to be kept.
#[derive(Clone, Copy)]
pub struct CacheControl(&'static str);

impl<B> tower_http::set_header::MakeHeaderValue<Response<B>> for CacheControl {
    fn make_header_value(&mut self, response: &Response<B>) -> Option<HeaderValue> {
        let found = response.status().is_success() || response.status().as_u16() == 304;
        found.then(|| HeaderValue::from_static(self.0))
    }
}
