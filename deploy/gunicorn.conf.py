"""gunicorn settings for Mantelkring's HTTP workers (WSGI; websockets go to the ASGI workers).

Used by deploy/systemd/mantelkring-http.service and by `make bench`. Every request runs
Django's synchronous handler on one worker thread: one thread hop per request (the gthread
worker hands the parsed request to its thread pool), against the ~20 hops of the same
middleware stack under an ASGI server (see docs/performance.md, "HTTP server").
"""

import os

# One process per core (override with --workers); threads cover the time a request waits
# for PostgreSQL.
workers = os.cpu_count() or 2
worker_class = "gthread"
threads = 8
# nginx keeps upstream connections open (deploy/nginx.conf, keepalive).
keepalive = 30
# A request that takes longer than this is killed (uploads and exports are small).
timeout = 60
graceful_timeout = 20
# Each worker loads Django itself, after the fork: database pools are never shared.
preload_app = False
forwarded_allow_ips = "127.0.0.1"
proxy_allow_ips = "127.0.0.1"
