"""A service's refusal, told to the person as an error message.

Services refuse with an exception (a step the state does not allow, the last owner leaving, ...);
a view that only has to say so writes what it does inside ``refusals_as_messages`` and ends
with its success message, so that every view turns a refusal into a message the same way:

    with refusals_as_messages(request, {services.LastOwnerError: _("...")}):
        services.membership_change_role(...)
        messages.success(request, _("The role is changed."))
    return redirect(...)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

# A fixed text, or one made from the exception (which may say what is missing).
Message = str | Callable[[Any], str]


@contextmanager
def refusals_as_messages(
    request: HttpRequest, refusals: Mapping[type[Exception], Message]
) -> Iterator[None]:
    """An exception of a type in ``refusals`` ends the block with that message (the first type
    it is an instance of, in order, like ``except`` clauses); any other goes on up."""
    try:
        yield
    except tuple(refusals) as refusal:
        message = next(text for kind, text in refusals.items() if isinstance(refusal, kind))
        messages.error(request, message if isinstance(message, str) else message(refusal))
