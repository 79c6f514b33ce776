"""The version history of entries and offers (django-simple-history), one query per list."""

from __future__ import annotations

from typing import Any

from django.db import models
from simple_history import utils
from simple_history.models import (
    HistoricalRecords,
    post_create_historical_m2m_records,
    pre_create_historical_m2m_records,
)


class VersionHistory(HistoricalRecords):
    """django-simple-history, minus one database read per list field and version.

    For each list field (topics, languages, ...) the library asks the historical record for its
    live instance only to find the field's through model. Because our models leave derived
    columns (search data, timestamps) out of the history, building that instance reads the row
    again: ten extra queries for every version of an entry. The live instance that was just
    saved knows the same through model, so it is used instead; what is recorded is unchanged.
    """

    def create_historical_record_m2ms(self, history_instance: Any, instance: models.Model) -> None:
        for field in history_instance._history_m2m_fields:
            m2m_history_model = self.m2m_models[field]
            through_model = getattr(instance, field.name).through
            through_field_names = [f.name for f in through_model._meta.fields]
            foreign_keys = [
                f.name for f in through_model._meta.fields if isinstance(f, models.ForeignKey)
            ]
            rows = through_model.objects.filter(
                **{utils.get_m2m_field_name(field): instance}
            ).select_related(*foreign_keys)
            insert_rows = [
                m2m_history_model(
                    history=history_instance,
                    **{name: getattr(row, name) for name in through_field_names},
                )
                for row in rows
            ]
            pre_create_historical_m2m_records.send(
                sender=m2m_history_model,
                rows=insert_rows,
                history_instance=history_instance,
                instance=instance,
                field=field,
            )
            created_rows = m2m_history_model.objects.bulk_create(insert_rows)
            post_create_historical_m2m_records.send(
                sender=m2m_history_model,
                created_rows=created_rows,
                history_instance=history_instance,
                instance=instance,
                field=field,
            )
