from django.urls import path

from sociale_kaart import views

app_name = "sociale_kaart"
urlpatterns = [
    path("", views.offer_list, name="offers"),
]
