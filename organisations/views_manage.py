"""Pages for representatives: register an entry, drafts, editing, offers, members, claims."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from migra_hub.http import AuthenticatedHttpRequest
from migra_hub.ratelimit import is_rate_limited
from organisations import services
from organisations.access import (
    can_edit_content,
    claimable_organisations,
    member_organisations,
    require_member,
    require_owner,
)
from organisations.forms_manage import (
    ClaimForm,
    InvitationForm,
    OfferForm,
    OrganisationEditForm,
    OrganisationForm,
    RegistrationNameForm,
    RoleForm,
)
from organisations.matching import similar_organisations
from organisations.models import (
    Invitation,
    Offer,
    Organisation,
    OrganisationMembership,
    ReviewDecision,
)
from organisations.services import OfferData, OrganisationData

Role = OrganisationMembership.Role

# Each sends e-mail to people who did not ask for it: limited per account.
INVITATIONS_PER_HOUR = 20
CLAIMS_PER_HOUR = 5

SUBMIT = "submit"

CLOSED_MEANWHILE = gettext_lazy(
    "District staff closed this entry while you were editing it, so your changes were not "
    "saved. You can still copy what you typed."
)


def _entry(request: HttpRequest, slug: str) -> tuple[Organisation, str]:
    """The entry if the user is a member (else 404), and the user's role in it."""
    organisation = get_object_or_404(
        member_organisations(request.user).select_related("kind"), slug=slug
    )
    return organisation, require_member(request.user, organisation)


def _owned_entry(request: HttpRequest, slug: str) -> Organisation:
    organisation, _role = _entry(request, slug)
    require_owner(request.user, organisation)
    return organisation


def _editable_entry(request: HttpRequest, slug: str) -> Organisation:
    """Rejected and archived entries are closed: members get 403 when they try to edit."""
    organisation, _role = _entry(request, slug)
    if not can_edit_content(request.user, organisation):
        raise PermissionDenied
    return organisation


def _open_invitations_for(user: User) -> QuerySet[Invitation]:
    addresses = EmailAddress.objects.filter(user=user, verified=True).values("email")
    return (
        Invitation.objects.open()
        .filter(Q(email__iexact=user.email) | Q(email__in=addresses))
        .exclude(organisation__memberships__user=user)
        .select_related("organisation", "invited_by")
    )


# --- Register --------------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def organisation_register(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Step 1: the name. Similar entries are shown before a new one is started."""
    form = RegistrationNameForm(request.GET or None)
    similar = similar_organisations(form.cleaned_data["name"]) if form.is_valid() else None
    return render(
        request,
        "organisations/organisation_register.html",
        {"form": form, "similar": similar},
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_register_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Step 2: the short form. "Save draft" keeps whatever is there; "submit" needs all."""
    submitting = request.POST.get("action") == SUBMIT
    form = OrganisationForm(
        request.POST or None,
        submitting=submitting,
        initial={"name": request.GET.get("name", "")[:200]},
    )
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(
            data=OrganisationData.from_values(form.cleaned_data), user=request.user
        )
        if submitting:
            services.organisation_submit(organisation=organisation, user=request.user)
            messages.success(request, _("Thank you! District staff will review your entry."))
        else:
            messages.success(request, _("Your draft is saved. You can continue at any time."))
        return redirect("organisations:manage", slug=organisation.slug)
    return render(request, "organisations/organisation_form.html", {"form": form, "new": True})


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def my_organisations(request: AuthenticatedHttpRequest) -> HttpResponse:
    memberships = request.user.organisation_memberships.select_related(
        "organisation", "organisation__kind"
    ).order_by("organisation__name")
    claims = request.user.organisation_claims.select_related("organisation").order_by("-created_at")
    return render(
        request,
        "organisations/organisation_mine.html",
        {
            "memberships": memberships,
            "claims": claims,
            "invitations": _open_invitations_for(request.user),
        },
    )


# --- One entry -------------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def organisation_manage(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation, role = _entry(request, slug)
    last_decision = organisation.review_decisions.select_related("decided_by").first()
    return render(
        request,
        "organisations/organisation_manage.html",
        {
            "organisation": organisation,
            "role": role,
            "is_owner": role == Role.OWNER,
            "can_edit": can_edit_content(request.user, organisation),
            "can_submit": services.can_transition(organisation, "submit"),
            "missing": services.missing_essentials(organisation)
            if services.can_transition(organisation, "submit")
            else [],
            "last_decision": last_decision,
            "feedback_actions": (
                ReviewDecision.Action.CHANGES_REQUESTED,
                ReviewDecision.Action.UNPUBLISHED,
                ReviewDecision.Action.REJECTED,
                ReviewDecision.Action.ARCHIVED,
            ),
            "offer_count": organisation.offers.count(),
        },
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = _editable_entry(request, slug)
    submitting = request.POST.get("action") == SUBMIT
    form = OrganisationEditForm(request.POST or None, instance=organisation, submitting=submitting)
    context: dict[str, Any] = {"organisation": organisation}
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.organisation_update(
                organisation=organisation,
                data=OrganisationData.from_values(form.cleaned_data),
                user=request.user,
                loaded_version=form.cleaned_data["version"],
            )
        except services.EditConflict as conflict:
            current = Organisation.objects.get(pk=organisation.pk)
            data = form.data_after_conflict(conflict, current)
            form = OrganisationEditForm(data, instance=current, submitting=submitting)
            context.update(organisation=current, conflicts=conflict.conflicts)
            status = 409
        except services.EntryClosed:
            messages.error(request, CLOSED_MEANWHILE)
            status = 409
        else:
            _after_edit(request, saved, submitting=submitting)
            return redirect("organisations:manage", slug=saved.slug)
    context.update(form=form, can_submit=services.can_transition(context["organisation"], "submit"))
    return render(request, "organisations/organisation_form.html", context, status=status)


def _after_edit(
    request: AuthenticatedHttpRequest, saved: Organisation, *, submitting: bool
) -> None:
    """Submit if asked, and say where the changes are: a decision taken meanwhile (the entry
    unpublished, say) shows in the status of the entry as saved."""
    if submitting and services.can_transition(saved, "submit"):
        services.organisation_submit(organisation=saved, user=request.user)
        messages.success(request, _("Thank you! District staff will review your entry."))
    elif saved.is_public:
        messages.success(request, _("Saved. The changes are online now."))
    else:
        messages.success(request, _("Saved."))


@login_required
@require_POST
def organisation_submit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation, _role = _entry(request, slug)
    try:
        services.organisation_submit(organisation=organisation, user=request.user)
    except services.IncompleteEntry as incomplete:
        messages.error(
            request,
            _("Please add first: %(missing)s.") % {"missing": ", ".join(incomplete.missing)},
        )
    except services.TransitionNotAllowed:
        messages.error(request, _("This entry cannot be submitted now."))
    else:
        messages.success(request, _("Thank you! District staff will review your entry."))
    return redirect("organisations:manage", slug=organisation.slug)


@login_required
@require_POST
def organisation_confirm(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation, _role = _entry(request, slug)
    if not organisation.is_public:
        messages.error(request, _("Only published entries can be confirmed."))
    else:
        services.organisation_confirm_current(organisation=organisation, user=request.user)
        messages.success(request, _("Thank you for confirming that the entry is still correct."))
    return redirect("organisations:manage", slug=organisation.slug)


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_delete(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = _owned_entry(request, slug)
    if request.method == "POST":
        name = organisation.name
        kept = services.organisation_delete(organisation=organisation, user=request.user)
        if kept:
            messages.success(request, _("“%(name)s” is archived.") % {"name": name})
        else:
            messages.success(request, _("“%(name)s” is deleted.") % {"name": name})
        return redirect("organisations:mine")
    return render(
        request, "organisations/organisation_confirm_delete.html", {"organisation": organisation}
    )


# --- Offers ----------------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def offer_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation, _role = _entry(request, slug)
    offers = (
        organisation.offers.select_related("kind")
        .prefetch_related("kind__translations")
        .order_by("title")
    )
    return render(
        request,
        "organisations/offer_manage_list.html",
        {
            "organisation": organisation,
            "offers": offers,
            "can_edit": can_edit_content(request.user, organisation),
        },
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def offer_edit(request: AuthenticatedHttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    organisation = _editable_entry(request, slug)
    offer = get_object_or_404(organisation.offers, pk=pk) if pk is not None else None
    form = OfferForm(request.POST or None, instance=offer)
    context: dict[str, Any] = {"organisation": organisation, "offer": offer}
    status = 200
    if request.method == "POST" and form.is_valid():
        data = OfferData.from_values(form.cleaned_data)
        try:
            if offer is None:
                services.offer_create(organisation=organisation, data=data, user=request.user)
            else:
                services.offer_update(
                    offer=offer,
                    data=data,
                    user=request.user,
                    loaded_version=form.cleaned_data["version"],
                )
        except services.EditConflict as conflict:
            assert offer is not None
            current = Offer.objects.get(pk=offer.pk)
            form = OfferForm(form.data_after_conflict(conflict, current), instance=current)
            context["conflicts"] = conflict.conflicts
            status = 409
        except services.EntryClosed:
            messages.error(request, CLOSED_MEANWHILE)
            status = 409
        else:
            messages.success(request, _("The offer is saved."))
            return redirect("organisations:offer_list", slug=organisation.slug)
    context["form"] = form
    return render(request, "organisations/offer_form.html", context, status=status)


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def offer_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _editable_entry(request, slug)
    offer = get_object_or_404(organisation.offers, pk=pk)
    if request.method == "POST":
        services.offer_delete(offer=offer, user=request.user)
        messages.success(request, _("The offer is deleted."))
        return redirect("organisations:offer_list", slug=organisation.slug)
    return render(
        request,
        "organisations/offer_confirm_delete.html",
        {"organisation": organisation, "offer": offer},
    )


# --- Members ---------------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def member_list(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    """Every member sees who belongs; owners also invite, change roles and remove."""
    organisation, role = _entry(request, slug)
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
    organisation = _owned_entry(request, slug)
    membership = get_object_or_404(organisation.memberships, pk=pk)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(
                membership=membership, role=form.cleaned_data["role"], by=request.user
            )
        except services.LastOwnerError:
            messages.error(request, _("The organisation needs at least one owner."))
        else:
            messages.success(request, _("The role is changed."))
    return redirect("organisations:member_list", slug=organisation.slug)


@login_required
@require_POST
def member_remove(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _owned_entry(request, slug)
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
    organisation, _role = _entry(request, slug)
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
    organisation = _owned_entry(request, slug)
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
    organisation = _owned_entry(request, slug)
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
    invitation = get_object_or_404(_open_invitations_for(request.user), pk=pk)
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
