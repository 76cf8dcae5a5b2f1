"""Live poll results for participants who may see them. Events carry only the poll id."""

from functools import partial

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from mantelkring.live import coalesced
from panel import access, events, selectors


def _may_see(scope, poll_id: int) -> bool:
    return access.may_see_results(
        user=scope.get("user"), session=scope.get("session"), poll_id=poll_id
    )


def results_message(poll_id: int) -> dict:
    results = selectors.poll_results(poll_id=poll_id)
    return {
        "respondents": results.respondents,
        "questions": [
            {
                "id": q.id,
                "total": q.total,
                "choices": [
                    {"id": c.id, "count": c.count, "percent": c.percent} for c in q.choices
                ],
            }
            for q in results.questions
        ],
    }


class PollResultsConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        self.poll_id = int(self.scope["url_route"]["kwargs"]["poll_id"])
        if not await database_sync_to_async(_may_see)(self.scope, self.poll_id):
            await self.close(code=4403)
            return
        self.group = events.poll_group(self.poll_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def poll_updated(self, event: dict) -> None:
        # One read per process per burst, shared by every socket on this poll (mantelkring.live).
        await self.send_json(
            await coalesced(("poll", event["poll_id"]), partial(results_message, event["poll_id"]))
        )
