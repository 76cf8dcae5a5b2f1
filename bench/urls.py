"""Site URLs plus the bare benchmark view and the tutorial peer; used only when
MANTELKRING_BENCH is on."""

from django.urls import include, path

from bench import views
from mantelkring.urls import handler403, handler404, handler500  # noqa: F401
from mantelkring.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("bench/bare", views.bare, name="bench_bare"),
    path("bench/peer/", include("bench.peer.urls")),
    *site_urlpatterns,
]
