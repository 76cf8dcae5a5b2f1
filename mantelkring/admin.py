from django.contrib import admin

from mantelkring.models import FailedEmail


@admin.register(FailedEmail)
class FailedEmailAdmin(admin.ModelAdmin):
    """Read-only: beheer sees which mails did not go out (and whether a retry is coming)."""

    list_display = (
        "subject",
        "recipients",
        "attempts",
        "last_failed_at",
        "next_attempt_at",
        "given_up",
        "delivered_at",
    )
    list_filter = ("given_up",)
    search_fields = ("recipients", "subject")
    readonly_fields = [f.name for f in FailedEmail._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
