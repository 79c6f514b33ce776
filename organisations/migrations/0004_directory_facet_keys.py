from django.db import migrations, models

import organisations.facets


def create_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX organisation_facet_keys ON organisations_organisation"
            " USING gin (facet_keys)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS organisation_facet_keys")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_directory_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="facet_keys",
            field=organisations.facets.FacetKeysField(default=list, editable=False),
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["id"],
                include=("facet_keys",),
                name="organisation_published_keys",
            ),
        ),
        migrations.RunPython(create_gin_index, drop_gin_index),
    ]
