from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from following.models import DigestSetting
from organisations.models import District


class DigestSettingForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often would you like an e-mail about what is new?"),
        choices=DigestSetting.Frequency.choices,
        widget=forms.RadioSelect,
    )


class DistrictFollowForm(forms.Form):
    key = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, districts: QuerySet[District], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].queryset = districts  # type: ignore[attr-defined]
