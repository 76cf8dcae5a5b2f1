from django import template
from django.utils.safestring import SafeString

from mantelkring.sanitiser import markdown_to_html

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(value: str) -> SafeString:
    """Author-written Markdown as sanitised HTML."""
    return markdown_to_html(value)


@register.filter(name="percent")
def percent_filter(rate: float | None) -> int:
    """A fraction 0..1 (such as `response_rate`) as a whole percentage: 0.256 → 26.

    Rounds half to even, like Python's round(); static/js/werkgroep-live.js rounds the same
    way for the live cells."""
    return round(100 * (rate or 0))
