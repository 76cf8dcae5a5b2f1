from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from panel.models import (
    Choice,
    ContactPoint,
    PanelMember,
    Poll,
    Question,
    Registration,
    Spiegelgesprek,
)


class ReadOnly(admin.options.BaseModelAdmin):
    """Polls are made, checked and published in the werkgroep's poll studio
    (/werkgroep/peilingen/, panel.publishing), and spiegelgesprekken planned, changed and
    called off on the werkgroep's planning pages (/werkgroep/planning/, panel.planning), never
    here: those pages keep the rules and e-mail the people concerned. The admin only shows."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        """The link to the page where changes are made (a read-only field) comes first."""
        fields = super().get_fields(request, obj)
        links = list(self.readonly_fields)
        return [*links, *(f for f in fields if f not in links)]


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
    readonly_fields = ["studio_link"]
    inlines = [QuestionInline]

    @admin.display(description=_("wijzigen"))
    def studio_link(self, obj: Poll) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("werkgroep:studio_edit", args=[obj.pk]),
            _("Wijzigen, publiceren of sluiten kan in de peilingstudio van de werkgroep"),
        )


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
class SpiegelgesprekAdmin(ReadOnly, admin.ModelAdmin):
    """Read-only: a change of date or place, or calling a gesprek off, must reach the people
    signed up, and only the planning pages send that e-mail."""

    list_display = [
        "title",
        "starts_at",
        "caregiver_places",
        "listener_places",
        "cancelled_at",
        "to_planning",
    ]
    readonly_fields = ["planning_link"]
    inlines = [RegistrationInline]

    @admin.display(description=_("wijzigen"))
    def planning_link(self, obj: Spiegelgesprek) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("werkgroep:planning_gesprek", args=[obj.pk]),
            _(
                "Wijzigen of afzeggen kan op de planningpagina van de werkgroep. Wie zich "
                "aanmeldde, krijgt daar dan een e-mail over."
            ),
        )

    @admin.display(description=_("planning"))
    def to_planning(self, obj: Spiegelgesprek) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("werkgroep:planning_gesprek", args=[obj.pk]),
            _("Naar de planning"),
        )


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
