from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from funding.access import Places
from funding.models import FundingCall
from funding.services import FundingCallData, Place
from migra_hub.forms import ChoiceList, PleaseChooseMixin
from migra_hub.revisions import RevisionFormMixin
from networks.forms import ChosenByNumber
from organisations.models import City, District

# A year the database and the calendar file can hold: anything else is a form error.
LAST_DAY = datetime.date(9998, 12, 31)


def place_key(place: Place) -> str:
    """``district:3``: the value of a place in the form's "for" field."""
    kind = (
        "city"
        if isinstance(place, City)
        else "district"
        if isinstance(place, District)
        else "network"
    )
    return f"{kind}:{place.pk}"


class FundingCallForm(RevisionFormMixin, PleaseChooseMixin, forms.ModelForm):
    """Create or edit a call. The "for" field offers only the places the user may post for."""

    place = forms.ChoiceField(
        label=_("For"),
        help_text=_("Where the call applies. Its staff or coordinators may change it."),
    )
    url = forms.URLField(
        label=_("Link to the call"),
        max_length=500,
        assume_scheme="https",
        help_text=_("The funder's page with the details and the application form."),
    )

    class Meta:
        model = FundingCall
        fields = [
            "title",
            "funder",
            "description",
            "eligibility",
            "topics",
            "target_groups",
            "amount_min",
            "amount_max",
            "deadline_date",
            "deadline_time",
            "url",
        ]
        field_classes = {"topics": ChosenByNumber, "target_groups": ChosenByNumber}
        widgets = {
            "topics": ChoiceList,
            "target_groups": ChoiceList,
            "description": forms.Textarea(attrs={"rows": 6}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
            "deadline_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "deadline_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "amount_min": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "amount_max": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }

    field_order = ["title", "funder", "place"]

    def __init__(self, *args: Any, places: Places, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.add_revision_field(self.instance.revision)
            # A manager may keep the call where it is, even where they could not post.
            places = places.with_place(self.instance.place)
            self.initial.setdefault("place", place_key(self.instance.place))
        self._places = {place_key(place): place for place in places.all()}
        groups: list[tuple[Any, list[Any]]] = [
            (_("City-wide"), places.cities),
            (_("District"), places.districts),
            (_("Network"), places.networks),
        ]
        place = self.fields["place"]
        assert isinstance(place, forms.ChoiceField)
        place.choices = [("", _("Please choose"))] + [
            (label, [(place_key(item), str(item)) for item in items])
            for label, items in groups
            if items
        ]
        deadline = self.fields["deadline_date"]
        deadline.validators.append(MaxValueValidator(LAST_DAY))
        deadline.help_text = _("The last day to apply.")
        for name in ("amount_min", "amount_max"):
            self.fields[name].validators.append(MaxValueValidator(2_000_000_000))
        self.fields["amount_min"].help_text = _("Optional, in whole euros.")
        self.fields["amount_max"].help_text = _("Optional, in whole euros.")
        if not self.instance.pk:
            deadline.validators.append(
                MinValueValidator(
                    timezone.localdate(), message=_("The deadline must not be in the past.")
                )
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        low, high = data.get("amount_min"), data.get("amount_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "amount_max", _("The highest amount must not be lower than the lowest amount.")
            )
        return data

    def call_data(self) -> FundingCallData:
        data = self.cleaned_data
        return FundingCallData(
            title=data["title"],
            funder=data["funder"],
            description=data["description"],
            eligibility=data["eligibility"],
            deadline_date=data["deadline_date"],
            deadline_time=data["deadline_time"],
            url=data["url"],
            place=self._places[data["place"]],
            amount_min=data["amount_min"],
            amount_max=data["amount_max"],
            topics=tuple(data["topics"]),
            target_groups=tuple(data["target_groups"]),
        )
