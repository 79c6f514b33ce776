"""Writes of the events app, by concern:

- ``seats``: the seat rules and the event lock every write shares;
- ``signup``: signing up one person or an organisation's delegates;
- ``registrations``: a sign-up's later changes, cancelling, check-in, deletion, totals;
- ``events``: the organisers' writes on an event;
- ``programme``: its parts, speakers and the seats of its workshops;
- ``results``: what came out of it, published after it ended;
- ``maintenance``: the cron jobs (reminders, deletion of personal data).

Every public name is importable from ``events.services``."""

from events.services.events import (
    EventChanged,
    EventData,
    event_cancel,
    event_check_update,
    event_create,
    event_delete,
    event_duplicate,
    event_message_participants,
    event_publish,
    event_update,
)
from events.services.maintenance import (
    default_purge_days,
    default_reminder_days,
    registrations_anonymise,
    registrations_purge,
    reminders_send,
)
from events.services.organisers import event_add_organiser, event_remove_organiser
from events.services.programme import (
    PartData,
    SpeakerData,
    programme_part_create,
    programme_part_delete,
    programme_part_update,
    speaker_create,
    speaker_delete,
    speaker_update,
)
from events.services.registrations import (
    NeedsData,
    Totals,
    registration_cancel,
    registration_check_in,
    registration_delete,
    registration_totals,
    registration_update,
)
from events.services.results import (
    event_result_file_add,
    event_result_file_remove,
    event_results_publish,
)
from events.services.seats import SeatsShort, WhenShort, seats_decision
from events.services.signup import (
    DelegateRejected,
    SignupData,
    delegates_register,
    registration_create,
)

__all__ = [
    "DelegateRejected",
    "EventChanged",
    "EventData",
    "NeedsData",
    "PartData",
    "SeatsShort",
    "SignupData",
    "SpeakerData",
    "Totals",
    "WhenShort",
    "default_purge_days",
    "default_reminder_days",
    "delegates_register",
    "event_add_organiser",
    "event_cancel",
    "event_check_update",
    "event_create",
    "event_delete",
    "event_duplicate",
    "event_message_participants",
    "event_publish",
    "event_remove_organiser",
    "event_result_file_add",
    "event_result_file_remove",
    "event_results_publish",
    "event_update",
    "programme_part_create",
    "programme_part_delete",
    "programme_part_update",
    "registration_cancel",
    "registration_check_in",
    "registration_create",
    "registration_delete",
    "registration_totals",
    "registration_update",
    "registrations_anonymise",
    "registrations_purge",
    "reminders_send",
    "seats_decision",
    "speaker_create",
    "speaker_delete",
    "speaker_update",
]
