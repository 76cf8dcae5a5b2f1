"""Live counts for the werkgroep dashboard. Only werkgroep and beheer may connect; events
carry only a poll id and the consumer rereads counts (never any answer text)."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from accounts.models import Role
from accounts.roles import has_role
from mantelkring.live import coalesced
from panel import events
from panel.events import ALL_POLLS_GROUP
from werkgroep import results


class DashboardConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        if not await database_sync_to_async(has_role)(
            self.scope.get("user"), Role.WERKGROEP, Role.ADMIN
        ):
            await self.close(code=4403)
            return
        self.joined = True
        await self.channel_layer.group_add(ALL_POLLS_GROUP, self.channel_name)
        await self.accept()

    async def disconnect(self, code) -> None:
        if getattr(self, "joined", False):
            await self.channel_layer.group_discard(ALL_POLLS_GROUP, self.channel_name)

    async def poll_updated(self, event: dict) -> None:
        # One read per process per burst, shared by every dashboard socket (mantelkring.live).
        polls = await coalesced("open_polls_live", results.open_polls_live)
        await self.send_json({"type": "polls", "polls": polls})

    async def dashboard_changed(self, event: dict) -> None:
        # Members or registrations changed: the page rereads its other counts.
        await self.send_json({"type": "refresh"})


class PollPageConsumer(AsyncJsonWebsocketConsumer):
    """The werkgroep's page of one poll (results, studio): told when its counts change, the
    page then rereads itself, so every number on it comes from one suppressed read."""

    async def connect(self) -> None:
        if not await database_sync_to_async(has_role)(
            self.scope.get("user"), Role.WERKGROEP, Role.ADMIN
        ):
            await self.close(code=4403)
            return
        self.poll_id = int(self.scope["url_route"]["kwargs"]["poll_id"])
        self.group = events.poll_group(self.poll_id)  # every vote is broadcast here
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def poll_updated(self, event: dict) -> None:
        await self.send_json({"type": "poll", "poll_id": event["poll_id"]})
