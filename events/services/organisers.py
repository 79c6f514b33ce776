"""Events run together: adding and removing co-organisers.

Any organiser's people may do both (organisers work on an equal footing; whoever may cancel
the event may also change who runs it). The lead organiser stays: it is no co-organiser, so
an event never loses its last organiser, and a co-organiser can always leave.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from events.models import Event, EventCoOrganiser, Organiser
from events.models.organiser import organiser_field, organiser_name
from events.services.seats import lock_event
from migra_hub.mail import Link, recipient, send_templated_mail
from networks.models import Network, NetworkMembership
from organisations.models import District, Organisation, OrganisationMembership


def _refuse(message: str | Promise, code: str) -> ValidationError:
    return ValidationError({NON_FIELD_ERRORS: [message]}, code=code)


def organiser_people(organiser: Organiser) -> QuerySet[User]:
    """Who is told when a party starts or stops co-organising: the district's staff, the owners
    of a network's coordinating organisations, an organisation's owners."""
    people = User.objects.filter(is_active=True)
    if isinstance(organiser, District):
        return people.filter(district_staff_roles__district=organiser).distinct()
    if isinstance(organiser, Network):
        coordinating = NetworkMembership.objects.active().filter(
            network=organiser, role=NetworkMembership.Role.COORDINATOR
        )
        return people.filter(
            organisation_memberships__organisation__in=coordinating.values("organisation"),
            organisation_memberships__role=OrganisationMembership.Role.OWNER,
        ).distinct()
    return people.filter(
        organisation_memberships__organisation=organiser,
        organisation_memberships__role=OrganisationMembership.Role.OWNER,
    ).distinct()


def _notify(event: Event, organiser: Organiser, *, added: bool, user: User) -> None:
    send_templated_mail(
        "events/email/co_organiser",
        [recipient(person) for person in organiser_people(organiser)],
        {
            "event": event,
            "organiser_name": organiser_name(organiser),
            "added": added,
            "actor": str(user),
            "event_url": Link("events:detail", {"slug": event.slug}),
            "manage_url": Link("events:manage"),
        },
    )


def _check_can_co_organise(event: Event, organiser: Organiser) -> None:
    if isinstance(organiser, Organisation) and not organiser.is_public:
        raise _refuse(_("Only a published organisation can organise an event."), "unpublished")
    if isinstance(organiser, Network) and organiser.is_closed:
        raise _refuse(_("A closed network cannot organise an event."), "closed")
    field = organiser_field(organiser)
    if getattr(event, f"organiser_{field}_id") == organiser.pk or (
        event.co_organisers.filter(**{field: organiser}).exists()
    ):
        raise _refuse(
            _("%(name)s already organises this event.") % {"name": organiser_name(organiser)},
            "already_organiser",
        )


def event_add_organiser(*, event: Event, organiser: Organiser, user: User) -> EventCoOrganiser:
    """Make a district, network or published organisation a co-organiser of the event; its
    people are told and may run the event from now on."""
    with transaction.atomic():
        locked = lock_event(event)
        _check_can_co_organise(locked, organiser)
        try:
            with transaction.atomic():
                co_organiser = EventCoOrganiser.objects.create(
                    event=locked, **{organiser_field(organiser): organiser}
                )
        except IntegrityError as error:  # added by someone else a moment ago
            raise _refuse(
                _("%(name)s already organises this event.") % {"name": organiser_name(organiser)},
                "already_organiser",
            ) from error
        _notify(locked, organiser, added=True, user=user)
    return co_organiser


def event_remove_organiser(*, event: Event, co_organiser: EventCoOrganiser, user: User) -> None:
    """A co-organiser leaves the event (or is removed by another organiser); its people are
    told. The lead organiser is no co-organiser and cannot be removed here."""
    with transaction.atomic():
        locked = lock_event(event)
        row = locked.co_organisers.filter(pk=co_organiser.pk).first()
        if row is None:  # removed by someone else meanwhile: nothing left to do
            return
        organiser = row.party
        row.delete()
        _notify(locked, organiser, added=False, user=user)
