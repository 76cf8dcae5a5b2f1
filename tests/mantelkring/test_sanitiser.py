import pytest

from mantelkring.sanitiser import markdown_to_html


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ('<a href="#" onmouseover="alert(1)">x</a>', "onmouseover"),
        ("[x](javascript:alert(1))", "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
        ("<style>body{display:none}</style>", "<style"),
        ('<p style="position:fixed">x</p>', "style="),
        ("<svg onload=alert(1)>", "onload"),
        ("<iframe src=https://evil.example></iframe>", "<iframe"),
        ("<form action=https://evil.example><input></form>", "<form"),
    ],
)
def test_dangerous_html_is_removed(source, forbidden):
    assert forbidden.lower() not in markdown_to_html(source).lower()


def test_markdown_becomes_html():
    html = markdown_to_html("## Kop\n\n- **vet** en *schuin*\n- [link](https://example.org)")
    assert "<h2>Kop</h2>" in html
    assert "<strong>vet</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">link</a>' in html


def test_empty_text_is_empty_html():
    assert markdown_to_html("") == ""
