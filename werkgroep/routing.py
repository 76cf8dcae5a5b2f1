from django.urls import path

from werkgroep.consumers import DashboardConsumer

websocket_urlpatterns: list = [
    path("ws/werkgroep/dashboard/", DashboardConsumer.as_asgi()),
]
