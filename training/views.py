from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.roles import area_required


@area_required("training")
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "training/home.html")
