from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from accounts import privacy as registry
        from events import privacy
        from events.merging import move_organised_events, move_registrations, move_speakers
        from migra_hub import slots
        from organisations import merging

        # The account's data download and deletion include what this app keeps.
        registry.register_data_section(privacy.personal_data)
        registry.register_deletion_step(privacy.before_account_deletion)

        # Merging two entries of the directory moves the events they organise and sign-ups.
        merging.register_mover("events.organised", _("events organised"), move_organised_events)
        merging.register_mover("events.registrations", _("event sign-ups"), move_registrations)
        merging.register_mover("events.speakers", _("speakers at events"), move_speakers)

        # Organisations' and networks' pages list their upcoming events.
        slots.register("organisation.main", "events/_organisation_events.html", order=20)
        slots.register("network.main", "events/_network_events.html")
        # Beside the network's meeting rhythm: its next meeting.
        slots.register("network.facts", "events/_network_next_meeting.html")
        # ... and link to the results of their past meetings.
        slots.register("network.main", "events/_network_results.html", order=110)
