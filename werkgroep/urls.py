from django.urls import path

from werkgroep import planning, reporting_views, studio, studio_preview, views

app_name = "werkgroep"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    # The poll studio (results stay at peilingen/<id>/)
    path("peilingen/", studio.studio_list, name="studio"),
    path("peilingen/nieuw/", studio.studio_new, name="studio_new"),
    path("peilingen/<int:poll_id>/bewerken/", studio.studio_edit, name="studio_edit"),
    path("peilingen/<int:poll_id>/publiceren/", studio.studio_publish, name="studio_publish"),
    path("peilingen/<int:poll_id>/sluiten/", studio.studio_close, name="studio_close"),
    path(
        "peilingen/<int:poll_id>/terug-naar-concept/",
        studio.studio_unpublish,
        name="studio_unpublish",
    ),
    path("peilingen/<int:poll_id>/herhalen/", studio.studio_repeat, name="studio_repeat"),
    path("peilingen/<int:poll_id>/verwijderen/", studio.studio_delete, name="studio_delete"),
    path(
        "peilingen/<int:poll_id>/voorbeeld/", studio_preview.studio_preview, name="studio_preview"
    ),
    path(
        "peilingen/<int:poll_id>/voorbeeld/vraag/<int:number>/",
        studio_preview.studio_preview_question,
        name="studio_preview_question",
    ),
    path(
        "peilingen/<int:poll_id>/voorbeeld/versturen/",
        studio_preview.studio_preview_review,
        name="studio_preview_review",
    ),
    path(
        "peilingen/<int:poll_id>/voorbeeld/bedankt/",
        studio_preview.studio_preview_thanks,
        name="studio_preview_thanks",
    ),
    path("peilingen/<int:poll_id>/", views.poll_results, name="poll_results"),
    path("peilingen/<int:poll_id>/open-antwoorden/", views.moderation, name="moderation"),
    path("peilingen/<int:poll_id>/export.<str:fmt>", views.export_poll, name="export_poll"),
    path("acties/", views.action_list, name="actions"),
    path("acties/nieuw/", views.action_new, name="action_new"),
    path("acties/<int:pk>/", views.action_detail, name="action"),
    path("acties/<int:pk>/bewerken/", views.action_edit, name="action_edit"),
    path("acties/<int:pk>/vervolgpeiling/", studio.action_follow_up, name="action_follow_up"),
    path("acties/export.<str:fmt>", views.export_actions, name="export_actions"),
    path("verwijzingen/export.<str:fmt>", views.export_referrals, name="export_referrals"),
    path("gesprekken/", views.gesprekken, name="gesprekken"),
    path("gesprekken/<int:gesprek_id>/", views.gesprek_outcomes, name="gesprek"),
    # Spiegelgesprek planning
    path("planning/", planning.planning_list, name="planning"),
    path("planning/nieuw/", planning.planning_new, name="planning_new"),
    path("planning/<int:gesprek_id>/", planning.planning_gesprek, name="planning_gesprek"),
    path("planning/<int:gesprek_id>/bewerken/", planning.planning_edit, name="planning_edit"),
    path("planning/<int:gesprek_id>/afzeggen/", planning.planning_cancel, name="planning_cancel"),
    path(
        "planning/<int:gesprek_id>/geregeld/", planning.planning_arranged, name="planning_arranged"
    ),
    path(
        "planning/<int:gesprek_id>/presentielijst/",
        planning.planning_checkin,
        name="planning_checkin",
    ),
    path("dekking/", views.coverage, name="coverage"),
    path("rapport/", views.report, name="report"),
    path("exports/", views.export_log, name="export_log"),
    # Reporting over time (werkgroep/reporting_views.py)
    path("monitor/", reporting_views.monitor_page, name="monitor"),
    path("monitor/export.<str:fmt>", reporting_views.monitor_export, name="monitor_export"),
    path("trends/", reporting_views.trend_list, name="trends"),
    path("trends/<int:poll_id>/", reporting_views.trend_page, name="trend"),
    path("acties/<int:pk>/onderbouwing/", reporting_views.action_cite, name="action_cite"),
    path("raadsrapporten/", reporting_views.council_list, name="council_list"),
    path("raadsrapporten/<int:pk>/", reporting_views.council_detail, name="council"),
    path(
        "raadsrapporten/<int:pk>/rapport.pdf",
        reporting_views.council_pdf_download,
        name="council_pdf",
    ),
    path(
        "raadsrapporten/<int:pk>/print.css",
        reporting_views.council_print_css,
        name="council_print_css",
    ),
]
