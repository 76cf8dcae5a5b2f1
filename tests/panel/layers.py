"""A channel layer for tests that counts what is sent: the in-memory layer, plus a record of
every group_send (group, message)."""

from channels.layers import InMemoryChannelLayer


class CountingLayer(InMemoryChannelLayer):
    sent: list[tuple[str, dict]] = []  # class-wide: a fresh layer per test, one record

    async def group_send(self, group, message):
        CountingLayer.sent.append((group, message))
        await super().group_send(group, message)
