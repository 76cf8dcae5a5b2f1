"""Authoring for beheer: modules with ordered lessons and questions, options per question.

Editing the lessons or questions of a published module goes through
services.record_content_change, which gives the module a new version number.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import Profession
from training import services
from training.models import (
    Certificate,
    LearningGoal,
    LearningPath,
    LearningPathStep,
    Lesson,
    Module,
    Option,
    Question,
    QuestionKind,
    Referral,
    Unit,
)


class UnitInline(admin.TabularInline):
    """Units of at most ten minutes; lessons and learning goals each belong to one."""

    model = Unit
    extra = 0
    fields = ["order", "title", "minutes"]
    ordering = ["order", "pk"]


class LessonInline(admin.StackedInline):
    model = Lesson
    extra = 0
    fields = ["unit", "order", "title", "body"]
    ordering = ["order", "pk"]


class LearningGoalInline(admin.TabularInline):
    """Learning goals: each has the lesson that teaches it and its question variants."""

    model = LearningGoal
    extra = 0
    fields = ["unit", "order", "text", "lesson"]
    ordering = ["order", "pk"]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = ["goal", "order", "prompt", "kind", "situation", "explanation"]
    ordering = ["order", "pk"]
    show_change_link = True  # options are edited on the question's own page


class ModuleForm(forms.ModelForm):
    target_professions = forms.MultipleChoiceField(
        label=_("voor beroepen"),
        choices=Profession.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Module
        fields = "__all__"  # noqa: DJ007 (every field of a module is edited here)


def _formsets_changed(formsets) -> bool:
    return any(formset.has_changed() for formset in formsets)


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    form = ModuleForm
    list_display = [
        "title",
        "version",
        "published",
        "minutes",
        "accreditation_points",
        "order",
        "preview_link",
    ]
    list_editable = ["order"]
    list_filter = ["published"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["version", "preview_link"]
    # Checkboxes, not filter_horizontal: its search icons fail axe (aria-label on a span).
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    inlines = [UnitInline, LessonInline, LearningGoalInline, QuestionInline]
    fields = [
        "title",
        "slug",
        "summary",
        "target_professions",
        "vraaggebieden",
        "minutes",
        "accreditation_points",
        "accrediting_body",
        "pass_mark",
        "order",
        "published",
        "version",
        "preview_link",
    ]

    @admin.display(description=_("voorbeeld"))
    def preview_link(self, obj: Module) -> str:
        if not obj.pk:
            return "-"
        return format_html(
            '<a href="{}">{}</a>', reverse("training:preview", args=[obj.pk]), _("Bekijk voorbeeld")
        )

    def save_related(self, request, form, formsets, change):
        was_published = (
            change and Module.objects.filter(pk=form.instance.pk, published=True).exists()
        )
        super().save_related(request, form, formsets, change)
        if was_published and _formsets_changed(formsets):
            services.record_content_change(module=form.instance)


class OptionInlineFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        correct = sum(1 for f in kept if f.cleaned_data.get("is_correct"))
        if len(kept) < 2:
            raise forms.ValidationError(_("Geef minstens twee antwoordmogelijkheden."))
        if correct == 0:
            raise forms.ValidationError(_("Markeer minstens één antwoord als goed."))
        if self.instance.kind == QuestionKind.SINGLE and correct != 1:
            raise forms.ValidationError(
                _("Bij één goed antwoord mag precies één antwoord goed zijn.")
            )


class OptionInline(admin.TabularInline):
    model = Option
    formset = OptionInlineFormSet
    extra = 0
    fields = ["order", "text", "is_correct", "feedback"]
    ordering = ["order", "pk"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["prompt", "module", "order", "kind"]
    list_filter = ["module"]
    inlines = [OptionInline]
    fields = ["module", "goal", "order", "prompt", "kind", "situation", "explanation"]

    def save_related(self, request, form, formsets, change):
        module = form.instance.module
        was_published = module.published
        super().save_related(request, form, formsets, change)
        if was_published and (form.has_changed() or _formsets_changed(formsets)):
            services.record_content_change(module=module)


class LearningPathStepInline(admin.TabularInline):
    model = LearningPathStep
    extra = 0
    ordering = ["order", "pk"]


@admin.register(LearningPath)
class LearningPathAdmin(admin.ModelAdmin):
    list_display = ["profession"]
    inlines = [LearningPathStepInline]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["module_title", "module_version", "full_name", "issued_on", "revoked_at"]
    list_filter = ["module_title"]
    search_fields = ["code", "full_name"]
    readonly_fields = [
        "code",
        "user",
        "module",
        "module_version",
        "module_title",
        "full_name",
        "profession",
        "issued_on",
        "minutes",
        "accreditation_points",
        "accrediting_body",
        "registration",
        "score",
    ]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    """Read-only: referrals are counted, not edited. The person who logged it is not shown."""

    list_display = ["created_at", "profession", "organisation", "wijk", "warm"]
    list_filter = ["profession", "warm", "wijk"]
    exclude = ["created_by"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
