"""Writes of the sociale kaart: organisations proposed at sign-up, approved or merged by beheer."""

from django.db import transaction
from django.db.models import ForeignObjectRel

from sociale_kaart.models import Organisation


def propose_organisation(*, name: str) -> Organisation:
    """The organisation with this name (any case), or a new one waiting for approval."""
    name = " ".join(name.split())[:200]
    existing = Organisation.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        organisation, _ = Organisation.objects.get_or_create(
            name=name, defaults={"is_approved": False}
        )
    return organisation


def approve_organisations(*, organisation_ids: list[int]) -> int:
    return Organisation.objects.filter(pk__in=organisation_ids, is_approved=False).update(
        is_approved=True
    )


def merge_organisation(*, source: Organisation, target: Organisation) -> None:
    """Move everything that points to `source` (profiles, referrals, offers) to `target`, then
    remove `source`. Works through the model's relations, so this app imports no other."""
    if source.pk == target.pk:
        return
    with transaction.atomic():
        # Every reverse relation, hidden ones (related_name="+") included.
        relations = [
            f
            for f in Organisation._meta.get_fields(include_hidden=True)
            if isinstance(f, ForeignObjectRel)
            and f.auto_created
            and not f.concrete
            and (f.one_to_many or f.one_to_one)
        ]
        for relation in relations:
            assert relation.related_model is not None
            relation.related_model._base_manager.filter(**{relation.field.name: source}).update(
                **{relation.field.name: target}
            )
        source.delete()
