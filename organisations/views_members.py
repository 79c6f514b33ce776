"""Pages for the members of an entry: who belongs, roles, invitations, leaving, and claims of
entries by people who are not members yet."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from migra_hub.http import AuthenticatedHttpRequest
from migra_hub.ratelimit import is_rate_limited
from migra_hub.refusals import refusals_as_messages
from organisations import services
from organisations.access import (
    claimable_organisations,
    require_owner,
)
from organisations.forms_manage import (
    ClaimForm,
    InvitationForm,
    RoleForm,
)
from organisations.models import (
    Invitation,
    OrganisationMembership,
)
from organisations.views_manage import member_entry, open_invitations_for, owned_entry

Role = OrganisationMembership.Role

# Each sends e-mail to people who did not ask for it: limited per account.
INVITATIONS_PER_HOUR = 20
CLAIMS_PER_HOUR = 5

# --- Members ---------------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def member_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Every member sees who belongs; owners also invite, change roles and remove."""
    organisation, role = member_entry(request, slug)
    is_owner = role == Role.OWNER
    form = None
    if is_owner:
        form = InvitationForm(request.POST or None, organisation=organisation)
    elif request.method == "POST":
        require_owner(request.user, organisation)
    if form is not None and request.method == "POST" and form.is_valid():
        if is_rate_limited(
            "invitation", str(request.user.pk), limit=INVITATIONS_PER_HOUR, period=3600
        ):
            messages.error(request, _("You sent many invitations. Please try again in an hour."))
            return redirect("organisations:member_list", slug=organisation.slug)
        services.invitation_create(
            organisation=organisation,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            invited_by=request.user,
            language=get_language(),
        )
        messages.success(
            request,
            _("We sent an invitation to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("organisations:member_list", slug=organisation.slug)
    return render(
        request,
        "organisations/member_list.html",
        {
            "organisation": organisation,
            "is_owner": is_owner,
            "memberships": organisation.memberships.select_related("user").order_by(
                "role", "user__email"
            ),
            "invitations": organisation.invitations.open().select_related("invited_by")
            if is_owner
            else [],
            "form": form,
            "role_choices": Role.choices,
        },
    )


@login_required
@require_POST
def member_change_role(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = owned_entry(request, slug)
    membership = get_object_or_404(organisation.memberships, pk=pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        with refusals_as_messages(
            request, {services.LastOwnerError: _("The organisation needs at least one owner.")}
        ):
            services.membership_change_role(
                membership=membership, role=form.cleaned_data["role"], by=request.user
            )
            messages.success(request, _("The role is changed."))
    return redirect("organisations:member_list", slug=organisation.slug)


@login_required
@require_POST
def member_remove(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = owned_entry(request, slug)
    membership = get_object_or_404(organisation.memberships, pk=pk)
    try:
        services.membership_remove(membership=membership, by=request.user)
    except services.LastOwnerError:
        messages.error(request, _("The last owner cannot be removed. Hand over ownership first."))
        return redirect("organisations:member_list", slug=organisation.slug)
    if membership.user_id == request.user.pk:
        return redirect("organisations:mine")
    messages.success(request, _("%(person)s is no longer a member.") % {"person": membership.user})
    return redirect("organisations:member_list", slug=organisation.slug)


@login_required
@require_POST
def member_leave(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation, _role = member_entry(request, slug)
    membership = organisation.memberships.get(user=request.user)
    try:
        services.membership_remove(membership=membership, by=request.user)
    except services.LastOwnerError:
        messages.error(request, _("You are the last owner. Hand over ownership before you leave."))
        return redirect("organisations:member_list", slug=organisation.slug)
    messages.success(request, _("You left “%(name)s”.") % {"name": organisation.name})
    return redirect("organisations:mine")


@login_required
@require_POST
def ownership_hand_over(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = owned_entry(request, slug)
    membership = get_object_or_404(organisation.memberships.select_related("user"), pk=pk)
    services.ownership_hand_over(organisation=organisation, from_user=request.user, to=membership)
    messages.success(
        request,
        _("%(person)s is now an owner; you are an editor.") % {"person": membership.user},
    )
    return redirect("organisations:member_list", slug=organisation.slug)


@login_required
@require_POST
def invitation_cancel(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = owned_entry(request, slug)
    invitation = get_object_or_404(organisation.invitations.filter(accepted_at__isnull=True), pk=pk)
    services.invitation_cancel(invitation=invitation)
    messages.success(request, _("The invitation is withdrawn."))
    return redirect("organisations:member_list", slug=organisation.slug)


def _accept(request: AuthenticatedHttpRequest, invitation: Invitation) -> HttpResponse:
    try:
        services.invitation_accept(invitation=invitation, user=request.user)
    except services.InvitationError as error:
        return _invitation_page(request, invitation, error.code)
    messages.success(request, _("Welcome to “%(name)s”.") % {"name": invitation.organisation.name})
    return redirect("organisations:manage", slug=invitation.organisation.slug)


def _invitation_page(
    request: HttpRequest, invitation: Invitation, problem: str | None
) -> HttpResponse:
    status = (
        410 if problem in (services.InvitationError.EXPIRED, services.InvitationError.USED) else 200
    )
    if problem == services.InvitationError.WRONG_ACCOUNT:
        status = 403
    return render(
        request,
        "organisations/invitation_detail.html",
        {"invitation": invitation, "problem": problem},
        status=status,
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def invitation_detail(request: AuthenticatedHttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail. Joining needs the account of the invited address."""
    invitation = services.invitation_for_token(token)
    if invitation is None:
        raise Http404
    if request.method == "POST":
        return _accept(request, invitation)
    problem = None
    if invitation.accepted_at is not None:
        problem = services.InvitationError.USED
    elif invitation.is_expired:
        problem = services.InvitationError.EXPIRED
    elif not services.user_has_address(request.user, invitation.email):
        problem = services.InvitationError.WRONG_ACCOUNT
    return _invitation_page(request, invitation, problem)


@login_required
@require_POST
def invitation_accept_listed(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Accept from "My organisations": the verified address proves who was invited."""
    invitation = get_object_or_404(open_invitations_for(request.user), pk=pk)
    return _accept(request, invitation)


# --- Claims ----------------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def claim_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(claimable_organisations(request.user), slug=slug)
    pending = organisation.claims.pending().filter(user=request.user).first()
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and pending is None and form.is_valid():
        if is_rate_limited("claim", str(request.user.pk), limit=CLAIMS_PER_HOUR, period=3600):
            messages.error(request, _("You sent many claims. Please try again in an hour."))
            return redirect("organisations:mine")
        services.claim_create(
            organisation=organisation,
            user=request.user,
            message=form.cleaned_data["message"],
            language=get_language() or "",
        )
        messages.success(
            request, _("Thank you. District staff will check your claim and tell you by e-mail.")
        )
        return redirect("organisations:mine")
    return render(
        request,
        "organisations/claim_form.html",
        {"organisation": organisation, "form": form, "pending": pending},
    )
