from django.contrib import admin

from werkgroep.models import ActionPoint, ActionStatusChange, Evidence, ExportLog, OutcomeItem


class StatusChangeInline(admin.TabularInline):
    model = ActionStatusChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "reason", "changed_by", "changed_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # status changes go through werkgroep.services.change_status


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    raw_id_fields = ["question", "choice"]


@admin.register(ActionPoint)
class ActionPointAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "owner", "due_date", "is_public"]
    list_filter = ["status", "is_public"]
    search_fields = ["title"]
    readonly_fields = ["status", "not_feasible_reason"]
    filter_horizontal = ["vraaggebieden", "outcomes"]
    inlines = [EvidenceInline, StatusChangeInline]


@admin.register(OutcomeItem)
class OutcomeItemAdmin(admin.ModelAdmin):
    list_display = ["gesprek", "kind", "text", "speaker_consent"]
    list_filter = ["kind"]


@admin.register(ExportLog)
class ExportLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user_email", "what", "file_format", "rows"]
    readonly_fields = ["user", "user_email", "what", "params", "file_format", "rows", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
