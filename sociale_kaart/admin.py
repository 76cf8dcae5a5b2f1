from django.contrib import admin

from sociale_kaart.models import Offer, Organisation, Vraaggebied, Wijk


@admin.register(Wijk)
class WijkAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "email"]
    search_fields = ["name"]


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
    filter_horizontal = ["vraaggebieden", "service_areas"]
    list_select_related = ["organization"]
