# Open data, step 2 of 3: give every existing row its own public identifier.

import uuid

from django.db import migrations

MODELS = [
    "organisation",
    "offer",
    "topic",
    "targetgroup",
    "organisationkind",
    "offerkind",
    "language",
]


def fill_uuids(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("organisations", name)
        rows = list(model.objects.filter(uuid__isnull=True).only("pk"))
        for row in rows:
            row.uuid = uuid.uuid4()
        model.objects.bulk_update(rows, ["uuid"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_opendata_identifiers_add"),
    ]

    operations = [
        migrations.RunPython(fill_uuids, migrations.RunPython.noop, elidable=True),
    ]
