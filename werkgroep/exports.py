"""CSV and XLSX exports. Each export is a list of sheets (title, rows); poll results go
through the same suppression as the pages, and every export is recorded in ExportLog. The
files are written by mantelkring.exports, which keeps any text from running as a formula."""

from collections.abc import Sequence

from django.http import HttpResponse

from accounts.models import User
from mantelkring.exports import Sheet, csv_bytes, xlsx_bytes
from panel import breakdown
from panel.models import QuestionKind
from werkgroep import results as poll_results
from werkgroep import selectors
from werkgroep.models import ActionStatus
from werkgroep.periods import Period
from werkgroep.services import record_export

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def poll_sheets(*, poll_id: int) -> list[Sheet]:
    results = poll_results.results_page(poll_id=poll_id, dimension="wijk")
    overall: list[Sequence] = [
        ["Vraag", "Antwoord", "Aantal mensen", "Procent van wie de vraag beantwoordde"]
    ]
    for q in results.questions:
        if q.kind == QuestionKind.TEXT:
            # only approved answers: hidden and unchecked ones are neither shown nor counted
            overall.append(
                [q.text, "Open antwoorden, goedgekeurd na controle", len(q.approved_texts), ""]
            )
            continue
        overall.append([q.text, "Mensen die de vraag beantwoordden", q.total, 100])
        for c in q.choices:
            overall.append([q.text, c.text, c.count, c.percent])
        if q.kind == QuestionKind.MULTIPLE:
            overall.append(
                [q.text, "Hier kon men meer dan één antwoord kiezen: samen meer dan 100%.", "", ""]
            )
    sheets: list[Sheet] = [("Uitslag", overall)]
    for dimension in breakdown.DIMENSIONS.values():
        rows: list[Sequence] = []
        groups = breakdown.groups(dimension.key)
        for q in results.questions:
            if q.kind not in poll_results.CHOICE_KINDS:
                continue
            table = poll_results.suppressed_breakdown(
                question=q.question, dimension=dimension.key, groups=groups
            )
            rows.append([q.text])
            rows.extend(table.as_matrix())
            rows.append([])
        rows.append(
            [
                "<5 = minder dan 5 mensen. × = verborgen, zodat niemand een kleine groep kan terugrekenen."
            ]
        )
        sheets.append((f"Per {dimension.label.lower()}", rows))
    # Free text only after moderation: approved answers as they are now (after redaction).
    free_text: list[Sequence] = [["Vraag", "Antwoord"]]
    for q in results.questions:
        if q.kind == QuestionKind.TEXT:
            free_text.extend([q.text, text] for text in q.approved_texts)
    sheets.append(("Open antwoorden", free_text))
    return sheets


def action_point_sheets(*, period: Period | None = None) -> list[Sheet]:
    """All action points; for a period, those whose status changed in it."""
    rows: list[Sequence] = [
        [
            "Titel",
            "Status",
            "Reden niet haalbaar",
            "Eigenaar",
            "Vraaggebieden",
            "Klaar op",
            "Openbaar",
            "Laatst gewijzigd",
        ]
    ]
    labels = dict(ActionStatus.choices)
    points = selectors.action_points()
    if period is not None:
        points = points.filter(
            status_changes__changed_at__date__gte=period.start,
            status_changes__changed_at__date__lte=period.end,
        ).distinct()
        rows.insert(0, [_period_line(period)])
    for p in points:
        rows.append(
            [
                p.title,
                str(labels[p.status]),
                p.not_feasible_reason,
                p.owner.name if p.owner else "",
                ", ".join(g.name for g in p.vraaggebieden.all()),
                p.due_date.isoformat() if p.due_date else "",
                "ja" if p.is_public else "nee",
                p.updated_at.date().isoformat(),
            ]
        )
    return [("Actiepunten", rows)]


def referral_sheets(*, period: Period | None = None) -> list[Sheet]:
    data = selectors.referrals_over_time(
        date_from=period.start if period else None, date_to=period.end if period else None
    )
    sheets: list[Sheet] = []
    for key, title in (("by_vraaggebied", "Per vraaggebied"), ("by_profession", "Per beroep")):
        pivot = data[key]
        total = ["Totaal"] if pivot["with_total"] else []
        rows: list[Sequence] = [["Maand", *pivot["columns"], *total]]
        if period is not None:
            rows.insert(0, [_period_line(period)])
        for row in pivot["rows"]:
            rows.append(
                [row["month"].strftime("%Y-%m"), *row["cells"], *([row["total"]] if total else [])]
            )
        sheets.append((title, rows))
    return sheets


def _period_line(period: Period) -> str:
    return f"Periode: {period.start.isoformat()} tot en met {period.end.isoformat()}"


def export_response(
    *,
    user: User,
    what: str,
    file_format: str,
    sheets: list[Sheet],
    params: dict | None = None,
    filename: str,
) -> HttpResponse:
    body = csv_bytes(sheets) if file_format == "csv" else xlsx_bytes(sheets)
    record_export(
        user=user,
        what=what,
        file_format=file_format,
        params=params,
        rows=sum(len(rows) for _t, rows in sheets),
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


def table_sheets(tables) -> list[Sheet]:
    """One sheet per table (monitor.Table, trends): caption, headings, rows, and its note.
    Sheet titles are made unique and safe for Excel (31 characters, no []:*?/\\)."""
    sheets: list[Sheet] = []
    used: set[str] = set()
    for table in tables:
        base = "".join(" " if ch in "[]:*?/\\" else ch for ch in table.caption)[:28].strip()
        title, n = base or "Tabel", 2
        while title.lower() in used:
            title, n = f"{base[:25]} {n}", n + 1
        used.add(title.lower())
        rows: list[Sequence] = [[table.caption], list(table.columns), *table.rows]
        if table.note:
            rows += [[], [table.note]]
        sheets.append((title, rows))
    return sheets
