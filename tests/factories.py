"""factory_boy factories for every model the tests need (no JSON fixtures, no magic ids)."""

from __future__ import annotations

import time
from typing import Any

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from organisations.models import (
    City,
    CityStaff,
    District,
    DistrictStaff,
    Language,
    Offer,
    OfferKind,
    Organisation,
    OrganisationKind,
    OrganisationMembership,
    TargetGroup,
    Topic,
)

PASSWORD = "a-long-test-password-42"
# Whoever sees other people's personal data must use a second factor (accounts.middleware).
# Test staff have an authenticator app with this secret; ``totp_code()`` is what it shows now.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def with_second_factor(user: User) -> User:
    """Set up an authenticator app for ``user`` through allauth, as its set-up page does."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, TOTP_SECRET)
    return user


def totp_code(secret: str = TOTP_SECRET) -> str:
    """The code the authenticator app shows now, never one about to expire.

    A code is valid for one 30-second period; a browser test types it and submits a second or
    two later. Near the end of a period the code is taken from the next one, after waiting for
    it, so that the server never sees a code whose period has just run out.
    """
    from migra_hub.demo import current_totp_code

    left = 30 - time.time() % 30
    if left < 5:
        time.sleep(left + 0.1)
    return current_totp_code(secret)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)
    privacy_consent_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def verified(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        """Users have a verified e-mail address unless ``verified=False`` is passed."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def second_factor(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        """Administrators have an authenticator app, as the site demands of them; pass
        ``second_factor=False`` for one who has not set it up yet."""
        wanted = extracted if extracted is not None else (self.is_staff or self.is_superuser)
        if create and wanted:
            with_second_factor(self)


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ["slug"]

    name = "Berlin"
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    city = factory.SubFactory(CityFactory)
    name = factory.Sequence(lambda n: f"District {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class VocabularyFactory(factory.django.DjangoModelFactory):
    """``name_de``/``name_en`` (and ``names={"ar": ...}``) become the entry's translations."""

    class Meta:
        abstract = True
        django_get_or_create = ["slug"]

    name_de = factory.Sequence(lambda n: f"Begriff {n}")
    name_en = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name_en))

    @classmethod
    def _create(cls, model_class: type, *args: Any, **kwargs: Any) -> Any:
        names = {"de": kwargs.pop("name_de"), "en": kwargs.pop("name_en")}
        names.update(kwargs.pop("names", {}))
        entry = super()._create(model_class, *args, **kwargs)
        translation = model_class._parler_meta.root_model
        stored = dict(translation.objects.filter(master=entry).values_list("language_code", "name"))
        for language, name in names.items():
            if name and stored.get(language) != name:
                translation.objects.update_or_create(
                    master=entry, language_code=language, defaults={"name": name}
                )
        return model_class.objects.get(pk=entry.pk)  # with its names


class TopicFactory(VocabularyFactory):
    class Meta:
        model = Topic


class TargetGroupFactory(VocabularyFactory):
    class Meta:
        model = TargetGroup


class OrganisationKindFactory(VocabularyFactory):
    class Meta:
        model = OrganisationKind

    name_de = "Eingetragener Verein"
    name_en = "Registered association"


class OfferKindFactory(VocabularyFactory):
    class Meta:
        model = OfferKind

    name_de = "Beratung"
    name_en = "Counselling"


class LanguageFactory(factory.django.DjangoModelFactory):
    """Only a code: the names come from CLDR."""

    class Meta:
        model = Language
        django_get_or_create = ["code"]

    code = "ar"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = factory.SubFactory(OrganisationKindFactory)
    description = "We advise families in their own languages."
    street = "Hauptstraße 1"
    postcode = "10115"
    locality = "Berlin"
    email = factory.LazyAttribute(lambda o: f"info@{o.slug}.example.org")
    status = Organisation.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    last_confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def districts(self, create: bool, extracted: list[District] | None, **kwargs: object) -> None:
        if create:
            self.districts.set(extracted if extracted is not None else [DistrictFactory()])


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Offer {n}")
    kind = factory.SubFactory(OfferKindFactory)
    description = "Counselling in several languages."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = OrganisationMembership.Role.OWNER


class DistrictStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DistrictStaff
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    district = factory.SubFactory(DistrictFactory)

    @factory.post_generation
    def second_factor(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        """District staff have an authenticator app unless ``second_factor=False``."""
        if create and extracted is not False:
            with_second_factor(self.user)


class CityStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CityStaff
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)

    @factory.post_generation
    def second_factor(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        """City-wide staff have an authenticator app unless ``second_factor=False``."""
        if create and extracted is not False:
            with_second_factor(self.user)


# --- Networks (networks app) -----------------------------------------------------------------

from networks.models import Network, NetworkMembership, NetworkNote  # noqa: E402


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    scope = Network.Scope.DISTRICT
    district = factory.SubFactory(DistrictFactory)
    city = factory.LazyAttribute(lambda o: o.district.city if o.district else None)
    goal = "Organisations and the district office plan multilingual counselling together."
    join_policy = Network.JoinPolicy.OPEN
    phase = Network.Phase.FOUNDING


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = NetworkMembership.Status.ACTIVE
    role = NetworkMembership.Role.MEMBER


class NetworkNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkNote

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Minutes {n}")
    text = "We agreed to meet in the library next time."


class NetworkTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "networks.NetworkTask"

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Task {n}")
    responsible = factory.SubFactory(OrganisationFactory)
    responsible_name = factory.LazyAttribute(lambda o: o.responsible.name)


class NetworkPhaseChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "networks.NetworkPhaseChange"

    network = factory.SubFactory(NetworkFactory)
    phase_before = Network.Phase.PREPARATION
    phase_after = Network.Phase.FOUNDING
    note = "Founding meeting in the town hall."


class NetworkProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "networks.NetworkProposal"

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Proposed network {n}")
    goal = "Parents' associations share interpreters."
    scope = "district"
    district = factory.SubFactory(DistrictFactory)


# --- Registration and review ----------------------------------------------------------------


class OwnershipClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisations.OwnershipClaim"

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    message = "I chair the association."


class ProblemReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "organisations.ProblemReport"

    organisation = factory.SubFactory(OrganisationFactory)
    message = "The phone number is out of date."


def draft_organisation(**kwargs: object) -> Organisation:
    """A complete draft that can be submitted as it is."""
    kwargs.setdefault("status", Organisation.Status.DRAFT)
    kwargs.setdefault("published_at", None)
    kwargs.setdefault("last_confirmed_at", None)
    return OrganisationFactory(**kwargs)


# --- Events ---------------------------------------------------------------------------------

import datetime  # noqa: E402

from events.models import Event, Registration  # noqa: E402


class EventFactory(factory.django.DjangoModelFactory):
    """A published, public district event next week with 50 seats and a waiting list."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Round table {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = Event.Kind.ROUND_TABLE
    description = "We talk about what the district needs."
    organiser_district = factory.SubFactory(DistrictFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    venue_name = "Community centre"
    venue_address = "Parkstraße 12, 13187 Berlin"
    step_free = True
    capacity = 50
    waiting_list = True
    max_seats_per_signup = 1
    status = Event.Status.PUBLISHED
    contact_email = "events@example.org"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    seats = 1
    status = Registration.Status.CONFIRMED
    consent_at = factory.LazyFunction(timezone.now)


# --- Funding calls ---------------------------------------------------------------------------

from funding.models import FundingCall  # noqa: E402


class FundingCallFactory(factory.django.DjangoModelFactory):
    """A published call of a district, its deadline in two weeks (no time)."""

    class Meta:
        model = FundingCall

    title = factory.Sequence(lambda n: f"Funding call {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    funder = "Foundation for neighbourhoods"
    description = "Small projects that bring neighbours together."
    eligibility = "Associations working in the district."
    deadline_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    url = "https://example.org/call"
    scope = FundingCall.Scope.DISTRICT
    district = factory.SubFactory(DistrictFactory)
    city = factory.LazyAttribute(lambda o: o.district.city if o.district else None)
    status = FundingCall.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


from events.models import ProgrammePart, Speaker  # noqa: E402


class ProgrammePartFactory(factory.django.DjangoModelFactory):
    """A panel in the first hour of its event (a workshop: ``kind="workshop", capacity=10``)."""

    class Meta:
        model = ProgrammePart

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Panel {n}")
    kind = ProgrammePart.Kind.PANEL
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.event.starts_at + datetime.timedelta(hours=1))
    room = "Hall"


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    role = "Moderation"
    organisation_name = "Bezirksamt Pankow"
