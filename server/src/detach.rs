//! Every request runs to its end on a task of its own, whatever its client does.
//!
//! A browser that navigates away, a proxy that times out or a tab that is closed cancels its
//! request. Dropping a page's render half-way, while the tasks of its resources still run on the
//! other worker, is what deadlocked a worker for good inside Leptos's owner cleanup and made
//! views panic on disposed values (issue 27; reactive_graph 0.2's `with_context` holds a read
//! lock on the current owner while the last reference to an ancestor may be dropped, see
//! `docs/upstream/reactive-graph-owner-deadlock.md`). A render that always finishes never
//! drops its owners under a running resource. It also keeps the product's rule that a change,
//! once begun, ends in one piece: a publish whose client left is still sent once, audited, and
//! its draft cleared.
//!
//! The tasks are bounded (a request waits for a place, as the concurrency limit did before) and
//! tracked, so a stop waits for them ([`Detached::wait`]).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio_util::task::TaskTracker;
use tracing::Instrument;

/// Requests worked on at once (a request beyond waits for a place).
pub const MAX_CONCURRENT_REQUESTS: usize = 512;

/// The places and the tracker of the requests under way.
#[derive(Clone, Debug)]
pub struct Detached {
    places: Arc<Semaphore>,
    tasks: TaskTracker,
}

impl Default for Detached {
    fn default() -> Self {
        Detached {
            places: Arc::new(Semaphore::new(MAX_CONCURRENT_REQUESTS)),
            tasks: TaskTracker::new(),
        }
    }
}

impl Detached {
    /// Requests being worked on now (including those whose client has gone).
    pub fn in_flight(&self) -> usize {
        self.tasks.len()
    }

    /// Waits for every request under way to finish (the caller bounds how long).
    pub async fn wait(&self) {
        self.tasks.close();
        self.tasks.wait().await;
    }
}

/// The middleware: takes a place, runs the rest of the request on a tracked task of its own, and
/// answers what that task answers. A panic in the handler is answered 500 with a plain page.
pub async fn detach(State(detached): State<Detached>, request: Request, next: Next) -> Response {
    let Ok(place) = detached.places.clone().acquire_owned().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let request_id = super::telemetry::request_id(request.headers());
    let span = tracing::Span::current();
    let task = detached.tasks.spawn(
        async move {
            let response = next.run(request).await;
            drop(place);
            response
        }
        .instrument(span),
    );
    match task.await {
        Ok(response) => response,
        Err(err) => {
            tracing::error!("a request's task ended without an answer: {err}");
            let mut response = Response::new(Body::from(super::error_status::plain_page(
                "Something went wrong",
                "Something went wrong on the dashboard server. The details are in its log.",
                request_id.as_deref(),
            )));
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use leptos::reactive::owner::{Owner, provide_context, with_context};
    use std::time::Duration;

    /// The upstream fault [`detach`](super::detach) keeps the server away from, reproduced on one
    /// thread (see `docs/upstream/reactive-graph-owner-deadlock.md`): an ancestor whose last
    /// outside reference goes while `with_context` walks up to it leaves the walk's temporary as
    /// the last one, and dropping it cleans the current owner up while the walk still holds its
    /// read lock. The thread blocks for good. When this test fails, the reactive_graph in use has
    /// the fix (0.3 has it): the detach stays worth having (a publish whose client left still
    /// ends in one piece), but its reason here is gone.
    #[test]
    fn reactive_graph_walk_deadlocks_when_an_ancestor_goes() {
        let (done, finished) = std::sync::mpsc::channel();
        // The blocked thread is left behind: it holds only the owners made here.
        std::thread::spawn(move || {
            let parent = Owner::new();
            parent.with(|| provide_context(7u8));
            let child = parent.child();
            let mut parent = Some(parent);
            child.with(|| {
                with_context::<u8, _>(|_| drop(parent.take()));
            });
            let _ = done.send(());
        });
        assert!(
            finished.recv_timeout(Duration::from_secs(3)).is_err(),
            "reactive_graph no longer deadlocks here: it has the upstream fix"
        );
    }
}
