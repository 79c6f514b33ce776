"""No input answers with a server error: random query strings to every page and random form
data to every form (Hypothesis).

The routes come from the URL configuration (the admin and allauth's routes with parameters
left out); their parameters are filled with real objects of one small world in which one person,
the operator, may do everything (owner, district staff, network coordinator, event organiser).
Before the fuzzing, every page is visited as an anonymous visitor and as the operator, and the
forms on it are read from its HTML: random form data starts from what a browser would send and
changes, drops or adds fields. Every example runs in a savepoint that is rolled back, so that
each starts from the same world.

Deterministic by default (``derandomize``), so that the suite gives the same answer every run;
``FUZZ_EXAMPLES=200`` tries many more, random examples.
"""

from __future__ import annotations

import datetime
import os
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from events.models import EventCoOrganiser, Registration
from exchange.services import PostData, post_create
from following.tokens import unsubscribe_token
from migra_hub.files import check_upload
from networks import services as network_services
from networks.models import NetworkMembership
from opendata import hsds
from opendata.services import import_upload_create
from organisations.models import Organisation, OrganisationMembership
from organisations.search import organisation_search_refresh
from organisations.services import invitation_create
from tests.factories import (
    DistrictFactory,
    DistrictStaffFactory,
    EventFactory,
    FundingCallFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    NetworkNoteFactory,
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

# FUZZ_EXAMPLES=200 tries that many random examples per page and form, instead of the few fixed
# ones the suite runs (which keep this test within half a minute).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "0"))


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=EXAMPLES or examples,
        derandomize=not EXAMPLES,
        deadline=None,
        database=None,
        # The world is shared on purpose: every example runs in a savepoint rolled back.
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


QUERIES = fuzz_settings(4)
FORMS = fuzz_settings(6)

# --- The routes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    parameters: tuple[str, ...]

    def __str__(self) -> str:
        return self.name


def _routes(
    patterns: list[URLPattern | URLResolver],
    namespace: str = "",
    outer: tuple[str, ...] = (),
    third_party: bool = False,
) -> Iterator[Route]:
    for pattern in patterns:
        parameters = (*outer, *pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # the admin has its own tests (tests/*/test_admin.py)
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            module = getattr(pattern.urlconf_module, "__name__", "")
            yield from _routes(
                pattern.url_patterns,
                inner,
                parameters,
                third_party or module.startswith("allauth"),
            )
        elif pattern.name:
            if third_party and parameters:
                continue  # allauth's links from e-mails and its keys (ids only it knows)
            yield Route(f"{namespace}{pattern.name}", parameters)


ROUTES = sorted(set(_routes(get_resolver().url_patterns)), key=str)


# --- The world ---------------------------------------------------------------------------------


@dataclass
class World:
    operator: User
    values: dict[tuple[str, str], object]  # (route or namespace, parameter) -> value
    # (who, path) -> the status of a GET, the form that GETs it (filters), the form that POSTs it
    get_status: dict[tuple[str, str], int] = field(default_factory=dict)
    queries: dict[tuple[str, str], FormSpec] = field(default_factory=dict)
    forms: dict[tuple[str, str], FormSpec] = field(default_factory=dict)

    def path(self, route: Route) -> str:
        namespace = route.name.rpartition(":")[0]
        kwargs = {}
        for parameter in route.parameters:
            for key in ((route.name, parameter), (namespace, parameter)):
                if key in self.values:
                    kwargs[parameter] = self.values[key]
                    break
            else:
                raise AssertionError(f"tests/test_fuzz.py: no value for {parameter} of {route}")
        return reverse(route.name, kwargs=kwargs)


def build_world() -> World:
    district = DistrictFactory(name="Pankow")
    operator = UserFactory(email="operator@example.org")
    DistrictStaffFactory(district=district, user=operator)
    organisation = OrganisationFactory(name="Brücke e.V.", districts=[district])
    MembershipFactory(organisation=organisation, user=operator)
    editor = MembershipFactory(organisation=organisation, role=OrganisationMembership.Role.EDITOR)
    topic = TopicFactory(slug="bildung")
    organisation.topics.set([topic])
    offer = OfferFactory(organisation=organisation, title="Sozialberatung")
    offer.topics.set([topic])
    other = OrganisationFactory(name="Andere Initiative", districts=[district])
    newcomer = OrganisationFactory(name="Neue Initiative", districts=[district])
    pending = draft_organisation(
        name="Wartende Initiative", districts=[district], status=Organisation.Status.PENDING
    )
    claim = OwnershipClaimFactory(organisation=other)
    report = ProblemReportFactory(organisation=organisation)
    invitation, token = invitation_create(
        organisation=organisation,
        email="neu@example.org",
        role=OrganisationMembership.Role.EDITOR,
        invited_by=operator,
    )
    network = NetworkFactory(name="Netzwerk Pankow", district=district)
    NetworkMembershipFactory(
        network=network, organisation=organisation, role=NetworkMembership.Role.COORDINATOR
    )
    request = NetworkMembershipFactory(
        network=network, organisation=other, status=NetworkMembership.Status.REQUESTED
    )
    task = NetworkTaskFactory(network=network, responsible=organisation)
    proposal = NetworkProposalFactory(organisation=organisation, district=district)
    note = NetworkNoteFactory(network=network, author=operator)
    document = network_services.document_create(
        network=network,
        user=operator,
        title="Protokoll",
        kind="minutes",
        upload=check_upload(
            SimpleUploadedFile("Protokoll.pdf", b"%PDF-1.7\n%%EOF\n", "application/pdf")
        ),
    )
    partner = network_services.partner_add(
        network=network, user=operator, name="Grundschule", kind="school"
    )
    event = EventFactory(
        title="Runder Tisch", organiser_district=None, organiser_organisation=organisation
    )
    registration: Registration = RegistrationFactory(event=event)
    funding_call = FundingCallFactory(title="Kiezfonds", district=district)
    co_organiser = EventCoOrganiser.objects.create(event=event, district=district)
    part = ProgrammePartFactory(event=event, kind="workshop", capacity=10)
    speaker = SpeakerFactory(event=event)
    speaker.parts.set([part])
    upload = import_upload_create(
        user=operator,
        file_name="pankow.csv",
        content="name,district\nSprachcafé,Pankow\n".encode(),
        file_format="csv",
        district=district,
        status=Organisation.Status.DRAFT,
    )
    post = post_create(
        organisation=organisation,
        user=operator,
        data=PostData(
            kind="offer",
            category="rooms",
            title="Raum frei",
            text="Samstags",
            districts=(district,),
            audience="networks",
            networks=(network,),
            ends_on=timezone.localdate() + datetime.timedelta(days=7),
        ),
    )
    organisation_search_refresh()
    values: dict[tuple[str, str], object] = {
        ("organisations", "slug"): organisation.slug,
        ("organisations", "pk"): offer.pk,
        ("organisations:member_role", "pk"): editor.pk,
        ("organisations:member_remove", "pk"): editor.pk,
        ("organisations:member_hand_over", "pk"): editor.pk,
        ("organisations:invitation_cancel", "pk"): invitation.pk,
        ("organisations:invitation_accept", "pk"): invitation.pk,
        ("organisations:invitation", "token"): token,
        ("organisations:claim", "slug"): other.slug,
        ("organisations:claim_decide", "pk"): claim.pk,
        ("organisations:claim_decide", "action"): "decline",
        ("organisations:report_resolve", "pk"): report.pk,
        ("organisations:change_revert", "kind"): "organisation",
        ("organisations:change_revert", "history_id"): organisation.history.latest().history_id,
        ("organisations:review_detail", "slug"): pending.slug,
        ("organisations:review_verify", "slug"): pending.slug,
        ("organisations:review_clear_owner_flag", "slug"): pending.slug,
        ("organisations:review_decide", "slug"): pending.slug,
        ("organisations:review_decide", "action"): "request_changes",
        ("networks", "slug"): network.slug,
        ("networks", "pk"): request.pk,
        ("networks:invite_organisation", "organisation"): newcomer.slug,
        ("networks:task_edit", "pk"): task.pk,
        ("networks:task_done", "pk"): task.pk,
        ("networks:proposal", "pk"): proposal.pk,
        ("networks:note_edit", "pk"): note.pk,
        ("networks:note_history", "pk"): note.pk,
        ("networks:document", "pk"): document.pk,
        ("networks:document_download", "pk"): document.pk,
        ("networks:document_version", "pk"): document.pk,
        ("networks:document_version", "number"): 1,
        ("networks:document_archive", "pk"): document.pk,
        ("networks:partner_remove", "pk"): partner.pk,
        ("events", "slug"): event.slug,
        ("exchange", "pk"): post.pk,
        ("events", "token"): registration.token,
        ("events", "pk"): registration.pk,
        ("events:organiser_remove", "pk"): co_organiser.pk,
        ("events:part_edit", "pk"): part.pk,
        ("events:part_delete", "pk"): part.pk,
        ("events:speaker_edit", "pk"): speaker.pk,
        ("events:speaker_delete", "pk"): speaker.pk,
        ("events:feed_district", "city"): district.city.slug,
        ("events:feed_district", "district"): district.slug,
        ("events:feed_network", "slug"): network.slug,
        ("events:feed_organisation", "slug"): organisation.slug,
        ("funding", "slug"): funding_call.slug,
        ("funding", "city"): district.city.slug,
        ("funding", "district"): district.slug,
        ("hsds:organization", "id"): str(organisation.uuid),
        ("hsds:service", "id"): str(offer.uuid),
        ("hsds:taxonomy", "id"): hsds.TOPICS.id,
        ("hsds:taxonomy_term", "id"): str(topic.uuid),
        ("opendata:import_report", "upload_id"): upload.pk,
        ("following", "kind"): "network",
        ("following", "token"): unsubscribe_token(operator),
        ("workspace", "city"): district.city.slug,
        ("workspace", "district"): district.slug,
    }
    return World(operator=operator, values=values)


# --- Forms read from the pages -----------------------------------------------------------------


@dataclass
class FormField:
    name: str
    kind: str  # input type, "select", "textarea" or "button"
    values: list[str] = field(default_factory=list)  # what a browser sends unchanged
    options: list[str] = field(default_factory=list)  # choices of a select, radio or checkbox


@dataclass
class FormSpec:
    fields: dict[str, FormField] = field(default_factory=dict)

    def add(self, name: str, kind: str, value: str | None, *, sent: bool) -> None:
        spec = self.fields.setdefault(name, FormField(name, kind))
        if value is not None:
            spec.options.append(value)
            if sent:
                spec.values.append(value)


class FormReader(HTMLParser):
    """The forms of a page: method, action and fields with their values and choices."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, str, FormSpec]] = []
        self._form: FormSpec | None = None
        self._select: str | None = None
        self._option: tuple[str, bool] | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = FormSpec()
            self.forms.append((a.get("method", "get").lower(), a.get("action", ""), self._form))
        if self._form is None or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            checkable = kind in ("checkbox", "radio")
            sent = not checkable or "checked" in a
            self._form.add(name, kind, a.get("value", "on" if checkable else ""), sent=sent)
        elif tag == "button" and name:
            self._form.add(name, "button", a.get("value", ""), sent=False)
        elif tag == "select" and name:
            self._select = name
            self._form.add(name, "select", None, sent=False)
        elif tag == "option" and self._select:
            self._option = (a.get("value", "\0"), "selected" in a)
            self._text = ""
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_data(self, data: str) -> None:
        self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._form is None:
            return
        if tag == "option" and self._select and self._option:
            value, selected = self._option
            value = self._text.strip() if value == "\0" else value
            self._form.add(self._select, "select", value, sent=selected)
            self._option = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self._form.add(self._textarea, "textarea", self._text.lstrip("\n"), sent=True)
            self._textarea = None
        elif tag == "form":
            self._form = None


def crawl(world: World, clients: dict[str, Client]) -> None:
    """Visit every route as everyone; keep the status and the forms of every page."""
    for route in ROUTES:
        path = world.path(route)
        for who, client in clients.items():
            response = client.get(path)
            world.get_status[who, path] = response.status_code
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            reader = FormReader()
            reader.feed(response.content.decode())
            for method, action, spec in reader.forms:
                target = urllib.parse.urljoin(path, action).split("?")[0]
                found = world.queries if method == "get" else world.forms
                found.setdefault((who, target), spec)


# --- Random input ------------------------------------------------------------------------------

# Text without the NUL byte: the middleware refuses that before any view (tested there).
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40)
EDGE_TEXTS = [
    "",
    " ",
    "on",
    "-1",
    "1e999",
    "NaN",
    "٣",
    "a@b",
    "javascript:alert(1)",
    "data:text/html,x",
    "00000000-0000-0000-0000-000000000000",
]
ANYTHING = st.one_of(
    TEXT,
    st.sampled_from(EDGE_TEXTS),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.dates(min_value=datetime.date(1, 1, 1)).map(str),
    st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes")),
)
# The smallest and the largest value of each kind of input: where conversions overflow.
LOW = {
    "date": "0001-01-01",
    "datetime-local": "0001-01-01T00:00",
    "time": "00:00",
    "number": "-99999999999999999999",
}
HIGH = {
    "date": "9999-12-31",
    "datetime-local": "9999-12-31T23:59",
    "time": "23:59:59.999999",
    "number": "99999999999999999999",
}
LONG_TEXT = "x" * 5000
# Parameters that no HTML form sends: paging, the HSDS API's, links between pages.
QUERY_FIELDS = {
    "page": "number",
    "per_page": "number",
    "q": "text",
    "sort": "text",
    "next": "url",
    "search": "text",
    "modified_after": "date",
    "taxonomy_term_id": "text",
    "taxonomy_id": "text",
    "organization_id": "text",
}
MOODS = ["browser", "random", "high", "low", "empty", "doubled"]


def value_for(draw: Callable[..., Any], mood: str, form_field: FormField) -> list[str]:
    """The values one field sends in an example of this mood."""
    kind = form_field.kind
    if mood == "random" or (mood == "browser" and draw(st.integers(0, 5)) == 0):
        choices = [ANYTHING] + ([st.sampled_from(form_field.options)] if form_field.options else [])
        return [draw(st.one_of(choices))]
    if mood == "high":
        return [HIGH.get(kind, form_field.options[-1] if form_field.options else LONG_TEXT)]
    if mood == "low":
        return [LOW.get(kind, "")]
    if mood == "empty":
        return []
    if mood == "doubled":
        return [*form_field.values, draw(ANYTHING)]
    return form_field.values


def form_data(draw: Callable[..., Any], spec: FormSpec | None) -> dict[str, list[str]]:
    """What a browser would send, or every field at an extreme, or random values; now and then
    with a field the form does not have."""
    mood = draw(st.sampled_from(MOODS))
    data: dict[str, list[str]] = {}
    for name, form_field in (spec.fields if spec else {}).items():
        if values := value_for(draw, mood, form_field):
            data[name] = values
    for name, value in draw(st.lists(st.tuples(TEXT, ANYTHING), max_size=1)):
        if name:
            data.setdefault(name, []).append(value)
    return data


def query_spec(page_form: FormSpec | None) -> FormSpec:
    """The fields of a page's filter form and the parameters that no form sends."""
    spec = FormSpec({name: FormField(name, kind) for name, kind in QUERY_FIELDS.items()})
    spec.fields.update(page_form.fields if page_form else {})
    return spec


# --- The test ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """Built once for all routes, in a transaction rolled back at the end (each test and each
    example then run in savepoints of it). Its uploaded files go to a folder pytest removes."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), media, transaction.atomic():
        cache.clear()
        built = build_world()
        clients = {"anonymous": Client(), "operator": Client()}
        clients["operator"].force_login(built.operator)
        crawl(built, clients)
        yield built
        transaction.set_rollback(True)


def assert_no_server_error(client: Client, method: str, path: str, data: Any) -> None:
    cache.clear()  # rate limits would turn later examples away before they reach the view
    request = f"{method.upper()} {path} {data!r}"
    try:
        with transaction.atomic():
            if method == "get":
                response = client.get(f"{path}?{data}" if data else path)
            else:
                response = client.post(path, data)
            transaction.set_rollback(True)
    except Exception as error:
        error.add_note(request)
        raise
    assert response.status_code < 500, request


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_no_input_gives_a_server_error(route: Route, world: World, db: None) -> None:
    path = world.path(route)
    clients = {"anonymous": Client(), "operator": Client()}
    clients["operator"].force_login(world.operator)
    # Query strings: as the first who sees the page, else as the operator (unless the view
    # answers only POST).
    reader = next((who for who in clients if world.get_status[who, path] == 200), None)
    if reader is None and world.get_status["operator", path] != 405:
        reader = "operator"
    if reader is not None:
        spec = query_spec(world.queries.get((reader, path)))

        @QUERIES
        @given(data=st.data())
        def fuzz_query(data: st.DataObject) -> None:
            query = urllib.parse.urlencode(form_data(data.draw, spec), doseq=True)
            assert_no_server_error(clients[reader], "get", path, query)

        fuzz_query()
    # Form data: as everyone whose page has a form for this address; a view that answers only
    # POST with no form found is still sent random fields.
    writers = [who for who in clients if (who, path) in world.forms]
    if not writers and world.get_status["operator", path] == 405:
        writers = ["operator"]
    for who in writers:
        fuzz_form(clients[who], path, world.forms.get((who, path)))


def fuzz_form(client: Client, path: str, spec: FormSpec | None) -> None:
    @FORMS
    @given(data=st.data())
    def post(data: st.DataObject) -> None:
        assert_no_server_error(client, "post", path, form_data(data.draw, spec))

    post()


def test_the_fuzzing_reaches_the_pages_and_forms_of_every_role(world: World, db: None) -> None:
    """The fuzzing above is only as good as what it reaches: the operator must see the
    management pages and forms, the anonymous visitor the public ones."""
    slug = world.values["organisations", "slug"]
    event = world.values["events", "slug"]
    assert world.get_status["operator", f"/de/manage/{slug}/edit/"] == 200
    assert world.get_status["anonymous", f"/de/manage/{slug}/edit/"] == 302
    assert world.get_status["operator", "/de/review/"] == 200
    assert world.get_status["operator", f"/de/events/{event}/registrations/"] == 200
    for who, path in [
        ("operator", f"/de/manage/{slug}/edit/"),
        ("operator", f"/de/manage/{slug}/members/"),
        ("operator", f"/de/events/{event}/edit/"),
        ("anonymous", f"/de/organisations/{slug}/report/"),
        ("anonymous", f"/de/events/{event}/register/"),
    ]:
        assert (who, path) in world.forms, (who, path)
    assert {"q", "district", "topic"} <= set(
        world.queries["anonymous", "/de/organisations/"].fields
    )
    assert len(world.forms) > 40
