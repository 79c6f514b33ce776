"""Directory pages in states the quality page list cannot reach with a GET."""

from __future__ import annotations

import pytest
from django.test import Client

from organisations.models import ProblemReport
from tests.organisations.conftest import Directory
from tests.quality import html_errors

pytestmark = pytest.mark.django_db


def test_report_form_with_errors_is_valid_html(client: Client, directory: Directory) -> None:
    response = client.post(
        f"/en{directory.match.get_absolute_url()[3:]}report/",
        {"message": "", "reporter_email": "not-an-address"},
    )
    assert response.status_code == 200
    errors = html_errors({"report with errors": response.content.decode()})
    assert errors == [], "\n".join(errors)
    assert not ProblemReport.objects.exists()
