"""Who may see and do what with networks. Every view asks here, never decides itself.

Curators of a network are
- district staff of the network's district (city-wide staff where the district has none),
- staff named for the network (``Network.curators``; how city-wide networks are curated),
- the owners and editors of an organisation that coordinates the network (an active membership
  with the role coordinator), so an MSO coordinates on equal footing with the administration,
- site administrators.
Only staff (not coordinators) create networks and change their scope or district; owners and
editors of published organisations propose networks, which staff of the district (city-wide
staff for a city-wide network or a district without staff) approve. A network's tasks are for
its active members and curators: 404 for everyone else.
"""

from __future__ import annotations

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from networks.models import (
    Network,
    NetworkDocument,
    NetworkMembership,
    NetworkNote,
    NetworkProposal,
    NetworkProposalQuerySet,
    NetworkQuerySet,
    NetworkTask,
)
from organisations.access import (
    AnyUser,
    districts_without_staff,
    is_city_staff,
    is_reviewer,
    member_organisations,
)
from organisations.models import CityStaff, District, Organisation, OrganisationMembership


def _coordinates(user: AnyUser) -> Exists:
    """For a Network queryset: the user acts for an organisation that coordinates it."""
    return Exists(
        NetworkMembership.objects.coordinators().filter(
            network=OuterRef("pk"), organisation__memberships__user_id=_pk(user)
        )
    )


def _pk(user: AnyUser) -> int:
    """The user's id, for lookups (callers have made sure the user is logged in)."""
    return int(user.pk or 0)


def _staff_curates(user: AnyUser) -> Q:
    """For a Network queryset: the user is staff of its district or named for it, or city-wide
    staff and its district has no staff of its own."""
    staff_of_district = District.objects.filter(
        pk=OuterRef("district_id"), staff__user_id=_pk(user)
    )
    named = Network.curators.through.objects.filter(network=OuterRef("pk"), user_id=_pk(user))
    city_staff = CityStaff.objects.filter(user_id=_pk(user))
    # In the query rather than asked first: pages that filter by this cost no extra query.
    city_staff_curates = Q(Exists(city_staff)) & Q(district__in=districts_without_staff())
    return Q(Exists(staff_of_district)) | Q(Exists(named)) | city_staff_curates


def requests_for_staff(user: AnyUser) -> QuerySet[NetworkMembership]:
    """Requests to join that wait for a decision of this user as staff curator."""
    return NetworkMembership.objects.requested().filter(network__in=staff_curated_networks(user))


def staff_curated_networks(user: AnyUser) -> NetworkQuerySet:
    if not user.is_authenticated:
        return Network.objects.none()
    if user.is_superuser:
        return Network.objects.all()
    return Network.objects.filter(_staff_curates(user))


def curated_networks(user: AnyUser) -> NetworkQuerySet:
    """The networks this user curates as staff, coordinator or site administrator."""
    if not user.is_authenticated:
        return Network.objects.none()
    if user.is_superuser:
        return Network.objects.all()
    return Network.objects.filter(_staff_curates(user) | Q(_coordinates(user)))


def visible_networks(user: AnyUser) -> NetworkQuerySet:
    """Everyone sees networks that are not in preparation; curators and organisations with a
    current membership (e.g. an invitation) see those in preparation too."""
    if not user.is_authenticated:
        return Network.objects.public()
    if user.is_superuser:
        return Network.objects.all()
    has_membership = NetworkMembership.objects.current().filter(
        network=OuterRef("pk"), organisation__memberships__user=user
    )
    return Network.objects.filter(
        ~Q(phase=Network.Phase.PREPARATION)
        | _staff_curates(user)
        | Q(_coordinates(user))
        | Q(Exists(has_membership))
    )


def is_staff_curator(user: AnyUser, network: Network) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return staff_curated_networks(user).filter(pk=network.pk).exists()


def is_coordinator(user: AnyUser, network: Network) -> bool:
    if not user.is_authenticated:
        return False
    return network.memberships.coordinators().filter(organisation__memberships__user=user).exists()


def can_curate(user: AnyUser, network: Network) -> bool:
    return is_staff_curator(user, network) or is_coordinator(user, network)


def can_create_networks(user: AnyUser) -> bool:
    return user.is_authenticated and (user.is_superuser or is_reviewer(user))


def creatable_districts(user: AnyUser) -> QuerySet[District]:
    """Districts in which this user may create (or move) networks."""
    if not user.is_authenticated:
        return District.objects.none()
    if user.is_superuser:
        return District.objects.all()
    own = District.objects.filter(staff__user=user)
    if is_city_staff(user):
        return District.objects.filter(
            Q(pk__in=own.values("pk")) | Q(pk__in=districts_without_staff())
        )
    return own


def can_see_notes(user: AnyUser, network: Network) -> bool:
    """Notes are for the network: its active members, coordinators and curating staff."""
    if not user.is_authenticated:
        return False
    if can_curate(user, network):
        return True
    return network.memberships.active().filter(organisation__memberships__user=user).exists()


def note_reading_networks(user: AnyUser) -> NetworkQuerySet:
    """Every network whose notes this user may read (as ``can_see_notes``), in one query:
    its curating staff and the people of its active member organisations."""
    if not user.is_authenticated:
        return Network.objects.none()
    if user.is_superuser:
        return Network.objects.all()
    member = NetworkMembership.objects.active().filter(
        network=OuterRef("pk"), organisation__memberships__user_id=_pk(user)
    )
    return Network.objects.filter(_staff_curates(user) | Q(Exists(member)))


def acting_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations the user may act for in networks (owners and editors alike)."""
    return member_organisations(user)


def joinable_organisations(user: AnyUser, network: Network) -> QuerySet[Organisation]:
    """The user's published organisations without a current membership in the network."""
    current = network.memberships.current().filter(organisation=OuterRef("pk"))
    return (
        acting_organisations(user)
        .filter(status=Organisation.Status.PUBLISHED)
        .exclude(Exists(current))
        .order_by("name")
        .distinct()
    )


def acts_for(user: AnyUser, organisation: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    return OrganisationMembership.objects.filter(user=user, organisation=organisation).exists()


class Party(StrEnum):
    """Who takes a step of a membership (see ``services.TRANSITIONS``)."""

    ORGANISATION = "organisation"  # an owner or editor of the membership's organisation
    CURATOR = "curator"  # district staff, staff named for the network or a coordinator


def acts_as(user: AnyUser, party: Party, membership: NetworkMembership) -> bool:
    if party == Party.ORGANISATION:
        return acts_for(user, membership.organisation)
    return can_curate(user, membership.network)


def visible_memberships(user: AnyUser, network: Network) -> QuerySet[NetworkMembership]:
    """Memberships of a (visible) network this user may look at: the public ones (active
    members), those of the user's organisations, and all of them for the network's curators."""
    memberships = network.memberships.all()
    if can_curate(user, network):
        return memberships
    own = Q(organisation__in=acting_organisations(user)) if user.is_authenticated else Q(pk=None)
    return memberships.filter(own | Q(status=NetworkMembership.Status.ACTIVE))


# --- Lookups for the views: 404 for what the user may not see, 403 for what they may not do ---


def get_network(user: AnyUser, slug: str) -> Network:
    return get_object_or_404(visible_networks(user).select_related("district"), slug=slug)


def get_curated_network(user: AnyUser, slug: str) -> Network:
    network = get_network(user, slug)
    if not can_curate(user, network):
        raise PermissionDenied
    return network


def get_membership(user: AnyUser, network: Network, pk: int) -> NetworkMembership:
    memberships = visible_memberships(user, network).select_related("organisation", "network")
    return get_object_or_404(memberships, pk=pk)


def editable_districts(user: AnyUser, network: Network) -> QuerySet[District] | None:
    """The districts a curator may choose when editing the network; None for coordinators,
    who may not change its scope or district at all."""
    if not is_staff_curator(user, network):
        return None
    districts = creatable_districts(user)
    if network.district_id:
        districts = districts | District.objects.filter(pk=network.district_id)
    return districts


# --- Documents, notes and partners kept with the network ---


def can_see_documents(user: AnyUser, network: Network) -> bool:
    """A network's documents are for its active members, its curators and city-wide staff;
    they may all upload too. Everyone else gets 404 for them: not even their titles leak."""
    if not user.is_authenticated:
        return False
    return can_see_notes(user, network) or is_city_staff(user)


def can_archive_document(user: AnyUser, network: Network, document: NetworkDocument) -> bool:
    """The network's curators (coordinators and staff) and the people of the organisation the
    document was uploaded for."""
    if can_curate(user, network):
        return True
    return (
        user.is_authenticated
        and document.organisation_id is not None
        and OrganisationMembership.objects.filter(
            user=user, organisation_id=document.organisation_id
        ).exists()
    )


def can_edit_note(user: AnyUser, network: Network, note: NetworkNote) -> bool:
    """The note's author (while they still see the network's notes) and its curators."""
    if can_curate(user, network):
        return True
    return note.author_id == _pk(user) and can_see_notes(user, network)


def get_documents_network(user: AnyUser, slug: str) -> Network:
    network = get_network(user, slug)
    if not can_see_documents(user, network):
        raise Http404
    return network


# --- Agreements: the network's tasks, for its members and curators ----------------------------


def get_member_network(user: AnyUser, slug: str) -> Network:
    """A network whose inner pages (tasks) the user may see: 404 for everyone else, as for a
    network they may not see at all."""
    network = get_network(user, slug)
    if not can_see_notes(user, network):
        raise Http404
    return network


def get_document(user: AnyUser, network: Network, pk: int) -> NetworkDocument:
    """A document of a network whose documents the user may see (``get_documents_network``)."""
    return get_object_or_404(network.documents.select_related("organisation"), pk=pk)


def get_note(user: AnyUser, network: Network, pk: int) -> NetworkNote:
    """A note of a network whose notes the user may see."""
    if not can_see_notes(user, network):
        raise PermissionDenied
    return get_object_or_404(network.notes.all(), pk=pk)


def get_task(user: AnyUser, network: Network, pk: int) -> NetworkTask:
    return get_object_or_404(network.tasks.select_related("responsible"), pk=pk)


def can_tick(user: AnyUser, task: NetworkTask) -> bool:
    """Curators mark any task done (or open again); the people of the responsible
    organisation their own."""
    if task.responsible_id is not None and acts_for(user, task.responsible):  # type: ignore[arg-type]
        return True
    return can_curate(user, task.network)


# --- Networks proposed by organisations ----------------------------------------------------


def proposing_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Published organisations the user acts for: they may propose a network."""
    return (
        acting_organisations(user)
        .filter(status=Organisation.Status.PUBLISHED)
        .order_by("name")
        .distinct()
    )


def _decides_proposals(user: AnyUser) -> Q:
    """For a NetworkProposal queryset: staff of its district decide; city-wide staff decide
    city-wide proposals and those of districts without staff of their own."""
    staff_of_district = District.objects.filter(
        pk=OuterRef("district_id"), staff__user_id=_pk(user)
    )
    city_staff = CityStaff.objects.filter(user_id=_pk(user))
    unstaffed = Q(district__isnull=True) | Q(district__in=districts_without_staff())
    return Q(Exists(staff_of_district)) | (Q(Exists(city_staff)) & unstaffed)


def decidable_proposals(user: AnyUser) -> NetworkProposalQuerySet:
    if not user.is_authenticated:
        return NetworkProposal.objects.none()
    if user.is_superuser:
        return NetworkProposal.objects.all()
    return NetworkProposal.objects.filter(_decides_proposals(user))


def proposals_for_staff(user: AnyUser) -> QuerySet[NetworkProposal]:
    """Proposals that wait for a decision of this user as staff."""
    return decidable_proposals(user).pending()


def visible_proposals(user: AnyUser) -> QuerySet[NetworkProposal]:
    """The proposals of the user's organisations and those the user decides as staff."""
    if not user.is_authenticated:
        return NetworkProposal.objects.none()
    if user.is_superuser:
        return NetworkProposal.objects.all()
    own = Q(organisation__in=acting_organisations(user).values("pk"))
    return NetworkProposal.objects.filter(own | _decides_proposals(user))


def can_decide_proposal(user: AnyUser, proposal: NetworkProposal) -> bool:
    return decidable_proposals(user).filter(pk=proposal.pk).exists()


def get_proposal(user: AnyUser, pk: int) -> NetworkProposal:
    proposals = visible_proposals(user).select_related("organisation", "district", "network")
    return get_object_or_404(proposals, pk=pk)
