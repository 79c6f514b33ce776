"""Every page passes the Nu HTML checker and axe-core (WCAG 2.1 AA, no serious findings).

Each area adds its pages to ``quality_pages``: (name, url, user or None for anonymous).
"""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import Page

from accounts.models import User
from tests.conftest import Cast
from tests.quality import axe_findings, html_errors

QualityPages = list[tuple[str, str, User | None]]


@pytest.fixture
def quality_pages(cast: Cast) -> QualityPages:
    organisation = cast.organisation
    pages: QualityPages = []
    for language in ("de", "en"):
        pages += [
            (f"home {language}", f"/{language}/", None),
            (f"home logged in {language}", f"/{language}/", cast.owner),
            (f"imprint {language}", f"/{language}/imprint/", None),
            (f"privacy {language}", f"/{language}/privacy/", None),
            (f"accessibility {language}", f"/{language}/accessibility/", None),
            (f"login {language}", f"/{language}/accounts/login/", None),
            (f"signup {language}", f"/{language}/accounts/signup/", None),
            (f"password reset {language}", f"/{language}/accounts/password/reset/", None),
            (f"password change {language}", f"/{language}/accounts/password/change/", cast.owner),
            (f"e-mail addresses {language}", f"/{language}/accounts/email/", cast.owner),
        ]
    pages += [
        ("directory", "/de/organisations/", None),
        ("organisation", organisation.get_absolute_url(), None),
        ("networks", "/de/networks/", None),
        ("events", "/de/events/", None),
    ]
    pages += _directory_pages(cast)
    pages += _network_pages(cast)
    pages += registration_pages(cast)
    pages += _event_pages(cast)
    pages += _exchange_pages(cast)
    pages += _funding_pages(cast)
    pages += _accessibility_pages()
    pages += _following_pages(cast)
    # --- opendata ---
    pages += [
        ("open data de", "/de/open-data/", None),
        ("open data en", "/en/open-data/", None),
    ]
    return pages


# --- Following ----------------------------------------------------------------------------------


def _following_pages(cast: Cast) -> QualityPages:
    from following import services
    from following.tokens import unsubscribe_token

    services.follow_add(user=cast.owner, target=cast.organisation)
    services.follow_add(user=cast.owner, target=cast.district)
    services.follow_add(user=cast.owner, target=None)
    token = unsubscribe_token(cast.owner)
    pages: QualityPages = []
    for language in ("de", "ar"):
        pages += [
            (f"what I follow {language}", f"/{language}/following/", cast.owner),
            (f"unsubscribe {language}", f"/{language}/following/unsubscribe/{token}/", None),
        ]
    return pages


# --- Accessibility statement, feedback, Leichte Sprache, sign language -----------------------


def _accessibility_pages() -> QualityPages:
    from django.conf import settings as django_settings

    pages: QualityPages = []
    for language, _name in django_settings.LANGUAGES:
        pages += [
            (f"accessibility feedback {language}", f"/{language}/accessibility/feedback/", None),
            (f"leichte sprache {language}", f"/{language}/leichte-sprache/", None),
            (f"sign language {language}", f"/{language}/gebaerdensprache/", None),
        ]
        if language not in ("de", "en"):  # de and en are above with the other footer pages
            pages.append((f"accessibility {language}", f"/{language}/accessibility/", None))
    return pages


def test_accessibility_feedback_with_errors_is_valid_html(client: Client, db: None) -> None:
    documents = {}
    for language in ("de", "ar"):
        response = client.post(f"/{language}/accessibility/feedback/", {"email": "amal@"})
        documents[f"feedback with errors {language}"] = response.content.decode()
    errors = html_errors(documents)
    assert errors == [], "\n".join(errors)


# --- Directory (organisations, offers, map) ------------------------------------------------------


def _directory_pages(cast: Cast) -> QualityPages:
    import datetime

    from django.utils import timezone

    from organisations.search import organisation_search_refresh
    from tests.factories import LanguageFactory, OfferFactory

    organisation = cast.organisation
    organisation.latitude, organisation.longitude = 52.55, 13.4
    organisation.description = "Wir beraten Familien."
    organisation.save()
    organisation.languages.set([LanguageFactory()])
    OfferFactory(organisation=organisation, title="Sozialberatung", schedule="Dienstags")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    OfferFactory(organisation=organisation, title="Altes Angebot", ends_on=yesterday)
    organisation_search_refresh()
    district = cast.district.pk
    pages: QualityPages = []
    for language in ("de", "en"):
        pages += [
            (f"directory {language}", f"/{language}/organisations/", None),
            (
                f"directory filtered {language}",
                f"/{language}/organisations/?district={district}&language=ar&sort=updated",
                None,
            ),
            (f"directory search {language}", f"/{language}/organisations/?q=Familien", None),
            (
                f"directory no results {language}",
                f"/{language}/organisations/?q=nichts&migrant_led=on&district={district}",
                None,
            ),
            (f"directory map {language}", f"/{language}/organisations/map/?language=ar", None),
            (f"organisation {language}", f"/{language}/organisations/{organisation.slug}/", None),
            (
                f"organisation for its owner {language}",
                f"/{language}/organisations/{organisation.slug}/",
                cast.owner,
            ),
            (f"offers {language}", f"/{language}/offers/", None),
            (f"offers with ended {language}", f"/{language}/offers/?ended=on&q=Angebot", None),
            (f"offers no results {language}", f"/{language}/offers/?kind=nothing&q=nichts", None),
        ]
    return pages


# --- Peer exchange (exchange app) ------------------------------------------------------------


def _exchange_pages(cast: Cast) -> QualityPages:
    import datetime

    from django.utils import timezone

    from exchange import services
    from exchange.models import Post

    post = services.post_create(
        organisation=cast.organisation,
        user=cast.owner,
        data=services.PostData(
            kind=Post.Kind.OFFER,
            category=Post.Category.ROOMS,
            title="Raum für 20 Personen am Samstag frei",
            text="Gruppenraum mit Beamer, samstags 10–18 Uhr.",
            districts=(cast.district,),
            audience=Post.Audience.PUBLIC,
            networks=(),
            ends_on=timezone.localdate() + datetime.timedelta(days=14),
        ),
    )
    services.answer_create(
        post=post,
        organisation=cast.other_organisation,
        user=cast.other_member,
        message="Wir nehmen den Raum gern.",
        contact="030 123456",
    )
    base = "/de/exchange"
    return [
        ("exchange", f"{base}/", None),
        ("exchange filtered", f"{base}/?kind=offer&category=rooms", cast.owner),
        ("exchange post", f"{base}/{post.pk}/", None),
        ("exchange post as author", f"{base}/{post.pk}/", cast.owner),
        ("exchange post as answerer", f"{base}/{post.pk}/", cast.other_member),
        ("exchange post as staff", f"{base}/{post.pk}/", cast.staff),
        ("exchange create", f"{base}/new/", cast.owner),
        ("exchange mine", f"{base}/mine/", cast.owner),
        ("exchange answer", f"{base}/{post.pk}/answer/", cast.other_member),
        ("exchange finish", f"{base}/{post.pk}/finish/", cast.owner),
        ("exchange hide", f"{base}/{post.pk}/hide/", cast.staff),
    ]


# --- Networks (networks app) -----------------------------------------------------------------


def _network_pages(cast: Cast) -> QualityPages:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from migra_hub.files import check_upload
    from networks import services
    from networks.models import NetworkMembership
    from organisations.models import OrganisationMembership
    from tests.factories import (
        MembershipFactory,
        NetworkFactory,
        NetworkMembershipFactory,
        NetworkNoteFactory,
        TopicFactory,
    )

    network = NetworkFactory(
        name="Netzwerk Mehrsprachigkeit", district=cast.district, meeting_rhythm="Monatlich"
    )
    network.topics.add(TopicFactory())
    coordination = NetworkMembershipFactory(
        network=network, role=NetworkMembership.Role.COORDINATOR
    )
    coordinator = MembershipFactory(
        organisation=coordination.organisation, role=OrganisationMembership.Role.OWNER
    ).user
    NetworkMembershipFactory(network=network)
    request = services.membership_request(
        network=network, organisation=cast.organisation, user=cast.owner, message="Hallo"
    )
    services.membership_invite(
        network=network, organisation=cast.other_organisation, user=cast.staff
    )
    note = NetworkNoteFactory(network=network, attachment_url="https://example.org/a.pdf")
    document = services.document_create(
        network=network,
        user=coordinator,
        title="Protokoll",
        kind="minutes",
        upload=check_upload(SimpleUploadedFile("Protokoll.pdf", b"%PDF-1.7\n%%EOF\n")),
    )
    services.partner_add(network=network, user=coordinator, name="Grundschule", kind="school")
    slug = network.slug
    pages: QualityPages = []
    for language in ("de", "en"):
        base = f"/{language}/networks"
        pages += [
            (f"networks {language}", f"{base}/", None),
            (f"networks filtered {language}", f"{base}/?scope=district&open=on", None),
            (f"network {language}", f"{base}/{slug}/", None),
            (f"network as owner {language}", f"{base}/{slug}/", cast.owner),
            (f"network as coordinator {language}", f"{base}/{slug}/", coordinator),
            (f"my networks {language}", f"{base}/mine/", cast.owner),
            (f"curation {language}", f"{base}/curation/", coordinator),
            (f"network members {language}", f"{base}/{slug}/members/", coordinator),
            (f"network history {language}", f"{base}/{slug}/history/", cast.staff),
            (f"network notes {language}", f"{base}/{slug}/notes/", coordinator),
            (f"network documents {language}", f"{base}/{slug}/documents/", coordinator),
            (
                f"network document {language}",
                f"{base}/{slug}/documents/{document.pk}/",
                coordinator,
            ),
            (f"network partners {language}", f"{base}/{slug}/partners/", coordinator),
            (f"note history {language}", f"{base}/{slug}/notes/{note.pk}/history/", coordinator),
        ]
    pages += [
        ("network create", "/de/networks/new/", cast.staff),
        ("network edit", f"/de/networks/{slug}/edit/", cast.staff),
        ("network edit as coordinator", f"/de/networks/{slug}/edit/", coordinator),
        ("network invite search", f"/de/networks/{slug}/invite/?q=e", cast.staff),
        (
            "network invite organisation",
            f"/de/networks/{slug}/invite/{cast.other_organisation.slug}/",
            cast.staff,
        ),
        ("note edit", f"/de/networks/{slug}/notes/{note.pk}/edit/", coordinator),
        ("network join", f"/de/networks/{slug}/join/", cast.owner),
        ("network approve", f"/de/networks/{slug}/memberships/{request.pk}/approve/", coordinator),
        (
            "network remove",
            f"/de/networks/{slug}/memberships/{coordination.pk}/remove/",
            cast.staff,
        ),
    ]
    return pages


# --- Registration, review, members, privacy -------------------------------------------------


def registration_pages(cast: Cast) -> QualityPages:
    from organisations.services import invitation_create, offer_delete
    from tests.factories import OfferFactory, OwnershipClaimFactory, ProblemReportFactory

    slug = cast.organisation.slug
    offer = OfferFactory(organisation=cast.organisation)
    offer_delete(offer=OfferFactory(organisation=cast.organisation), user=cast.editor)
    OwnershipClaimFactory(organisation=cast.organisation, user=cast.outsider)
    ProblemReportFactory(organisation=cast.organisation)
    _invitation, token = invitation_create(
        organisation=cast.organisation,
        email=cast.outsider.email,
        role="editor",
        invited_by=cast.owner,
    )
    pages: QualityPages = []
    for language in ("de", "en"):
        pages += [
            (f"register {language}", f"/{language}/register/", cast.outsider),
            (
                f"register similar {language}",
                f"/{language}/register/?name=Bruecke",
                cast.outsider,
            ),
            (f"register form {language}", f"/{language}/register/new/?name=X", cast.outsider),
            (f"my organisations empty {language}", f"/{language}/my-organisations/", cast.outsider),
            (f"manage {language}", f"/{language}/manage/{slug}/", cast.owner),
            (f"edit {language}", f"/{language}/manage/{slug}/edit/", cast.owner),
            (f"members {language}", f"/{language}/manage/{slug}/members/", cast.owner),
            (f"history {language}", f"/{language}/manage/{slug}/history/", cast.owner),
            (f"review history {language}", f"/{language}/review/{slug}/history/", cast.staff),
            (f"review queue {language}", f"/{language}/review/", cast.staff),
            (f"review detail {language}", f"/{language}/review/{slug}/", cast.staff),
            (f"your data {language}", f"/{language}/accounts/privacy/", cast.owner),
        ]
    pages += [
        ("my organisations", "/de/my-organisations/", cast.owner),
        ("offers", f"/de/manage/{slug}/offers/", cast.owner),
        ("offer new", f"/de/manage/{slug}/offers/new/", cast.owner),
        ("offer edit", f"/de/manage/{slug}/offers/{offer.pk}/", cast.owner),
        ("offer delete", f"/de/manage/{slug}/offers/{offer.pk}/delete/", cast.owner),
        ("members as editor", f"/de/manage/{slug}/members/", cast.editor),
        ("delete entry", f"/de/manage/{slug}/delete/", cast.owner),
        ("claim", f"/de/organisations/{cast.other_organisation.slug}/claim/", cast.outsider),
        ("invitation", f"/de/invitations/{token}/", cast.outsider),
        ("change log", "/de/review/changes/", cast.staff),
        ("change log of offers", "/de/review/changes/?kind=offer", cast.staff),
        ("delete account", "/de/accounts/delete/", cast.owner),
    ]
    return pages


# --- Funding calls ----------------------------------------------------------------------------


def _funding_pages(cast: Cast) -> QualityPages:
    import datetime

    from tests.factories import FundingCallFactory

    call = FundingCallFactory(
        title="Kiezfonds Pankow",
        district=cast.district,
        amount_min=500,
        amount_max=3000,
        deadline_time=datetime.time(12, 0),
    )
    return [
        ("funding calls", "/de/funding/", None),
        ("funding archive", "/en/funding/archive/", None),
        ("funding call", call.get_absolute_url(), None),
        ("funding call as staff", call.get_absolute_url(), cast.staff),
        ("new funding call", "/en/funding/new/", cast.staff),
        ("edit funding call", f"/en/funding/{call.slug}/edit/", cast.staff),
    ]


# --- Events ---------------------------------------------------------------------------------


def _event_pages(cast: Cast) -> QualityPages:
    import datetime

    from django.utils import timezone

    from tests.factories import EventFactory, LanguageFactory, RegistrationFactory

    arabic = LanguageFactory()
    event = EventFactory(
        title="Runder Tisch Pankow",
        organiser_district=cast.district,
        childcare=True,
        max_seats_per_signup=3,
        online_link="https://meet.example.org/runder-tisch",
    )
    event.interpretation_languages.set([arabic])
    event.languages.set([arabic])
    full = EventFactory(title="Ausgebucht", organiser_district=cast.district, capacity=1)
    RegistrationFactory(event=full)
    waiting = RegistrationFactory(event=full, status="waitlisted")
    EventFactory(title="Vergangen", starts_at=timezone.now() - datetime.timedelta(days=9))
    mine = RegistrationFactory(event=event, interpretation_language=arabic, childcare_children=2)
    pages: QualityPages = []
    for language in ("de", "en"):
        pages += [
            (f"events {language}", f"/{language}/events/", None),
            (
                f"events filtered {language}",
                f"/{language}/events/?childcare=on&kind=round_table",
                None,
            ),
            (f"event archive {language}", f"/{language}/events/archive/", None),
            (f"event {language}", f"/{language}/events/{event.slug}/", None),
            (f"event full {language}", f"/{language}/events/{full.slug}/", None),
            (f"event sign-up {language}", f"/{language}/events/{event.slug}/register/", None),
            (f"event sign-up full {language}", f"/{language}/events/{full.slug}/register/", None),
            (
                f"sign-up sent {language}",
                f"/{language}/events/{event.slug}/register/sent/",
                None,
            ),
            (f"registration {language}", f"/{language}/events/registration/{mine.token}/", None),
            (
                f"registration waiting {language}",
                f"/{language}/events/registration/{waiting.token}/",
                None,
            ),
            (
                f"registration cancel {language}",
                f"/{language}/events/registration/{mine.token}/cancel/",
                None,
            ),
            (f"event as organiser {language}", f"/{language}/events/{event.slug}/", cast.staff),
            (
                f"event sign-up prefilled {language}",
                f"/{language}/events/{event.slug}/register/",
                cast.owner,
            ),
            (f"delegates {language}", f"/{language}/events/{event.slug}/delegates/", cast.owner),
            (f"my events {language}", f"/{language}/events/manage/", cast.staff),
            (f"new event {language}", f"/{language}/events/new/", cast.staff),
            (f"edit event {language}", f"/{language}/events/{event.slug}/edit/", cast.staff),
            (f"cancel event {language}", f"/{language}/events/{event.slug}/cancel/", cast.staff),
            (
                f"registrations {language}",
                f"/{language}/events/{full.slug}/registrations/",
                cast.staff,
            ),
            (f"check-in {language}", f"/{language}/events/{event.slug}/check-in/", cast.staff),
            (f"message {language}", f"/{language}/events/{event.slug}/message/", cast.staff),
            (
                f"organisers {language}",
                f"/{language}/events/{event.slug}/organisers/",
                cast.staff,
            ),
        ]
    return pages


def test_event_forms_with_errors_are_valid_html(client: Client, cast: Cast) -> None:
    from tests.factories import EventFactory

    event = EventFactory(organiser_district=cast.district, childcare=True)
    signup = client.post(f"/en/events/{event.slug}/register/", {"email": "not-an-address"})
    client.force_login(cast.staff)
    create = client.post("/en/events/new/", {"title": ""})
    delegates = Client()
    delegates.force_login(cast.owner)
    delegate_form = delegates.post(
        f"/en/events/{event.slug}/delegates/",
        {"delegate-TOTAL_FORMS": "2", "delegate-INITIAL_FORMS": "0", "delegate-0-name": "A"},
    )
    documents = {
        "event sign-up with errors": signup.content.decode(),
        "new event with errors": create.content.decode(),
        "delegates with errors": delegate_form.content.decode(),
    }
    errors = html_errors(documents)
    assert errors == [], "\n".join(errors)


@pytest.mark.browser
def test_event_pages_of_organisers_have_no_serious_accessibility_findings(
    quality_pages: QualityPages, live_server, page: Page, transactional_db: None, cast: Cast
) -> None:
    from django.conf import settings as django_settings

    findings = []
    session = Client()
    session.force_login(cast.staff)
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": session.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    for name, url, user in quality_pages:
        if user == cast.staff and "/events/" in url:
            page.goto(live_server.url + url)
            findings += [f"{name}: {finding}" for finding in axe_findings(page)]
    assert findings == [], "\n".join(findings)


def assert_valid_html(pages: QualityPages) -> None:
    """Each page answers 200 (to its user) and the Nu HTML checker finds nothing in any."""
    documents = {}
    for name, url, user in pages:
        client = Client()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        documents[name] = response.content.decode()
    errors = html_errors(documents)
    assert errors == [], "\n".join(errors)


def test_pages_are_valid_html(quality_pages: QualityPages) -> None:
    assert_valid_html(quality_pages)


def test_sign_up_form_with_errors_is_valid_html(client: Client, db: None) -> None:
    response = client.post("/en/accounts/signup/", {"email": "not-an-address"})
    assert response.status_code == 200
    errors = html_errors({"signup with errors": response.content.decode()})
    assert errors == [], "\n".join(errors)


@pytest.mark.browser
def test_pages_have_no_serious_accessibility_findings(
    quality_pages: QualityPages, live_server, page: Page, transactional_db: None
) -> None:
    findings = []
    anonymous = [(name, url) for name, url, user in quality_pages if user is None]
    for name, url in anonymous:
        page.goto(live_server.url + url)
        findings += [f"{name}: {finding}" for finding in axe_findings(page)]
    assert findings == [], "\n".join(findings)


# --- The other interface languages --------------------------------------------------------------

OTHER_LANGUAGES = ("ar", "fa", "tr", "uk", "ru")
# Pages axe looks at in every other language as well (one of each main kind).
AXE_IN_EVERY_LANGUAGE = {"home de", "login de", "signup de", "directory", "organisation", "events"}


def _in_other_languages(pages: QualityPages) -> QualityPages:
    """The German pages once more in each other interface language: the same views with other
    texts, other scripts and, for ar and fa, the other direction."""
    return [
        (f"{name} [{language}]", f"/{language}/{url.removeprefix('/de/')}", user)
        for name, url, user in pages
        if url.startswith("/de/")
        for language in OTHER_LANGUAGES
    ]


def test_pages_in_every_other_language_are_valid_html(quality_pages: QualityPages) -> None:
    assert_valid_html(_in_other_languages(quality_pages))


@pytest.mark.browser
def test_main_pages_in_every_other_language_have_no_serious_accessibility_findings(
    quality_pages: QualityPages, live_server, page: Page, transactional_db: None
) -> None:
    chosen = [entry for entry in quality_pages if entry[0] in AXE_IN_EVERY_LANGUAGE]
    findings = []
    for name, url, user in _in_other_languages(chosen):
        assert user is None
        page.goto(live_server.url + url)
        findings += [f"{name}: {finding}" for finding in axe_findings(page)]
    assert findings == [], "\n".join(findings)
