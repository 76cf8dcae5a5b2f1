"""An unknown websocket path closes the socket cleanly (issue 15, finding 4)."""

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from mantelkring.asgi import application

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("path", ["/ws/", "/ws/bestaat-niet/", "/ws/panel/vragen/abc/", "/nope"])
def test_an_unknown_websocket_path_is_closed_without_an_error(path):
    async def scenario():
        communicator = WebsocketCommunicator(
            application, path, headers=[(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]
        )
        connected, code = await communicator.connect(timeout=5)
        await communicator.wait(timeout=1)
        return connected, code

    assert async_to_sync(scenario)() == (False, 4404)
