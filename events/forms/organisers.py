"""The organisers' forms: the event itself, its cancellation, a message to everyone signed up and
the search at the check-in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from events.forms.co_organisers import organiser_choices
from events.forms.common import (
    DATETIME_INPUT,
    DateTimeLocalInput,
    validate_single_line,
)
from events.models import Event
from events.services import EventData
from events.services.events import Organiser
from migra_hub.forms import (
    ChoiceList,
    MultilingualFormMixin,
    PleaseChooseMixin,
    version_field_name,
)
from migra_hub.multilingual import interface_languages
from migra_hub.revisions import RevisionFormMixin
from organisations.fields import LanguageMultipleChoiceField

# Shown in e-mail subjects, calendar files and page titles.
SINGLE_LINE_FIELDS = ("title", "venue_name", "venue_address", "accessibility_notes")


class EventForm(RevisionFormMixin, MultilingualFormMixin, PleaseChooseMixin, forms.ModelForm):
    organiser = forms.ChoiceField(label=_("Organiser"))
    online_link = forms.URLField(
        label=_("online link"),
        required=False,
        assume_scheme="https",
        help_text=_("Only confirmed participants see it (page and e-mail)."),
    )

    class Meta:
        model = Event
        fields = [
            "organiser",
            "title",
            "kind",
            "description",
            "starts_at",
            "ends_at",
            "venue_name",
            "venue_address",
            "step_free",
            "accessible_toilet",
            "hearing_loop",
            "accessibility_notes",
            "online_link",
            "languages",
            "interpretation_languages",
            "childcare",
            "capacity",
            "waiting_list",
            "signup_opens_at",
            "signup_closes_at",
            "max_seats_per_signup",
            "max_seats_per_organisation",
            "visibility",
            "contact_email",
        ]
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "signup_opens_at": DateTimeLocalInput(),
            "signup_closes_at": DateTimeLocalInput(),
            "languages": ChoiceList,
            "interpretation_languages": ChoiceList,
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        field_classes = {
            "languages": LanguageMultipleChoiceField,
            "interpretation_languages": LanguageMultipleChoiceField,
        }

    def __init__(
        self,
        *args: Any,
        districts: Any = None,
        networks: Any = None,
        organisations: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at", "signup_opens_at", "signup_closes_at"):
            self.fields[name].input_formats = [DATETIME_INPUT, "%Y-%m-%d %H:%M"]  # type: ignore[attr-defined]
        for name in SINGLE_LINE_FIELDS + tuple(
            version_field_name(language, "title") for language in interface_languages()
        ):
            self.fields[name].validators.append(validate_single_line)
        self.chosen_organiser: Organiser | None = None
        if self.instance.pk:
            del self.fields["organiser"]
            # The revision the form was opened on: saving tells when someone else saved since.
            self.add_revision_field(self.instance.revision)
            return
        self._setup_organisers(districts, networks, organisations)

    def _setup_organisers(self, districts: Any, networks: Any, organisations: Any) -> None:
        self._organisers = {
            "district": districts,
            "network": networks,
            "organisation": organisations,
        }
        choices = organiser_choices(self._organisers)
        self.fields["organiser"].choices = choices  # type: ignore[attr-defined]
        flat = [value for group in choices[1:] for value, _label in group[1]]
        if len(flat) == 1 and not self.is_bound:
            self.initial["organiser"] = flat[0]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "organiser" in self.fields and cleaned.get("organiser"):
            kind, pk = cleaned["organiser"].split(":", 1)
            chosen = self._organisers[kind].get(pk=pk)
            self.chosen_organiser = chosen
            self.instance.organiser_district = chosen if kind == "district" else None
            self.instance.organiser_network = chosen if kind == "network" else None
            self.instance.organiser_organisation = chosen if kind == "organisation" else None
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        opens, closes = cleaned.get("signup_opens_at"), cleaned.get("signup_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("signup_closes_at", _("Sign-up must close after it opens."))
        if (
            cleaned.get("visibility") == Event.Visibility.MEMBERS
            and self.instance.organiser_network is None
            and not (cleaned.get("organiser") or "").startswith("network:")
        ):
            self.add_error(
                "visibility", _("Only events of a network can be limited to its members.")
            )
        if cleaned.get("max_seats_per_signup") is not None and cleaned["max_seats_per_signup"] < 1:
            self.add_error("max_seats_per_signup", _("At least one seat per sign-up."))
        return cleaned

    def event_data(self) -> EventData:
        return EventData.from_values(self.cleaned_data)


class EventCancelForm(forms.Form):
    message = forms.CharField(
        label=_("Message to everyone signed up"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: why the event is cancelled, or when it takes place instead."),
    )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150, validators=[validate_single_line])
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    include_waitlist = forms.BooleanField(
        label=_("Also send it to people on the waiting list"), required=False
    )


class CheckInSearchForm(forms.Form):
    q = forms.CharField(label=_("Find a name, e-mail or organisation"), required=False)
