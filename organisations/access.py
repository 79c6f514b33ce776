"""Who may see and do what with organisations. Every view asks here, never decides itself."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from accounts.models import User
from organisations.models import (
    District,
    Organisation,
    OrganisationMembership,
    OrganisationQuerySet,
)

AnyUser = User | AnonymousUser


def staffed_districts(user: AnyUser) -> QuerySet[District]:
    """The districts whose staff this user belongs to (none for anonymous users)."""
    if not user.is_authenticated:
        return District.objects.none()
    return District.objects.filter(staff__user=user)


def is_district_staff(user: AnyUser, district: District | None = None) -> bool:
    if not user.is_authenticated:
        return False
    roles = user.district_staff_roles.all()
    if district is not None:
        roles = roles.filter(district=district)
    return roles.exists()


def role_in(user: AnyUser, organisation: Organisation) -> str | None:
    """The user's role in the organisation ('owner', 'editor') or None."""
    if not user.is_authenticated:
        return None
    return (
        OrganisationMembership.objects.filter(user=user, organisation=organisation)
        .values_list("role", flat=True)
        .first()
    )


def can_edit(user: AnyUser, organisation: Organisation) -> bool:
    return role_in(user, organisation) is not None


def can_manage_members(user: AnyUser, organisation: Organisation) -> bool:
    return role_in(user, organisation) == OrganisationMembership.Role.OWNER


def is_staff_for(user: AnyUser, organisation: Organisation) -> bool:
    """District staff of any district the organisation serves."""
    if not user.is_authenticated:
        return False
    return organisation.districts.filter(staff__user=user).exists()


def member_organisations(user: AnyUser) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user)


def visible_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Published entries for everyone; members and district staff also see the unpublished."""
    if not user.is_authenticated:
        return Organisation.objects.published()
    is_member = OrganisationMembership.objects.filter(organisation=OuterRef("pk"), user=user)
    is_staff = District.objects.filter(organisations=OuterRef("pk"), staff__user=user)
    return Organisation.objects.filter(
        Q(status=Organisation.Status.PUBLISHED) | Exists(is_member) | Exists(is_staff)
    )


# --- Registration, review and members ---------------------------------------------------------

# Members edit the content of entries in these states; rejected and archived entries are closed.
EDITABLE_STATUSES = (
    Organisation.Status.DRAFT,
    Organisation.Status.PENDING,
    Organisation.Status.CHANGES_REQUESTED,
    Organisation.Status.PUBLISHED,
)


def is_owner(user: AnyUser, organisation: Organisation) -> bool:
    return can_manage_members(user, organisation)


def can_edit_content(user: AnyUser, organisation: Organisation) -> bool:
    """Members, and staff of a district the entry serves, edit entries that are not closed."""
    allowed = can_edit(user, organisation) or is_staff_for(user, organisation)
    return allowed and organisation.status in EDITABLE_STATUSES


def editable_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Entries whose edit pages the user may open: their own and those of their districts."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        Q(pk__in=member_organisations(user).values("pk"))
        | Q(pk__in=reviewable_organisations(user).values("pk"))
    )


def require_member(user: AnyUser, organisation: Organisation) -> str:
    """The user's role; 403 when the user is not a member (callers looked the entry up already)."""
    role = role_in(user, organisation)
    if role is None:
        raise PermissionDenied
    return role


def require_owner(user: AnyUser, organisation: Organisation) -> None:
    if not is_owner(user, organisation):
        raise PermissionDenied


def reviewable_organisations(user: AnyUser) -> OrganisationQuerySet:
    """Entries serving at least one district the user is staff of, in any status."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    in_staffed_district = District.objects.filter(organisations=OuterRef("pk"), staff__user=user)
    return Organisation.objects.filter(Exists(in_staffed_district))


def require_entry_staff(user: AnyUser) -> None:
    """Staff pages about entries (new entry, duplicates): 404 for everyone else."""
    if not is_district_staff(user):
        raise Http404


def claimable_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Published entries the user does not belong to yet."""
    organisations = Organisation.objects.published()
    if user.is_authenticated:
        organisations = organisations.exclude(memberships__user=user)
    return organisations
