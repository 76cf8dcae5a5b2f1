from django.apps import AppConfig

from panel import poll_cache  # noqa: F401 - connects the poll cache's invalidation signals


class PanelConfig(AppConfig):
    name = "panel"
