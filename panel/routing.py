from django.urls import path

from panel.consumers import PollResultsConsumer

websocket_urlpatterns: list = [
    path("ws/panel/vragen/<int:poll_id>/", PollResultsConsumer.as_asgi()),
]
