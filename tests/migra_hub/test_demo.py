"""The demo data (``seed_demo``): a directory, networks and events that look sensible, logins that
work, and seeding twice changes nothing.

The demo is seeded once for all these tests (a Django TestCase's class-wide data: each test
rolls back to it), because seeding is the slowest thing the suite does."""

from __future__ import annotations

import io

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from mailer.models import Message

from accounts.models import User
from accounts.security import needs_second_factor
from events.models import Event, Registration
from exchange.models import Answer, Post
from migra_hub.demo import DEMO_DOMAIN
from networks.models import MembershipChange, Network, NetworkMembership, NetworkNote
from organisations.models import Offer, Organisation


def snapshot() -> tuple[object, ...]:
    return (
        Organisation.objects.count(),
        Offer.objects.count(),
        list(Organisation.objects.values_list("facet_keys", "search_vector").order_by("pk")),
        Network.objects.count(),
        NetworkMembership.objects.count(),
        MembershipChange.objects.count(),
        NetworkNote.objects.count(),
        Event.objects.count(),
        Registration.objects.count(),
        Post.objects.count(),
        Answer.objects.count(),
    )


class SeededDemo(TestCase):
    output: str
    seed_mail: list[mail.EmailMessage]

    @classmethod
    def setUpTestData(cls) -> None:
        output = io.StringIO()
        call_command("seed_demo", stdout=output)
        cls.output = output.getvalue()
        cls.seed_mail = list(mail.outbox)

    def test_seeding_twice_changes_nothing_and_sends_no_mail(self) -> None:
        before = snapshot()
        call_command("seed_demo", stdout=io.StringIO())
        assert snapshot() == before
        assert mail.outbox == []

    def test_directory_has_ended_offers_and_entries_without_public_address(self) -> None:
        assert Organisation.objects.count() >= 60
        assert Offer.objects.ended().exists()
        assert Organisation.objects.published().filter(no_public_address=True).exists()
        assert Organisation.objects.published().with_public_location().count() >= 50

    def test_search_puts_name_matches_first(self) -> None:
        for q, expected in [
            ("Frauen", "Frauen im Aufbruch"),
            ("Ukrainische", "Ukrainische Gemeinschaft"),
            ("Sprachcafé", "Sprachcafé"),
            ("Kurdisch", "Kurdisches Kulturzentrum"),
        ]:
            response = self.client.get("/de/organisations/", {"q": q})
            names = [o.name for o in response.context["page"].object_list]
            assert any(name.startswith(expected) for name in names[:4]), (q, names)
            assert Organisation.objects.filter(name__startswith=expected).exists()

    def test_the_exchange_has_open_offers_and_needs_one_for_a_network_only_and_an_answer(
        self,
    ) -> None:
        current = Post.objects.current()
        assert current.filter(kind=Post.Kind.OFFER).exists()
        assert current.filter(kind=Post.Kind.NEED).exists()
        assert current.values("category").distinct().count() >= 4
        assert current.filter(audience=Post.Audience.NETWORKS, networks__isnull=False).exists()
        assert Answer.objects.exists()

    def test_filters_give_results(self) -> None:
        response = self.client.get("/de/organisations/", {"language": "ar", "migrant_led": "on"})
        assert 0 < response.context["page"].paginator.count < Organisation.objects.count()

    def test_networks_of_every_scope_with_requests_invitations_and_a_demo_coordinator(
        self,
    ) -> None:
        assert set(Network.objects.values_list("scope", flat=True)) == {
            "district",
            "city",
            "national",
            "international",
        }
        assert NetworkMembership.objects.requested().exists()
        assert NetworkMembership.objects.invited().exists()
        coordinator = Network.objects.get(slug="netzwerk-mehrsprachigkeit-pankow").memberships.get(
            role="coordinator"
        )
        assert coordinator.organisation.memberships.filter(
            user__email="coordinator@demo.migra-hub.invalid"
        ).exists()

    def test_network_memberships_are_built_through_the_services_and_queue_no_mail(self) -> None:
        for membership in NetworkMembership.objects.all():
            actions = list(membership.changes.order_by("pk").values_list("action", flat=True))
            assert actions[0] == ("requested" if membership.status == "requested" else "invited")
            if membership.status == "active":
                assert "invitation_accepted" in actions
            if membership.role == "coordinator":
                assert actions[-1] == "coordinator_named"
        assert not MembershipChange.objects.filter(actor_name="").exclude(actor=None).exists()
        assert Network.objects.get(slug="europaisches-diaspora-forum").phase == "dormant"
        assert not NetworkNote.objects.filter(author=None).exists()
        assert not any(
            address.endswith(f"@{DEMO_DOMAIN}")
            for message in Message.objects.all()
            for address in message.to_addresses
        )

    def test_events_are_built_through_the_services(self) -> None:
        assert Event.objects.count() == 2 * len(Event.Kind)
        assert set(Event.objects.values_list("status", flat=True)) == {Event.Status.PUBLISHED}
        assert all(event.published_at and event.revision == 2 for event in Event.objects.all())
        workshop = Event.objects.upcoming().get(kind=Event.Kind.WORKSHOP)
        assert workshop.registrations.active().seat_total() == workshop.capacity == 4
        assert workshop.registrations.waitlisted().count() == 2
        past = Registration.objects.filter(event__ends_at__lt=timezone.now())
        assert set(past.values_list("status", flat=True)) == {"attended", "cancelled"}
        upcoming = Registration.objects.exclude(pk__in=past.values("pk"))
        confirmations = [m for m in self.seed_mail if m.to[0].startswith("teilnahme")]
        assert len(confirmations) == upcoming.count(), "each upcoming sign-up was mailed"

    def test_staff_log_in_with_the_demo_authenticator_app(self) -> None:
        demo = User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
        assert not [user.email for user in demo if needs_second_factor(user)]
        assert demo.filter(authenticator__isnull=True, is_superuser=False).exists()  # members
        assert "authenticator app" in self.output

    def test_printed_logins_line_up(self) -> None:
        rows = [line for line in self.output.splitlines() if f"@{DEMO_DOMAIN}" in line]
        assert len(rows) >= 5
        assert len({line.index(line.split()[-1]) for line in rows}) == 1, rows
