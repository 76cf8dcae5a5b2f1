from django.urls import path

from werkgroep.consumers import DashboardConsumer, PollPageConsumer

websocket_urlpatterns: list = [
    path("ws/werkgroep/dashboard/", DashboardConsumer.as_asgi()),
    path("ws/werkgroep/peilingen/<int:poll_id>/", PollPageConsumer.as_asgi()),
]
