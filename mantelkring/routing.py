"""All websocket routes; each app keeps its own list in <app>/routing.py."""

from django.urls import re_path

from mantelkring.consumers import NotFoundConsumer
from panel.routing import websocket_urlpatterns as panel_ws
from werkgroep.routing import websocket_urlpatterns as werkgroep_ws

websocket_urlpatterns = [
    *panel_ws,
    *werkgroep_ws,
    re_path(r"", NotFoundConsumer.as_asgi()),  # last: any other path closes cleanly
]
