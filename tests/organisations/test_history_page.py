"""The version history of an entry shows what each version changed, to members and staff."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from organisations import services
from organisations.services import OrganisationData
from organisations.services.history import Segment, word_diff
from tests.conftest import Cast
from tests.factories import LanguageFactory, TopicFactory

pytestmark = pytest.mark.django_db

OLD_TEXT = "Wir beraten Familien aus der Ukraine montags im Stadtteilzentrum Pankow, ohne Termin."
NEW_TEXT = (
    "Wir beraten Familien aus der Ukraine und Syrien dienstags im Stadtteilzentrum Pankow, "
    "ohne Termin."
)


def edit(cast: Cast, **values: Any) -> None:
    services.organisation_update(
        organisation=cast.organisation,
        data=OrganisationData(**values),
        user=cast.owner,
        loaded_version=None,
    )


def test_word_diff_marks_only_the_words_that_changed() -> None:
    old, new = word_diff("Beratung montags im Zentrum", "Beratung dienstags im Zentrum")
    assert old == [
        Segment("equal", "Beratung "),
        Segment("delete", "montags"),
        Segment("equal", " im Zentrum"),
    ]
    assert [segment for segment in new if segment.kind == "insert"] == [
        Segment("insert", "dienstags")
    ]


def test_the_owner_sees_each_changed_field_before_and_after(cast: Cast, client_for: Any) -> None:
    topic = TopicFactory()
    edit(cast, phone="030 111", topics=[topic])
    edit(cast, latitude=Decimal("52.5693"), longitude=Decimal("13.4019"))

    response = client_for(cast.owner).get(f"/en/manage/{cast.organisation.slug}/history/")
    page = response.content.decode()
    assert response.status_code == 200
    newest, older = response.context["versions"][:2]
    assert {change.field: change.new for change in newest.changes} == {
        "latitude": "52.569300",
        "longitude": "13.401900",
    }
    assert {change.field: (change.old, change.new) for change in older.changes}["topics"] == (
        "–",
        str(topic),
    )
    assert "030 111" in page and str(topic) in page
    assert '<th scope="col">Before</th><th scope="col">After</th>' in page


def test_a_long_text_shows_removed_and_added_words(cast: Cast, client_for: Any) -> None:
    edit(cast, description=OLD_TEXT)
    edit(cast, description=NEW_TEXT)

    page = client_for(cast.editor).get(f"/en/manage/{cast.organisation.slug}/history/")
    html = page.content.decode()
    assert '<del><span class="visually-hidden">[removed:] </span>montags<' in html
    assert '<ins><span class="visually-hidden">[added:] </span>und Syrien dienstags<' in html
    [change] = page.context["versions"][0].changes
    assert [s.text for s in change.old_segments if s.kind == "delete"] == ["montags"]
    assert [s.text for s in change.new_segments if s.kind == "insert"] == ["und Syrien dienstags"]


def test_staff_of_the_district_see_the_history_from_the_review_page(
    cast: Cast, client_for: Any
) -> None:
    edit(cast, phone="030 222")
    client = client_for(cast.staff)
    review = client.get(f"/en/review/{cast.organisation.slug}/").content.decode()
    response = client.get(f"/en/review/{cast.organisation.slug}/history/")
    assert f"/en/review/{cast.organisation.slug}/history/" in review
    assert response.status_code == 200
    assert "030 222" in response.content.decode()


def queries_for_history(client: Client, slug: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/en/manage/{slug}/history/").status_code == 200
    return len(queries)


def test_the_history_page_costs_the_same_with_many_versions(
    cast: Cast, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    topics = [TopicFactory() for _ in range(3)]
    client = client_for(cast.owner)
    edit(cast, description=OLD_TEXT, topics=topics[:1])
    few = queries_for_history(client, cast.organisation.slug)
    for number in range(25):
        edit(cast, description=f"{NEW_TEXT} {number}", topics=topics[: number % 3 + 1])
    with django_assert_max_num_queries(few):
        client.get(f"/en/manage/{cast.organisation.slug}/history/?page=1")
    with django_assert_max_num_queries(few):
        client.get(f"/en/manage/{cast.organisation.slug}/history/?page=2")
    assert few <= 25


def test_languages_spoken_and_of_counselling_are_told_apart(cast: Cast, client_for: Any) -> None:
    arabic, farsi = LanguageFactory(code="ar"), LanguageFactory(code="fa")
    edit(cast, languages=[arabic], counselling_languages=[])
    edit(cast, counselling_languages=[farsi])

    response = client_for(cast.owner).get(f"/en/manage/{cast.organisation.slug}/history/")
    newest = response.context["versions"][0]
    assert [(c.field, c.old, c.new) for c in newest.changes] == [
        ("counselling_languages", "–", str(farsi))
    ]
