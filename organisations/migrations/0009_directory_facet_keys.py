from django.db import migrations

import organisations.facets

# Filtering tests containment in the GIN index; counting the filter values of the whole
# directory reads the covering index of the published entries.
FORWARDS = [
    "CREATE INDEX organisation_facet_keys ON organisations_organisation USING gin (facet_keys)",
    "CREATE INDEX organisation_published_keys ON organisations_organisation (id)"
    " INCLUDE (facet_keys) WHERE status = 'published'",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS organisation_published_keys",
    "DROP INDEX IF EXISTS organisation_facet_keys",
]


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0008_directory_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="facet_keys",
            field=organisations.facets.FacetKeysField(default=list, editable=False),
        ),
        migrations.RunSQL(FORWARDS, BACKWARDS),
    ]
