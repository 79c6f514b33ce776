"""Who may see and do what with organisations. Every view asks here, never decides itself."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import User
from organisations.models import District, Organisation, OrganisationMembership

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
