"""System checks for the deployment's environment."""

from django.core.checks import CheckMessage, Warning, register

from mantelkring import env


@register("deployment")
def deprecated_environment_names(**kwargs: object) -> list[CheckMessage]:
    """Renamed environment variables still work under their old name, with this warning."""
    return [
        Warning(
            f"The environment variable {old} is deprecated; rename it to {new}.",
            hint="README.md, 'Configuration', lists every variable under its current name.",
            id="mantelkring.W001",
        )
        for old, new in env.DEPRECATED_NAMES_USED
    ]
