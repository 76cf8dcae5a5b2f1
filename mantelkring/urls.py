from django.contrib import admin
from django.urls import include, path

from mantelkring import health, views

admin.site.site_header = "Mantelkring beheer"
admin.site.site_title = "Mantelkring beheer"

urlpatterns = [
    path("", views.home, name="home"),
    path("folder/", views.flyer, name="flyer"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("sociale-kaart/", include("sociale_kaart.urls")),
    path("training/", include("training.urls")),
    path("panel/", include("panel.urls")),
    path("werkgroep/", include("werkgroep.urls")),
    # Public pages that belong to an app but live outside its area:
    # /certificaat/<code>/ (training) and /wij-deden/ (werkgroep), and any panel links.
    path("", include("training.public_urls")),
    path("", include("panel.public_urls")),
    path("", include("werkgroep.public_urls")),
]

handler403 = "mantelkring.views.permission_denied"
handler404 = "mantelkring.views.page_not_found"
handler500 = "mantelkring.views.server_error"
