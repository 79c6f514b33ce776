"""Forms for registering and managing entries, members, claims and review decisions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

from migra_hub.forms import ChoiceList, MultilingualFormMixin, PleaseChooseMixin, version_field_name
from migra_hub.multilingual import interface_languages
from organisations.fields import LanguageMultipleChoiceField
from organisations.forms_pin import PIN_FIELDS, PinFormMixin
from organisations.models import (
    District,
    Invitation,
    Language,
    Offer,
    Organisation,
    OrganisationMembership,
    OwnershipClaim,
)
from organisations.services import EditConflict, entry_version


def formfield(field: models.Field, **kwargs: Any) -> forms.Field | None:
    """Web addresses typed without a scheme are taken as https (Django 6's default); languages
    are offered by their names in the current language."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    if isinstance(field, models.ManyToManyField) and field.related_model is Language:
        kwargs.setdefault("form_class", LanguageMultipleChoiceField)
    return field.formfield(**kwargs)


def _as_data(value: Any) -> list[str]:
    """A value as a browser would post it (a ticked box is "on", an unticked one absent)."""
    if value is None or value is False:
        return []
    if value is True:
        return ["on"]
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [str(value)]


class VersionedFormMixin(forms.Form):
    """An edit form that remembers which version of the object it was loaded from, so that
    the service can tell when someone else changed the object meanwhile (see
    ``organisations.services.versions``)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            self.initial.setdefault("version", entry_version(instance))

    def data_after_conflict(self, conflict: EditConflict, current: models.Model) -> Any:
        """The posted data to show again: what the person typed, the version now saved, and
        the saved values of the fields only someone else changed (so that saving again does
        not put back what they replaced)."""
        data = self.data.copy()  # type: ignore[attr-defined]
        data[self.add_prefix("version")] = str(conflict.version)
        fresh = type(self)(instance=current)  # type: ignore[call-arg]
        for name in conflict.changed_by_them:
            for form_name in self._form_names(name):
                if form_name in fresh.fields:
                    data.setlist(self.add_prefix(form_name), _as_data(fresh[form_name].value()))
        return data

    def _form_names(self, model_field: str) -> list[str]:
        if model_field != "translations":
            return [model_field]
        names = getattr(self, "multilingual_names", [])
        return [version_field_name(lang, name) for lang in interface_languages() for name in names]


class RegistrationNameForm(forms.Form):
    name = forms.CharField(
        label=_("Name of your organisation"),
        max_length=200,
        help_text=_("We first check whether your organisation is in the directory already."),
    )


class OrganisationForm(MultilingualFormMixin, PleaseChooseMixin, PinFormMixin, forms.ModelForm):
    """The short form with the essentials; drafts may leave parts of it empty.

    With ``submitting=True`` the essentials are required, so the same form serves "save draft"
    and "submit for review" and keeps everything typed when something is missing.
    """

    groups: list[tuple[Any, list[str]]] = [
        (_("About the organisation"), ["name", "short_name", "kind", "description"]),
        (_("Where you work"), ["districts"]),
        (_("Languages, topics and people you work for"), ["languages", "topics", "target_groups"]),
        (_("Contact"), ["email", "phone", "website"]),
        (_("Address"), ["no_public_address", "street", "postcode", "locality", *PIN_FIELDS]),
        (
            _("Verification details (optional)"),
            ["migrant_led", "register_court", "register_number", "non_profit"],
        ),
    ]

    class Meta:
        model = Organisation
        formfield_callback = formfield
        fields = [
            "name",
            "short_name",
            "kind",
            "description",
            "districts",
            "languages",
            "topics",
            "target_groups",
            "email",
            "phone",
            "website",
            "no_public_address",
            "street",
            "postcode",
            "locality",
            *PIN_FIELDS,
            "migrant_led",
            "register_court",
            "register_number",
            "non_profit",
        ]
        widgets = {
            "districts": ChoiceList,
            "languages": ChoiceList,
            "topics": ChoiceList,
            "target_groups": ChoiceList,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "description": _("In a few sentences: what do you do, for whom, in which languages?"),
            "short_name": _("Optional, e.g. an abbreviation people know you by."),
            "email": _("Public. Use a shared address of the organisation, not a personal one."),
            "phone": _("Public."),
            "register_number": _("If you are a registered association, e.g. VR 12345 B."),
        }

    def __init__(self, *args: Any, submitting: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        districts, kind = self.fields["districts"], self.fields["kind"]
        assert isinstance(districts, forms.ModelMultipleChoiceField)
        assert isinstance(kind, forms.ModelChoiceField)
        districts.required = False
        districts.queryset = District.objects.select_related("city")
        kind.empty_label = _("Please choose")

    def fieldsets(self) -> list[tuple[Any, list[BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.groups]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not self.submitting:
            return data
        required = _("Needed before you can submit.")
        if not (data.get("description") or "").strip():
            self.add_error("description", required)
        if not data.get("districts"):
            self.add_error("districts", _("Please choose at least one district."))
        if not (data.get("email") or data.get("phone") or data.get("website")):
            self.add_error(
                "email", _("Please give at least one way to contact you: e-mail, phone or website.")
            )
        if not data.get("no_public_address"):
            for name in ("street", "postcode", "locality"):
                if not data.get(name):
                    self.add_error(name, _("Needed unless you tick “no public address”."))
        return data


class OrganisationEditForm(VersionedFormMixin, OrganisationForm):
    """After registration: the essentials plus everything that can be added later."""

    groups = [
        *OrganisationForm.groups,
        (
            _("More details (optional)"),
            ["founding_year", "counselling_languages", "social_links"],
        ),
    ]

    class Meta(OrganisationForm.Meta):
        fields = [
            *OrganisationForm.Meta.fields,
            "founding_year",
            "counselling_languages",
            "social_links",
        ]
        widgets = {
            **OrganisationForm.Meta.widgets,
            "counselling_languages": ChoiceList,
            "social_links": forms.Textarea(attrs={"rows": 3}),
        }


class OfferForm(VersionedFormMixin, MultilingualFormMixin, PleaseChooseMixin, forms.ModelForm):
    class Meta:
        model = Offer
        formfield_callback = formfield
        fields = [
            "title",
            "kind",
            "description",
            "topics",
            "target_groups",
            "languages",
            "cost",
            "schedule",
            "registration_required",
            "starts_on",
            "ends_on",
            "at_organisation_address",
            "street",
            "postcode",
            "locality",
            "step_free",
            "accessible_toilet",
            "hearing_loop",
            "accessibility_notes",
        ]
        widgets = {
            "topics": ChoiceList,
            "target_groups": ChoiceList,
            "languages": ChoiceList,
            "cost": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "street": _("Only if the offer takes place somewhere else."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ModelChoiceField)
        kind.empty_label = _("Please choose")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and starts > ends:
            self.add_error("ends_on", _("The end cannot be before the start."))
        return data


class ClaimForm(forms.ModelForm):
    class Meta:
        model = OwnershipClaim
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}


class MessageForm(forms.Form):
    """A message or reason that goes with a staff decision."""

    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )

    def __init__(self, *args: Any, label: Any = None, required: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label is not None:
            self.fields["message"].label = label
        self.fields["message"].required = required


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]
        widgets = {"role": forms.RadioSelect}
        help_texts = {
            "email": _(
                "We use this address only to send the invitation. The owners of the "
                "organisation see pending invitations; the link works once and for 7 days."
            ),
            "role": _(
                "Owners can do everything, including managing members. Editors edit "
                "the entry and its offers."
            ),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if self.organisation.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is a member already."))
        if self.organisation.invitations.open().filter(email__iexact=email).exists():
            raise forms.ValidationError(_("This address has an open invitation already."))
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"), choices=OrganisationMembership.Role.choices, widget=forms.RadioSelect
    )
