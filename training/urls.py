from django.urls import path

from training import views

app_name = "training"
urlpatterns = [
    path("", views.home, name="home"),
    path("module/<slug:slug>/", views.module_detail, name="module"),
    path("module/<slug:slug>/start/", views.module_start, name="start"),
    path("module/<slug:slug>/deel/<int:number>/", views.unit, name="unit"),
    path("module/<slug:slug>/les/<int:position>/", views.lesson, name="lesson"),
    path("module/<slug:slug>/les/<int:position>/gelezen/", views.lesson_read, name="lesson_read"),
    path("module/<slug:slug>/vraag/<int:position>/", views.question, name="question"),
    path("module/<slug:slug>/uitslag/", views.result, name="result"),
    path("module/<slug:slug>/opnieuw/", views.retry, name="retry"),
    path("certificaten/", views.certificates, name="certificates"),
    path("certificaten/registratie/", views.registration, name="registration"),
    path("certificaten/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
    path("signaleringskaart/", views.signaleringskaart, name="signaleringskaart"),
    path("doorverwijzen/", views.refer, name="refer"),
    path("verwijzingen/", views.referrals, name="referrals"),
    path("verwijzingen/nieuw/", views.referral_new, name="referral_new"),
    path("verwijzingen/<int:pk>/wijzigen/", views.referral_edit, name="referral_edit"),
    path("verwijzingen/<int:pk>/verwijderen/", views.referral_delete, name="referral_delete"),
    path("beheer/module/<int:pk>/voorbeeld/", views.preview, name="preview"),
]
