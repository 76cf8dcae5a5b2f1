"""Checking a certificate: a short code typed in any way, old codes that keep working, a QR
code on the PDF to the check page; accreditation facts and the registration number."""

import io
from decimal import Decimal

import pytest
import zxingcpp
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from tests.training.factories import make_module
from training import services
from training.models import Certificate, Module, Registration, points_label

pytestmark = pytest.mark.django_db


def pass_module(user, module):
    progress = services.start_module(user=user, module=module)
    services.finish_lessons(progress=progress)
    for question in module.questions.all():
        services.answer_question(
            progress=progress,
            question=question,
            option_ids=list(question.options.filter(is_correct=True).values_list("pk", flat=True)),
        )
    return Certificate.objects.get(user=user, module=module)


@pytest.fixture
def certificate(professional):
    module = make_module(
        lessons=1, questions=1, accreditation_points=2, accrediting_body="Testregister"
    )
    return pass_module(professional, module)


def test_a_short_code_verifies_in_any_case_with_or_without_hyphen(client, certificate):
    code = certificate.code
    assert certificate.display_code == f"{code[:5]}-{code[5:]}"
    for typed in [code, code.lower(), certificate.display_code.lower(), f" {code[:5]} {code[5:]} "]:
        response = client.get(reverse("training_public:check"), {"code": typed})
        assert response.status_code == 302, typed
        assert response.url == reverse("training_public:verify", args=[code])
    page = client.get(reverse("training_public:verify", args=[code.lower()])).content.decode()
    assert "Dit certificaat is geldig." in page and certificate.display_code in page


def test_an_old_long_code_keeps_verifying_exactly_as_issued(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(code="aB3-xY_9zzQ1wE2rT5yU6i")
    response = client.get(reverse("training_public:check"), {"code": "aB3-xY_9zzQ1wE2rT5yU6i"})
    assert response.url == reverse("training_public:verify", args=["aB3-xY_9zzQ1wE2rT5yU6i"])
    assert client.get(response.url).status_code == 200
    # Old codes were case-sensitive random tokens: another case is another code.
    assert (
        client.get(reverse("training_public:verify", args=["ab3-xy_9zzq1we2rt5yu6i"])).status_code
        == 404
    )


def test_an_unknown_or_absurd_code_gets_a_dutch_message(client):
    response = client.get(reverse("training_public:check"), {"code": "ABCDE-FGHJK"})
    assert response.status_code == 200
    assert "Wij vinden geen certificaat met deze code" in response.content.decode()
    response = client.get(reverse("training_public:check"), {"code": "x" * 1_000_000})
    assert response.status_code == 200 and "Deze code is te lang" in response.content.decode()
    page = client.get(reverse("training_public:check")).content.decode()
    assert 'name="code"' in page and "Certificaatcode" in page


def test_the_qr_code_on_the_pdf_decodes_to_the_check_page(client, professional, certificate):
    client.force_login(professional)
    response = client.get(reverse("training:certificate_pdf", args=[certificate.code]))
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    images = list(page.images)
    assert len(images) == 1
    decoded = zxingcpp.read_barcodes(images[0].image.convert("L"))
    assert [d.text for d in decoded] == [
        "http://testserver" + reverse("training_public:verify", args=[certificate.code])
    ]
    text = page.extract_text()
    assert certificate.display_code in text and "2 punten (Testregister)" in text


def test_points_are_counted_in_words():
    with translation.override("nl"):
        assert points_label(Decimal("1.0")) == "1 punt"
        assert points_label(Decimal("2")) == "2 punten"
        assert points_label(Decimal("1.5")) == "1,5 punten"
        assert points_label(Decimal("10.0")) == "10 punten"


def test_the_accrediting_body_is_data_and_none_is_invented(client, professional):
    module = make_module(lessons=1, questions=1, accreditation_points=1)
    client.force_login(professional)
    page = client.get(reverse("training:module", args=[module.slug])).content.decode()
    # Points that no accrediting body awards are not shown as if they were.
    assert "Geen accreditatie" in page and "1 punt" not in page
    module.accrediting_body = "Testregister Accreditatie"
    module.save()
    page = client.get(reverse("training:module", args=[module.slug])).content.decode()
    assert "1 punt · Testregister Accreditatie" in page and "1 punten" not in page
    certificate = pass_module(professional, module)
    assert certificate.accrediting_body == "Testregister Accreditatie"
    page = client.get(reverse("training_public:verify", args=[certificate.code])).content.decode()
    assert "1 punt · Testregister Accreditatie" in page


def test_the_starter_modules_name_no_accrediting_body():
    assert (
        not Module.objects.filter(slug__in=["herkennen", "signaleren", "doorverwijzen"])
        .exclude(accrediting_body="")
        .exists()
    )


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"register": "big", "number": "1234567890"}, "Een BIG-nummer bestaat uit 11 cijfers."),
        ({"register": "big", "number": "1234567890A"}, "Een BIG-nummer bestaat uit 11 cijfers."),
        ({"register": "other", "number": "12345"}, "Vul de naam van het register in."),
        (
            {"register": "other", "register_name": "SKJ", "number": "<script>"},
            "Gebruik 3 tot 30 letters, cijfers, punten of streepjes.",
        ),
        ({"register": "big", "number": "9" * 100_000}, "Dit nummer is te lang."),
    ],
)
def test_a_wrong_registration_number_gets_a_dutch_message(client, professional, data, error):
    client.force_login(professional)
    response = client.post(reverse("training:registration"), data)
    assert response.status_code == 400 and error in response.content.decode()
    assert not Registration.objects.exists()


def test_a_registration_number_is_printed_on_new_certificates_only(client, professional):
    old = pass_module(professional, make_module(lessons=1, questions=1))
    client.force_login(professional)
    response = client.post(
        reverse("training:registration"), {"register": "big", "number": "123 4567 8901"}
    )
    assert response.status_code == 302
    assert Registration.objects.get().display() == "BIG 12345678901"
    new = pass_module(professional, make_module(lessons=1, questions=1))
    old.refresh_from_db()
    assert (old.registration, new.registration) == ("", "BIG 12345678901")
    pdf = client.get(reverse("training:certificate_pdf", args=[new.code])).content
    assert "BIG 12345678901" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    client.post(reverse("training:registration"), {"register": "big", "number": ""})
    assert not Registration.objects.exists()
