"""The Django admin of the organisations app, one module per subject."""

from organisations.admin import entries, places, records, staff

__all__ = ["entries", "places", "records", "staff"]
