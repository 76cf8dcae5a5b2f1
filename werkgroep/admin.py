from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

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


class ActionPointForm(forms.ModelForm):
    class Meta:
        labels = {"created_by": _("Gemaakt door"), "created_at": _("Gemaakt op")}


@admin.register(ActionPoint)
class ActionPointAdmin(admin.ModelAdmin):
    form = ActionPointForm
    list_display = ["title", "status", "owner", "due_date", "is_public"]
    list_filter = ["status", "is_public"]
    search_fields = ["title"]
    readonly_fields = ["status", "not_feasible_reason"]
    inlines = [EvidenceInline, StatusChangeInline]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Checkboxes for the eight vraaggebieden; the outcomes a plain list (a phone shows its
        # own picker). Not filter_horizontal: its search icons fail axe (aria-label on a span).
        if db_field.name == "vraaggebieden":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


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
