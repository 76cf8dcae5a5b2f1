"""Public URLs of this app outside its own area (included at the site root)."""

from django.urls import include, path

from training import views

public_patterns = (
    [
        path("certificaat/", views.check, name="check"),
        path("certificaat/<str:code>/", views.verify, name="verify"),
        path("signaleringskaart/", views.public_cards, name="cards"),
        path("signaleringskaart/<slug:wijk_slug>/", views.public_card, name="card"),
    ],
    "training_public",
)

urlpatterns = [path("", include(public_patterns))]
