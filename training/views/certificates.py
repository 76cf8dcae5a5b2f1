"""Certificates: the professional's list and PDF, their registration number, and the public
check page (by link, by QR code or by typing the code)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import area_required, signed_in_user
from training import pdf, selectors, services
from training.forms import CertificateCheckForm, RegistrationForm


@area_required("training")
def certificates(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/certificates.html",
        {
            "certificates": selectors.certificates_of(user=signed_in_user(request)),
            "registration": selectors.registration_of(user=signed_in_user(request)),
        },
    )


@area_required("training")
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    certificate = selectors.own_certificate(user=signed_in_user(request), code=code)
    if certificate is None:
        raise Http404
    verify_url = request.build_absolute_uri(
        reverse("training_public:verify", args=[certificate.code])
    )
    response = HttpResponse(
        pdf.certificate_pdf(certificate, verify_url=verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="certificaat-{certificate.code}.pdf"'
    return response


@area_required("training")
def registration(request: HttpRequest) -> HttpResponse:
    """The professional's registration number (optional), printed on new certificates."""
    current = selectors.registration_of(user=signed_in_user(request))
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_valid():
            services.save_registration(user=signed_in_user(request), **form.to_service_kwargs())
            messages.success(request, _("Uw registratie is opgeslagen."))
            return redirect("training:certificates")
    else:
        initial = (
            {
                "register": current.register,
                "register_name": current.register_name,
                "number": current.number,
            }
            if current
            else {}
        )
        form = RegistrationForm(initial=initial)
    return render(
        request,
        "training/registration.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def check(request: HttpRequest) -> HttpResponse:
    """Public: type a certificate code (any case, with or without the hyphen)."""
    form = CertificateCheckForm(request.GET or None)
    if request.GET and form.is_valid():
        certificate = selectors.certificate_by_code(form.cleaned_data["code"])
        if certificate is not None:
            return redirect("training_public:verify", code=certificate.code)
        form.add_error("code", _("Wij vinden geen certificaat met deze code. Kijk de code na."))
    return render(request, "training/check.html", {"form": form})


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: anyone with the code can check a certificate. Shows only what is needed."""
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    return render(request, "training/verify.html", {"certificate": certificate})
