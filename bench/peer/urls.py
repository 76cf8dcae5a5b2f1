from django.urls import path

from bench.peer import views

app_name = "bench_peer"
urlpatterns = [
    path("<int:question_id>/", views.results, name="results"),
    path("<int:question_id>/vote/", views.vote, name="vote"),
    path("<int:question_id>/vote-once/", views.vote_once, name="vote_once"),
]
