# Watchers Dashboard: built with the Makefile's own steps, run as a non-root user on slim Debian.

FROM rust:1.95-slim-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends make gcc libc6-dev nodejs npm ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Tools first (cargo-leptos, wasm-bindgen-cli, wasm target, npm binaryen), cached apart from the code.
COPY Makefile Cargo.toml Cargo.lock ./
COPY end2end/package.json end2end/package-lock.json end2end/
RUN make deps-build
COPY . .
RUN make build

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --create-home --home-dir /app dashboard \
    && mkdir -p /app/data && chown dashboard:dashboard /app/data
WORKDIR /app
COPY --from=build /src/target/release/watchers-dashboard /app/watchers-dashboard
# The hashed names of the site's files, read from beside the binary.
COPY --from=build /src/target/release/hash.txt /app/hash.txt
COPY --from=build /src/target/site /app/site
ENV LEPTOS_OUTPUT_NAME=watchers-dashboard \
    LEPTOS_SITE_ROOT=site \
    LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_HASH_FILES=true \
    LEPTOS_SITE_ADDR=0.0.0.0:8080 \
    LEPTOS_ENV=PROD \
    DATABASE_URL=sqlite:///app/data/dashboard.db \
    WATCHERS_SANDBOX_FILE=/app/data/sandbox.json \
    RUST_LOG=info
# In production the dashboard refuses to start on plain http: run it behind a proxy that ends TLS
# and pass its public address, e.g. `-e DASHBOARD_PUBLIC_URL=https://dashboard.example.com`
# (secure cookies, HSTS), or `-e DASHBOARD_TLS_PROXY=1` to say TLS ends in front without it.
# Staff, sessions, the audit log and the sandbox's data.
VOLUME /app/data
USER dashboard
EXPOSE 8080
# /healthz answers 503 when the database does not answer or a server worker is stuck: an
# orchestrator replaces the container after three failures (plain Docker marks it unhealthy; run
# it with --restart unless-stopped so a process that exits comes back). A stop gives requests under
# way DASHBOARD_SHUTDOWN_SECONDS (20) to finish: stop with `docker stop -t 30`.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
CMD ["/app/watchers-dashboard"]
