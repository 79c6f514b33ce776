"""What happens to events and sign-ups when two entries of the directory are merged: the
entry that stays organises the events and sends the people who signed up for it.

Registered in ``events/apps.py`` with the merge registry of ``organisations``.
"""

from __future__ import annotations

from django.db.models import Q

from events.models import Event, EventCoOrganiser, Registration, Speaker
from organisations.merging import Moved
from organisations.models import Organisation


def move_organised_events(removed: Organisation, kept: Organisation) -> Moved:
    events = Event.objects.filter(organiser_organisation=removed)
    ids = list(events.values_list("pk", flat=True))
    Event.objects.filter(pk__in=ids).update(organiser_organisation=kept)
    # Co-organised events: the kept entry takes the place of the removed one, unless it
    # organises the event already (as lead or co-organiser), where the removed one just goes.
    co_organised = EventCoOrganiser.objects.filter(organisation=removed)
    already = co_organised.filter(
        Q(event__organiser_organisation=kept) | Q(event__co_organisers__organisation=kept)
    )
    dropped = list(already.values_list("event", flat=True))
    already.delete()
    moved = list(co_organised.values_list("event", flat=True))
    co_organised.update(organisation=kept)
    return Moved(moved=ids + moved, dropped=dropped)


def move_registrations(removed: Organisation, kept: Organisation) -> Moved:
    ids = list(Registration.objects.filter(organisation=removed).values_list("pk", flat=True))
    Registration.objects.filter(pk__in=ids).update(organisation=kept)
    return Moved(moved=ids)


def move_speakers(removed: Organisation, kept: Organisation) -> Moved:
    ids = list(Speaker.objects.filter(organisation=removed).values_list("pk", flat=True))
    Speaker.objects.filter(pk__in=ids).update(organisation=kept)
    return Moved(moved=ids)
