from django.db import migrations

import organisations.facets

# The offers page filters by containment in the GIN index.
FORWARDS = "CREATE INDEX offer_facet_keys ON organisations_offer USING gin (facet_keys)"
BACKWARDS = "DROP INDEX IF EXISTS offer_facet_keys"


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
        migrations.RunSQL(FORWARDS, BACKWARDS),
    ]
