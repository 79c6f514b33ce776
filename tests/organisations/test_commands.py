"""The nightly refresh: offers that have just ended stop counting as current offers."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from organisations.facets import Facet
from organisations.models import Offer, Organisation
from tests.organisations.conftest import Directory

pytestmark = pytest.mark.django_db


def test_nightly_refresh_drops_offers_that_ended_yesterday(
    client: Client, directory: Directory
) -> None:
    offer = Offer.objects.get(title="Beratung für Frauen")
    assert [o.name for o in client.get("/de/organisations/", {"free": "on"}).context["page"]] == [
        "Frauenforum Nord"
    ]
    Offer.objects.filter(pk=offer.pk).update(
        ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    call_command("refresh_search", "--ended-since-days", "2", stdout=None)
    assert list(client.get("/de/organisations/", {"free": "on"}).context["page"]) == []
    keys = Organisation.objects.get(pk=directory.match.pk).facet_keys
    assert Facet.FREE_OFFER.key() not in keys
    assert Facet.OFFER_KIND.key(offer.kind_id) not in keys
