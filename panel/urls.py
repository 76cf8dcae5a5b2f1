from django.urls import path

from panel import views

app_name = "panel"
urlpatterns = [
    path("", views.home, name="home"),
    # Joining and my data
    path("aanmelden/", views.join, name="join"),
    path("aanmelden/<slug:step>/", views.join, name="join_step"),
    path("mijn-gegevens/", views.my_data, name="my_data"),
    path("mijn-gegevens/mijn-gegevens.json", views.export_json, name="export_json"),
    path("mijn-gegevens/mijn-gegevens.csv", views.export_csv, name="export_csv"),
    path("mijn-gegevens/stoppen/", views.leave, name="leave"),
    # Flash polls
    path("vragen/<int:poll_id>/", views.poll_start, name="poll"),
    path("vragen/<int:poll_id>/vraag/<int:number>/", views.poll_question, name="poll_question"),
    path("vragen/<int:poll_id>/versturen/", views.poll_review, name="poll_review"),
    path("vragen/<int:poll_id>/bedankt/", views.poll_thanks, name="poll_thanks"),
    path("vragen/<int:poll_id>/uitslag/", views.poll_results, name="poll_results"),
    path("vragen/<int:poll_id>/uitnodiging/<str:token>/", views.invitation, name="invitation"),
    # Spiegelgesprekken
    path("gesprekken/", views.gesprekken, name="gesprekken"),
    path("gesprekken/<int:gesprek_id>/", views.gesprek, name="gesprek"),
    path(
        "aanmeldingen/<int:registration_id>/afmelden/",
        views.cancel_registration,
        name="cancel_registration",
    ),
    path("afmelden/<str:token>/", views.cancel_by_link, name="cancel_by_link"),
    # Organisers (werkgroep and beheer)
    path("organiseren/", views.organise, name="organise"),
    path(
        "organiseren/gesprekken/<int:gesprek_id>/", views.organise_gesprek, name="organise_gesprek"
    ),
    path(
        "organiseren/gesprekken/<int:gesprek_id>/presentielijst/",
        views.checkin_list,
        name="checkin_list",
    ),
]
