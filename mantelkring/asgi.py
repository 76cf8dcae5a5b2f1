"""ASGI entry point: HTTP through Django, websockets through channels (auth from the session)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mantelkring.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from mantelkring.routing import websocket_urlpatterns  # noqa: E402
from mantelkring.shutdown import drain_before_reactor_shutdown, track_requests  # noqa: E402

# SIGTERM under daphne (`make run`): requests in progress finish before the server stops.
drain_before_reactor_shutdown()

application = ProtocolTypeRouter(
    {
        "http": track_requests(django_asgi_app),
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
