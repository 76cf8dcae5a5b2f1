"""The one place where author-written text becomes HTML.

Markdown is rendered first, then nh3 (the maintained Rust "ammonia" sanitiser; bleach is no
longer maintained) removes everything outside one allow-list: no scripts, no event-handler
attributes, no style, only http(s) and mailto links. Every app shows author text through
`markdown_to_html` or the `|markdown` template filter; caregiver free text is never HTML.
"""

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "dd",
        "dl",
        "dt",
        "em",
        "h2",
        "h3",
        "h4",
        "hr",
        "i",
        "li",
        "ol",
        "p",
        "pre",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope"},
}
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def markdown_to_html(text: str) -> SafeString:
    """Markdown from an author, as HTML that is safe to put on a page."""
    html = md.markdown(text or "", extensions=["sane_lists", "tables"], output_format="html")
    return mark_safe(clean_html(html))  # noqa: S308 - cleaned by nh3 with our allow-list
