"""Models of the networks app (see its issue)."""
