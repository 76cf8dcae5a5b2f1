import factory

from sociale_kaart.models import Offer, Organisation, Vraaggebied, Wijk


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Wijk {n}")
    slug = factory.Sequence(lambda n: f"wijk-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")


class OfferFactory(factory.django.DjangoModelFactory):
    """OfferFactory(vraaggebieden=["respijtzorg"], wijken=[wijk]) or whole_municipality=True."""

    class Meta:
        model = Offer
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Aanbod {n}")
    description = "Hulp voor mantelzorgers."

    @factory.post_generation
    def vraaggebieden(obj, create, extracted, **kwargs):
        codes = extracted or ["informatie"]
        obj.vraaggebieden.set(Vraaggebied.objects.filter(code__in=codes))

    @factory.post_generation
    def wijken(obj, create, extracted, **kwargs):
        if extracted:
            obj.service_areas.set(extracted)
