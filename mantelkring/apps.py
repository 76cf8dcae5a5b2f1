from django.apps import AppConfig

# Imported for its side effect: registers the system checks (it touches no models).
from mantelkring import checks  # noqa: F401


class MantelkringConfig(AppConfig):
    name = "mantelkring"
    verbose_name = "Mantelkring"
