"""Fictional demo networks: several scopes around multilingualism, diversity,
anti-discrimination and women's peer support, with members, coordinators (one of them an MSO
member with a demo login), open requests, invitations, notes and their history, phases with a
timeline and agreed tasks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from migra_hub.demo import DemoLogins, demo_user
from migra_hub.demo_languages import NETWORK_GOAL_VERSIONS
from networks.models import MembershipChange, Network, NetworkMembership
from networks.services import (
    NetworkData,
    membership_accept_invitation,
    membership_invite,
    membership_name_coordinator,
    membership_request,
    network_change_phase,
    network_create,
    note_create,
    task_create,
    task_set_done,
)
from organisations.models import District, Organisation, OrganisationMembership, Topic

Status = NetworkMembership.Status
Role = NetworkMembership.Role


@dataclass
class DemoNetwork:
    name: str
    slug: str
    scope: str
    district: str | None
    goal: str
    description: str
    topics: list[str]
    rhythm: str
    join_policy: str = Network.JoinPolicy.OPEN
    # The phase it started in (days ago), then each later phase: (phase, days ago, note).
    start: tuple[str, int] = (Network.Phase.FOUNDING, 420)
    phases: list[tuple[str, int, str]] = field(
        default_factory=lambda: [
            (Network.Phase.FORMALISATION, 250, "Geschäftsordnung und Aufgaben vereinbart."),
            (Network.Phase.CONSOLIDATION, 90, "Die Treffen laufen regelmäßig."),
        ]
    )
    # Agreements: (what, slug of the responsible member or "" for the lead, due in days, done).
    tasks: list[tuple[str, str, int, bool]] = field(
        default_factory=lambda: [
            ("Protokoll des nächsten Treffens schreiben", "", 20, False),
            ("Raum für das Jahrestreffen anfragen", "", -10, True),
        ]
    )
    terms_of_reference: str = ""
    rules: str = ""
    curator: str | None = None  # local part of a staff demo login named for the network
    contact: str = ""
    coordinator: str = ""  # slug of the coordinating organisation
    members: list[str] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    invitations: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


NETWORKS = [
    DemoNetwork(
        name="Netzwerk Mehrsprachigkeit Pankow",
        slug="netzwerk-mehrsprachigkeit-pankow",
        scope=Network.Scope.DISTRICT,
        district="pankow",
        goal="Beratung und Bildung in Pankow sollen in den Sprachen der Menschen erreichbar sein.",
        description=(
            "Vereine, Initiativen und das Integrationsbüro tauschen Sprachmittler*innen, "
            "Räume und Erfahrungen aus und planen gemeinsame Sprachcafés."
        ),
        topics=["multilingualism", "language-learning"],
        rhythm="Alle zwei Monate, dienstags um 17 Uhr",
        start=(Network.Phase.PREPARATION, 400),
        phases=[
            (Network.Phase.FOUNDING, 300, "Gründungstreffen mit sechs Vereinen im Rathaus."),
            (
                Network.Phase.FORMALISATION,
                45,
                "Wir vereinbaren Ziele, Aufgaben und eine Geschäftsordnung.",
            ),
        ],
        tasks=[
            ("Entwurf der Geschäftsordnung an alle schicken", "", 14, False),
            ("Liste der Sprachmittler*innen aktualisieren", "ukrainische-gemeinschaft", 30, False),
            ("Sprachcafé im Stadtteilzentrum organisieren", "persischer-literaturkreis", 60, False),
            ("Raum für das Gründungstreffen buchen", "", -300, True),
        ],
        terms_of_reference=(
            "Das Netzwerk macht Beratung und Bildung in Pankow mehrsprachig. Es vermittelt "
            "Sprachmittler*innen, teilt Räume und plant gemeinsame Sprachcafés. Es ersetzt "
            "keine professionelle Dolmetschleistung."
        ),
        rules=(
            "Entscheidungen treffen die anwesenden Mitglieder mit Mehrheit. Jede "
            "Mitgliedsorganisation hat eine Stimme. Nach außen sprechen die Koordinator*innen."
        ),
        contact="mehrsprachigkeit@pankow.example.org",
        coordinator="sprachcafe",
        members=[
            "afghanischer-kulturverein",
            "vietnamesische-nachbarschaftshilfe",
            "persischer-literaturkreis",
            "ukrainische-gemeinschaft",
        ],
        requests=[
            ("brucke-der-kulturen", "Wir bieten Beratung auf Arabisch und Türkisch an."),
            ("eritreische-jugend", "Wir möchten Tigrinya-Sprachmittlung einbringen."),
        ],
        notes=[
            (
                "Protokoll des Treffens im März",
                "Beschlossen: ein gemeinsamer Pool von Sprachmittler*innen. "
                "Das Sprachcafé koordiniert die Liste.",
            ),
            (
                "Raumliste",
                "Drei Vereine stellen ihre Räume abends kostenlos für Sprachcafés zur Verfügung.",
            ),
        ],
    ),
    DemoNetwork(
        name="Vielfalt in Treptow-Köpenick",
        slug="vielfalt-in-treptow-kopenick",
        scope=Network.Scope.DISTRICT,
        district="treptow-kopenick",
        goal="Die Vielfalt im Bezirk sichtbar machen und Migrant*innenorganisationen an der "
        "Bezirkspolitik beteiligen.",
        description="Ein Runder Tisch mit dem Bezirksamt, auf Einladung.",
        topics=["participation", "culture"],
        rhythm="Vierteljährlich",
        join_policy=Network.JoinPolicy.INVITATION,
        contact="vielfalt@treptow.example.org",
        coordinator="kurdisches-kulturzentrum",
        members=["polnischer-kulturkreis", "afrikanisches-bildungsforum", "roma-empowerment"],
        invitations=["brucke-der-kulturen", "russischsprachige-senioren"],
        notes=[("Geschäftsordnung", "Der Runde Tisch entscheidet mit einfacher Mehrheit.")],
    ),
    DemoNetwork(
        name="Berliner Bündnis gegen Diskriminierung",
        slug="berliner-bundnis-gegen-diskriminierung",
        scope=Network.Scope.CITY,
        district=None,
        goal="Betroffene von Diskriminierung finden schnell eine Beratung in ihrer Sprache.",
        description="Antidiskriminierungsberatungen und Selbstorganisationen aus ganz Berlin.",
        topics=["anti-discrimination", "legal-advice"],
        rhythm="Monatlich online",
        curator="staff.pankow",
        coordinator="queer-refugees-support",
        members=[
            "arabisches-frauenforum",
            "netzwerk-stimmen-der-diaspora",
            "turkisch-deutsche-elternschaft",
            "roma-empowerment",
        ],
        requests=[("afrikanisches-bildungsforum", "")],
    ),
    DemoNetwork(
        name="Peer-Netzwerk Frauen stärken",
        slug="peer-netzwerk-frauen-starken",
        scope=Network.Scope.NATIONAL,
        district=None,
        goal="Frauen in Migrant*innenorganisationen unterstützen sich gegenseitig: "
        "Förderanträge, Pressekontakte, Räume.",
        description="Bundesweiter Austausch von Frauenvereinen, Mentoring von Verein zu Verein.",
        topics=["women", "peer-support"],
        rhythm="Zweimal im Jahr, dazwischen Online-Sprechstunden",
        curator="staff.treptow",
        coordinator="frauen-im-aufbruch",
        members=["mutter-treff", "arabisches-frauenforum", "netzwerk-syrische-arztinnen"],
        requests=[("frauen-im-aufbruch-nord", "Wir sind der Schwesterverein im Norden.")],
        notes=[
            (
                "Leitfaden Förderanträge",
                "Checkliste für kleine Vereine, erstellt beim Herbsttreffen.",
            )
        ],
    ),
    DemoNetwork(
        name="Europäisches Diaspora-Forum",
        slug="europaisches-diaspora-forum",
        scope=Network.Scope.INTERNATIONAL,
        district=None,
        goal="Diaspora-Organisationen in Europa teilen Wissen über Teilhabe und Förderung.",
        description="",
        topics=["participation"],
        rhythm="Einmal im Jahr",
        join_policy=Network.JoinPolicy.INVITATION,
        phases=[(Network.Phase.DORMANT, 120, "Seit dem letzten Forum ruht die Arbeit.")],
        tasks=[],
        curator="staff.pankow",
        coordinator="netzwerk-stimmen-der-diaspora",
        members=["ukrainische-gemeinschaft"],
    ),
]


def _representative(organisation: Organisation) -> User:
    """Who acts for the organisation in the networks' workflows: its owner, or a demo person
    made its owner (the directory's demo entries have no people of their own)."""
    owner = User.objects.filter(
        organisation_memberships__organisation=organisation,
        organisation_memberships__role=OrganisationMembership.Role.OWNER,
    ).first()
    if owner is not None:
        return owner
    user = demo_user(f"team.{organisation.slug}"[:60], f"Team {organisation.name}"[:150])
    OrganisationMembership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": OrganisationMembership.Role.OWNER}
    )
    return user


def _backdate(membership: NetworkMembership, started: datetime.datetime) -> None:
    """Date the membership's history in the past, so that the demo looks lived in: the first
    step on ``started``, each later one a few days after (the steps themselves went through the
    services; only their dates are moved)."""
    NetworkMembership.objects.filter(pk=membership.pk).update(created_at=started)
    changes = MembershipChange.objects.filter(membership=membership).order_by("pk")
    when = started
    for change in changes:
        MembershipChange.objects.filter(pk=change.pk).update(created_at=when)
        if change.status_after != Status.REQUESTED:
            NetworkMembership.objects.filter(pk=membership.pk).update(decided_at=when)
        when += datetime.timedelta(days=3)


def _membership(
    network: Network,
    organisation: Organisation,
    *,
    status: str,
    actor: User,
    days_ago: int,
    role: str = NetworkMembership.Role.MEMBER,
    note: str = "",
) -> NetworkMembership:
    """A membership built through the services, step by step as people would take them."""
    if status == Status.REQUESTED:
        membership = membership_request(
            network=network,
            organisation=organisation,
            user=_representative(organisation),
            message=note,
        )
    else:
        membership = membership_invite(network=network, organisation=organisation, user=actor)
        if status == Status.ACTIVE:
            membership = membership_accept_invitation(
                membership=membership, user=_representative(organisation)
            )
        if role == NetworkMembership.Role.COORDINATOR:
            membership = membership_name_coordinator(membership=membership, user=actor)
    _backdate(membership, timezone.now() - datetime.timedelta(days=days_ago))
    return membership


@dataclass
class _Cast:
    """What the demo networks are built from: the directory's demo data and the demo logins."""

    districts: dict[str, District]
    topics: dict[str, Topic]
    organisations: dict[str, Organisation]
    staff: dict[str, User]
    admin: User
    coordinator: User  # the coordinator's login, owner of the first network's lead
    coordinating: Organisation


@transaction.atomic
def seed(logins: DemoLogins) -> None:
    organisations = {o.slug: o for o in Organisation.objects.published()}
    if not organisations:
        return  # the directory's demo data is missing; nothing to build networks from
    coordinator = demo_user("coordinator", "Chiara Koordinatorin")
    coordinating = organisations.get("sprachcafe") or next(iter(organisations.values()))
    OrganisationMembership.objects.get_or_create(
        user=coordinator,
        organisation=coordinating,
        defaults={"role": OrganisationMembership.Role.OWNER},
    )
    logins.add("Network coordinator (MSO member)", coordinator.email)
    cast = _Cast(
        districts={d.slug: d for d in District.objects.filter(city__slug="berlin")},
        topics={t.slug: t for t in Topic.objects.all()},
        organisations=organisations,
        staff={
            local: demo_user(local, name)
            for local, name in (
                ("staff.pankow", "Paula Pankow"),
                ("staff.treptow", "Theo Treptow"),
            )
        },
        admin=demo_user("admin", "Ada Admin", superuser=True),
        coordinator=coordinator,
        coordinating=coordinating,
    )
    for spec in NETWORKS:
        if not Network.objects.filter(slug=spec.slug).exists():
            _seed_network(spec, cast)


def _seed_network(spec: DemoNetwork, cast: _Cast) -> None:
    district = cast.districts.get(spec.district) if spec.district else None
    curator = cast.staff[spec.curator] if spec.curator else None
    actor = curator or next(
        (u for u in cast.staff.values() if u.district_staff_roles.filter(district=district)),
        cast.admin,
    )
    network = network_create(
        user=actor,
        data=NetworkData(
            name=spec.name,
            goal=spec.goal,
            scope=spec.scope,
            district=district,
            description=spec.description,
            topics=tuple(cast.topics[slug] for slug in spec.topics if slug in cast.topics),
            meeting_rhythm=spec.rhythm,
            terms_of_reference=spec.terms_of_reference,
            rules=spec.rules,
            join_policy=spec.join_policy,
            contact_email=spec.contact,
            translations={
                language: {"goal": goal}
                for language, goal in NETWORK_GOAL_VERSIONS.get(spec.slug, {}).items()
            },
        ),
        phase=spec.start[0],
        since=timezone.localdate() - datetime.timedelta(days=spec.start[1]),
    )
    for phase, days_ago, note in spec.phases:
        network_change_phase(
            network=network,
            user=actor,
            phase=phase,
            note=note,
            date=timezone.localdate() - datetime.timedelta(days=days_ago),
        )
    _seed_memberships(network, spec, cast, actor=actor)
    _seed_tasks(network, spec, cast, actor=actor)
    author = cast.coordinator if spec is NETWORKS[0] else actor
    for index, (title, text) in enumerate(spec.notes):
        note_create(
            network=network,
            user=author,
            title=title,
            text=text,
            date=timezone.localdate() - datetime.timedelta(days=60 * (index + 1)),
        )


def _seed_tasks(network: Network, spec: DemoNetwork, cast: _Cast, *, actor: User) -> None:
    lead = cast.coordinating if spec is NETWORKS[0] else cast.organisations.get(spec.coordinator)
    for title, who, due_in, done in spec.tasks:
        responsible = cast.organisations.get(who) if who else lead
        if responsible is None:  # named here but missing in the directory's demo data
            continue
        task = task_create(
            network=network,
            user=actor,
            title=title,
            responsible=responsible,
            due_date=timezone.localdate() + datetime.timedelta(days=due_in),
        )
        if done:
            task_set_done(task=task, user=actor, done=True)


def _seed_memberships(network: Network, spec: DemoNetwork, cast: _Cast, *, actor: User) -> None:
    """The lead as coordinator, members, open requests and invitations, each with its history
    dated in the past (days ago: the lead first, requests and invitations lately)."""
    organisations = cast.organisations
    lead = cast.coordinating if spec is NETWORKS[0] else organisations.get(spec.coordinator)
    wanted: list[tuple[str | Organisation | None, str, int, str, str]] = [
        (lead, Status.ACTIVE, 400, Role.COORDINATOR, ""),
        *((slug, Status.ACTIVE, 300 - i, Role.MEMBER, "") for i, slug in enumerate(spec.members)),
        *(
            (slug, Status.REQUESTED, 12 - i * 5, Role.MEMBER, note)
            for i, (slug, note) in enumerate(spec.requests)
        ),
        *(
            (slug, Status.INVITED, 9 - i, Role.MEMBER, "")
            for i, slug in enumerate(spec.invitations)
        ),
    ]
    for who, status, days_ago, role, note in wanted:
        organisation = organisations.get(who) if isinstance(who, str) else who
        if organisation is None:  # named here but missing in the directory's demo data
            continue
        _membership(
            network,
            organisation,
            status=status,
            actor=actor,
            days_ago=days_ago,
            role=role,
            note=note,
        )
