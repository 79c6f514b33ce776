"""Events (round tables, network meetings, workshops) and the people registered for them."""

from events.models.event import Event, EventQuerySet
from events.models.organiser import EventCoOrganiser, Organiser
from events.models.programme import (
    EventResult,
    EventResultFile,
    EventResultQuerySet,
    ProgrammePart,
    ProgrammePartQuerySet,
    Speaker,
)
from events.models.registration import (
    ACTIVE_STATUSES,
    CURRENT_STATUSES,
    Registration,
    RegistrationQuerySet,
    new_token,
)

__all__ = [
    "ACTIVE_STATUSES",
    "CURRENT_STATUSES",
    "Event",
    "EventCoOrganiser",
    "EventQuerySet",
    "EventResult",
    "EventResultFile",
    "EventResultQuerySet",
    "Organiser",
    "ProgrammePart",
    "ProgrammePartQuerySet",
    "Registration",
    "RegistrationQuerySet",
    "Speaker",
    "new_token",
]
