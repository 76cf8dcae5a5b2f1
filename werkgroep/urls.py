from django.urls import path

from werkgroep import reporting_views, views

app_name = "werkgroep"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("peilingen/<int:poll_id>/", views.poll_results, name="poll_results"),
    path("peilingen/<int:poll_id>/open-antwoorden/", views.moderation, name="moderation"),
    path("peilingen/<int:poll_id>/export.<str:fmt>", views.export_poll, name="export_poll"),
    path("acties/", views.action_list, name="actions"),
    path("acties/nieuw/", views.action_new, name="action_new"),
    path("acties/<int:pk>/", views.action_detail, name="action"),
    path("acties/<int:pk>/bewerken/", views.action_edit, name="action_edit"),
    path("acties/export.<str:fmt>", views.export_actions, name="export_actions"),
    path("verwijzingen/export.<str:fmt>", views.export_referrals, name="export_referrals"),
    path("gesprekken/", views.gesprekken, name="gesprekken"),
    path("gesprekken/<int:gesprek_id>/", views.gesprek_outcomes, name="gesprek"),
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
