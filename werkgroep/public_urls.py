"""Public URLs of this app outside its own area (included at the site root)."""

from django.urls import path

from werkgroep import views

urlpatterns = [
    path("wij-deden/", views.wij_deden, name="wij_deden"),
]
