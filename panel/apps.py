from django.apps import AppConfig


class PanelConfig(AppConfig):
    name = "panel"

    def ready(self) -> None:
        from panel import poll_cache  # noqa: F401 - connects the invalidation signals
