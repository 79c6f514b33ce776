"""The demo district's analysis shows what the analysis is for: a real gap and an organisation
in no network (with the demo networks in place)."""

from __future__ import annotations

import pytest

from migra_hub.demo import DemoLogins
from networks import demo as networks_demo
from organisations import demo
from organisations.models import District
from workspace.analysis import Scope
from workspace.analysis_report import actor_analysis

pytestmark = pytest.mark.django_db


def test_the_demo_district_has_a_gap_and_an_organisation_in_no_network() -> None:
    logins = DemoLogins()
    demo.seed(logins)
    networks_demo.seed(logins)
    pankow = District.objects.select_related("city").get(slug="pankow")
    analysis = actor_analysis(Scope(pankow.city, pankow))
    gaps = [gap for group in analysis.gaps for gap in group.gaps]
    assert any(gap.elsewhere for gap in gaps)  # a gap another district fills
    lists = {entries.slug: entries for entries in analysis.lists}
    assert lists["no-network"].count >= 1
    assert lists["no-network"].count < analysis.organisations.count  # the demo has networks
