from django import template
from django.utils.safestring import SafeString

from mantelkring.sanitiser import markdown_to_html

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(value: str) -> SafeString:
    """Author-written Markdown as sanitised HTML."""
    return markdown_to_html(value)
