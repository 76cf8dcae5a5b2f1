from django.urls import path

from panel.views import gesprekken, home, join, my_data, organise, polls, support

app_name = "panel"
urlpatterns = [
    path("", home.home, name="home"),
    # Joining and my data
    path("aanmelden/", join.join, name="join"),
    path("aanmelden/<slug:step>/", join.join, name="join_step"),
    path("mijn-gegevens/", my_data.my_data, name="my_data"),
    path("mijn-gegevens/mijn-gegevens.json", my_data.export_json, name="export_json"),
    path("mijn-gegevens/mijn-gegevens.csv", my_data.export_csv, name="export_csv"),
    path("mijn-gegevens/stoppen/", my_data.leave, name="leave"),
    path(
        "mijn-gegevens/antwoorden/<int:answer_id>/wissen/",
        my_data.withdraw,
        name="withdraw_answer",
    ),
    # Flash polls
    path("hulp/", support.help_now, name="help"),
    path("vragen/<int:poll_id>/", polls.poll_start, name="poll"),
    path("vragen/<int:poll_id>/vraag/<int:number>/", polls.poll_question, name="poll_question"),
    path("vragen/<int:poll_id>/versturen/", polls.poll_review, name="poll_review"),
    path("vragen/<int:poll_id>/bedankt/", polls.poll_thanks, name="poll_thanks"),
    path("vragen/<int:poll_id>/uitslag/", polls.poll_results, name="poll_results"),
    path("vragen/<int:poll_id>/uitnodiging/<str:token>/", polls.invitation, name="invitation"),
    # Spiegelgesprekken
    path("gesprekken/", gesprekken.gesprekken, name="gesprekken"),
    path("gesprekken/<int:gesprek_id>/", gesprekken.gesprek, name="gesprek"),
    path(
        "aanmeldingen/<int:registration_id>/afmelden/",
        gesprekken.cancel_registration,
        name="cancel_registration",
    ),
    path("afmelden/<str:token>/", gesprekken.cancel_by_link, name="cancel_by_link"),
    # Organisers (werkgroep and beheer)
    path("organiseren/", organise.organise, name="organise"),
    path(
        "organiseren/gesprekken/<int:gesprek_id>/",
        organise.organise_gesprek,
        name="organise_gesprek",
    ),
    path(
        "organiseren/gesprekken/<int:gesprek_id>/presentielijst/",
        organise.checkin_list,
        name="checkin_list",
    ),
]
