from django.contrib import admin

from panel.models import (
    Choice,
    ContactPoint,
    PanelMember,
    Poll,
    Question,
    Registration,
    Spiegelgesprek,
)


class ReadOnly:
    """Polls are made, checked and published in the werkgroep's poll studio
    (/werkgroep/peilingen/, panel.publishing), never here: the admin only shows them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class QuestionInline(ReadOnly, admin.StackedInline):
    model = Question
    extra = 0
    show_change_link = True
    fields = ["order", "text", "kind", "max_choices", "vraaggebied"]


class ChoiceInline(ReadOnly, admin.TabularInline):
    model = Choice
    extra = 0
    fields = ["order", "text", "value", "face"]


@admin.register(Poll)
class PollAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["title", "opens_at", "closes_at", "published_at", "audience", "anonymous"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["text", "poll", "order", "kind", "wellbeing"]
    list_filter = ["poll"]
    inlines = [ChoiceInline]


REGISTRATION_FIELDS = (
    "user",
    "kind",
    "status",
    "replacement_care",
    "transport",
    "accessibility",
    "diet",
)


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = REGISTRATION_FIELDS
    readonly_fields = REGISTRATION_FIELDS
    can_delete = False


@admin.register(Spiegelgesprek)
class SpiegelgesprekAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_at", "caregiver_places", "listener_places"]
    filter_horizontal = ["vraaggebieden"]
    inlines = [RegistrationInline]


@admin.register(PanelMember)
class PanelMemberAdmin(admin.ModelAdmin):
    """Beheer sees membership, never answers: there is no Answer admin on purpose."""

    list_display = ["pk", "wijk", "joined_at", "left_at"]
    list_filter = ["wijk", "left_at"]
    readonly_fields = [f.name for f in PanelMember._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(ContactPoint)
class ContactPointAdmin(admin.ModelAdmin):
    """Where a caregiver's request to be contacted is mailed. The requests themselves are not
    in the admin: the contact point has them by mail, and we wipe them once sent."""

    list_display = ["name", "email", "active"]
