from django.apps import AppConfig


class MantelkringConfig(AppConfig):
    name = "mantelkring"
    verbose_name = "Mantelkring"
