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


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 1
    max_num = 5
    show_change_link = True


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 3


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["title", "opens_at", "closes_at", "audience", "anonymous", "results_visibility"]
    filter_horizontal = ["wijken"]
    inlines = [QuestionInline]
    readonly_fields = ["invitations_sent_at"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "poll", "order", "kind", "wellbeing"]
    list_filter = ["poll"]
    inlines = [ChoiceInline]


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["user", "kind", "status", "replacement_care", "transport", "accessibility", "diet"]
    readonly_fields = fields
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
