"""Funding calls in the admin: the pages open, and publishing goes through the service."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import User
from funding.models import FundingCall
from tests.admin_pages import admin_url, assert_admin_pages_open, logged_in, registered_models
from tests.factories import FundingCallFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db: None) -> User:
    return UserFactory(is_staff=True, is_superuser=True)


def test_every_admin_page_of_the_app_has_a_test() -> None:
    assert registered_models("funding") == {FundingCall}


def test_the_admin_pages_open_for_a_superuser(superuser: User) -> None:
    assert_admin_pages_open(logged_in(superuser), superuser, FundingCallFactory)


def test_the_admin_publishes_through_the_service_with_history(superuser: User) -> None:
    call = FundingCallFactory(status=FundingCall.Status.DRAFT)
    client: Client = logged_in(superuser)
    response = client.post(
        admin_url(FundingCall, "changelist"),
        {"action": "publish", "_selected_action": [call.pk]},
    )
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.status == FundingCall.Status.PUBLISHED
    assert call.changes.get().actor == superuser
