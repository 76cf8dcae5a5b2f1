"""Certificate as PDF with fpdf2 (pure Python). The core Helvetica font covers Latin-1,
which holds every Dutch letter (ë, é, ï, ...); anything outside it is replaced."""

import io

import segno
from fpdf import FPDF

from training.models import Certificate

_REPLACEMENTS = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "€": "EUR", "…": "..."}
)

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def latin1(text: str) -> str:
    return str(text).translate(_REPLACEMENTS).encode("latin-1", errors="replace").decode("latin-1")


def dutch_date(day) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def certificate_pdf(certificate: Certificate, *, verify_url: str) -> bytes:
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(latin1(f"Certificaat {certificate.module_title}"))
    pdf.set_author("Mantelkring")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_draw_color(21, 66, 115)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, 277, 190)

    pdf.set_y(28)
    pdf.set_font("Helvetica", "B", 30)
    pdf.set_text_color(21, 66, 115)
    pdf.cell(0, 14, "Certificaat", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "", 14)
    pdf.cell(
        0,
        10,
        latin1("Mantelkring: training voor professionals"),
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(8)
    pdf.set_font("Helvetica", "B", 24)
    pdf.cell(0, 14, latin1(certificate.full_name), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 14)
    if certificate.profession:
        pdf.cell(0, 8, latin1(certificate.profession), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.cell(
        0,
        8,
        latin1("heeft met goed gevolg afgerond de module"),
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 14, latin1(certificate.module_title), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    pdf.set_font("Helvetica", "", 12)
    rows = [
        ("Versie van de module", str(certificate.module_version)),
        ("Datum", dutch_date(certificate.issued_on)),
        ("Studieduur", f"{certificate.minutes} minuten"),
        ("Accreditatie", accreditation_line(certificate)),
    ]
    if certificate.registration:
        rows.append(("Registratie", certificate.registration))
    rows.append(("Certificaatcode", certificate.display_code))
    for label, value in rows:
        pdf.set_x(50)
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(60, 8, latin1(label))
        pdf.set_font("Helvetica", "", 12)
        pdf.cell(0, 8, latin1(value), new_x="LMARGIN", new_y="NEXT")

    # A QR code to the check page, bottom right, and the address written out for typing.
    pdf.image(qr_png(verify_url), x=240, y=150, w=38, h=38)
    pdf.set_y(178)
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(
        0, 6, latin1("Controleer dit certificaat op:"), align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.cell(0, 6, latin1(verify_url), align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def accreditation_line(certificate: Certificate) -> str:
    points = certificate.accreditation_points
    if not points or not certificate.accrediting_body:
        return "geen accreditatie"
    whole = points == points.to_integral_value()
    value = f"{points.quantize(1) if whole else points.normalize()}".replace(".", ",")
    line = f"{value} punt" if whole and int(points) == 1 else f"{value} punten"
    return f"{line} ({certificate.accrediting_body})"


def qr_png(url: str) -> io.BytesIO:
    """A QR code as PNG made by segno (no image library needed), for fpdf2 to embed."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=4)
    buffer.seek(0)
    return buffer
