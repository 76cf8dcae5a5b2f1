from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


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
