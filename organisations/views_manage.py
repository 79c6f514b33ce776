"""Pages for representatives: register an entry, drafts, editing, offers, members, claims."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from migra_hub.http import AuthenticatedHttpRequest
from migra_hub.refusals import refusals_as_messages
from organisations import services
from organisations.access import (
    can_edit_content,
    editable_organisations,
    member_organisations,
    require_member,
    require_owner,
    role_in,
)
from organisations.forms_manage import (
    OfferForm,
    OrganisationEditForm,
    OrganisationForm,
    RegistrationNameForm,
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
from organisations.views_pin import form_with_pin_found, pin_lookup_requested

Role = OrganisationMembership.Role

SUBMIT = "submit"

CLOSED_MEANWHILE = gettext_lazy(
    "District staff closed this entry while you were editing it, so your changes were not "
    "saved. You can still copy what you typed."
)


def member_entry(request: HttpRequest, slug: str) -> tuple[Organisation, str]:
    """The entry if the user is a member (else 404), and the user's role in it."""
    organisation = get_object_or_404(
        member_organisations(request.user).select_related("kind"), slug=slug
    )
    return organisation, require_member(request.user, organisation)


def owned_entry(request: HttpRequest, slug: str) -> Organisation:
    organisation, _role = member_entry(request, slug)
    require_owner(request.user, organisation)
    return organisation


def _editable_entry(request: HttpRequest, slug: str) -> Organisation:
    """Members and the district's staff edit; rejected and archived entries are closed (403)."""
    organisation = _entry_for_editors(request, slug)
    if not can_edit_content(request.user, organisation):
        raise PermissionDenied
    return organisation


def _entry_for_editors(request: HttpRequest, slug: str) -> Organisation:
    return get_object_or_404(editable_organisations(request.user).select_related("kind"), slug=slug)


def entry_home_url(request: HttpRequest, organisation: Organisation) -> str:
    """Where "back to the entry" leads: members manage it, staff review it."""
    if role_in(request.user, organisation) is not None:
        return reverse("organisations:manage", args=[organisation.slug])
    return reverse("organisations:review_detail", args=[organisation.slug])


def open_invitations_for(user: User) -> QuerySet[Invitation]:
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
    if pin_lookup_requested(request):
        form = form_with_pin_found(request, form)
    elif request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(
            data=OrganisationData.from_values(form.cleaned_data), user=request.user
        )
        if submitting:
            services.organisation_submit(organisation=organisation, user=request.user)
            messages.success(request, _("Thank you! Your entry is submitted for review."))
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
            "invitations": open_invitations_for(request.user),
        },
    )


# --- One entry -------------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def organisation_manage(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation, role = member_entry(request, slug)
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
    # Only members submit for review; staff are the reviewers and save.
    may_submit = role_in(request.user, organisation) is not None
    submitting = may_submit and request.POST.get("action") == SUBMIT
    form = OrganisationEditForm(request.POST or None, instance=organisation, submitting=submitting)
    context: dict[str, Any] = {
        "organisation": organisation,
        "back_url": entry_home_url(request, organisation),
    }
    status = 200
    if pin_lookup_requested(request):
        form = form_with_pin_found(request, form)
    elif request.method == "POST" and form.is_valid():
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
            context.update(organisation=current, differences=conflict.differences)
            status = 409
        except services.EntryClosed:
            messages.error(request, CLOSED_MEANWHILE)
            status = 409
        else:
            _after_edit(request, saved, submitting=submitting)
            return redirect(entry_home_url(request, saved))
    context.update(
        form=form,
        can_submit=may_submit and services.can_transition(context["organisation"], "submit"),
        editing_as_staff=not may_submit,
    )
    return render(request, "organisations/organisation_form.html", context, status=status)


def _after_edit(
    request: AuthenticatedHttpRequest, saved: Organisation, *, submitting: bool
) -> None:
    """Submit if asked, and say where the changes are: a decision taken meanwhile (the entry
    unpublished, say) shows in the status of the entry as saved."""
    if submitting and services.can_transition(saved, "submit"):
        services.organisation_submit(organisation=saved, user=request.user)
        messages.success(request, _("Thank you! Your entry is submitted for review."))
    elif saved.is_public:
        messages.success(request, _("Saved. The changes are online now."))
    else:
        messages.success(request, _("Saved."))


@login_required
@require_POST
def organisation_submit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation, _role = member_entry(request, slug)
    with refusals_as_messages(
        request,
        {
            services.IncompleteEntry: services.IncompleteEntry.message,
            services.TransitionNotAllowed: _("This entry cannot be submitted now."),
        },
    ):
        services.organisation_submit(organisation=organisation, user=request.user)
        messages.success(request, _("Thank you! Your entry is submitted for review."))
    return redirect("organisations:manage", slug=organisation.slug)


@login_required
@require_POST
def organisation_confirm(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation, _role = member_entry(request, slug)
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
    organisation = owned_entry(request, slug)
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
    organisation = _entry_for_editors(request, slug)
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
            "back_url": entry_home_url(request, organisation),
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
            context["differences"] = conflict.differences
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
