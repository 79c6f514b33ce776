"""Building blocks for the apps' Django admins, which are one more client of the services.

Records (decisions, histories, claims, invitations) are only read there; objects whose deletion
has consequences (an entry leaves the directory, an account hands over its entries) are deleted
through their service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import model_ngettext
from django.contrib.auth import get_permission_codename
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accounts.models import User

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def acting_user(request: HttpRequest) -> User:
    """The account behind an admin request (the admin lets only logged-in staff in)."""
    assert isinstance(request.user, User)
    return request.user


class RecordAdmin(admin.ModelAdmin):
    """What was decided or what happened: view only. Such rows are written by the services (on
    the site or through admin actions) and go only together with what they belong to."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    """Shows what belongs to an object; each row links to its own admin page, where changes go
    through the services."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DeletesThroughService(admin.ModelAdmin):
    """Deleting here, one object or a selection, calls ``delete_through_service`` for each.

    The records that go with the object (its decisions, claims, memberships) are not deletable
    on their own, but they must not block the deletion of what they belong to.
    """

    def delete_through_service(self, request: HttpRequest, obj: Any) -> None:
        raise NotImplementedError

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        self.delete_through_service(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            self.delete_through_service(request, obj)

    def get_deleted_objects(
        self, objs: Any, request: HttpRequest
    ) -> tuple[list[Any], dict[str, int], set[Any], list[Any]]:
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        records = {
            model._meta.verbose_name
            for model, model_admin in self.admin_site._registry.items()
            if isinstance(model_admin, RecordAdmin)
        }
        return deleted, counts, perms_needed - records, protected


# --- Actions that call a service -------------------------------------------------------------


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=2000)

    def __init__(self, *args: Any, label: StrOrPromise, required: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].required = required


ServiceCall = Callable[[Any, User, str], object]


@dataclass(frozen=True)
class ServiceAction:
    """An admin action that calls a service once for each selected object.

    ``call(obj, user, reason)`` runs the service. With a ``reason`` label the action first
    shows a page that asks for the reason (required or not) and lists what it applies to. An
    object the service refuses (one of the ``refusals``) stays as it is, and the message
    ``refused`` (or, without one, the refusal's own) names it.
    """

    label: StrOrPromise
    call: ServiceCall
    reason: StrOrPromise | None = None
    reason_required: bool = False
    refusals: tuple[type[Exception], ...] = ()
    refused: StrOrPromise = ""

    def as_action(self, name: str) -> Callable[..., TemplateResponse | None]:
        def action(
            modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
        ) -> TemplateResponse | None:
            return self.run(name, modeladmin, request, queryset)

        action.__name__ = name
        return admin.action(description=self.label, permissions=["decide"])(action)

    def run(
        self, name: str, modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
    ) -> TemplateResponse | None:
        reason = ""
        if self.reason is not None:
            form = ReasonForm(
                request.POST if "apply" in request.POST else None,
                label=self.reason,
                required=self.reason_required,
            )
            if not form.is_valid():
                return self.reason_page(name, modeladmin, request, queryset, form)
            reason = form.cleaned_data["reason"]
        done = 0
        for obj in queryset:
            try:
                self.call(obj, acting_user(request), reason)
            except self.refusals as error:
                why = self.refused or error  # without a message of its own: the service's
                modeladmin.message_user(request, f"{obj}: {why}", messages.WARNING)
            else:
                done += 1
        if done:
            message = _("%(action)s: done for %(count)d %(items)s.") % {
                "action": self.label,
                "count": done,
                "items": model_ngettext(queryset, done),
            }
            modeladmin.message_user(request, message, messages.SUCCESS)
        return None

    def reason_page(
        self,
        name: str,
        modeladmin: admin.ModelAdmin,
        request: HttpRequest,
        queryset: QuerySet,
        form: ReasonForm,
    ) -> TemplateResponse:
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": self.label,
            "opts": modeladmin.model._meta,
            "objects": queryset,
            "form": form,
            "action": name,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": modeladmin.media + form.media,
        }
        return TemplateResponse(request, "admin/action_with_reason.html", context)


class ServiceActionsAdmin(admin.ModelAdmin):
    """Runs ``ServiceAction`` actions; allowed to whoever may change the model (on a record
    admin too, where the action is the only way to change it)."""

    def has_decide_permission(self, request: HttpRequest) -> bool:
        opts = self.model._meta
        codename = get_permission_codename("change", opts)
        return request.user.has_perm(f"{opts.app_label}.{codename}")
