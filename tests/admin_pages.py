"""Opening the Django admin's pages of a model the way a superuser would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.db import connection
from django.db.models import Model
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def admin_url(model: type[Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def registered_models(app_label: str) -> set[type[Model]]:
    return {model for model in admin.site._registry if model._meta.app_label == app_label}


def assert_admin_pages_open(client: Client, superuser: User, make: Callable[[], Model]) -> None:
    """The list (with the same number of queries for two more rows), the change form and, where
    the admin allows adding, the add form answer 200; the add form is 403 where it does not.

    Warnings are errors in the suite: a form field that warns (a ``URLField`` without
    ``assume_scheme``) fails here.
    """
    first = make()
    model = type(first)
    rows = model._default_manager.count()  # the superuser is one on the list of accounts
    changelist = admin_url(model, "changelist")
    with CaptureQueriesContext(connection) as fewer_rows:
        response = client.get(changelist)
    assert response.status_code == 200
    assert response.context["cl"].result_count == rows
    make()
    make()
    with CaptureQueriesContext(connection) as more_rows:
        response = client.get(changelist)
    assert response.context["cl"].result_count == rows + 2
    assert len(more_rows) == len(fewer_rows), "a query per row:\n" + "\n".join(
        query["sql"] for query in more_rows.captured_queries[len(fewer_rows) - 3 :]
    )

    response = client.get(admin_url(model, "change", first.pk))
    assert response.status_code == 200
    assert response.context["original"] == first

    request = RequestFactory().get("/")
    request.user = superuser
    may_add = admin.site._registry[model].has_add_permission(request)
    response = client.get(admin_url(model, "add"))
    assert response.status_code == (200 if may_add else 403)


def change_form_data(response: HttpResponse) -> dict[str, Any]:
    """What the change form on this page posts when nothing is touched (with its inlines)."""
    forms = [response.context["adminform"].form]
    data: dict[str, Any] = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {management.add_prefix(name): management[name].value() for name in management.fields}
        )
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            if isinstance(value, list | tuple):
                value = [item.pk if isinstance(item, Model) else item for item in value]
            data[form.add_prefix(name)] = value
    return data
