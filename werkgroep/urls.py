from django.urls import path

from werkgroep import views

app_name = "werkgroep"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
