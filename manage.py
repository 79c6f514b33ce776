#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migra_hub.settings")
    from migra_hub import embedded_db
    from migra_hub.env import env_bool

    if not os.environ.get("DATABASE_URL") and env_bool("DEBUG"):
        # Development without a server of one's own: the embedded PostgreSQL under var/.
        embedded_db.ensure_running()
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
