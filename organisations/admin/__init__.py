"""The Django admin of the organisations app, one module per subject."""

from organisations.admin import entries, places, records

__all__ = ["entries", "places", "records"]
