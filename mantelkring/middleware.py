from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import add_never_cache_headers


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Dutch unless the visitor chose English with the language button.

    Django would follow the browser's Accept-Language; many Dutch people have an English
    browser, and this is a Dutch gemeente's site, so only an explicit choice (the language
    cookie set by /i18n/setlang/) switches the language.
    """

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


# Browser features no Mantelkring page uses; a page (or anything injected into it) gets none.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
)
REFUSED_METHODS = frozenset({"TRACE", "OPTIONS"})


def _method_not_allowed() -> HttpResponseNotAllowed:
    return HttpResponseNotAllowed(["GET", "HEAD", "POST"])


def _harden(response):
    response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    # A download (my data, exports, certificates, recovery codes) stays out of every cache.
    if response.get("Content-Disposition", "").startswith("attachment"):
        add_never_cache_headers(response)
    return response


class HardeningMiddleware:
    """Permissions-Policy on every answer, no-store on downloads, TRACE and OPTIONS refused
    with 405 instead of the page. Sync and async capable: no thread hop on ASGI."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self.__acall__(request)
        if request.method in REFUSED_METHODS:
            return _harden(_method_not_allowed())
        return _harden(self.get_response(request))

    async def __acall__(self, request):
        if request.method in REFUSED_METHODS:
            return _harden(_method_not_allowed())
        return _harden(await self.get_response(request))
