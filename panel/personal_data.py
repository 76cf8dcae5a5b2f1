"""Find personal details in free text, so a moderator sees them before anything is shown.

Plain pattern matching, no outside service: Dutch phone numbers, e-mail addresses, postcodes,
street names with a house number, and names of people in the panel. It flags; a person
decides (and may black parts out with `redact`).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

KINDS = {
    "phone": _("telefoonnummer"),
    "email": _("e-mailadres"),
    "postcode": _("postcode"),
    "address": _("adres met huisnummer"),
    "name": _("naam van een panellid"),
}

BLACKOUT = "█████"

_PHONE = re.compile(r"(?<![\w+])(?:\+31[\s-]?|0031[\s-]?|0)(?:\(?\d\)?[\s-]?){8,9}(?!\w)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Za-z]{2}\b")
_STREET_WORDS = (
    "straat|weg|laan|plein|dijk|kade|gracht|singel|steeg|pad|hof|park|dreef|markt|erf|"
    "wijk|veld|burg|plantsoen|boulevard|allee|es|horst|hoek|stede|akker"
)
_ADDRESS = re.compile(
    rf"\b[A-Z][\w'.-]*(?:{_STREET_WORDS})\s+\d{{1,4}}\s?[a-zA-Z]?\b"
    r"|\b(?:op\s+)?(?:huis)?nummer\s+\d{1,4}\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)
# Words that are names for some people but ordinary words for everyone: never a finding.
_COMMON = {"de", "van", "der", "den", "het", "een", "ter", "ten", "bos", "koning", "mijn"}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return str(KINDS[self.kind])


def find_personal_data(text: str, *, names: Iterable[str] = ()) -> list[Finding]:
    """Every piece of text that may tell who someone is, in order, without overlaps."""
    found: list[Finding] = []
    for kind, pattern in (
        ("email", _EMAIL),
        ("phone", _PHONE),
        ("postcode", _POSTCODE),
        ("address", _ADDRESS),
    ):
        for match in pattern.finditer(text):
            found.append(Finding(kind, match.start(), match.end(), match.group(0).strip()))
    wanted = {n.casefold() for n in names if len(n) >= 3 and n.casefold() not in _COMMON}
    if wanted:
        for match in _WORD.finditer(text):
            if match.group(0).casefold() in wanted:
                found.append(Finding("name", match.start(), match.end(), match.group(0)))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    result: list[Finding] = []
    for finding in found:
        if result and finding.start < result[-1].end:
            continue  # inside a longer finding (an e-mail address holds a name)
        result.append(finding)
    return result


def redact(text: str, *, parts: Iterable[str]) -> str:
    """The text with every occurrence of each part blacked out (case-insensitive)."""
    for part in sorted({p.strip() for p in parts if p and p.strip()}, key=len, reverse=True):
        text = re.sub(re.escape(part), BLACKOUT, text, flags=re.IGNORECASE)
    return text
