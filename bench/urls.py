"""Site URLs plus the bare benchmark view; used only when MANTELKRING_BENCH is on."""

from django.urls import path

from bench import views
from mantelkring.urls import handler403, handler404, handler500  # noqa: F401
from mantelkring.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/bare", views.bare, name="bench_bare"), *site_urlpatterns]
