"""Visible text of a rendered page, and its Dutch Flesch-Douma score."""

from html.parser import HTMLParser

import textstat

SKIP = {"script", "style", "head", "title", "noscript", "template"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
BLOCKS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "dt",
    "dd",
    "button",
    "a",
    "label",
    "legend",
    "td",
    "th",
    "div",
    "caption",
    "option",
    "summary",
}


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.chunks: list[str] = []
        self.current: list[str] = []

    @property
    def hidden(self) -> bool:
        return any(h for _tag, h in self.stack)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.chunks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._flush()
        if tag in VOID:
            return
        attrs = dict(attrs)
        hidden = tag in SKIP or "hidden" in attrs or attrs.get("aria-hidden") == "true"
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._flush()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.hidden:
            self.current.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    parser._flush()
    # Each separate piece of text on screen (a heading, a button) reads as its own sentence.
    return " ".join(c if c[-1] in ".!?:" else c + "." for c in parser.chunks)


def flesch_douma(html: str) -> float:
    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(visible_text(html))
