"""Who may see and do what with organisations. Every view asks here, never decides itself.

Reviewers are district staff and city-wide staff. District staff see and decide the entries
serving their districts. City-wide staff see and may decide every entry (to stand in, e.g. during
a holiday), but what *waits* for them (their queue, their home, their e-mails) is only what no
district's staff look after: entries of districts without staff accounts and entries serving no
district. Where a district has staff, those stay the first reviewers.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from accounts.models import User
from organisations.models import (
    CityStaff,
    District,
    DistrictStaff,
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


def is_city_staff(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    # Asked for every queryset of a page; the role does not change within a request.
    if not hasattr(user, "_is_city_staff"):
        user._is_city_staff = CityStaff.objects.filter(user=user).exists()  # type: ignore[union-attr,attr-defined]
    return bool(user._is_city_staff)  # type: ignore[union-attr,attr-defined]


def is_reviewer(user: AnyUser) -> bool:
    """District staff of any district or city-wide staff: the people with a review queue."""
    if not user.is_authenticated:
        return False
    return is_city_staff(user) or is_district_staff(user)


def districts_without_staff() -> QuerySet[District]:
    """Districts nobody reviews locally; city-wide staff look after their entries."""
    return District.objects.filter(~Exists(DistrictStaff.objects.filter(district=OuterRef("pk"))))


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
    """District staff of any district the organisation serves, or city-wide staff."""
    if not user.is_authenticated:
        return False
    return is_city_staff(user) or organisation.districts.filter(staff__user=user).exists()


def member_organisations(user: AnyUser) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user)


def visible_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Published entries for everyone; members and district staff also see the unpublished."""
    if not user.is_authenticated:
        return Organisation.objects.published()
    if is_city_staff(user):
        return Organisation.objects.all()
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
    """Entries the user may look at and decide as a reviewer, in any status: those serving a
    district the user is staff of; every entry for city-wide staff."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if is_city_staff(user):
        return Organisation.objects.all()
    in_staffed_district = District.objects.filter(organisations=OuterRef("pk"), staff__user=user)
    return Organisation.objects.filter(Exists(in_staffed_district))


def _looked_after_by_district_staff() -> Exists:
    """For an Organisation queryset: at least one district it serves has staff."""
    return Exists(DistrictStaff.objects.filter(district__organisations=OuterRef("pk")).values("pk"))


def responsible_organisations(user: AnyUser) -> OrganisationQuerySet:
    """Entries whose waiting items are this reviewer's to handle first: those of the user's
    districts, and for city-wide staff those no district's staff look after."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    in_staffed_district = District.objects.filter(organisations=OuterRef("pk"), staff__user=user)
    responsible = Q(Exists(in_staffed_district))
    if is_city_staff(user):
        responsible |= ~Q(_looked_after_by_district_staff())
    return Organisation.objects.filter(responsible)


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


def first_reviewers(organisation: Organisation) -> QuerySet[User]:
    """Who is told when something of this entry waits: the staff of its districts, or the
    city-wide staff when none of its districts has staff."""
    active = User.objects.filter(is_active=True)
    district_staff = active.filter(
        district_staff_roles__district__in=organisation.districts.all()
    ).distinct()
    if district_staff.exists():
        return district_staff
    return active.filter(city_staff_role__isnull=False)
