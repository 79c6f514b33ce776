"""Every page of the site, found through the URL configuration, for the layout test.

``PAGES`` maps each named route that renders a page to who looks at it and how to fill in its
address from ``World`` (fixture data built once). ``EXCLUDED`` names the routes that are not
pages (POST-only actions, downloads, feeds, APIs), each with the reason. A route in neither
makes ``tests/browser/test_layout.py::test_every_route_is_a_page_or_excluded`` fail, so a page
added later is looked at too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from accounts.models import User
from events.models import Event, EventCoOrganiser, Registration
from exchange.models import Post
from exchange.services import PostData, answer_create, post_create
from following.tokens import unsubscribe_token
from funding.models import FundingCall
from networks.models import (
    DocumentVersion,
    Network,
    NetworkDocument,
    NetworkMembership,
    NetworkPartner,
)
from organisations.models import (
    District,
    Offer,
    Organisation,
    OrganisationMembership,
)
from organisations.search import organisation_search_refresh
from organisations.services import invitation_create
from tests.factories import (
    CityStaffFactory,
    DistrictFactory,
    DistrictStaffFactory,
    EventFactory,
    FundingCallFactory,
    LanguageFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkNoteFactory,
    NetworkPhaseChangeFactory,
    NetworkProposalFactory,
    NetworkTaskFactory,
    OfferFactory,
    OrganisationFactory,
    OwnershipClaimFactory,
    ProblemReportFactory,
    ProgrammePartFactory,
    RegistrationFactory,
    SpeakerFactory,
    TopicFactory,
    UserFactory,
    draft_organisation,
)

# Whole URL namespaces that are not pages of the site.
EXCLUDED_NAMESPACES = {
    "admin": "Django's admin brings its own stylesheet; it is not part of the design system",
    "hsds": "JSON API (HSDS) for other portals",
}

EXCLUDED = {
    "healthz": "JSON status for load balancers",
    "set_language": "POST-only action (language switcher)",
    "robots_txt": "plain text for crawlers",
    "manifest": "web app manifest (JSON)",
    "django.contrib.sitemaps.views.sitemap": "XML sitemap",
    "account_confirm_login_code": "only in the middle of a login by code; redirects otherwise",
    "accounts:data_download": "download (JSON file of one's own data)",
    "accounts:deleted": "shown once, right after an account is deleted; redirects otherwise",
    "mfa_authenticate": "only in the middle of a login with a second factor; redirects otherwise",
    "mfa_download_recovery_codes": "download (text file of one's recovery codes)",
    "mfa_view_recovery_codes": "needs recovery codes, which the test data does not set up",
    "mfa_reauthenticate_webauthn": "needs a security key (WebAuthn), not in the test data",
    "mfa_edit_webauthn": "needs a security key (WebAuthn), not in the test data",
    "mfa_remove_webauthn": "needs a security key (WebAuthn), not in the test data",
    "organisations:geojson": "GeoJSON data for the map",
    "organisations:submit": "POST-only action",
    "networks:task_done": "POST-only action (the form is on the tasks page)",
    "organisations:confirm": "POST-only action",
    "organisations:report": "POST-only action (the form is on the organisation page)",
    "organisations:member_leave": "POST-only action",
    "organisations:member_role": "POST-only action",
    "organisations:member_remove": "POST-only action",
    "organisations:member_hand_over": "POST-only action",
    "organisations:invitation_cancel": "POST-only action",
    "organisations:invitation_accept": "POST-only action",
    "organisations:change_revert": "POST-only action",
    "organisations:claim_decide": "POST-only action",
    "organisations:report_resolve": "POST-only action",
    "organisations:review_verify": "POST-only action",
    "organisations:review_clear_owner_flag": "POST-only action",
    "organisations:review_decide": "POST-only action",
    "workspace:mail_setting": "POST-only action (the form is on the staff home)",
    "networks:document_download": "download (a document's file)",
    "networks:document_version": "download (a document's file)",
    "networks:document_archive": "POST-only action",
    "networks:partner_remove": "POST-only action",
    "events:feed": "iCalendar feed",
    "events:feed_district": "iCalendar feed",
    "events:feed_network": "iCalendar feed",
    "events:feed_organisation": "iCalendar feed",
    "events:ics": "iCalendar file",
    "events:registration_calendar": "iCalendar file",
    "events:registrations_csv": "CSV download",
    "events:publish": "POST-only action",
    "events:duplicate": "POST-only action",
    "events:check_in_toggle": "POST-only action",
    "events:result_file_add": "POST-only action (upload)",
    "events:result_file_remove": "POST-only action",
    "events:result_file": "file download",
    "funding:feed": "iCalendar feed",
    "funding:feed_district": "iCalendar feed",
    "funding:publish": "POST-only action",
    "funding:unpublish": "POST-only action",
    "events:organiser_remove": "POST-only action",
    "events:part_delete": "POST-only action",
    "events:speaker_delete": "POST-only action",
    "opendata:bundle": "ZIP download",
    "opendata:directory_csv": "CSV download",
    "opendata:directory_json": "JSON download",
    "opendata:organisations_feed": "Atom feed",
    "opendata:events_feed": "Atom feed",
    "workspace:analysis_district_csv": "CSV download",
    "workspace:analysis_city_csv": "CSV download",
    "organisations:unanswered_searches": "for city-wide staff, a role the layout world lacks",
    "following:follow": "POST-only action (the button is on the followed page)",
    "following:unfollow": "POST-only action (the button is on the followed page)",
}

ANONYMOUS = "anonymous"
MEMBER = "member"  # owner of an organisation
STAFF = "staff"  # district staff (reviews entries, curates networks, organises district events)
ORGANISER = "organiser"  # editor of an organisation that organises an event
COORDINATOR = "coordinator"  # owner of the coordinating organisation of a network
CITY_STAFF = "city_staff"  # city-wide staff (the whole city's actor analysis)
ROLES = (ANONYMOUS, MEMBER, STAFF, ORGANISER, COORDINATOR, CITY_STAFF)

INVITED = "neu@example.org"
LONG_URL = (
    "https://www.bruecke-der-kulturen-und-nachbarschaftshilfe-pankow.example.org/angebote/beratung"
)


@dataclass
class World:
    district: District
    organisation: Organisation  # published, long texts, offers, networks, events
    pending: Organisation  # submitted for review
    offer: Offer
    network: Network
    active_membership: NetworkMembership  # the organisation in the network
    requested_membership: NetworkMembership  # another organisation asked to join
    coordinator_membership: NetworkMembership
    invitee: Organisation  # published, not in the network
    event: Event  # organised by the district
    organised_event: Event  # organised by the organiser's organisation
    registration: Registration
    invitation_token: str
    post: Post  # the organisation's exchange post, shared with the network, with an answer
    users: dict[str, User | None] = field(default_factory=dict)
    funding_call: FundingCall | None = None  # of the district, long texts, amounts, a time


def _programme(event: Event, organisation: Organisation) -> None:
    """A panel with long names, then two workshops side by side, one of them full."""
    hour = datetime.timedelta(hours=1)
    panel = ProgrammePartFactory(
        event=event,
        title="Podiumsdiskussion: Teilhabe von Migrantinnenorganisationen in der Bezirkspolitik",
        room="Großer Saal im Erdgeschoss",
    )
    panel.languages.set(event.languages.all())
    for title, capacity in (("Workshop Kita", 10), ("Workshop Arbeit und Anerkennung", 1)):
        workshop = ProgrammePartFactory(
            event=event,
            title=title,
            kind="workshop",
            capacity=capacity,
            starts_at=event.starts_at + hour,
            ends_at=event.starts_at + 2 * hour,
        )
    RegistrationFactory(event=event, name="Leyla Ahmadi", workshop=workshop)
    SpeakerFactory(
        event=event,
        name="Olena Kovalenko-Schmidt",
        role="Integrationsbeauftragte des Bezirksamts",
        pronouns="sie/ihr",
    ).parts.set([panel])
    SpeakerFactory(event=event, name="Amina Haddad", organisation=organisation).parts.set([panel])


def _part(world: World) -> dict[str, Any]:
    return {"slug": world.event.slug, "pk": world.event.programme_parts.first().pk}  # type: ignore[union-attr]


def _speaker(world: World) -> dict[str, Any]:
    return {"slug": world.event.slug, "pk": world.event.speakers.first().pk}  # type: ignore[union-attr]


def build_world() -> World:
    """Fixture data for every page: long names, long URLs, several languages, full tables."""
    pankow = DistrictFactory(name="Pankow")
    # Language names come from CLDR.
    arabic = LanguageFactory(code="ar")
    turkish = LanguageFactory(code="tr")
    ukrainian = LanguageFactory(code="uk")
    topics = [
        TopicFactory(name_de=name, name_en=name) for name in ("Antidiskriminierung", "Wohnen")
    ]

    organisation = OrganisationFactory(
        name="Brücke der Kulturen und Nachbarschaftshilfe Pankow-Weißensee",
        short_name="BdK",
        districts=[pankow, DistrictFactory(name="Friedrichshain-Kreuzberg")],
        website=LONG_URL,
        phone="030 12345678",
        social_links="https://social.example.org/@bruecke_der_kulturen_pankow_weissensee",
        migrant_led=True,
        founding_year=2004,
    )
    organisation.languages.set([arabic, turkish, ukrainian])
    organisation.counselling_languages.set([arabic, ukrainian])
    organisation.topics.set(topics)
    offer = OfferFactory(
        organisation=organisation,
        title="Sozialberatung und Begleitung zu Ämtern",
        schedule="Dienstags und donnerstags 10:00–13:00 Uhr, nach Vereinbarung auch abends",
    )
    offer.languages.set([arabic, turkish])
    owner = MembershipFactory(
        organisation=organisation, role=OrganisationMembership.Role.OWNER
    ).user
    MembershipFactory(organisation=organisation, role=OrganisationMembership.Role.EDITOR)

    staff = DistrictStaffFactory(district=pankow).user
    pending = draft_organisation(
        name="Sprachbrücke Nord", districts=[pankow], status=Organisation.Status.PENDING
    )
    OwnershipClaimFactory(organisation=organisation)
    ProblemReportFactory(organisation=organisation)

    coordinating = OrganisationFactory(name="Netzwerkstelle Vielfalt", districts=[pankow])
    coordinator = MembershipFactory(organisation=coordinating).user
    invitee = OrganisationFactory(name="Elterncafé am Park", districts=[pankow])
    network = NetworkFactory(
        name="Netzwerk Mehrsprachigkeit Pankow",
        district=pankow,
        meeting_rhythm="Jeden ersten Mittwoch im Monat",
        contact_email="netzwerk.mehrsprachigkeit@bezirksamt-pankow.example.org",
    )
    network.topics.set(topics)
    coordinator_membership = NetworkMembershipFactory(
        network=network, organisation=coordinating, role=NetworkMembership.Role.COORDINATOR
    )
    active_membership = NetworkMembershipFactory(network=network, organisation=organisation)
    requested_membership = NetworkMembershipFactory(
        network=network,
        organisation=OrganisationFactory(name="Frauen im Aufbruch", districts=[pankow]),
        status=NetworkMembership.Status.REQUESTED,
    )
    NetworkNoteFactory(network=network)
    NetworkPhaseChangeFactory(
        network=network, note="Gründungstreffen mit acht Vereinen im Rathaus Pankow"
    )
    NetworkTaskFactory(
        network=network,
        title="Liste der Sprachmittler*innen für Arabisch, Farsi und Ukrainisch aktualisieren",
        responsible=organisation,
        due_date=datetime.date(2030, 5, 31),
    )
    NetworkProposalFactory(
        organisation=organisation,
        name="Elternnetzwerk Mehrsprachigkeit Pankow-Weißensee",
        district=pankow,
    )
    _network_documents_and_partners(network)

    event = EventFactory(
        title="Runder Tisch Migrantinnenorganisationen im Bezirk",
        organiser_district=pankow,
        capacity=40,
    )
    event.languages.set([arabic, ukrainian])
    _programme(event, organisation)
    organiser_org = OrganisationFactory(name="Kulturverein Anadolu", districts=[pankow])
    organiser = MembershipFactory(
        organisation=organiser_org, role=OrganisationMembership.Role.EDITOR
    ).user
    organised_event = EventFactory(
        title="Workshop Förderanträge schreiben",
        organiser_district=None,
        organiser_organisation=organiser_org,
        starts_at=timezone.now() + datetime.timedelta(days=12),
    )
    # The district runs its round table together with an organisation.
    EventCoOrganiser.objects.create(event=event, organisation=organiser_org)
    registration = RegistrationFactory(event=event, name="Rana Haddad", organisation=organisation)
    for index in range(3):
        RegistrationFactory(event=event, name=f"Teilnehmerin {index}")
        RegistrationFactory(event=organised_event, name=f"Teilnehmer {index}")
    with translation.override("de"):
        _, invitation_token = invitation_create(
            organisation=organisation,
            email=INVITED,
            role=OrganisationMembership.Role.EDITOR,
            invited_by=owner,
        )
    post = post_create(
        organisation=organisation,
        user=owner,
        data=PostData(
            kind=Post.Kind.OFFER,
            category=Post.Category.FUNDING,
            title="Wir helfen beim Antrag für den bezirklichen Integrationsfonds und beim "
            "Verwendungsnachweis",
            text="Zwei Kolleginnen mit langjähriger Erfahrung lesen Ihren Entwurf. " * 8,
            districts=(pankow,),
            audience=Post.Audience.PUBLIC,
            networks=(network,),
            ends_on=timezone.localdate() + datetime.timedelta(days=30),
        ),
    )
    answer_create(
        post=post,
        organisation=coordinating,
        user=coordinator,
        message="Wir würden gern einen Termin vereinbaren. " * 5,
        contact=LONG_URL,
    )
    organisation_search_refresh()  # the directory's counts and the actor analysis read it
    funding_call = FundingCallFactory(
        title="Förderprogramm Nachbarschaft, Teilhabe und Selbstorganisation 2027",
        funder="Stiftung für Zusammenhalt in Berlin-Pankow und Weißensee",
        district=pankow,
        amount_min=1500,
        amount_max=250000,
        deadline_time=datetime.time(12, 0),
        url=LONG_URL,
    )
    funding_call.topics.set(topics)
    return World(
        district=pankow,
        organisation=organisation,
        pending=pending,
        offer=offer,
        network=network,
        active_membership=active_membership,
        requested_membership=requested_membership,
        coordinator_membership=coordinator_membership,
        invitee=invitee,
        event=event,
        organised_event=organised_event,
        registration=registration,
        invitation_token=invitation_token,
        post=post,
        funding_call=funding_call,
        users={
            ANONYMOUS: None,
            MEMBER: owner,
            STAFF: staff,
            ORGANISER: organiser,
            COORDINATOR: coordinator,
            CITY_STAFF: CityStaffFactory().user,
            "outsider": UserFactory(),  # logged in, no role: claims an organisation
            "invited": UserFactory(email=INVITED),  # opens the invitation sent to INVITED
        },
    )


@dataclass(frozen=True)
class Page:
    """Who looks at a route and the URL arguments taken from the world."""

    who: str
    kwargs: Callable[[World], dict[str, Any]] = lambda world: {}
    query: str = ""


def _funding_call(world: World) -> dict[str, Any]:
    assert world.funding_call is not None
    return {"slug": world.funding_call.slug}


def _org(world: World) -> dict[str, Any]:
    return {"slug": world.organisation.slug}


def _offer(world: World) -> dict[str, Any]:
    return {"slug": world.organisation.slug, "pk": world.offer.pk}


def _network_documents_and_partners(network: Network) -> None:
    """Rows only: the layout looks at the pages, never downloads a file."""
    document = NetworkDocument.objects.create(
        network=network, title="Protokoll des Netzwerktreffens im Stadtteilzentrum", kind="minutes"
    )
    for number in (1, 2):
        DocumentVersion.objects.create(
            document=document,
            number=number,
            file=f"networks/documents/layout-{number}.pdf",
            filename=f"Protokoll_Netzwerktreffen_Stadtteilzentrum_Version_{number}.pdf",
            content_type="application/pdf",
            size=123_456,
            uploaded_by_name="Ayşe Yılmaz-Schneider",
        )
    NetworkPartner.objects.create(
        network=network,
        name="Jugendamt Pankow, Regionaler Sozialpädagogischer Dienst",
        kind="youth_welfare",
        website=LONG_URL,
        contact_role="Koordination Familienzentren",
    )


def _document(world: World) -> dict[str, Any]:
    return {"slug": world.network.slug, "pk": world.network.documents.get().pk}


def _note(world: World) -> dict[str, Any]:
    return {"slug": world.network.slug, "pk": world.network.notes.get().pk}


def _network(world: World) -> dict[str, Any]:
    return {"slug": world.network.slug}


def _membership(name: str) -> Callable[[World], dict[str, Any]]:
    return lambda world: {"slug": world.network.slug, "pk": getattr(world, name).pk}


def _event(world: World) -> dict[str, Any]:
    return {"slug": world.event.slug}


def _organised_event(world: World) -> dict[str, Any]:
    return {"slug": world.organised_event.slug}


def _registration(world: World) -> dict[str, Any]:
    return {"token": world.registration.token}


def _post(world: World) -> dict[str, Any]:
    return {"pk": world.post.pk}


def _import_upload(world: World) -> dict[str, Any]:
    """An upload of the staff member's, waiting for confirmation: one good row, one with
    errors (long names and messages)."""
    from opendata.models import ImportUpload
    from opendata.services import import_upload_create

    content = (
        "Name;Bezirk;Gründungsjahr;E-Mail\n"
        "Beratungsstelle für Geflüchtete und Zugewanderte Pankow-Weißensee;Pankow;2004;\n"
        "Interkultureller Frauentreff;Atlantis;19x5;keine-adresse\n"
    ).encode()
    upload = import_upload_create(
        user=world.users[STAFF],  # type: ignore[arg-type]
        file_name="bezirksamt-pankow-akteursanalyse-2026.csv",
        content=content,
        file_format=ImportUpload.Format.CSV,
        district=world.district,
        status=Organisation.Status.DRAFT,
    )
    return {"upload_id": upload.pk}


PAGES: dict[str, Page] = {
    # Public pages
    "home": Page(ANONYMOUS),
    "imprint": Page(ANONYMOUS),
    "privacy": Page(ANONYMOUS),
    "accessibility": Page(ANONYMOUS),
    "accessibility_feedback": Page(ANONYMOUS),
    "easy_read": Page(ANONYMOUS),
    "sign_language": Page(ANONYMOUS),
    "organisations:list": Page(ANONYMOUS, query="language=ar"),
    "organisations:map": Page(ANONYMOUS),
    "organisations:detail": Page(ANONYMOUS, _org),
    "organisations:offers": Page(ANONYMOUS),
    "networks:index": Page(ANONYMOUS),
    "networks:detail": Page(ANONYMOUS, _network),
    "events:index": Page(ANONYMOUS),
    "events:archive": Page(ANONYMOUS),
    "events:detail": Page(ANONYMOUS, _event),
    "exchange:index": Page(ANONYMOUS),
    "exchange:detail": Page(MEMBER, _post),  # the author's view: answers, matched or closed
    "events:register": Page(ANONYMOUS, _event),
    "events:registration": Page(ANONYMOUS, _registration),
    "events:registration_sent": Page(ANONYMOUS, _event),
    "events:registration_cancel": Page(ANONYMOUS, _registration),
    "funding:index": Page(ANONYMOUS),
    "funding:archive": Page(ANONYMOUS),
    "funding:detail": Page(ANONYMOUS, _funding_call),
    "opendata:index": Page(ANONYMOUS),
    # Accounts (allauth)
    "account_login": Page(ANONYMOUS),
    "account_signup": Page(ANONYMOUS),
    "account_inactive": Page(ANONYMOUS),
    "account_email_verification_sent": Page(ANONYMOUS),
    "account_reset_password": Page(ANONYMOUS),
    "account_reset_password_done": Page(ANONYMOUS),
    "account_reset_password_from_key_done": Page(ANONYMOUS),
    "account_confirm_email": Page(ANONYMOUS, lambda world: {"key": "no-such-key"}),
    "account_reset_password_from_key": Page(
        ANONYMOUS, lambda world: {"uidb36": "1", "key": "no-such-key"}
    ),
    "account_logout": Page(MEMBER),
    "account_email": Page(MEMBER),
    "account_change_password": Page(MEMBER),
    "account_set_password": Page(MEMBER),
    "account_reauthenticate": Page(MEMBER),
    "accounts:privacy": Page(MEMBER),
    "accounts:delete": Page(MEMBER),
    # Second factors (allauth): a member sets one up, staff have one
    "mfa_index": Page(MEMBER),
    "mfa_activate_totp": Page(MEMBER),
    "mfa_add_webauthn": Page(MEMBER),
    "mfa_list_webauthn": Page(MEMBER),
    "mfa_reauthenticate": Page(STAFF),
    "mfa_deactivate_totp": Page(STAFF),
    "mfa_generate_recovery_codes": Page(STAFF),
    # A member's pages
    "organisations:register": Page(MEMBER),
    "organisations:register_new": Page(MEMBER),
    "organisations:mine": Page(MEMBER),
    "organisations:manage": Page(MEMBER, _org),
    "organisations:edit": Page(MEMBER, _org),
    "organisations:delete": Page(MEMBER, _org),
    "organisations:offer_list": Page(MEMBER, _org),
    "organisations:offer_create": Page(MEMBER, _org),
    "organisations:offer_edit": Page(MEMBER, _offer),
    "organisations:offer_delete": Page(MEMBER, _offer),
    "organisations:member_list": Page(MEMBER, _org),
    "organisations:history": Page(MEMBER, _org),
    "organisations:invitation": Page("invited", lambda world: {"token": world.invitation_token}),
    "organisations:claim": Page("outsider", _org),
    "networks:mine": Page(MEMBER),
    "networks:propose": Page(MEMBER),
    "following:mine": Page(MEMBER),
    "following:unsubscribe": Page(
        ANONYMOUS,
        lambda world: {"token": unsubscribe_token(world.users[MEMBER])},  # type: ignore[arg-type]
    ),
    "networks:join": Page(MEMBER, _network),
    "networks:withdraw": Page(MEMBER, _membership("active_membership")),
    "networks:accept": Page(MEMBER, _membership("active_membership")),
    "networks:decline_invitation": Page(MEMBER, _membership("active_membership")),
    "networks:leave": Page(MEMBER, _membership("active_membership")),
    "events:delegates": Page(MEMBER, _event),
    "exchange:mine": Page(MEMBER),
    "exchange:create": Page(MEMBER),
    "exchange:finish": Page(MEMBER, _post),
    "exchange:hide": Page(STAFF, _post),
    "exchange:answer": Page(COORDINATOR, _post),
    # District staff
    "workspace:home": Page(STAFF),
    "organisations:review_queue": Page(STAFF),
    "organisations:change_log": Page(STAFF),
    "organisations:review_detail": Page(STAFF, lambda world: {"slug": world.pending.slug}),
    "organisations:staff_entry_create": Page(STAFF),
    "organisations:duplicates": Page(STAFF),
    "organisations:merge": Page(
        STAFF,
        # The slugs of the world's "invitee" and "pending" entries.
        query="keep=elterncafe-am-park&remove=sprachbrucke-nord",
    ),
    "organisations:review_history": Page(STAFF, lambda world: {"slug": world.pending.slug}),
    "networks:create": Page(STAFF),
    "networks:proposals": Page(STAFF),
    "networks:proposal": Page(
        STAFF, lambda world: {"pk": world.organisation.network_proposals.get().pk}
    ),
    "networks:curation": Page(STAFF),
    "events:manage": Page(STAFF),
    "events:create": Page(STAFF),
    "events:edit": Page(STAFF, _event),
    "events:cancel": Page(STAFF, _event),
    "events:registrations": Page(STAFF, _event),
    "events:check_in": Page(STAFF, _event),
    "funding:create": Page(STAFF),
    "funding:edit": Page(STAFF, _funding_call),
    "events:organisers": Page(STAFF, _event),
    "events:programme": Page(STAFF, _event),
    "events:part_create": Page(STAFF, _event),
    "events:part_edit": Page(STAFF, _part),
    "events:speaker_create": Page(STAFF, _event),
    "events:speaker_edit": Page(STAFF, _speaker),
    "events:results": Page(STAFF, _event),
    "workspace:analysis": Page(STAFF),  # leads staff of one district to theirs
    "workspace:analysis_district": Page(
        STAFF, lambda world: {"city": world.district.city.slug, "district": world.district.slug}
    ),
    "workspace:analysis_city": Page(CITY_STAFF, lambda world: {"city": world.district.city.slug}),
    "events:message": Page(ORGANISER, _organised_event),
    # Network coordinator
    "networks:edit": Page(COORDINATOR, _network),
    "networks:members": Page(COORDINATOR, _network),
    "networks:invite": Page(COORDINATOR, _network, query="q=Eltern"),
    "networks:invite_organisation": Page(
        COORDINATOR, lambda world: {"slug": world.network.slug, "organisation": world.invitee.slug}
    ),
    "networks:history": Page(COORDINATOR, _network),
    "networks:phase": Page(COORDINATOR, _network),
    "networks:tasks": Page(COORDINATOR, _network),
    "networks:task_edit": Page(
        COORDINATOR,
        lambda world: {"slug": world.network.slug, "pk": world.network.tasks.get().pk},
    ),
    "networks:notes": Page(COORDINATOR, _network),
    "networks:note_edit": Page(COORDINATOR, _note),
    "networks:note_history": Page(COORDINATOR, _note),
    "networks:documents": Page(COORDINATOR, _network),
    "networks:document": Page(COORDINATOR, _document),
    "networks:partners": Page(COORDINATOR, _network),
    "networks:approve": Page(COORDINATOR, _membership("requested_membership")),
    "networks:decline": Page(COORDINATOR, _membership("requested_membership")),
    "networks:remove": Page(COORDINATOR, _membership("active_membership")),
    "networks:name_coordinator": Page(COORDINATOR, _membership("active_membership")),
    "networks:remove_coordinator": Page(COORDINATOR, _membership("coordinator_membership")),
    # Imports (district staff)
    "opendata:import": Page(STAFF),
    "opendata:import_report": Page(STAFF, lambda world: _import_upload(world)),
}

# Forms sent empty, to look at them with their errors: (route, who).
FORMS_WITH_ERRORS = (
    ("accessibility_feedback", ANONYMOUS),
    ("account_signup", ANONYMOUS),
    ("events:register", ANONYMOUS),
    ("organisations:register_new", MEMBER),
    ("organisations:offer_create", MEMBER),
    ("exchange:create", MEMBER),
    ("networks:create", STAFF),
    ("networks:propose", MEMBER),
    ("networks:phase", COORDINATOR),
    ("funding:create", STAFF),
    ("organisations:staff_entry_create", STAFF),
    ("opendata:import", STAFF),
)

# Right-to-left: the directory, an organisation page and an event page in Arabic.
# Pages looked at once more in each right-to-left language.
RIGHT_TO_LEFT = (
    "organisations:list",
    "organisations:detail",
    "events:detail",
    "events:register",
    "networks:detail",
    "exchange:index",
    "funding:index",
    "workspace:analysis_district",
)
RIGHT_TO_LEFT_LANGUAGES = ("ar", "fa")


def route_names() -> Iterator[str]:
    """Every named route of the URL configuration outside the excluded namespaces."""

    def walk(patterns: list[Any], namespace: str | None) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or namespace
                if pattern.namespace and namespace:
                    inner = f"{namespace}:{pattern.namespace}"
                if inner in EXCLUDED_NAMESPACES:
                    continue
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return walk(get_resolver().url_patterns, None)


def page_path(name: str, world: World, language: str = "de") -> str:
    page = PAGES[name]
    with translation.override(language):
        path = reverse(name, kwargs=page.kwargs(world))
    return f"{path}?{page.query}" if page.query else path
