"""Forms of the events app: sign-up, delegates, changes through the private link, organisers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from events.models import Event, Registration
from events.services import NeedsData, SignupData, WhenShort
from migra_hub.forms import ChoiceList, MultilingualFormMixin, PleaseChooseMixin
from organisations.fields import LanguageChoiceField, LanguageMultipleChoiceField
from organisations.models import Language, Organisation

DATETIME_INPUT = "%Y-%m-%dT%H:%M"


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form: to the field it names if the form has
    it, else at the top of the form."""
    for field, messages in error.message_dict.items():
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=DATETIME_INPUT)


# --- Sign-up ----------------------------------------------------------------------------------


class NeedsFieldsMixin:
    """Seats and needs, shown only as far as the event offers them."""

    event: Event
    fields: dict[str, forms.Field]

    def _setup_needs(self, event: Event) -> None:
        self.event = event
        if event.max_seats_per_signup > 1:
            self.fields["seats"].max_value = event.max_seats_per_signup  # type: ignore[attr-defined]
            self.fields["seats"].widget.attrs["max"] = event.max_seats_per_signup
            self.fields["seats"].help_text = _("Including yourself; at most %(max)s.") % {
                "max": event.max_seats_per_signup
            }
        else:
            del self.fields["seats"]
        interpretation = event.interpretation_languages.all()
        if interpretation:
            self.fields["interpretation_language"].queryset = interpretation  # type: ignore[attr-defined]
        else:
            del self.fields["interpretation_language"]
        if not event.childcare:
            del self.fields["childcare_children"]
            del self.fields["childcare_ages"]


class RegistrationForm(PleaseChooseMixin, NeedsFieldsMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the confirmation and your private link here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation (from the directory)"),
        queryset=Organisation.objects.published(),
        required=False,
        help_text=_("Optional."),
    )
    organisation_name = forms.CharField(
        label=_("Organisation (if not in the directory)"),
        max_length=200,
        required=False,
        help_text=_("Optional."),
    )
    seats = forms.IntegerField(label=_("Number of seats"), min_value=1, initial=1)
    interpretation_language = LanguageChoiceField(
        label=_("I need interpretation into"),
        queryset=Language.objects.none(),
        required=False,
        empty_label=_("No interpretation needed"),
    )
    childcare_children = forms.IntegerField(
        label=_("Children who need childcare"), min_value=0, max_value=20, initial=0, required=False
    )
    childcare_ages = forms.CharField(
        label=_("Ages of the children"),
        max_length=100,
        required=False,
        help_text=_("So that the carers can prepare, e.g. “2 and 5”."),
    )
    needs_step_free = forms.BooleanField(label=_("I need step-free access."), required=False)
    accessibility_needs = forms.CharField(
        label=_("Other needs we should know about"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional, e.g. sign language, large print, a quiet room."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are stored for this event."),
        error_messages={"required": _("Please agree so that we can store your sign-up.")},
    )
    # A honeypot: hidden from people by CSS, filled in by simple bots.
    website = forms.CharField(
        label=_("Please leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, event: Event, user: User | Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._setup_needs(event)
        self.fields["consent"].help_text = format_html(
            gettext(
                "We use your name, e-mail and needs only to run this event; the organisers see "
                'them. They are deleted after the event. <a href="{}">Privacy policy</a>'
            ),
            reverse("privacy"),
        )
        if user is not None and getattr(user, "is_authenticated", False) and not self.is_bound:
            self.initial.setdefault("name", user.name)
            self.initial.setdefault("email", user.email)
            first = Organisation.objects.filter(memberships__user=user).published().first()
            if first is not None:
                self.initial.setdefault("organisation", first.pk)

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.is_bot():
            raise ValidationError(_("Your sign-up could not be processed."), code="honeypot")
        return cleaned

    def seat_choice(self) -> tuple[WhenShort, int | None]:
        """The answer to an offer of fewer seats (its two buttons) and the number offered."""
        try:
            when_short = WhenShort(self.data.get("when_short") or WhenShort.ASK)
        except ValueError:
            when_short = WhenShort.ASK
        offered = str(self.data.get("offered") or "")
        return when_short, int(offered) if offered.isdigit() else None

    def signup_data(self) -> SignupData:
        data = self.cleaned_data
        return SignupData(
            name=data["name"],
            email=data["email"],
            seats=data.get("seats") or 1,
            organisation=data.get("organisation"),
            organisation_name=data.get("organisation_name", ""),
            interpretation_language=data.get("interpretation_language"),
            childcare_children=data.get("childcare_children") or 0,
            childcare_ages=data.get("childcare_ages", ""),
            needs_step_free=data.get("needs_step_free", False),
            accessibility_needs=data.get("accessibility_needs", ""),
        )


class NeedsForm(PleaseChooseMixin, NeedsFieldsMixin, forms.Form):
    """What a registered person may change through their private link."""

    seats = RegistrationForm.base_fields["seats"]
    interpretation_language = RegistrationForm.base_fields["interpretation_language"]
    childcare_children = RegistrationForm.base_fields["childcare_children"]
    childcare_ages = RegistrationForm.base_fields["childcare_ages"]
    needs_step_free = RegistrationForm.base_fields["needs_step_free"]
    accessibility_needs = RegistrationForm.base_fields["accessibility_needs"]

    def __init__(self, *args: Any, registration: Registration, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "seats": registration.seats,
                "interpretation_language": registration.interpretation_language_id,
                "childcare_children": registration.childcare_children,
                "childcare_ages": registration.childcare_ages,
                "needs_step_free": registration.needs_step_free,
                "accessibility_needs": registration.accessibility_needs,
            },
        )
        super().__init__(*args, **kwargs)
        self._setup_needs(registration.event)
        if "seats" in self.fields:
            # Someone who already holds more seats than the current maximum may keep them.
            self.fields["seats"].max_value = max(  # type: ignore[attr-defined]
                registration.event.max_seats_per_signup, registration.seats
            )

    def needs_data(self) -> NeedsData:
        data = self.cleaned_data
        return NeedsData(
            seats=data.get("seats") or 1,
            interpretation_language=data.get("interpretation_language"),
            childcare_children=data.get("childcare_children") or 0,
            childcare_ages=data.get("childcare_ages", ""),
            needs_step_free=data.get("needs_step_free", False),
            accessibility_needs=data.get("accessibility_needs", ""),
        )


class DelegatesForm(PleaseChooseMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    consent = forms.BooleanField(
        label=_("The delegates agree that their details are stored for this event."),
        error_messages={"required": _("Please confirm that the delegates agree.")},
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        if not self.is_bound and len(organisations) == 1:
            self.initial["organisation"] = organisations[0].pk


class DelegateForm(PleaseChooseMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    interpretation_language = LanguageChoiceField(
        label=_("Interpretation into"),
        queryset=Language.objects.none(),
        required=False,
        empty_label=_("No interpretation needed"),
    )
    needs_step_free = forms.BooleanField(label=_("Needs step-free access"), required=False)

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        interpretation = event.interpretation_languages.all()
        if interpretation:
            self.fields["interpretation_language"].queryset = interpretation  # type: ignore[attr-defined]
        else:
            del self.fields["interpretation_language"]

    def signup_data(self) -> SignupData:
        data = self.cleaned_data
        return SignupData(
            name=data["name"],
            email=data["email"],
            interpretation_language=data.get("interpretation_language"),
            needs_step_free=data.get("needs_step_free", False),
        )


class BaseDelegateFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        if not any(form.has_changed() for form in self.forms):
            raise ValidationError(_("Please enter at least one delegate."), code="empty")


DelegateFormSet = forms.formset_factory(
    DelegateForm, formset=BaseDelegateFormSet, extra=5, max_num=50, validate_max=True
)


# --- Organisers -------------------------------------------------------------------------------


class EventForm(MultilingualFormMixin, PleaseChooseMixin, forms.ModelForm):
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
        if self.instance.pk:
            del self.fields["organiser"]
            return
        choices: list[tuple[str, Any]] = [("", _("Please choose"))]
        for label, prefix, queryset in (
            (_("District"), "district", districts),
            (_("Network"), "network", networks),
            (_("Organisation"), "organisation", organisations),
        ):
            options = [(f"{prefix}:{item.pk}", str(item)) for item in queryset or []]
            if options:
                choices.append((str(label), options))
        self.fields["organiser"].choices = choices  # type: ignore[attr-defined]
        self._organisers = {
            "district": districts,
            "network": networks,
            "organisation": organisations,
        }
        flat = [value for group in choices[1:] for value, _label in group[1]]
        if len(flat) == 1 and not self.is_bound:
            self.initial["organiser"] = flat[0]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "organiser" in self.fields and cleaned.get("organiser"):
            kind, pk = cleaned["organiser"].split(":", 1)
            organiser = self._organisers[kind].get(pk=pk)
            self.instance.organiser_district = organiser if kind == "district" else None
            self.instance.organiser_network = organiser if kind == "network" else None
            self.instance.organiser_organisation = organiser if kind == "organisation" else None
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


class EventCancelForm(forms.Form):
    message = forms.CharField(
        label=_("Message to everyone signed up"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: why the event is cancelled, or when it takes place instead."),
    )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    include_waitlist = forms.BooleanField(
        label=_("Also send it to people on the waiting list"), required=False
    )
