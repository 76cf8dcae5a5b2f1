from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sociale_kaart import services
from sociale_kaart.models import Offer, Organisation, Vraaggebied, Wijk


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Samenvoegen met"),
        queryset=Organisation.objects.filter(is_approved=True).order_by("name"),
    )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """New organisations typed at sign-up wait here: approve them, or merge them into an
    existing organisation (profiles and referrals move along)."""

    list_display = ["name", "is_approved", "phone", "email"]
    list_filter = ["is_approved"]
    search_fields = ["name"]
    actions = ["approve", "merge"]

    @admin.action(description=_("Goedkeuren"))
    def approve(self, request, queryset):
        n = services.approve_organisations(
            organisation_ids=list(queryset.values_list("pk", flat=True))
        )
        self.message_user(
            request,
            ngettext("%(n)d organisatie goedgekeurd.", "%(n)d organisaties goedgekeurd.", n)
            % {"n": n},
        )

    @admin.action(description=_("Samenvoegen met een bestaande organisatie"))
    def merge(self, request, queryset):
        form = MergeForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            target = form.cleaned_data["target"]
            sources = [o for o in queryset if o.pk != target.pk]
            for source in sources:
                services.merge_organisation(source=source, target=target)
            self.message_user(
                request,
                ngettext(
                    "%(n)d organisatie samengevoegd met %(target)s.",
                    "%(n)d organisaties samengevoegd met %(target)s.",
                    len(sources),
                )
                % {"n": len(sources), "target": target.name},
            )
            return None
        return TemplateResponse(
            request,
            "admin/sociale_kaart/merge_organisations.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Organisaties samenvoegen"),
                "organisations": queryset,
                "form": form,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "opts": self.model._meta,
            },
        )


@admin.register(Vraaggebied)
class VraaggebiedAdmin(admin.ModelAdmin):
    list_display = ["code", "order"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "organization",
        "whole_municipality",
        "referral_required",
        "assured_date",
        "is_active",
        "help_now",
    ]
    list_filter = ["vraaggebieden", "service_areas", "referral_required", "is_active", "help_now"]
    search_fields = ["name", "description", "organization__name"]
    autocomplete_fields = ["organization"]
    # Checkboxes, not filter_horizontal: its search icons fail axe (aria-label on a span).
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    list_select_related = ["organization"]
