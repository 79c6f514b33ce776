"""Forms of the network's phase and agreements."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from migra_hub.forms import PleaseChooseMixin
from networks.models import Network, NetworkTask
from organisations.models import Organisation

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("New phase"), widget=forms.RadioSelect)
    date = forms.DateField(
        label=_("Since"),
        widget=DATE_INPUT,
        help_text=_("The day the network entered the new phase, e.g. the day of the meeting."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required. What happened, e.g. “Founding meeting with eight organisations”. "
            "It is shown on the network's page."
        ),
    )

    def __init__(self, *args: Any, phases: list[Network.Phase], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        phase = self.fields["phase"]
        assert isinstance(phase, forms.ChoiceField)
        phase.choices = [(p.value, p.label) for p in phases]
        self.fields["date"].initial = timezone.localdate


class TaskForm(PleaseChooseMixin, forms.ModelForm):
    responsible = forms.ModelChoiceField(
        label=_("Who (member organisation)"), queryset=Organisation.objects.none()
    )

    class Meta:
        model = NetworkTask
        fields = ["title", "responsible", "due_date"]
        labels = {"title": _("What"), "due_date": _("By when")}
        widgets = {"due_date": DATE_INPUT}
        help_texts = {"due_date": _("Optional.")}

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        responsible = self.fields["responsible"]
        assert isinstance(responsible, forms.ModelChoiceField)
        responsible.queryset = organisations
