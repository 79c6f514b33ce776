"""The Django admin lists and searches organisations and offers and edits the vocabularies;
every page of the app's admin opens; deleting goes through the services."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable

import pytest
from django.db.models import Model
from django.test import Client
from django.utils import timezone, translation

from accounts.models import User
from organisations.facets import Facet
from organisations.models import (
    City,
    CityStaff,
    District,
    DistrictPostcode,
    DistrictStaff,
    Invitation,
    Language,
    Offer,
    OfferKind,
    Organisation,
    OrganisationKind,
    OrganisationMembership,
    OwnershipClaim,
    ProblemReport,
    ReviewDecision,
    ReviewerMailSetting,
    TargetGroup,
    Topic,
)
from tests.admin_pages import (
    admin_url,
    assert_admin_pages_open,
    change_form_data,
    logged_in,
    registered_models,
)
from tests.factories import (
    CityFactory,
    CityStaffFactory,
    DistrictFactory,
    DistrictStaffFactory,
    LanguageFactory,
    MembershipFactory,
    OfferFactory,
    OfferKindFactory,
    OrganisationFactory,
    OrganisationKindFactory,
    OwnershipClaimFactory,
    ProblemReportFactory,
    TargetGroupFactory,
    TopicFactory,
    UserFactory,
)
from tests.organisations.conftest import Directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(superuser: User) -> Client:
    return logged_in(superuser)


# --- Every page opens ------------------------------------------------------------------------

numbers = itertools.count()


def _invitation() -> Invitation:
    number = next(numbers)
    return Invitation.objects.create(
        organisation=OrganisationFactory(),
        email=f"invited{number}@example.org",
        token_hash=f"{number:064d}",
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )


MAKERS: dict[type[Model], Callable[[], Model]] = {
    City: lambda: CityFactory(name=f"Stadt {next(numbers)}"),
    District: DistrictFactory,
    Topic: TopicFactory,
    TargetGroup: TargetGroupFactory,
    OrganisationKind: lambda: OrganisationKindFactory(name_en=f"Kind {next(numbers)}"),
    OfferKind: lambda: OfferKindFactory(name_en=f"Offer kind {next(numbers)}"),
    Language: lambda: LanguageFactory(code=["ar", "fa", "tr", "uk", "ru", "ku"][next(numbers) % 6]),
    Organisation: OrganisationFactory,
    Offer: OfferFactory,
    DistrictStaff: DistrictStaffFactory,
    ReviewDecision: lambda: ReviewDecision.objects.create(
        organisation=OrganisationFactory(), action=ReviewDecision.Action.PUBLISHED
    ),
    OrganisationMembership: MembershipFactory,
    OwnershipClaim: OwnershipClaimFactory,
    ProblemReport: ProblemReportFactory,
    Invitation: _invitation,
    CityStaff: CityStaffFactory,
    ReviewerMailSetting: lambda: ReviewerMailSetting.objects.create(user=UserFactory()),
    DistrictPostcode: lambda: DistrictPostcode.objects.create(
        district=DistrictFactory(), postcode=f"1{next(numbers):04d}"
    ),
}


def test_every_admin_page_of_the_app_has_a_test() -> None:
    assert registered_models("organisations") == set(MAKERS)


@pytest.mark.parametrize("model", list(MAKERS), ids=lambda model: model.__name__)
def test_the_admin_pages_open_for_a_superuser(
    admin_client: Client, superuser: User, model: type[Model]
) -> None:
    assert_admin_pages_open(admin_client, superuser, MAKERS[model])


@pytest.mark.parametrize(
    ("url", "expected", "absent"),
    [
        ("/de/admin/organisations/organisation/?q=Frauenforum", "Frauenforum Nord", "Elternverein"),
        ("/de/admin/organisations/offer/?q=Eltern", "Kurs für Eltern", "Beratung für Frauen"),
        ("/de/admin/organisations/topic/", "Gesundheit", None),
        ("/de/admin/organisations/language/?q=فارسی", "Persisch", "Arabisch"),
    ],
)
def test_admin_lists_and_searches(
    admin_client: Client, directory: Directory, url: str, expected: str, absent: str | None
) -> None:
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    if absent:
        assert absent not in html
    assert Organisation.objects.count() == 2


def test_renaming_a_topic_in_the_admin_updates_the_search(
    admin_client: Client, directory: Directory
) -> None:
    topic = Topic.objects.get(slug="women")
    # The admin edits one language at a time (a tab per language); here Ukrainian.
    response = admin_client.post(
        f"/de/admin/organisations/topic/{topic.pk}/change/?language=uk",
        {"slug": "women", "name": "Права жінок", "position": 0},
    )
    assert response.status_code == 302
    found = admin_client.get("/de/organisations/", {"q": "Права жінок"}).context["page"]
    assert [organisation.name for organisation in found.object_list] == ["Frauenforum Nord"]
    topic = Topic.objects.get(pk=topic.pk)
    assert topic.names == {"de": "Frauen", "en": "Women", "uk": "Права жінок"}
    with translation.override("uk"):
        assert topic.name == "Права жінок"
    with translation.override("ar"):
        assert topic.name == "Frauen"  # German is the fallback


def test_deleting_an_offer_in_the_admin_updates_the_search(
    admin_client: Client, directory: Directory
) -> None:
    offer = Offer.objects.get(title="Kurs für Eltern")
    response = admin_client.post(
        f"/de/admin/organisations/offer/{offer.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert (
        Facet.OFFER_KIND.key(offer.kind_id)
        not in Organisation.objects.get(pk=directory.other.pk).facet_keys
    )
    found = admin_client.get("/de/organisations/", {"q": "Kurs"}).context["page"]
    assert list(found.object_list) == []
    assert not Offer.objects.filter(pk=offer.pk).exists()


def filter_labels(client: Client, name: str) -> list[str]:
    form = client.get("/de/organisations/").context["filterset"].form
    return [str(label) for _, label in form.fields[name].choices]


def test_a_topic_added_in_the_admin_is_a_filter_value_at_once(
    admin_client: Client, directory: Directory
) -> None:
    assert not any("Sport" in label for label in filter_labels(admin_client, "topic"))
    response = admin_client.post(
        "/de/admin/organisations/topic/add/?language=de",
        {"slug": "sport", "name": "Sport", "position": 5},
    )
    assert response.status_code == 302
    assert "Sport (0)" in filter_labels(admin_client, "topic")


def test_renaming_a_district_in_the_admin_updates_filters_and_search(
    admin_client: Client, directory: Directory
) -> None:
    assert "Pankow (1)" in filter_labels(admin_client, "district")
    response = admin_client.post(
        f"/de/admin/organisations/district/{directory.pankow.pk}/change/",
        {"city": directory.pankow.city_id, "name": "Prenzlauer Berg", "slug": "pankow"},
    )
    assert response.status_code == 302
    assert "Prenzlauer Berg (1)" in filter_labels(admin_client, "district")
    found = admin_client.get("/de/organisations/", {"q": "Prenzlauer"}).context["page"]
    assert [organisation.name for organisation in found.object_list] == [directory.match.name]
    assert District.objects.get(pk=directory.pankow.pk).name == "Prenzlauer Berg"


def test_deleting_a_topic_in_the_admin_removes_it_from_filters_and_search(
    admin_client: Client, directory: Directory
) -> None:
    topic = Topic.objects.get(slug="women")
    key = Facet.TOPIC.key(topic.pk)
    assert key in Organisation.objects.get(pk=directory.match.pk).facet_keys
    response = admin_client.post(
        f"/de/admin/organisations/topic/{topic.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert key not in Organisation.objects.get(pk=directory.match.pk).facet_keys
    assert not any("Frauen" in label for label in filter_labels(admin_client, "topic"))
    assert not Topic.objects.filter(pk=topic.pk).exists()


# --- Entries: content here, state through the services ----------------------------------------


def test_editing_an_entry_in_the_admin_changes_its_content_but_never_its_state_or_slug(
    admin_client: Client, superuser: User, directory: Directory
) -> None:
    entry = directory.match
    published_at = entry.published_at
    url = admin_url(Organisation, "change", entry.pk)
    data = change_form_data(admin_client.get(url))
    data.update(
        name="Frauenforum Nordost",
        slug="map",
        status=Organisation.Status.DRAFT,
        published_at="",
        verified_at="2020-01-01 00:00",
        owner_left_at="2020-01-01 00:00",
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.name == "Frauenforum Nordost"
    assert (entry.slug, entry.status, entry.published_at) == (
        "frauenforum-nord",
        Organisation.Status.PUBLISHED,
        published_at,
    )
    assert entry.verified_at is None
    assert entry.owner_left_at is None
    version = entry.history.latest()
    assert (version.history_user, version.name) == (superuser, "Frauenforum Nordost")
    found = admin_client.get("/de/organisations/", {"q": "Nordost"}).context["page"]
    assert [organisation.pk for organisation in found.object_list] == [entry.pk]


def directory_page(client: Client) -> tuple[int, list[str]]:
    page = client.get("/de/organisations/").context["page"]
    return page.paginator.count, [organisation.name for organisation in page.object_list]


def test_deleting_an_entry_in_the_admin_updates_the_directory_count(
    admin_client: Client, directory: Directory
) -> None:
    entry = directory.match
    # Records of the entry (decisions, claims, members) go with it; alone they are not deletable.
    ReviewDecision.objects.create(organisation=entry, action=ReviewDecision.Action.PUBLISHED)
    OwnershipClaimFactory(organisation=entry)
    MembershipFactory(organisation=entry)
    assert directory_page(admin_client) == (2, ["Elternverein Süd", "Frauenforum Nord"])
    url = admin_url(Organisation, "delete", entry.pk)
    confirmation = admin_client.get(url)
    assert confirmation.context["perms_lacking"] == set()
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert directory_page(admin_client) == (1, ["Elternverein Süd"])
    assert not Organisation.objects.filter(pk=entry.pk).exists()
    assert not ReviewDecision.objects.filter(organisation_id=entry.pk).exists()
    assert not Offer.objects.filter(organisation_id=entry.pk).exists()


def test_deleting_selected_entries_in_the_admin_updates_the_directory_count(
    admin_client: Client, directory: Directory
) -> None:
    assert directory_page(admin_client)[0] == 2
    response = admin_client.post(
        admin_url(Organisation, "changelist"),
        {"action": "delete_selected", "_selected_action": [directory.other.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert directory_page(admin_client) == (1, ["Frauenforum Nord"])
    assert list(Organisation.objects.all()) == [directory.match]


def test_entries_are_not_added_in_the_admin(admin_client: Client) -> None:
    response = admin_client.post(admin_url(Organisation, "add"), {"name": "Neu"})
    assert response.status_code == 403
    assert not Organisation.objects.exists()


def test_editing_an_offer_in_the_admin_is_a_version_by_the_admin_and_updates_the_search(
    admin_client: Client, superuser: User, directory: Directory
) -> None:
    offer = Offer.objects.get(title="Kurs für Eltern")
    url = admin_url(Offer, "change", offer.pk)
    data = change_form_data(admin_client.get(url))
    data["title"] = "Elternkurs am Abend"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Elternkurs am Abend"
    assert offer.history.latest().history_user == superuser
    found = admin_client.get("/de/offers/", {"q": "Abend"}).context["page"]
    assert [found_offer.pk for found_offer in found.object_list] == [offer.pk]


def test_adding_an_offer_in_the_admin_is_a_version_by_the_admin_and_updates_the_search(
    admin_client: Client, superuser: User, directory: Directory
) -> None:
    url = admin_url(Offer, "add")
    data = change_form_data(admin_client.get(url))
    kind = OfferKind.objects.get(slug="course")
    data.update(organisation=directory.match.pk, title="Nähcafé", kind=kind.pk, cost="free")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    offer = Offer.objects.get(title="Nähcafé")
    assert offer.organisation == directory.match
    assert offer.history.latest().history_user == superuser
    found = admin_client.get("/de/offers/", {"q": "Nähcafé"}).context["page"]
    assert [found_offer.pk for found_offer in found.object_list] == [offer.pk]


# --- Records: view only, even for a superuser ------------------------------------------------

RECORDS = [ReviewDecision, OrganisationMembership, OwnershipClaim, ProblemReport, Invitation]


@pytest.mark.parametrize("model", RECORDS, ids=lambda model: model.__name__)
def test_records_cannot_be_added_changed_or_deleted_in_the_admin(
    admin_client: Client, model: type[Model]
) -> None:
    record = MAKERS[model]()
    before = model.objects.values().get(pk=record.pk)
    assert admin_client.post(admin_url(model, "add"), {}).status_code == 403
    response = admin_client.post(admin_url(model, "change", record.pk), {"message": "Anders."})
    assert response.status_code == 403
    assert (
        admin_client.post(admin_url(model, "delete", record.pk), {"post": "yes"}).status_code == 403
    )
    changelist = admin_url(model, "changelist")
    action_form = admin_client.get(changelist).context["action_form"]
    assert action_form is None or "delete_selected" not in dict(
        action_form.fields["action"].choices
    )
    admin_client.post(
        changelist, {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"}
    )
    assert model.objects.values().get(pk=record.pk) == before
