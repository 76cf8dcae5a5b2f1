from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.roles import area_required


@area_required("werkgroep")
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "werkgroep/dashboard.html")
