"""The bare view the vote figure is compared with (only routed when MANTELKRING_BENCH is on).

It goes through the same server, middleware stack and database as a vote, but does the least
a view can do with the database: one trivial query and a tiny response.
"""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST


@require_POST
def bare(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse(b"ok", content_type="text/plain")
