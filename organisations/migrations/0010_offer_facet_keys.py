from django.db import migrations

import organisations.facets


def create_index(apps, schema_editor):
    # PostgreSQL only: the offers page filters by containment in the GIN index.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX offer_facet_keys ON organisations_offer USING gin (facet_keys)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS offer_facet_keys")


class Migration(migrations.Migration):
    # Existing offers get their keys from `manage.py refresh_search` (see docs/deployment.md).

    dependencies = [
        ("organisations", "0009_directory_facet_keys"),
    ]

    operations = [
        migrations.AddField(
            model_name="offer",
            name="facet_keys",
            field=organisations.facets.FacetKeysField(default=list, editable=False),
        ),
        migrations.RunPython(create_index, drop_index),
    ]
