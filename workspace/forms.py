from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import ReviewerMailSetting


class MailSettingForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mails about what waits for you"),
        choices=ReviewerMailSetting.Frequency.choices,
        widget=forms.RadioSelect,
    )
