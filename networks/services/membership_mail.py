"""The e-mails a change of membership sends: to the organisation's owners, and to the
coordinators when a request to join waits for them."""

from __future__ import annotations

import logging

from django.db import transaction

from accounts.models import User
from migra_hub.mail import Link, recipient, send_templated_mail
from networks.models import MembershipChange, NetworkMembership
from organisations.models import OrganisationMembership

logger = logging.getLogger(__name__)


def notify_owners(change: MembershipChange) -> None:
    """E-mail the owners of the organisation about one change, each in their language."""
    membership = change.membership
    owners = User.objects.filter(
        organisation_memberships__organisation=membership.organisation,
        organisation_memberships__role=OrganisationMembership.Role.OWNER,
        is_active=True,
    )
    context = {
        "change": change,
        "membership": membership,
        "network": membership.network,
        "organisation": membership.organisation,
        "network_url": Link("networks:detail", {"slug": membership.network.slug}),
        "my_networks_url": Link("networks:mine"),
    }
    send_templated_mail(
        "networks/email/membership_change", [recipient(owner) for owner in owners], context
    )


def notify_coordinators(change: MembershipChange) -> None:
    """E-mail the owners of the network's coordinating organisations that a request to join
    waits for them, each in their language. The mail is queued with the request (it exists
    exactly when the request was saved); if queuing it fails, the request still stands."""
    membership = change.membership
    owners = User.objects.filter(
        is_active=True,
        organisation_memberships__role=OrganisationMembership.Role.OWNER,
        organisation_memberships__organisation__network_memberships__in=(
            NetworkMembership.objects.coordinators().filter(network=membership.network_id)
        ),
    ).distinct()
    context = {
        "change": change,
        "network": membership.network,
        "organisation": membership.organisation,
        "decision_url": Link(
            "networks:approve", {"slug": membership.network.slug, "pk": membership.pk}
        ),
        "curation_url": Link("networks:curation"),
    }
    try:
        with transaction.atomic():
            send_templated_mail(
                "networks/email/request_waiting", [recipient(owner) for owner in owners], context
            )
    except Exception:
        logger.exception("Could not queue the coordinators' mail about request %s", membership.pk)
