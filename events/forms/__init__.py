"""Forms of the events app: sign-up, delegates, changes through the private link, organisers."""

from events.forms.co_organisers import CoOrganiserForm
from events.forms.common import add_service_errors, validate_single_line
from events.forms.organisers import CheckInSearchForm, EventCancelForm, EventForm, MessageForm
from events.forms.signup import (
    DELEGATES_PER_FORM,
    DelegateForm,
    DelegateFormSet,
    DelegatesForm,
    NeedsForm,
    RegistrationForm,
)

__all__ = [
    "DELEGATES_PER_FORM",
    "CheckInSearchForm",
    "CoOrganiserForm",
    "DelegateForm",
    "DelegateFormSet",
    "DelegatesForm",
    "EventCancelForm",
    "EventForm",
    "MessageForm",
    "NeedsForm",
    "RegistrationForm",
    "add_service_errors",
    "validate_single_line",
]
