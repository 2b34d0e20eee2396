//! The connection loop: HTTP/1.1 from hyper with a header-read timeout (`axum::serve` sets none,
//! so a client sending its headers a byte at a time could hold a connection for ever), the
//! caller's address for the sign-in throttle, and a graceful stop: no new connection is taken,
//! and the requests under way (their clients gone or not) get up to the configured grace to end.

use crate::server::detach::Detached;
use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::Service;

/// A client has this long to send a request's headers; then the connection is closed.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `shutdown` completes, then lets the requests under way
/// (`detached`) finish for up to `grace`.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()>,
    detached: Detached,
    grace: Duration,
) -> std::io::Result<()> {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(err) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!("cannot accept a connection: {err}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service =
            hyper::service::service_fn(move |mut request: axum::http::Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(remote));
                router.clone().call(request)
            });
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(%remote, "connection ended: {err}");
            }
        });
    }
    drop(listener);
    let under_way = detached.in_flight();
    tracing::info!(
        requests = under_way,
        "no longer accepting connections; waiting up to {} s for the requests under way",
        grace.as_secs()
    );
    let finished = tokio::time::timeout(grace, async {
        graceful.shutdown().await;
        detached.wait().await;
    })
    .await;
    match finished {
        Ok(()) => tracing::info!("every request finished; stopped"),
        Err(_) => tracing::warn!(
            requests = detached.in_flight(),
            "stopping with requests still under way after {} s",
            grace.as_secs()
        ),
    }
    Ok(())
}
