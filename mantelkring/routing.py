"""All websocket routes; each app keeps its own list in <app>/routing.py."""

from panel.routing import websocket_urlpatterns as panel_ws
from werkgroep.routing import websocket_urlpatterns as werkgroep_ws

websocket_urlpatterns = [*panel_ws, *werkgroep_ws]
