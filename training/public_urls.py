"""Public URLs of this app outside its own area (included at the site root)."""

from django.urls import include, path

from training import views

public_patterns = (
    [path("certificaat/<str:code>/", views.verify, name="verify")],
    "training_public",
)

urlpatterns = [path("", include(public_patterns))]
