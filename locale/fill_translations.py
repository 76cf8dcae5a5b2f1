"""Fill locale/en/LC_MESSAGES/django.po from locale/en.json and locale/en.d/*.json
(Dutch msgid -> English; a plural msgid maps to [singular, plural]).

Run through `make messages`: makemessages collects the Dutch strings, this script fills in
the English we have, compilemessages builds the .mo. Strings without English stay Dutch.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PO = HERE / "en" / "LC_MESSAGES" / "django.po"


def _unquote(lines: list[str]) -> str:
    return "".join(json.loads(line) for line in lines)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main() -> int:
    table: dict[str, str | list[str]] = json.loads((HERE / "en.json").read_text())
    # One file per feature beside the main table, so parallel work does not collide in one file.
    for extra in sorted((HERE / "en.d").glob("*.json")):
        table.update(json.loads(extra.read_text()))
    blocks = PO.read_text().split("\n\n")
    out, filled, missing = [], 0, []
    for block in blocks:
        lines = block.split("\n")
        fields: dict[str, list[str]] = {}
        current = None
        head = []
        for line in lines:
            match = re.match(r'^(msgid_plural|msgid|msgstr\[\d\]|msgstr) (".*")$', line)
            if match:
                current = match.group(1)
                fields[current] = [match.group(2)]
            elif line.startswith('"') and current:
                fields[current].append(line)
            elif not fields:
                head.append(
                    line.replace("#, fuzzy", "#").rstrip() if line.startswith("#, fuzzy") else line
                )
        if "msgid" not in fields:
            out.append(block)
            continue
        msgid = _unquote(fields["msgid"])
        if msgid == "":
            out.append(block.replace("#, fuzzy\n", ""))
            continue
        english = table.get(msgid)
        if english is None:
            missing.append(msgid)
            out.append(block)
            continue
        filled += 1
        new = [h for h in head if h and h != "#"]
        new.append(f"msgid {_quote(msgid)}")
        if "msgid_plural" in fields:
            new.append(f"msgid_plural {_quote(_unquote(fields['msgid_plural']))}")
            singular, plural = english if isinstance(english, list) else (english, english)
            new += [f"msgstr[0] {_quote(singular)}", f"msgstr[1] {_quote(plural)}"]
        else:
            new.append(f"msgstr {_quote(english)}")
        out.append("\n".join(new))
    PO.write_text("\n\n".join(out))
    print(f"{filled} strings translated, {len(missing)} left in Dutch")
    if "-v" in sys.argv:
        for msgid in missing:
            print("  missing:", msgid)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
