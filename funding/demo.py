"""Two fictional demo funding calls, posted through the service: one of the district of Pankow
with a deadline in three weeks (so it shows on the staff home), one city-wide."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from funding.models import FundingCall
from funding.services import FundingCallData, funding_call_create
from migra_hub.demo import DEMO_DOMAIN, DemoLogins
from organisations.models import District, TargetGroup, Topic


def _calls(pankow: District, today: datetime.date) -> list[FundingCallData]:
    topics = tuple(Topic.objects.order_by("position", "slug")[:2])
    groups = tuple(TargetGroup.objects.order_by("position", "slug")[:1])
    return [
        FundingCallData(
            title="Kiezfonds Pankow: Nachbarschaft und Teilhabe",
            funder="Bezirksamt Pankow, Integrationsbüro",
            description=(
                "Kleine Projekte, die Nachbar*innen mit und ohne Migrationsgeschichte "
                "zusammenbringen: Feste, Sprachcafés, Ausflüge, Workshops."
            ),
            eligibility=(
                "Vereine und Initiativen, die in Pankow arbeiten, auch ohne eingetragenen "
                "Verein (mit einem Träger)."
            ),
            deadline_date=today + datetime.timedelta(days=21),
            url="https://example.org/kiezfonds-pankow",
            place=pankow,
            amount_min=500,
            amount_max=3000,
            topics=topics,
            target_groups=groups,
        ),
        FundingCallData(
            title="Stärkung von Migrant*innenorganisationen",
            funder="Stiftung Vielfalt (fiktiv)",
            description=(
                "Förderung der Strukturen von Migrant*innenorganisationen: Personal, "
                "Räume, Weiterbildung und Vernetzung, für bis zu zwei Jahre."
            ),
            eligibility="Gemeinnützige Migrant*innenorganisationen in der ganzen Stadt.",
            deadline_date=today + datetime.timedelta(days=60),
            deadline_time=datetime.time(12, 0),
            url="https://example.org/staerkung-mo",
            place=pankow.city,
            amount_max=50000,
            topics=topics[:1],
        ),
    ]


@transaction.atomic
def seed(logins: DemoLogins) -> None:
    staff = User.objects.filter(email=f"staff.pankow@{DEMO_DOMAIN}").first()
    city_staff = User.objects.filter(email=f"staff.city@{DEMO_DOMAIN}").first()
    pankow = District.objects.filter(name="Pankow").select_related("city").first()
    if staff is None or city_staff is None or pankow is None:
        return  # the organisations demo did not run
    for data in _calls(pankow, timezone.localdate()):
        if FundingCall.objects.filter(title=data.title).exists():
            continue  # seeded before
        poster = staff if isinstance(data.place, District) else city_staff
        funding_call_create(user=poster, data=data, publish=True)
