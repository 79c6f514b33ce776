"""Forms of networks proposed by organisations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from migra_hub.forms import ChoiceList, PleaseChooseMixin
from networks.forms import ChosenByNumber
from networks.models import NetworkProposal
from organisations.models import District, Organisation


class ProposalForm(PleaseChooseMixin, forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Proposed by which organisation?"), queryset=Organisation.objects.none()
    )

    class Meta:
        model = NetworkProposal
        fields = ["organisation", "name", "goal", "description", "scope", "district", "topics"]
        field_classes = {"topics": ChosenByNumber}
        widgets = {
            "topics": ChoiceList,
            "scope": forms.RadioSelect,
            "goal": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "description": _("Optional: who should take part, how you would like to work."),
            "district": _("Needed for a district network; staff of this district decide."),
        }

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = organisations
        if len(organisations) == 1:
            organisation.initial = organisations[0]
        district = self.fields["district"]
        assert isinstance(district, forms.ModelChoiceField)
        district.queryset = District.objects.select_related("city").order_by("name")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("scope") == NetworkProposal.Scope.DISTRICT:
            if not data.get("district"):
                self.add_error("district", _("A district network needs a district."))
        else:
            data["district"] = None
        return data

    def _post_clean(self) -> None:
        # The model's check of scope and district is this form's clean(); the rest is the
        # service's (it creates the proposal).
        pass


class ProposalDecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Message or reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the person who proposed the network. Required when you decline."),
    )
