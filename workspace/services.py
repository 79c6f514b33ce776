"""The staff workspace's writes: the daily digest of what waits for a reviewer."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from migra_hub.mail import Link, recipient, send_templated_mail
from organisations.models import ReviewerMailSetting
from organisations.services import reviewer_digest_take_turn
from workspace.home import staff_home


def staff_digest_send(*, today: datetime.date | None = None) -> int:
    """Send each reviewer who chose the digest one e-mail with what waits for them today, at
    most once a day however often this runs. Returns the number of e-mails queued."""
    today = today or timezone.localdate()
    reviewers = (
        User.objects.filter(
            is_active=True,
            reviewer_mail_setting__frequency=ReviewerMailSetting.Frequency.DIGEST,
        )
        .filter(Q(district_staff_roles__isnull=False) | Q(city_staff_role__isnull=False))
        .distinct()
        .order_by("pk")
    )
    sent = 0
    for reviewer in reviewers:
        with transaction.atomic():
            if not reviewer_digest_take_turn(user=reviewer, today=today):
                continue
            waiting = [item for item in staff_home(reviewer).waiting if item.count]
            if not waiting:
                continue  # nothing waits: no e-mail today
            send_templated_mail(
                "workspace/email/digest",
                [recipient(reviewer)],
                {"waiting": waiting, "url": Link("workspace:home")},
            )
            sent += 1
    return sent
