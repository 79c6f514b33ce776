"""The directory's version is data: every write that changes what the directory shows gives it a
new value in the same transaction, and no cache can drop or forget it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from organisations import services
from organisations.directory_version import directory_changed, directory_version
from organisations.models import Offer, Organisation, Topic
from organisations.vocabularies import load_vocabularies
from tests.conftest import Cast
from tests.factories import (
    OfferFactory,
    OfferKindFactory,
    TopicFactory,
    UserFactory,
    draft_organisation,
)
from tests.organisations.test_registration_services import edit

pytestmark = pytest.mark.django_db

# Each case prepares what it needs and returns the write to check.
Write = Callable[[], object]


def publish(cast: Cast) -> Write:
    submitted = draft_organisation(status=Organisation.Status.PENDING, districts=[cast.district])
    return lambda: services.organisation_publish(organisation=submitted, staff=cast.staff)


def unpublish(cast: Cast) -> Write:
    return lambda: services.organisation_unpublish(
        organisation=cast.organisation, staff=cast.staff, reason="Die Adresse stimmt nicht."
    )


def archive(cast: Cast) -> Write:
    return lambda: services.organisation_archive(
        organisation=cast.organisation, staff=cast.staff, reason="Aufgelöst."
    )


def verify(cast: Cast) -> Write:
    return lambda: services.organisation_set_verified(
        organisation=cast.organisation, staff=cast.staff, verified=True
    )


def owner_deletes_a_once_public_entry(cast: Cast) -> Write:
    return lambda: services.organisation_delete(organisation=cast.organisation, user=cast.owner)


def update_a_published_entry(cast: Cast) -> Write:
    return lambda: edit(cast.organisation, cast.editor, description="Neue Sprechzeiten.")


def revert_a_change(cast: Cast) -> Write:
    edit(cast.organisation, cast.editor, description="Falscher Text.")
    record = cast.organisation.history.filter(history_change_reason=services.LIVE_CHANGE).latest(
        "history_date"
    )
    return lambda: services.history_revert(record=record, staff=cast.staff)


def add_an_offer(cast: Cast) -> Write:
    data = services.OfferData(title="Elterncafé", kind=OfferKindFactory(), cost=Offer.Cost.FREE)
    return lambda: services.offer_create(organisation=cast.organisation, data=data, user=cast.owner)


def change_an_offer(cast: Cast) -> Write:
    offer = OfferFactory(organisation=cast.organisation, title="Sozialberatung")
    data = services.OfferData(title="Sozial- und Rechtsberatung")
    return lambda: services.offer_update(offer=offer, data=data, user=cast.editor)


def delete_an_offer(cast: Cast) -> Write:
    offer = OfferFactory(organisation=cast.organisation)
    return lambda: services.offer_delete(offer=offer, user=cast.editor)


def confirm_as_current(cast: Cast) -> Write:
    return lambda: services.organisation_confirm_current(
        organisation=cast.organisation, user=cast.owner
    )


def load_the_standard_vocabularies(cast: Cast) -> Write:
    return load_vocabularies


def admin_client() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def rename_a_topic_in_the_admin(cast: Cast) -> Write:
    topic = TopicFactory(slug="women", name_de="Frauen")
    cast.organisation.topics.set([topic])
    client = admin_client()

    def write() -> None:
        response = client.post(
            f"/de/admin/organisations/topic/{topic.pk}/change/?language=de",
            {"slug": "women", "name": "Frauenrechte", "position": 0},
        )
        assert response.status_code == 302

    return write


def add_a_district_in_the_admin(cast: Cast) -> Write:
    client = admin_client()
    city = cast.district.city

    def write() -> None:
        response = client.post(
            "/de/admin/organisations/district/add/",
            {"name": "Lichtenberg", "slug": "lichtenberg", "city": city.pk},
        )
        assert response.status_code == 302, response.content.decode()[:2000]

    return write


def delete_a_topic_in_the_admin(cast: Cast) -> Write:
    topic = TopicFactory(slug="health", name_de="Gesundheit")
    cast.organisation.topics.set([topic])
    client = admin_client()

    def write() -> None:
        response = client.post(f"/de/admin/organisations/topic/{topic.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302
        assert not Topic.objects.filter(pk=topic.pk).exists()

    return write


@pytest.mark.parametrize(
    "case",
    [
        publish,
        unpublish,
        archive,
        verify,
        owner_deletes_a_once_public_entry,
        update_a_published_entry,
        revert_a_change,
        add_an_offer,
        change_an_offer,
        delete_an_offer,
        confirm_as_current,
        load_the_standard_vocabularies,
        rename_a_topic_in_the_admin,
        add_a_district_in_the_admin,
        delete_a_topic_in_the_admin,
    ],
)
def test_every_write_that_changes_the_directory_gives_it_a_new_version(
    cast: Cast, case: Callable[[Cast], Write]
) -> None:
    write = case(cast)
    before = directory_version()

    write()

    assert directory_version() != before


def test_the_version_changes_with_the_transaction_and_not_before(cast: Cast) -> None:
    before = directory_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.organisation_unpublish(
            organisation=cast.organisation, staff=cast.staff, reason="Probe"
        )
        raise RuntimeError("the action failed after it changed the entry")
    assert directory_version() == before
    assert Organisation.objects.get(pk=cast.organisation.pk).status == Organisation.Status.PUBLISHED


def test_no_cache_can_drop_the_version(db: None) -> None:
    directory_changed()
    before = directory_version()
    cache.clear()
    assert directory_version() == before


def test_reading_the_version_is_one_query(
    db: None, django_assert_num_queries: Callable[..., object]
) -> None:
    directory_changed()
    with django_assert_num_queries(1):  # type: ignore[operator]
        directory_version()


def test_a_database_without_the_row_gets_one_on_first_use(db: None) -> None:
    from organisations.models import DirectoryVersion

    DirectoryVersion.objects.all().delete()
    first = directory_version()
    assert directory_version() == first
    directory_changed()
    assert directory_version() != first
    assert DirectoryVersion.objects.count() == 1
