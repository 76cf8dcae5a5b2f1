"""The websocket answer for a path no app serves."""

from channels.generic.websocket import AsyncWebsocketConsumer

NOT_FOUND = 4404


class NotFoundConsumer(AsyncWebsocketConsumer):
    """Closes the handshake with 4404 (like an HTTP 404), without a traceback in the log."""

    async def connect(self) -> None:
        await self.close(code=NOT_FOUND)
