from django.apps import AppConfig

from werkgroep import live  # noqa: F401 - connects the receivers that keep training figures live


class WerkgroepConfig(AppConfig):
    name = "werkgroep"
