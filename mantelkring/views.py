from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.roles import START_PAGES, role_of
from panel.flyer import flyer_pdf


def home(request: HttpRequest) -> HttpResponse:
    """Everyone starts here: each role goes to its own start page, visitors see the landing page."""
    role = role_of(request.user)
    if role in START_PAGES:
        return redirect(START_PAGES[role])
    return render(request, "landing.html")


@require_GET
def flyer(request: HttpRequest) -> HttpResponse:
    """The printable A5 flyer with a QR code to the join page. Public: anyone may print it."""
    site = settings.SITE_URL.rstrip("/")
    pdf = flyer_pdf(
        join_url=site + reverse("panel:join"), help_url=site + reverse("sociale_kaart:offers")
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="folder-mantelzorgpanel.pdf"'
    return response


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
