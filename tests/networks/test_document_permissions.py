"""Who may open and do what with a network's documents, notes' history and partners: anonymous
people are sent to log in, outsiders get 404 for documents (old versions too), people without
the needed role 403."""

from __future__ import annotations

import pytest
from django.urls import reverse

from networks.models import NetworkDocument, NetworkPartner
from tests.factories import CityStaffFactory, MembershipFactory, NetworkMembershipFactory
from tests.networks.conftest import Kept
from tests.networks.test_permissions import ROLES, expect

pytestmark = pytest.mark.django_db

#                       anon owner edit other coord ocoord staff ostaff admin
DOCUMENTS = expect(302, 200, 200, 404, 200, 404, 200, 404, 200)
# owner and editor act for the organisation the document was uploaded for
ARCHIVE = expect(302, 302, 302, 404, 302, 404, 302, 404, 302)
NOTE_EDIT = expect(302, 403, 403, 403, 200, 403, 200, 403, 200)
NOTE_HISTORY = expect(302, 200, 200, 403, 200, 403, 200, 403, 200)
CURATORS = expect(302, 403, 403, 403, 200, 403, 200, 403, 200)
CURATORS_POST = expect(302, 403, 403, 403, 302, 403, 302, 403, 302)


def pages(kept: Kept) -> dict[str, tuple[str, dict[str, int]]]:
    slug = kept.world.network.slug
    document = kept.document.pk
    note = kept.note.pk
    return {
        "documents": (reverse("networks:documents", args=[slug]), DOCUMENTS),
        "document": (reverse("networks:document", args=[slug, document]), DOCUMENTS),
        "download": (reverse("networks:document_download", args=[slug, document]), DOCUMENTS),
        "newest version": (
            reverse("networks:document_version", args=[slug, document, 2]),
            DOCUMENTS,
        ),
        "old version": (reverse("networks:document_version", args=[slug, document, 1]), DOCUMENTS),
        "note edit": (reverse("networks:note_edit", args=[slug, note]), NOTE_EDIT),
        "note history": (reverse("networks:note_history", args=[slug, note]), NOTE_HISTORY),
        "partners": (reverse("networks:partners", args=[slug]), CURATORS),
    }


ACTIONS = {
    "archive": ("networks:document_archive", "document", ARCHIVE),
    "remove partner": ("networks:partner_remove", "partner", CURATORS_POST),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "page",
    [
        "documents",
        "document",
        "download",
        "newest version",
        "old version",
        "note edit",
        "note history",
        "partners",
    ],
)
def test_page_permission_matrix(kept: Kept, client_for, page: str, role: str) -> None:
    url, expected = pages(kept)[page]
    response = client_for(kept.world.user(role)).get(url)
    assert response.status_code == expected[role], f"{page} as {role}: {url}"
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_login"))
    if response.streaming:
        response.close()  # a download: its file is open


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_action_permission_matrix(kept: Kept, client_for, action: str, role: str) -> None:
    name, target, expected = ACTIONS[action]
    pk = getattr(kept, target).pk
    url = reverse(name, args=[kept.world.network.slug, pk])
    response = client_for(kept.world.user(role)).post(url, {"archived": "1"})
    assert response.status_code == expected[role], f"{action} as {role}"
    done = expected[role] == 302 and role != "anonymous"
    if target == "document":
        assert NetworkDocument.objects.get(pk=pk).is_archived is done
    else:
        assert NetworkPartner.objects.filter(pk=pk).exists() is not done
    if response.status_code == 302 and not done:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ROLES)
def test_upload_permission_matrix(kept: Kept, client_for, role: str) -> None:
    from tests.networks.conftest import pdf_upload

    url = reverse("networks:documents", args=[kept.world.network.slug])
    response = client_for(kept.world.user(role)).post(
        url, {"title": "Präsentation", "kind": "presentation", "file": pdf_upload()}
    )
    uploaded = NetworkDocument.objects.filter(title="Präsentation").exists()
    assert response.status_code == (302 if DOCUMENTS[role] == 200 else DOCUMENTS[role])
    assert uploaded is (DOCUMENTS[role] == 200)


@pytest.mark.parametrize("role", ROLES)
def test_new_version_permission_matrix(kept: Kept, client_for, role: str) -> None:
    from tests.networks.conftest import pdf_upload

    url = reverse("networks:document", args=[kept.world.network.slug, kept.document.pk])
    response = client_for(kept.world.user(role)).post(url, {"file": pdf_upload()})
    assert response.status_code == (302 if DOCUMENTS[role] == 200 else DOCUMENTS[role])
    assert kept.document.versions.count() == (3 if DOCUMENTS[role] == 200 else 2)


@pytest.mark.parametrize("role", ROLES)
def test_partner_add_permission_matrix(kept: Kept, client_for, role: str) -> None:
    url = reverse("networks:partners", args=[kept.world.network.slug])
    response = client_for(kept.world.user(role)).post(
        url, {"name": "Jobcenter Pankow", "kind": "job_centre"}
    )
    added = NetworkPartner.objects.filter(name="Jobcenter Pankow").exists()
    assert response.status_code == CURATORS_POST[role]
    assert added is (CURATORS_POST[role] == 302 and role != "anonymous")


def test_city_wide_staff_see_the_documents(kept: Kept, client_for) -> None:
    city_staff = CityStaffFactory().user
    slug = kept.world.network.slug
    response = client_for(city_staff).get(reverse("networks:documents", args=[slug]))
    assert response.status_code == 200
    assert "Protokoll März" in response.content.decode()


def test_a_member_of_another_organisation_may_not_archive_the_document(
    kept: Kept, client_for
) -> None:
    third = NetworkMembershipFactory(network=kept.world.network).organisation
    member = MembershipFactory(organisation=third).user
    url = reverse("networks:document_archive", args=[kept.world.network.slug, kept.document.pk])
    assert client_for(member).post(url, {"archived": "1"}).status_code == 403
    assert not NetworkDocument.objects.get(pk=kept.document.pk).is_archived


def test_an_outsider_gets_404_for_a_document_of_another_network(kept: Kept, client_for) -> None:
    """Looked up through the network the user may see: another network's slug finds nothing."""
    other = kept.world.other_network.slug
    url = reverse("networks:document_download", args=[other, kept.document.pk])
    assert client_for(kept.world.other_coordinator).get(url).status_code == 404
