from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from migra_hub.forms import ChoiceList, MultilingualFormMixin, PleaseChooseMixin
from migra_hub.revisions import RevisionFormMixin
from networks.models import Network, NetworkNote
from networks.services import NetworkData
from organisations.models import District, Organisation

MESSAGE_HELP = _("Optional. The organisation's owners receive it by e-mail.")


class ChosenByNumber(forms.ModelMultipleChoiceField):
    """Choices posted as row numbers: a number beyond the database's integers names nothing
    (the database would answer a query for it with an error instead of finding nothing)."""

    LARGEST = 2**63 - 1

    def clean(self, value: Any) -> Any:
        for pk in value if isinstance(value, list | tuple) else ():
            try:
                out_of_range = abs(int(pk)) > self.LARGEST
            except (TypeError, ValueError):
                continue  # Django's own check names it
            if out_of_range:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)


class NetworkForm(RevisionFormMixin, MultilingualFormMixin, PleaseChooseMixin, forms.ModelForm):
    """Create or edit a network. Coordinators (not staff) cannot change scope or district,
    since those decide who curates the network."""

    STAFF_ONLY = ("scope", "district")

    class Meta:
        model = Network
        fields = [
            "name",
            "scope",
            "district",
            "goal",
            "description",
            "topics",
            "meeting_rhythm",
            "terms_of_reference",
            "rules",
            "join_policy",
            "phase",
            "contact_email",
        ]
        field_classes = {"topics": ChosenByNumber}
        widgets = {
            "topics": ChoiceList,
            "join_policy": forms.RadioSelect,
            "goal": forms.Textarea(attrs={"rows": 3}),
            "terms_of_reference": forms.Textarea(attrs={"rows": 5}),
            "rules": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(
        self, *args: Any, districts: QuerySet[District] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.add_revision_field(self.instance.revision)
            # A phase changes with a dated note on the network's phase page, never here.
            del self.fields["phase"]
        else:
            phase = self.fields["phase"]
            assert isinstance(phase, forms.ChoiceField)
            phase.choices = [
                (value, label)
                for value, label in Network.Phase.choices
                if value not in (Network.Phase.DORMANT, Network.Phase.CLOSED)
            ]
            phase.help_text = _("Only a network in preparation is hidden from the public.")
        if districts is None:
            for name in self.STAFF_ONLY:
                del self.fields[name]
        else:
            district = self.fields["district"]
            assert isinstance(district, forms.ModelChoiceField)
            district.queryset = districts
            district.help_text = _(
                "Needed for district networks; staff of this district curate the network."
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if "scope" not in self.fields:
            return data
        if data.get("scope") == Network.Scope.DISTRICT:
            if not data.get("district"):
                self.add_error("district", _("A district network needs a district."))
        else:
            data["district"] = None
        return data

    def network_data(self) -> NetworkData:
        """What was entered; coordinators keep the scope and district the form was opened on."""
        data = self.cleaned_data
        kept = {name: getattr(self.instance, name) for name in self.STAFF_ONLY}
        values: dict[str, Any] = {
            name: data.get(name, kept.get(name)) for name in NetworkData.column_names()
        }
        return NetworkData(**values, topics=tuple(data["topics"]))


class JoinRequestForm(PleaseChooseMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("For which organisation?"), queryset=Organisation.objects.none()
    )
    message = forms.CharField(
        label=_("A short message to the coordinators"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, e.g. what your organisation would like to contribute."),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()


class DecisionForm(forms.Form):
    text_field = "message"  # the field whose text goes into the history and the e-mail

    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=MESSAGE_HELP,
    )


class RemovalForm(forms.Form):
    text_field = "reason"

    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required. It is kept in the network's history and sent to the owners."),
    )


class OrganisationSearchForm(forms.Form):
    q = forms.CharField(label=_("Name of the organisation"), required=False, max_length=100)


class NoteForm(forms.ModelForm):
    # Links only to web pages (no javascript: or ftp:).
    attachment_url = forms.URLField(
        label=capfirst(NetworkNote._meta.get_field("attachment_url").verbose_name),
        help_text=NetworkNote._meta.get_field("attachment_url").help_text,
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
    )

    class Meta:
        model = NetworkNote
        fields = ["title", "date", "text", "attachment_url"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The model's callable default would add a hidden "initial-date" input.
        self.fields["date"].show_hidden_initial = False
